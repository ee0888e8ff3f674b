import { fold } from '../../model/text-search.js';
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

/** Each outcome by key (the first, should a backend repeat one): what `value` needs, in O(1). */
export function indexByKey(outcomes: readonly OutcomeType[]): Map<string, OutcomeType> {
  const index = new Map<string, OutcomeType>();
  for (const outcome of outcomes) if (!index.has(outcome.key)) index.set(outcome.key, outcome);
  return index;
}

/**
 * The folded name of each outcome, in list order, so that a keystroke only compares. Names only:
 * a row that matched by its hidden key would show nothing to say why it is there.
 */
export function searchIndex(outcomes: readonly OutcomeType[]): string[] {
  return outcomes.map((outcome) => fold(outcome.name));
}

export function search(outcomes: readonly OutcomeType[], index: readonly string[], words: readonly string[]): OutcomeType[] {
  return outcomes.filter((_, at) => words.every((word) => index[at]!.includes(word)));
}

/**
 * Where the words occur in a name, as merged `[start, end)` ranges of the name itself: folded
 * character by character, so an accent or a case change never shifts the highlight.
 */
export function matchRanges(name: string, words: readonly string[]): [number, number][] {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let at = 0; at < name.length; ) {
    const char = String.fromCodePoint(name.codePointAt(at)!);
    const next = at + char.length;
    const piece = fold(char);
    // A lone combining mark folds to nothing: it belongs to the character before it.
    if (!piece && ends.length) ends[ends.length - 1] = next;
    for (let unit = 0; unit < piece.length; unit++) {
      starts.push(at);
      ends.push(next);
    }
    folded += piece;
    at = next;
  }
  const ranges: [number, number][] = [];
  for (const word of words) {
    for (let found = folded.indexOf(word); found >= 0; found = folded.indexOf(word, found + 1)) {
      ranges.push([starts[found]!, ends[found + word.length - 1]!]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

/** A heading: a classification, a category, or the recents and the others after them. */
export type GroupValue = string;

export type PickerRow =
  | { type: 'group'; value: GroupValue; key: string }
  | { type: 'choice'; outcome: OutcomeType; position: number; key: string };

export interface Rows {
  rows: PickerRow[];
  /** The choices in the order shown (what digits and `shownOutcomes` follow). */
  shown: OutcomeType[];
  /** Position of each key among the choices: O(1) for the checked row, wherever it is. */
  positions: Map<string, number>;
  /** The row of each position (headings take rows too). */
  rowOf: number[];
}

/**
 * The rows of the list: choices, with a heading row before each group when grouping. The
 * `recent` outcomes come first, under their own heading, and are not repeated below (one radio
 * per outcome: one checked row, a true set size, arrows that never visit an outcome twice);
 * groups follow the vocabulary's order; choices keep theirs within a group. `position` counts
 * choices only, for aria-posinset and keyboard movement; `key` identifies a row across renders.
 */
export function buildRows(outcomes: readonly OutcomeType[], groupBy: GroupBy, recent: readonly OutcomeType[] = []): Rows {
  const rows: PickerRow[] = [];
  const shown: OutcomeType[] = [];
  const positions = new Map<string, number>();
  const rowOf: number[] = [];
  const heading = (value: GroupValue) => rows.push({ type: 'group', value, key: `g:${value}` });
  const add = (outcome: OutcomeType) => {
    const position = shown.length;
    // A key a backend repeats still makes a row of its own (prefixes keep the two kinds apart).
    const key = positions.has(outcome.key) ? `d:${position}` : `c:${outcome.key}`;
    if (!positions.has(outcome.key)) positions.set(outcome.key, position);
    rowOf.push(rows.length);
    rows.push({ type: 'choice', outcome, position, key });
    shown.push(outcome);
  };
  let rest = outcomes;
  if (recent.length) {
    heading('recent');
    recent.forEach(add);
    const taken = new Set(recent);
    rest = outcomes.filter((outcome) => !taken.has(outcome));
    if (groupBy === 'none' && rest.length) heading('others');
  }
  if (groupBy === 'none') {
    rest.forEach(add);
  } else {
    for (const value of groupBy === 'classification' ? CLASSIFICATIONS : CATEGORIES) {
      const members = rest.filter((outcome) => outcome[groupBy] === value);
      if (members.length === 0) continue;
      heading(value);
      members.forEach(add);
    }
  }
  return { rows, shown, positions, rowOf };
}
