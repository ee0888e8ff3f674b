// Parsing 10,000 outcome types as the adapters do (one item at a time, so one bad item costs
// only itself), timed in the page: with zod's JIT on a plain page, jitless on the strict page.
// Beside it, interleaved in the same runs, the native baseline: JSON.parse of the same 10,000
// items as the response body. Absolute milliseconds move with the machine; the ratio does not.
import { parseWith } from '../../src/model/parse.js';
import { OutcomeTypeSchema } from '../../src/model/schemas.js';
import { median } from './harness.js';

function wireItems(count: number): unknown[] {
  const classifications = ['positive', 'negative', 'neutral'];
  return Array.from({ length: count }, (_, index) => ({
    id: `ot_${index}`,
    key: `outcome_${index}`,
    name: `Outcome ${index}`,
    description: index % 2 ? `Description of outcome ${index}` : '',
    classification: classifications[index % 3],
    category: index % 2 ? 'response' : 'impression',
    kind: 'disposition',
    ordinal: index,
    status: 'active',
    isSystem: index < 10,
    requiresFutureScheduledAt: index % 7 === 0,
    createdAt: '2026-03-10T12:00:00.000Z',
    updatedAt: '2026-03-10T12:00:00.000Z',
    extras: { tenantId: 't_001' },
  }));
}

export interface ParseCost {
  medianMs: number;
  /** JSON.parse of the same items as one body, median ms. */
  jsonMedianMs: number;
}

export function parseCost(count = 10_000, runs = 15): ParseCost {
  const items = wireItems(count);
  const body = JSON.stringify(items);
  const validate = () => {
    const start = performance.now();
    for (const item of items) {
      if (!parseWith(OutcomeTypeSchema, item).ok) throw new Error('a valid item failed to parse');
    }
    return performance.now() - start;
  };
  const readJson = () => {
    const start = performance.now();
    if ((JSON.parse(body) as unknown[]).length !== count) throw new Error('the body lost items');
    return performance.now() - start;
  };
  for (let warm = 0; warm < 2; warm++) {
    validate();
    readJson();
  }
  const times: number[] = [];
  const jsonTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    times.push(validate());
    jsonTimes.push(readJson());
  }
  return { medianMs: median(times), jsonMedianMs: median(jsonTimes) };
}
