import { expect } from '@open-wc/testing';
import { SYSTEM_DEFAULT_OUTCOME_TYPES } from '../../src/model/system-defaults.js';
import { SYSTEM_DEFAULT_OUTCOME_TYPES as fromAdapters } from '../../src/adapters/index.js';

describe('SYSTEM_DEFAULT_OUTCOME_TYPES', () => {
  it('are the ten defaults of the outcome-types seed, in its order, with ordinals 0–9', () => {
    expect(SYSTEM_DEFAULT_OUTCOME_TYPES.map((type) => [type.ordinal, type.key, type.name, type.classification, type.category])).to.deep.equal([
      [0, 'impression', 'Impression', 'neutral', 'impression'],
      [1, 'click', 'Click', 'positive', 'response'],
      [2, 'dismiss', 'Dismiss', 'negative', 'response'],
      [3, 'accept', 'Accept', 'positive', 'response'],
      [4, 'convert', 'Convert', 'positive', 'response'],
      [5, 'not_presented', 'Not Presented', 'neutral', 'impression'],
      [6, 'requested_info', 'Requested More Info', 'positive', 'response'],
      [7, 'not_interested', 'Not Interested', 'negative', 'response'],
      [8, 'expired', 'Expired', 'neutral', 'impression'],
      [9, 'deferred', 'Deferred', 'neutral', 'response'],
    ]);
  });

  it('are exported from adapters too, and frozen', () => {
    expect(fromAdapters).to.equal(SYSTEM_DEFAULT_OUTCOME_TYPES);
    expect(Object.isFrozen(SYSTEM_DEFAULT_OUTCOME_TYPES)).to.be.true;
    expect(Object.isFrozen(SYSTEM_DEFAULT_OUTCOME_TYPES[0])).to.be.true;
  });
});
