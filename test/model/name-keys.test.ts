import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { nameKeys } from '../../src/model/name-keys.js';
import { compareOutcomeTypesQuickly, KEYED_FROM, sortQuickly } from '../../src/model/name-order.js';
import { compareOutcomeTypes } from '../../src/model/ordering.js';
import { seededRandom } from '../helpers/seeded-random.mjs';

const collatorFor = (locale: string) => new Intl.Collator(locale, { sensitivity: 'base', numeric: true });

// Letters that locales join or reorder (ch, cs, aa, ll, dz, ny, y, i/I, w/v), every kind of ASCII
// punctuation, spaces, numbers with and without leading zeros, and characters no key covers.
const PIECES = [
  'a', 'A', 'b', 'c', 'C', 'h', 'H', 'i', 'I', 'y', 'Y', 'z', 'v', 'w', 'l', 'L', 'j', 'n', 'd', 's', 'o', 'ö', 'é',
  'ch', 'Ch', 'cs', 'aa', 'AA', 'll', 'dz', 'ny', 'lj', 'th',
  ' ', ' ', '  ', '-', '_', '.', ',', "'", '&', '/', '(', ')', '#', ':', '+', '~', '|', '"', '@', '!', '?', '*', '\t', '\u0001',
  '0', '00', '007', '1', '2', '9', '10', '42', '0042', '123456789012345678901', 'ß', '٣',
];

/** Names of one to six pieces. */
const names = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join(''));

describe('nameKeys', () => {
  // Locales whose tailorings touch ASCII (joined letters, reordered letters, shifted punctuation,
  // a dotless i) and some that leave it alone.
  const LOCALES = ['en', 'en-US', 'de', 'fr', 'es', 'es-u-co-trad', 'de-u-co-phonebk', 'sv', 'da', 'nb', 'fi', 'is', 'cs', 'sk', 'pl', 'hu', 'hr', 'lt', 'lv', 'et', 'cy', 'tr', 'az', 'th', 'ja', 'zh', 'ar', 'hi', 'ru'];

  for (const locale of LOCALES) {
    it(`orders names as the collator does, or gives no key, in ${locale}`, () => {
      const collator = collatorFor(locale);
      const keyOf = nameKeys(collator);
      /** Whether keys order a and b as the collator does (true where either has no key). */
      const agrees = (a: string, b: string) => {
        const [keyA, keyB] = [keyOf(a), keyOf(b)];
        if (keyA === undefined || keyB === undefined) return true;
        return (keyA < keyB ? -1 : keyA > keyB ? 1 : 0) === Math.sign(collator.compare(a, b));
      };
      const fixed: [string, string][] = [
        ['Callback 2', 'Callback 10'],
        ['01', '1'],
        ['0', '00'],
        ['a0', 'a'],
        ['a 1', 'a1'],
        ['ch', 'ci'],
        ['aa', 'ab'],
        ['Ia', 'ib'],
        ['a-b', 'ab'],
        ['Outcome 00009', 'Outcome 00010'],
      ];
      const wrong = fixed.filter(([a, b]) => !agrees(a, b));
      expect(wrong.map(([a, b]) => `${JSON.stringify(a)} vs ${JSON.stringify(b)}`)).to.deep.equal([]);
      // A fixed seed, so that a failure (shrunk to its smallest pair) reproduces.
      fc.assert(
        fc.property(names, names, agrees),
        { seed: 20261206, numRuns: 3000 },
      );
    });
  }

  it('gives keys to names of printable ASCII where the locale leaves ASCII alone', () => {
    const keyOf = nameKeys(collatorFor('en'));
    for (const text of ['Callback 10', 'No answer', 'Left voicemail (auto)', "Don't call - DNC #2", 'a']) expect(keyOf(text), text).to.be.a('string');
  });

  it('gives no key to a name with any other character, nor to a very long one', () => {
    const keyOf = nameKeys(collatorFor('en'));
    for (const text of ['Café', 'Straße', 'Tab\there', 'ctrl\u0001', '１', 'x'.repeat(255)]) expect(keyOf(text), JSON.stringify(text)).to.equal(undefined);
  });

  it('gives no key at all where the locale joins letters (Czech "ch", Danish "aa", Hungarian "cs")', () => {
    for (const locale of ['cs', 'da', 'hu']) expect(nameKeys(collatorFor(locale))('Callback 10'), locale).to.equal(undefined);
  });

  it('leaves names with spaces to the collator where it skips spaces (Thai)', () => {
    const keyOf = nameKeys(collatorFor('th'));
    expect(keyOf('No answer')).to.equal(undefined);
    expect(keyOf('Callback10')).to.be.a('string');
  });
});

describe('sortQuickly', () => {
  // The page's own locale: what NAME_COLLATOR and so the keys use.
  const words = ['Callback', 'voicemail', 'Demo', 'booked', 'Not', 'interested', 'Wrong', 'number', 'Left', 'message', 'Café', 'Ørsted', "Don't", 'call', '(auto)', '-', '2', '10', '007'];
  function outcomes(count: number, seed: number) {
    const random = seededRandom(seed);
    return Array.from({ length: count }, (_, index) => ({
      id: `id_${random(count * 2)}_${index}`,
      ordinal: random(4) ? 99 : random(5),
      name: Array.from({ length: 1 + random(4) }, () => words[random(words.length)]).join(' '),
    }));
  }

  it('sorts a long list as the canonical order does, names with and without keys together', () => {
    const types = outcomes(KEYED_FROM + 1_000, 7);
    const expected = [...types].sort(compareOutcomeTypes);
    expect(sortQuickly([...types], (type) => type).map((type) => type.id)).to.deep.equal(expected.map((type) => type.id));
  });

  it('sorts a short list the same way, without keys', () => {
    const types = outcomes(500, 11);
    expect(sortQuickly([...types], (type) => type)).to.deep.equal([...types].sort(compareOutcomeTypes));
  });

  it('sorts items that hold an outcome type by the type they hold, in place', () => {
    const items = outcomes(KEYED_FROM, 3).map((type) => ({ type }));
    const sorted = sortQuickly(items, (item) => item.type);
    expect(sorted).to.equal(items);
    expect(sorted.map((item) => item.type)).to.deep.equal(outcomes(KEYED_FROM, 3).sort(compareOutcomeTypesQuickly));
  });

  it('leaves a list that arrives in order as it is', () => {
    const types = outcomes(KEYED_FROM, 5).sort(compareOutcomeTypes);
    const copy = [...types];
    expect(sortQuickly(copy, (type) => type)).to.deep.equal(types);
  });
});
