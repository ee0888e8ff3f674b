import { compareOutcomeTypes } from '../../model/ordering.js';
import type { OutcomeType } from '../../model/types.js';

/** One ordinal to write. */
export interface OrdinalChange {
  id: string;
  from: number;
  to: number;
}

/**
 * The full list with `movedId` placed just before `beforeId` (or last when `beforeId` is null).
 * Moves are expressed against the full list so that moving within a filtered view (archived
 * hidden, a search) steps over the visible neighbour and leaves hidden types where they were.
 */
export function moveBefore(types: readonly OutcomeType[], movedId: string, beforeId: string | null): OutcomeType[] {
  const moved = types.find((type) => type.id === movedId);
  if (!moved) return [...types];
  const rest = types.filter((type) => type.id !== movedId);
  const at = beforeId === null ? rest.length : rest.findIndex((type) => type.id === beforeId);
  rest.splice(at < 0 ? rest.length : at, 0, moved);
  return rest;
}

/** Ordinals along `order`, `free` taking `ordinal`, each type bumped just past its predecessor if needed. */
function settle(order: readonly OutcomeType[], freeId: string, freeOrdinal: number): OrdinalChange[] {
  const changes: OrdinalChange[] = [];
  let previous: Pick<OutcomeType, 'ordinal' | 'name' | 'id'> | undefined;
  for (const type of order) {
    const candidate = { ordinal: type.id === freeId ? freeOrdinal : type.ordinal, name: type.name, id: type.id };
    if (previous && compareOutcomeTypes(previous, candidate) >= 0) candidate.ordinal = previous.ordinal + 1;
    if (candidate.ordinal !== type.ordinal) changes.push({ id: type.id, from: type.ordinal, to: candidate.ordinal });
    previous = candidate;
  }
  return changes;
}

const cost = (changes: readonly OrdinalChange[]) => changes.reduce((sum, change) => sum + Math.abs(change.to - change.from), 0);

/**
 * The fewest ordinal writes that make the canonical order (ordinal, name, id) equal `order`, the
 * new order after moving `movedId`. The moved type or one of its new neighbours takes a new
 * ordinal (its own, or one next to a neighbour's); every other type keeps its ordinal unless it
 * no longer sorts after the one before it, when it is pushed just past it. Of those plans the one
 * with the fewest writes wins, then the one that shifts ordinals least (so that a move into a
 * tight spot is a swap of two ordinals). Ordinals never go below `min` (outcome-types: >= 0).
 */
export function ordinalChanges(order: readonly OutcomeType[], movedId: string, min = Number.NEGATIVE_INFINITY): OrdinalChange[] {
  const at = order.findIndex((type) => type.id === movedId);
  if (at < 0) return [];
  let best: OrdinalChange[] | undefined;
  for (const index of [at, at - 1, at + 1]) {
    const free = order[index];
    if (!free) continue;
    const previous = order[index - 1];
    const next = order[index + 1];
    const ordinals = [
      previous && previous.ordinal + 1,
      next && next.ordinal - 1,
      free.ordinal,
      previous?.ordinal,
      next?.ordinal,
    ].filter((ordinal): ordinal is number => ordinal !== undefined && ordinal >= min);
    for (const ordinal of ordinals) {
      const plan = settle(order, free.id, ordinal);
      if (!best || plan.length < best.length || (plan.length === best.length && cost(plan) < cost(best))) best = plan;
    }
  }
  return best ?? [];
}

/**
 * The full order after moving `movedId` to position `to` of the `shown` (filtered) list: before
 * the shown type it lands on when moving up, after it when moving down.
 */
export function placeAt(
  all: readonly OutcomeType[],
  shown: readonly OutcomeType[],
  movedId: string,
  to: number,
): OutcomeType[] {
  const from = shown.findIndex((type) => type.id === movedId);
  const target = shown[to];
  if (from < 0 || !target || from === to) return [...all];
  if (to < from) return moveBefore(all, movedId, target.id);
  const rest = all.filter((type) => type.id !== movedId);
  const after = rest[rest.findIndex((type) => type.id === target.id) + 1];
  return moveBefore(all, movedId, after?.id ?? null);
}
