import { expect } from '@open-wc/testing';
import { nameComparer } from '../../src/model/name-order.js';
import { compareOutcomeTypes, sortOutcomeTypes } from '../../src/model/ordering.js';
import { seededRandom } from '../helpers/seeded-random.mjs';

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

describe('nameComparer', () => {
  // The early answer must be the collator's own answer, in every locale's tailoring (Danish
  // "aa", Lithuanian "y", Thai pre-vowels, digits of other scripts, ignorable controls…).
  const LOCALES = ['en', 'sv', 'da', 'cs', 'lt', 'et', 'th', 'ar', 'hi', 'ja', 'tr', 'de-u-co-phonebk', 'es-u-co-trad'];
  const ALPHABET = ['a', 'A', 'b', 'c', 'h', 'y', 'z', 'é', 'ß', ' ', '-', '.', '_', '0', '0', '1', '2', '5', '9', '9', '٣', '१', '１', '\u0301', '\u0001', 'ก', 'เ', 'ch', 'aa', 'Ω'];
  // Seeded, so that a failure names a pair that reproduces.
  const random = seededRandom(20261206);
  const word = (length: number) => Array.from({ length }, () => ALPHABET[random(ALPHABET.length)]).join('');
  const digits = (length: number) => Array.from({ length }, () => String(random(10))).join('');
  /** Pairs that share a prefix and differ in or near a number, where the early answer applies. */
  function pair(): [string, string] {
    const prefix = word(random(5));
    const suffixA = random(3) ? word(random(3)) : '';
    const suffixB = random(2) ? suffixA : word(random(3));
    switch (random(4)) {
      case 0:
        return [prefix + digits(1 + random(4)) + suffixA, prefix + digits(1 + random(4)) + suffixB];
      case 1:
        return [prefix + digits(1 + random(18)) + suffixA, prefix + digits(1 + random(18)) + suffixB];
      case 2: {
        const common = digits(random(3));
        return [prefix + common + digits(1 + random(3)) + suffixA, prefix + common + digits(1 + random(3)) + suffixB];
      }
      default:
        return [word(random(8)), word(random(8))];
    }
  }

  for (const locale of LOCALES) {
    it(`gives the numeric collator's answer in ${locale}`, () => {
      const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
      const compare = nameComparer(collator);
      const fixed: [string, string][] = [
        ['Outcome 00009', 'Outcome 00010'],
        ['Outcome 100x', 'Outcome 101'],
        ['Outcome 100', 'Outcome 1000'],
        ['Callback 2', 'Callback 10'],
        ['a 1', 'a1'],
        ['x٣5', 'x٣10'],
        ['1\u00012', '1\u000110'],
        ['01', '1'],
        ['2\u0301', '10'],
        ['12345678901234567', '12345678901234568'],
        ['', '0'],
      ];
      const pairs = [...fixed, ...Array.from({ length: 4000 }, pair)];
      const wrong = pairs.filter(([a, b]) => Math.sign(compare(a, b)) !== Math.sign(collator.compare(a, b)) || Math.sign(compare(b, a)) !== Math.sign(collator.compare(b, a)));
      expect(wrong.map(([a, b]) => `${JSON.stringify(a)} vs ${JSON.stringify(b)}`)).to.deep.equal([]);
    });
  }

  it('orders names by the numbers in them', () => {
    const names = ['Callback 10', 'callback 9', 'Callback 100', 'Callback 1'];
    expect(names.sort(nameComparer(new Intl.Collator('en', { sensitivity: 'base', numeric: true })))).to.deep.equal(['Callback 1', 'callback 9', 'Callback 10', 'Callback 100']);
  });
});
