import { compareOutcomeTypes } from '../../model/ordering.js';
import type { OutcomeType } from '../../model/types.js';

/** One ordinal to write. */
export interface OrdinalChange {
  id: string;
  /** For messages: the write that failed is named. */
  name: string;
  from: number;
  to: number;
}

/**
 * The ordinals a backend accepts. `min` defaults to 0 (every seed's ordinals are 0 or more; the
 * outcome-types API says so) and `max` to 2^31 − 1 (a 32-bit integer column), so a backend that
 * documents neither is never sent an ordinal it may refuse. A `FieldRule` can be passed as is.
 */
export interface OrdinalLimits {
  min?: number;
  max?: number;
}

/** Room left between renumbered ordinals, so that the next moves there need one write. */
export const ORDINAL_STEP = 1024;
const INT32_MAX = 2 ** 31 - 1;

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

type Named = Pick<OutcomeType, 'ordinal' | 'name' | 'id'>;

/** `a` sorts before `b` when both have the same ordinal (name, then id). */
const beforeAtSameOrdinal = (a: Named, b: Named) => compareOutcomeTypes(a, { ordinal: a.ordinal, name: b.name, id: b.id }) < 0;

/**
 * The fewest ordinal writes that make the canonical order (ordinal, then name, then id) equal
 * `order`, the intended order after moving `movedId` (every other type in its canonical place).
 *
 * Only a run of consecutive types (a window) is renumbered; every type outside it keeps its
 * ordinal. A window fits when its types can take ordinals in order between the types on either
 * side, within `limits`: a type may share its neighbour's ordinal where name and id already sort
 * them right, so it needs one distinct ordinal more than the places inside it where they do not.
 * The smallest window that fits wins — the moved type alone whenever an ordinal fits between
 * its new neighbours (one write); otherwise the smallest run around the destination, found in
 * O(N log N) (prefix counts and a binary search over running minima, no trial renumbering).
 * A lone type takes the ordinal nearest its own, strictly between its neighbours when one is
 * free there; a longer window is spread out, `ORDINAL_STEP`
 * apart where an end of the list leaves room (evenly between two neighbours otherwise), so that
 * the next moves there need one write.
 */
export function ordinalChanges(order: readonly OutcomeType[], movedId: string, limits: OrdinalLimits | number = {}): OrdinalChange[] {
  const { min = 0, max = INT32_MAX } = typeof limits === 'number' ? { min: limits } : limits;
  const n = order.length;
  const d = order.findIndex((type) => type.id === movedId);
  if (d < 0) return [];
  const moved = order[d]!;
  const sortsAfterPrevious = d === 0 || compareOutcomeTypes(order[d - 1]!, moved) < 0;
  const sortsBeforeNext = d === n - 1 || compareOutcomeTypes(moved, order[d + 1]!) < 0;
  // Already where the canonical order puts it: nothing to write.
  if (sortsAfterPrevious && sortsBeforeNext) return [];
  // apart[k]: order[k - 1] and order[k] need different ordinals (name and id would sort them
  // the other way); breaks[k]: how many such pairs up to k. One name comparison per pair.
  const apart = new Uint8Array(n);
  const breaks = new Int32Array(n);
  for (let k = 1; k < n; k++) {
    apart[k] = beforeAtSameOrdinal(order[k - 1]!, order[k]!) ? 0 : 1;
    breaks[k] = breaks[k - 1]! + apart[k]!;
  }
  // The lowest ordinal a window starting at i may use, and the highest one ending at j may.
  const low = (i: number) => (i === 0 ? min : Math.max(min, order[i - 1]!.ordinal + apart[i]!));
  const high = (j: number) => (j === n - 1 ? max : Math.min(max, order[j + 1]!.ordinal - apart[j + 1]!));
  // [i, j] fits when high(j) − low(i) ≥ breaks inside it, i.e. B(j) ≥ A(i).
  const A = (i: number) => low(i) - breaks[i]!;
  const B = (j: number) => high(j) - breaks[j]!;

  let best: { i: number; j: number } | undefined;
  // Of windows of one size, the one with the most room; one holding the moved type before one beside it.
  const consider = (i: number, j: number, beside = false) => {
    const size = best ? best.j - best.i : Infinity;
    if (j - i < size || (!beside && j - i === size && high(j) - low(i) > high(best!.j) - low(best!.i))) best = { i, j };
  };
  // Windows holding the moved type: for each end j, the latest start i whose A(i) ≤ B(j).
  // runMin[i] = min A(i..d) grows with i, so that start is found by binary search.
  const runMin = new Float64Array(d + 1);
  for (let i = d; i >= 0; i--) runMin[i] = Math.min(A(i), i < d ? runMin[i + 1]! : Infinity);
  for (let j = d; j < n; j++) {
    if (best && j - d > best.j - best.i) break;
    const b = B(j);
    if (runMin[0]! > b) continue;
    let lo = 0;
    let hi = d;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runMin[mid]! <= b) lo = mid;
      else hi = mid - 1;
    }
    consider(lo, j);
  }
  // Windows beside it, the moved type keeping its ordinal: only where it already sorts right on its other side.
  if (d > 0 && sortsBeforeNext) {
    const b = B(d - 1);
    for (let i = d - 1; i >= 0 && (!best || d - 1 - i < best.j - best.i); i--) {
      if (A(i) <= b) {
        consider(i, d - 1, true);
        break;
      }
    }
  }
  if (d < n - 1 && sortsAfterPrevious) {
    const a = A(d + 1);
    for (let j = d + 1; j < n && (!best || j - d - 1 < best.j - best.i); j++) {
      if (B(j) >= a) {
        consider(d + 1, j, true);
        break;
      }
    }
  }
  if (!best) throw new RangeError(`No room for ${n} ordinals between ${min} and ${max}.`);
  return renumber(order, best.i, best.j, low(best.i), high(best.j), breaks);
}

