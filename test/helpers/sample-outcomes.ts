import type { SeedOutcomeType } from '../../src/adapters/memory/memory-adapter.js';

/** A call centre's outcomes, for tests and stories. */
export const CALL_CENTRE_OUTCOMES: SeedOutcomeType[] = [
  { key: 'sale', name: 'Sale', classification: 'positive', ordinal: 1, description: 'The customer bought.' },
  { key: 'callback', name: 'Call back', classification: 'neutral', ordinal: 2, requiresFutureScheduledAt: true, description: 'Agreed a time to call again.' },
  { key: 'wrong_number', name: 'Wrong number', classification: 'negative', ordinal: 3 },
  { key: 'do_not_call', name: 'Do not call', classification: 'negative', ordinal: 4 },
  { key: 'voicemail', name: 'Left voicemail', classification: 'neutral', ordinal: 5, kind: 'action' },
  { key: 'old_promo', name: 'Old promotion', classification: 'positive', ordinal: 6, status: 'archived' },
];

/** `count` outcomes named "Outcome 00001"…, cycling through the classifications. */
export function manyOutcomes(count: number): SeedOutcomeType[] {
  const classifications = ['positive', 'negative', 'neutral'] as const;
  return Array.from({ length: count }, (_, index) => ({
    key: `o${index}`,
    name: `Outcome ${String(index + 1).padStart(5, '0')}`,
    classification: classifications[index % 3],
    ordinal: index,
  }));
}
