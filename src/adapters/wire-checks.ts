import type * as z from 'zod/mini';
import { parseWith, type ParseResult } from '../model/parse.js';
import { ISO_INSTANT } from '../model/schemas.js';
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

/** What `IsoInstantSchema` accepts. */
export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value);
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

/** The names of a record's fields, as a set: a lookup per wire field is a list's hottest step. */
export function fieldNames(record: Readonly<Record<string, unknown>>): ReadonlySet<string> {
  return new Set(Object.keys(record));
}

/**
 * The fields of a wire item that `known` does not name, as they came: what the model keeps in
 * `extras`, so that nothing read is lost — `__proto__` included, kept as a field like any other.
 */
export function extrasOf(item: Record<string, unknown>, known: ReadonlySet<string>): Record<string, unknown> {
  const extras: Record<string, unknown> = {};
  for (const name of Object.keys(item)) {
    if (known.has(name)) continue;
    if (name === '__proto__') Object.defineProperty(extras, name, { value: item[name], enumerable: true, writable: true, configurable: true });
    else extras[name] = item[name];
  }
  return extras;
}