/** Ordinals for order[i..j] within [lo, hi]; only those that change are returned. */
function renumber(order: readonly OutcomeType[], i: number, j: number, lo: number, hi: number, breaks: Int32Array): OrdinalChange[] {
  const count = j - i + 1;
  const room = hi - lo + 1;
  const ordinals: number[] = [];
  if (count === 1) {
    // Strictly between its neighbours when an ordinal is free there, sharing one only when not.
    const above = i === 0 ? lo : Math.max(lo, order[i - 1]!.ordinal + 1);
    const below = j === order.length - 1 ? hi : Math.min(hi, order[j + 1]!.ordinal - 1);
    const [from, to] = above <= below ? [above, below] : [lo, hi];
    ordinals.push(Math.min(to, Math.max(from, order[i]!.ordinal)));
  } else if (room >= count) {
    // One ordinal each, with gaps: ORDINAL_STEP from an end of the list, evenly between neighbours.
    const openStart = i === 0;
    const openEnd = j === order.length - 1;
    if (openStart && openEnd) {
      const step = Math.max(1, Math.min(ORDINAL_STEP, Math.floor((hi - Math.max(lo, 0)) / (count - 1))));
      const start = Math.max(lo, Math.min(Math.max(lo, 0), hi - step * (count - 1)));
      for (let k = 0; k < count; k++) ordinals.push(start + step * k);
    } else if (openStart || openEnd) {
      const step = Math.min(ORDINAL_STEP, Math.floor((room + 1) / (count + 1)));
      for (let k = 0; k < count; k++) ordinals.push(openStart ? hi + 1 - step * (count - k) : lo - 1 + step * (k + 1));
    } else {
      const step = (room + 1) / (count + 1);
      for (let k = 0; k < count; k++) ordinals.push(lo - 1 + Math.floor(step * (k + 1)));
    }
  } else {
    // Tight: types that sort right by name share an ordinal; the distinct ones are spread out.
    const levels = breaks[j]! - breaks[i]!;
    const step = levels === 0 ? 0 : (room - 1) / levels;
    for (let k = i; k <= j; k++) ordinals.push(lo + Math.floor(step * (breaks[k]! - breaks[i]!)));
  }
  const changes: OrdinalChange[] = [];
  for (let k = 0; k < count; k++) {
    const type = order[i + k]!;
    const to = ordinals[k]!;
    if (to !== type.ordinal) changes.push({ id: type.id, name: type.name, from: type.ordinal, to });
  }
  return changes;
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
