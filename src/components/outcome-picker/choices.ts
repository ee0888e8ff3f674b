import { foldForSearch, matchesSearch } from '../../model/text-search.js';
import type { OutcomeType } from '../../model/types.js';
import {
  CATEGORIES,
  CLASSIFICATIONS,
  type AppliesTo,
  type Category,
  type Kind,
} from '../../model/vocabulary.js';

export type KindFilter = Kind | 'any';
export type GroupBy = 'classification' | 'category' | 'none';

export interface ChoiceFilter {
  kind: KindFilter;
  category?: Category | undefined;
  appliesTo?: AppliesTo | undefined;
  includeInactive: boolean;
}

/** The outcomes a picker offers, in the order they came (the store keeps the canonical one). */
export function availableOutcomes(types: readonly OutcomeType[], filter: ChoiceFilter): OutcomeType[] {
  return types.filter(
    (type) =>
      (filter.includeInactive || type.status === 'active') &&
      (filter.kind === 'any' || type.kind === filter.kind) &&
      (!filter.category || type.category === filter.category) &&
      // An outcome that says nothing about where it applies applies everywhere.
      (!filter.appliesTo || !type.appliesTo || type.appliesTo.includes(filter.appliesTo)),
  );
}

/** An outcome with its name folded once, so that each keystroke of a search only compares. */
export interface SearchableOutcome {
  outcome: OutcomeType;
  folded: string;
}

export function searchable(outcomes: readonly OutcomeType[]): SearchableOutcome[] {
  return outcomes.map((outcome) => ({ outcome, folded: foldForSearch(`${outcome.name} ${outcome.key}`) }));
}

export function filterBySearch(items: readonly SearchableOutcome[], query: string): SearchableOutcome[] {
  const folded = foldForSearch(query.trim());
  return folded ? items.filter((item) => matchesSearch(item.folded, folded)) : [...items];
}

export type PickerRow =
  | { type: 'group'; value: string }
  | { type: 'choice'; outcome: OutcomeType; position: number };

/**
 * The rows of the list: choices, with a heading row before each group when grouping. Groups
 * follow the vocabulary's order; choices keep theirs within a group. `position` counts choices
 * only, for aria-posinset and keyboard movement.
 */
export function buildRows(outcomes: readonly OutcomeType[], groupBy: GroupBy): PickerRow[] {
  const rows: PickerRow[] = [];
  if (groupBy === 'none') {
    outcomes.forEach((outcome, position) => rows.push({ type: 'choice', outcome, position }));
    return rows;
  }
  const order: readonly string[] = groupBy === 'classification' ? CLASSIFICATIONS : CATEGORIES;
  let position = 0;
  for (const value of order) {
    const members = outcomes.filter((outcome) => outcome[groupBy] === value);
    if (members.length === 0) continue;
    rows.push({ type: 'group', value });
    for (const outcome of members) rows.push({ type: 'choice', outcome, position: position++ });
  }
  return rows;
}
