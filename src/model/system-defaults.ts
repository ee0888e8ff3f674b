import type { Category, Classification } from './vocabulary.js';

export interface SystemDefaultOutcomeType {
  readonly key: string;
  readonly name: string;
  readonly classification: Classification;
  readonly category: Category;
  readonly ordinal: number;
}

/** seeds/outcome-types-api.txt, "System defaults", in the seed's order (ordinals 0–9). */
export const SYSTEM_DEFAULT_OUTCOME_TYPES: readonly SystemDefaultOutcomeType[] = Object.freeze(
  (
    [
      ['impression', 'Impression', 'neutral', 'impression'],
      ['click', 'Click', 'positive', 'response'],
      ['dismiss', 'Dismiss', 'negative', 'response'],
      ['accept', 'Accept', 'positive', 'response'],
      ['convert', 'Convert', 'positive', 'response'],
      ['not_presented', 'Not Presented', 'neutral', 'impression'],
      ['requested_info', 'Requested More Info', 'positive', 'response'],
      ['not_interested', 'Not Interested', 'negative', 'response'],
      ['expired', 'Expired', 'neutral', 'impression'],
      ['deferred', 'Deferred', 'neutral', 'response'],
    ] as const
  ).map(([key, name, classification, category], ordinal) =>
    Object.freeze({ key, name, classification, category, ordinal }),
  ),
);
