import { expect } from '@open-wc/testing';
import { compareOutcomeTypes, sortOutcomeTypes } from '../../src/model/ordering.js';

describe('ordering', () => {
  it('orders by ordinal, then name ignoring case and accents, then id', () => {
    const types = [
      { id: 'c', ordinal: 2, name: 'b' },
      { id: 'b', ordinal: 1, name: 'Zeta' },
      { id: 'z', ordinal: 1, name: 'épsilon' },
      { id: 'a', ordinal: 1, name: 'Epsilon' },
      { id: 'd', ordinal: 0, name: 'Last by name, first by ordinal' },
    ];
    expect(sortOutcomeTypes(types).map((type) => type.id)).to.deep.equal(['d', 'a', 'z', 'b', 'c']);
  });

  it('leaves its input untouched', () => {
    const types = [
      { id: '2', ordinal: 2, name: 'B' },
      { id: '1', ordinal: 1, name: 'A' },
    ];
    sortOutcomeTypes(types);
    expect(types[0]!.id).to.equal('2');
  });

  it('is a total order: antisymmetric for distinct ids', () => {
    const a = { id: 'a', ordinal: 5, name: 'Same' };
    const b = { id: 'b', ordinal: 5, name: 'same' };
    expect(compareOutcomeTypes(a, b)).to.be.below(0);
    expect(compareOutcomeTypes(b, a)).to.be.above(0);
    expect(compareOutcomeTypes(a, a)).to.equal(0);
  });
});
