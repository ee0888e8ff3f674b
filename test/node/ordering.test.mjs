// The canonical order as a Node user gets it (the built package, Node's own ICU, which is not
// Chromium's): a long list that arrives out of order is sorted by name keys (src/model/name-keys.ts),
// and must come out exactly as the collator orders it.
// Run after `npm run build`: node --test test/node/
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seededRandom } from '../helpers/seeded-random.mjs';

const { MemoryAdapter } = await import('outcome-elements/adapters');
const { compareOutcomeTypes } = await import('outcome-elements/model');

const WORDS = ['Callback', 'voicemail', 'Demo', 'booked', 'Not', 'interested', "Don't", 'call', '(auto)', 'Follow-up', 'Café', 'Øst', '2', '10', '007'];

describe('the canonical order in Node', () => {
  test('5,000 outcome types in random order list as the collator orders them', async () => {
    const random = seededRandom(20261206);
    const outcomeTypes = Array.from({ length: 5_000 }, (_, index) => ({
      key: `k${index}`,
      name: Array.from({ length: 1 + random(4) }, () => WORDS[random(WORDS.length)]).join(' '),
      ordinal: random(3) ? 99 : random(4),
    }));
    const listed = await new MemoryAdapter({ outcomeTypes, id: 'node-order' }).listOutcomeTypes();
    assert.equal(listed.length, outcomeTypes.length);
    const expected = [...listed].sort(compareOutcomeTypes);
    assert.deepEqual(
      listed.map((type) => type.key),
      expected.map((type) => type.key),
    );
  });
});
