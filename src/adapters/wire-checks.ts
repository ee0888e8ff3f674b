import * as z from 'zod/mini';
import { parseWith, type ParseResult } from '../model/parse.js';
import { isRecord } from './error-body.js';

// Lists are read item by item (DESIGN: a whole list ≤ 3× JSON.parse of its body), and a zod
// object parse per item costs several times the JSON.parse of that item. So each backend pairs
// its wire schema with a hand-written check of the common valid shape: an item that passes it is
// valid and is the schema's output as it stands; any other item goes to the schema, which then
// decides, so the reasons an item is refused are the schema's own, word for word. A check may
// turn away a valid item (the schema then accepts it), never let through an invalid one; the
// tests run both over the same items to hold them to that.

export { isRecord };

/**
 * The items of a list as its answer holds them: any array, each item read later, one by one.
 * `z.array(z.unknown())` would walk and copy 10,000 items only to accept every one.
 */
export const ItemsSchema = z.custom<unknown[]>((value) => Array.isArray(value), 'must be an array');

/**
 * An object as the wire schemas read one. Not one with a `__proto__` field: zod's copy leaves
 * it out, and the common shape must read exactly as the schema does.
 */
export function isWireObject(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && !Object.hasOwn(value, '__proto__');
}

/** What `z.string().check(z.minLength(1))` accepts. */
export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** Whether `text` has two ASCII digits at `at` whose value is at most `max`. */
function twoDigits(text: string, at: number, max: number): boolean {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 && tens * 10 + ones <= max;
}

/**
 * What `IsoInstantSchema` accepts (the ISO_INSTANT pattern), read character by character: a list
 * checks two dates per item, and this costs about half the pattern's time. The tests hold the
 * two to the same answer on every one-character change of many dates.
 */
export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const text = value;
  const length = text.length;
  // YYYY-MM-DDThh:mm
  if (length < 17 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58) return false;
  if (!twoDigits(text, 0, 99) || !twoDigits(text, 2, 99) || !twoDigits(text, 5, 12) || !twoDigits(text, 8, 31) || !twoDigits(text, 11, 23) || !twoDigits(text, 14, 59)) return false;
  if (text.charCodeAt(6) === 48 && text.charCodeAt(5) === 48) return false;
  if (text.charCodeAt(9) === 48 && text.charCodeAt(8) === 48) return false;
  let at = 16;
  let code = text.charCodeAt(at);
  // :ss, then .fraction
  if (code === 58) {
    if (!twoDigits(text, 17, 59)) return false;
    at = 19;
    code = text.charCodeAt(at);
    if (code === 46) {
      const start = ++at;
      while (at < length && (code = text.charCodeAt(at)) >= 48 && code <= 57) at++;
      if (at === start) return false;
      code = text.charCodeAt(at);
    }
  }
  // Z, or ±hh[:]mm
  if (code === 90) return at + 1 === length;
  if ((code !== 43 && code !== 45) || !twoDigits(text, at + 1, 23)) return false;
  at += 3;
  if (text.charCodeAt(at) === 58) at++;
  return at + 2 === length && twoDigits(text, at, 59);
}

/** What `z.enum(values)` accepts. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** What `z.array(z.enum(values))` accepts. */
export function isArrayOf<T extends string>(values: readonly T[], value: unknown): value is T[] {
  if (!Array.isArray(value)) return false;
  for (const entry of value) if (!isOneOf(values, entry)) return false;
  return true;
}

/**
 * Whether the hand-written checks are used. Off, every item goes to its schema: the tests read
 * the same items both ways and require the same values and the same reasons.
 */
export const handChecks = { on: true };

/**
 * `value` read by `common` (the common valid shape, checked by hand: a value, or undefined for
 * anything it does not vouch for), else by `full`, the schema-based reading that decides.
 */
export function readCommon<T>(common: (value: unknown) => T | undefined, full: (value: unknown) => ParseResult<T>, value: unknown): ParseResult<T> {
  const read = handChecks.on ? common(value) : undefined;
  return read === undefined ? full(value) : { ok: true, value: read };
}

/**
 * `read` of the wire item `value`: as it is when `common` vouches for it, else of `schema`'s
 * output once the schema accepted it (a refusal is the schema's). Only for a schema whose
 * output, for a value that passes `common`, is that value field for field (a loose object with
 * no defaults or transforms): its output would be a copy nobody needs.
 */
export function readWire<S extends z.ZodMiniType, T>(
  schema: S,
  common: (value: unknown) => value is z.output<S>,
  value: unknown,
  read: (wire: z.output<S>, index: number) => ParseResult<T>,
  index = 0,
): ParseResult<T> {
  if (handChecks.on && common(value)) return read(value, index);
  const parsed = parseWith(schema, value);
  return parsed.ok ? read(parsed.value, index) : parsed;
}

/** The names of a record's fields, as a set. */
export function fieldNames(record: Readonly<Record<string, unknown>>): ReadonlySet<string> {
  return new Set(Object.keys(record));
}

/**
 * The fields a backend's items have that the model reads; `extrasOf` gathers the others. Items
 * of one list mostly have the same fields in the same order, so the field names of the last
 * shape learnt and which of them are unknown are remembered: an item of that shape looks no name
 * up (a lookup per field was most of the cost of extras over 10,000 items). Another shape is read
 * the plain way, and learnt when two items in a row have one, so that a list mixing two shapes
 * (some items leave a field out) does not learn on every other item.
 */
export class KnownFields {
  readonly names: ReadonlySet<string>;
  /** Every enumerable field name of the shape learnt, own or inherited, in order. */
  #shape: string[] = [];
  /** Those that are not known: the extras, where an item has them as its own. */
  #unknown: string[] = [];
  #missedLast = false;

  constructor(names: Iterable<string>) {
    this.names = new Set(names);
  }

  /**
   * The fields of a wire item that are not known, as they came, added to `extras` (by default a
   * new object): what the model keeps in `extras`, so that nothing read is lost — `__proto__`
   * included, kept as a field like any other.
   */
  extrasOf(item: Record<string, unknown>, extras: Record<string, unknown> = {}): Record<string, unknown> {
    if (!this.#isShapeOf(item)) {
      if (!this.#missedLast) {
        this.#missedLast = true;
        for (const name in item) if (!this.names.has(name)) addField(extras, item, name);
        return extras;
      }
      this.#learn(item);
    }
    this.#missedLast = false;
    for (const name of this.#unknown) addField(extras, item, name);
    return extras;
  }

  /** Whether `item`'s enumerable field names are the shape learnt, in the same order. */
  #isShapeOf(item: Record<string, unknown>): boolean {
    let index = 0;
    for (const name in item) if (this.#shape[index++] !== name) return false;
    return index === this.#shape.length;
  }

  #learn(item: Record<string, unknown>): void {
    this.#shape = [];
    this.#unknown = [];
    for (const name in item) {
      this.#shape.push(name);
      if (!this.names.has(name)) this.#unknown.push(name);
    }
  }
}

/** `item[name]` into `extras` when it is the item's own (not something Object.prototype was given). */
function addField(extras: Record<string, unknown>, item: Record<string, unknown>, name: string): void {
  if (!Object.hasOwn(item, name)) return;
  if (name === '__proto__') Object.defineProperty(extras, name, { value: item[name], enumerable: true, writable: true, configurable: true });
  else extras[name] = item[name];
}
