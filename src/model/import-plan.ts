import { CREATE_DEFAULTS, type BackendRules } from './field-rules.js';
import { checkRules, isBlank, sameValue, type FieldIssue, type FieldIssueCode } from './field-checks.js';
import { sortOutcomeTypes } from './ordering.js';
import type { Destination, OutcomeType, OutcomeTypeField, OutcomeTypeInput } from './types.js';
import { APPLIES_TO, AUTO_APPLIED_ON, CATEGORIES, CLASSIFICATIONS, KINDS, STATUSES } from './vocabulary.js';

// Import and export of outcome types (DESIGN.md, "Second wave": planImport is the one place that
// decides create · update · unchanged · invalid). Pure and zod-free, so the editor can use it;
// the CSV parser (d3-dsv) is loaded on demand by readImportText only.
//
// Decisions, kept here so the editor and the docs say the same:
// - Keys match case-sensitively: keys are identifiers sent verbatim (codes such as SALE_COMPLETED
//   or not_interested; "the API only accepts the code"), and no backend folds case.
// - A row that names an `id` of an existing type is matched by that id, so a key can be changed
//   (and a key change on a system type is refused as `locked`); otherwise by `key`; a row with no
//   key gets keyFromName(name). On a backend without keys of its own (where the key is the
//   id), a key that matches no type is also tried against keyFromName of existing names,
//   so that importing the same file twice does not create everything twice.
// - A blank cell (or a JSON null) means "not given": it never clears a value; a create gets the
//   canonical default.
// - `id`, `isSystem`, `createdAt`, `updatedAt` and `extras` are exported for reference and never
//   imported (only `id`, to match).
// - A field this backend does not have is an error (`unsupported`) only when the row asks for a
//   value the backend would not keep: one that differs from the existing type's (update) or the
//   canonical default (create). So a file exported from one backend imports into another.
// - `row` is 1-based over the data rows: the first row after a CSV header is row 1.

/** One record of an import file: canonical field names → what a CSV cell or a JSON value gives. */
export type ImportRow = Readonly<Record<string, unknown>>;
export type ImportFormat = 'csv' | 'json';

/** The columns of an export, in this order; an import accepts them case-insensitively. */
export const IMPORT_COLUMNS = [
  'id',
  'key',
  'name',
  'description',
  'classification',
  'category',
  'kind',
  'ordinal',
  'status',
  'isSystem',
  'requiresFutureScheduledAt',
  'appliesTo',
  'autoAppliedOn',
  'destination',
  'webhookUrl',
  'createdAt',
  'updatedAt',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Read for reference, never written by an import (`id` only matches rows to types). */
const METADATA = new Set<string>(['id', 'isSystem', 'createdAt', 'updatedAt', 'extras']);

/** One problem with one field of one row: a rule of field-checks.ts, or one of the import's own. */
export interface ImportIssue extends Omit<FieldIssue, 'code'> {
  /** FieldIssueCode, or `unsupported`: this backend has no such field to keep the value in. */
  code: FieldIssueCode | 'unsupported';
  /** For `duplicate` inside the file: the row that used the key first. */
  firstRow?: number;
}

export interface ImportCreate {
  row: number;
  /** The row's key (given, or keyFromName of its name); on backends without keys, for matching only. */
  key: string;
  /** What to send: the fields this backend has, canonical defaults filled in. */
  value: Partial<OutcomeTypeInput>;
}

export interface ImportUpdate {
  row: number;
  id: string;
  key: string;
  /** Only the fields that change, and only those this backend has. */
  changes: Partial<OutcomeTypeInput>;
  /** The type as it is now, for showing before → after. */
  current: OutcomeType;
}

export interface ImportUnchanged {
  row: number;
  id: string;
  key: string;
}

export interface ImportInvalid {
  row: number;
  key?: string;
  /** The existing type the row matched, if any. */
  id?: string;
  issues: ImportIssue[];
}

export interface ImportWarning {
  code: 'unknownColumn';
  column: string;
}

export interface ImportPlan {
  create: ImportCreate[];
  update: ImportUpdate[];
  unchanged: ImportUnchanged[];
  invalid: ImportInvalid[];
  /** File-level notes, each once: e.g. a column that is no canonical field (ignored). */
  warnings: ImportWarning[];
}

// --- keys and formula guard ------------------------------------------------------------------

/**
 * The key a name gets when none is given (the editor's form uses the same): accents folded,
 * lowercase, every run of other characters than a–z and 0–9 one `_`, no `_` at either end.
 * "Not Interested!" → "not_interested"; "Llamada más tarde" → "llamada_mas_tarde". A name with no
 * Latin letter or digit gives "" (no key: one must be given).
 */
export function keyFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** A cell a spreadsheet would run as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** What the guard produced, or a value that merely looks like it (escaped the same way). */
const GUARDED = /^'+[=+\-@\t\r]/;

/** Undoes the export's guard: exactly one leading apostrophe before a formula character. */
function unguard(value: string): string {
  return value.charCodeAt(0) === 39 && GUARDED.test(value) ? value.slice(1) : value;
}

/** isBlank of field-checks.ts, without trimming a string that starts with a visible character. */
function blank(value: unknown): boolean {
  if (typeof value !== 'string') return value === undefined || value === null;
  return value === '' || (value.charCodeAt(0) <= 32 || value.charCodeAt(0) === 0xa0 || value.charCodeAt(0) > 0x167f ? isBlank(value) : false);
}

/** sameValue of field-checks.ts, answering the common cases (strings, numbers) without JSON. */
function same(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && sameValue(a, b));
}

// --- coercion ----------------------------------------------------------------------------------

const ENUMS: Partial<Record<OutcomeTypeField, readonly string[]>> = {
  classification: CLASSIFICATIONS,
  category: CATEGORIES,
  kind: KINDS,
  status: STATUSES,
  autoAppliedOn: AUTO_APPLIED_ON,
};
const TEXT = new Set<OutcomeTypeField>(['key', 'name', 'description', 'webhookUrl']);
const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

type Coerced = { ok: true; value: unknown } | { ok: false; issue: ImportIssue };

const bad = (field: OutcomeTypeField, code: FieldIssueCode, extra: Partial<ImportIssue> = {}): Coerced => ({
  ok: false,
  issue: { field, code, ...extra },
});

function parseJsonCell(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A destination in the canonical shape (and key order), or null. */
function toDestination(raw: unknown): Destination | null {
  if (!isRecord(raw)) return null;
  const { type } = raw;
  if (type === 'none') return Object.keys(raw).length === 1 ? { type } : null;
  if (type === 'smart_list') {
    const { id, name } = raw;
    if (typeof id !== 'string' || !id.trim() || (name !== undefined && typeof name !== 'string')) return null;
    if (Object.keys(raw).some((field) => !['type', 'id', 'name'].includes(field))) return null;
    return name === undefined ? { type, id } : { type, id, name };
  }
  if (type === 'remove_from_smart_list') {
    const { all, listIds } = raw;
    if (Object.keys(raw).length !== 2) return null;
    if (all === true) return { type, all };
    if (Array.isArray(listIds) && listIds.length && listIds.every((id) => typeof id === 'string' && id.trim())) {
      return { type, listIds: [...(listIds as string[])] };
    }
  }
  return null;
}

/** One given (non-blank) value as the canonical field's type. */
function coerce(field: OutcomeTypeField, raw: unknown): Coerced {
  if (TEXT.has(field)) {
    return typeof raw === 'string' ? { ok: true, value: raw } : bad(field, 'invalid', { detail: 'must be text' });
  }
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  const values = ENUMS[field];
  if (values) {
    if (values.includes(raw as string)) return { ok: true, value: raw };
    const lower = text?.toLowerCase();
    return lower !== undefined && values.includes(lower) ? { ok: true, value: lower } : bad(field, 'notInList', { values });
  }
  switch (field) {
    case 'ordinal': {
      if (typeof raw === 'number') return Number.isInteger(raw) ? { ok: true, value: raw } : bad(field, 'notInteger');
      if (text !== undefined && /^[+-]?\d{1,15}$/.test(text)) return { ok: true, value: Number(text) };
      return bad(field, 'notInteger');
    }
    case 'requiresFutureScheduledAt': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      const word = text?.toLowerCase() ?? (raw === 1 || raw === 0 ? String(raw) : undefined);
      if (word !== undefined && TRUE.has(word)) return { ok: true, value: true };
      if (word !== undefined && FALSE.has(word)) return { ok: true, value: false };
      return bad(field, 'invalid', { detail: 'must be true or false (yes/no, 1/0)' });
    }
    case 'appliesTo': {
      const list =
        Array.isArray(raw) ? raw
        : text === undefined ? undefined
        : text.startsWith('[') ? parseJsonCell(text)
        : text.split(/[;,|]/).map((item) => item.trim()).filter(Boolean);
      if (!Array.isArray(list)) return bad(field, 'notInList', { values: APPLIES_TO });
      const items = list.map((item) => (typeof item === 'string' ? item.trim().toLowerCase() : item));
      return items.every((item) => (APPLIES_TO as readonly unknown[]).includes(item))
        ? { ok: true, value: items }
        : bad(field, 'notInList', { values: APPLIES_TO });
    }
    case 'destination': {
      const destination = toDestination(text === undefined ? raw : parseJsonCell(text));
      return destination
        ? { ok: true, value: destination }
        : bad(field, 'invalid', {
            detail: 'must be a destination: {"type":"none"}, {"type":"smart_list","id":…} or {"type":"remove_from_smart_list","all":true | "listIds":[…]}',
          });
    }
    default:
      // `extras` and anything else without an import meaning: never reached (METADATA).
      return bad(field, 'invalid');
  }
}

// --- columns -----------------------------------------------------------------------------------

const CANONICAL_BY_LOWER = new Map<string, string>(
  [...IMPORT_COLUMNS, 'extras'].map((column) => [column.toLowerCase(), column]),
);

/** Canonical name of a column (case and surrounding spaces ignored), or null when it has none. */
function canonicalColumn(column: string): string | null {
  return CANONICAL_BY_LOWER.get(column.trim().toLowerCase()) ?? null;
}

// --- plan --------------------------------------------------------------------------------------

/**
 * Decides, for every row of an import file, whether it creates, updates, leaves unchanged or
 * cannot be imported into the backend whose `rules` are given, checking each row with the same
 * rules as the editor's form (field-checks.ts). Pure, synchronous and linear in the rows.
 */
export function planImport(
  existing: readonly OutcomeType[],
  rows: readonly ImportRow[],
  rules: BackendRules,
): ImportPlan {
  const plan: ImportPlan = { create: [], update: [], unchanged: [], invalid: [], warnings: [] };
  const hasKeys = rules.fields.key !== undefined;
  const createDefaults = pick(CREATE_DEFAULTS, rules);

  const byId = new Map<string, OutcomeType>();
  const byKey = new Map<string, OutcomeType>();
  /** Backends without keys: keyFromName of each existing name; null when two types share one. */
  const byNameKey = new Map<string, OutcomeType | null>();
  for (const type of existing) {
    byId.set(type.id, type);
    if (!byKey.has(type.key)) byKey.set(type.key, type);
    if (!hasKeys) {
      const nameKey = keyFromName(type.name);
      if (nameKey) byNameKey.set(nameKey, byNameKey.has(nameKey) ? null : type);
    }
  }

  /** Column name as given → canonical name (null: unknown), decided once per distinct column. */
  const columns = new Map<string, string | null>();
  /** Resulting key → first row; existing type id → first row that targets it. */
  const keyRows = new Map<string, number>();
  const targetRows = new Map<string, number>();

  rows.forEach((raw, index) => {
    const row = index + 1;
    if (!isRecord(raw)) {
      plan.invalid.push({ row, issues: [{ field: 'name', code: 'invalid', detail: 'expected an object' }] });
      return;
    }

    // 1. Canonical, unguarded, typed values of the given (non-blank) cells; the key apart.
    const given: Record<string, unknown> = {};
    let rowId: string | undefined;
    let explicitKey: string | undefined;
    const issues: ImportIssue[] = [];
    const failed = new Set<OutcomeTypeField>();
    for (const column in raw) {
      let name = columns.get(column);
      if (name === undefined) {
        name = canonicalColumn(column);
        columns.set(column, name);
        if (name === null) plan.warnings.push({ code: 'unknownColumn', column });
      }
      if (name === null) continue;
      let value = raw[column];
      if (blank(value)) continue;
      if (typeof value === 'string') value = unguard(value);
      if (name === 'id') {
        if (typeof value === 'string' || typeof value === 'number') rowId = String(value).trim();
        continue;
      }
      if (METADATA.has(name)) continue;
      const field = name as OutcomeTypeField;
      const coerced = coerce(field, value);
      if (!coerced.ok) {
        issues.push(coerced.issue);
        failed.add(field);
      } else if (field === 'key') explicitKey = coerced.value as string;
      else given[field] = coerced.value;
    }

    // 2. The key and the existing type the row is about. Matched by id, the row may change the
    // key; matched by key (or name), its key says nothing new.
    const rowKey =
      explicitKey ?? (failed.has('key') || typeof given.name !== 'string' ? '' : keyFromName(given.name));
    let target = rowId !== undefined ? byId.get(rowId) : undefined;
    const keyChange = target !== undefined && explicitKey !== undefined && explicitKey !== target.key;
    target ??= rowKey ? byKey.get(rowKey) : undefined;
    if (!target && !hasKeys && rowKey) target = byNameKey.get(rowKey) ?? undefined;
    const resultKey = target && !keyChange ? target.key : rowKey;

    // 3. Duplicates inside the file, and a key change onto another type's key.
    const firstWithKey = resultKey ? keyRows.get(resultKey) : undefined;
    const firstRow = firstWithKey ?? (target ? targetRows.get(target.id) : undefined);
    if (firstRow !== undefined) {
      issues.push({ field: 'key', code: 'duplicate', firstRow, detail: `repeats row ${firstRow}` });
    } else {
      if (resultKey) keyRows.set(resultKey, row);
      if (target) targetRows.set(target.id, row);
      const owner = keyChange ? byKey.get(resultKey) : undefined;
      if (owner && owner !== target) issues.push({ field: 'key', code: 'duplicate' });
    }

    // 4. Values this backend has no field for, which it would not keep. (A key on a backend
    // without keys only matches; changing one is asking to keep it.)
    for (const field in given) {
      if (rules.fields[field as OutcomeTypeField] !== undefined) continue;
      const kept = target ? target[field as keyof OutcomeType] : CREATE_DEFAULTS[field as OutcomeTypeField];
      if (!same(given[field], kept)) {
        issues.push({ field: field as OutcomeTypeField, code: 'unsupported' });
        failed.add(field as OutcomeTypeField);
      }
    }
    if (keyChange && !hasKeys) {
      issues.push({ field: 'key', code: 'unsupported' });
      failed.add('key');
    }

    // 5. The form's own checks: limits, required, enums, locked and read-only fields. An update
    // is checked on what it changes (checkRules skips equal fields anyway); one that changes
    // nothing sends nothing, so the type's own state is not held against it.
    const values: Record<string, unknown> = {};
    let changes = 0;
    if (target) {
      for (const field in given) {
        if (!same(given[field], target[field as keyof OutcomeType])) {
          values[field] = given[field];
          changes++;
        }
      }
      if (keyChange) {
        values.key = explicitKey;
        changes++;
      }
    } else {
      for (const field in createDefaults) values[field] = createDefaults[field as OutcomeTypeField];
      for (const field in given) values[field] = given[field];
      if (hasKeys && rowKey) values.key = rowKey;
    }
    const checked =
      target && !changes ? { value: {}, issues: [] } : checkRules(values as Partial<OutcomeTypeInput>, rules, target, failed);
    issues.push(...checked.issues);
    if (issues.length) {
      plan.invalid.push({
        row,
        ...(resultKey ? { key: resultKey } : {}),
        ...(target ? { id: target.id } : {}),
        issues,
      });
    } else if (!target) {
      plan.create.push({ row, key: rowKey, value: checked.value });
    } else if (Object.keys(checked.value).length) {
      plan.update.push({ row, id: target.id, key: target.key, changes: checked.value, current: target });
    } else {
      plan.unchanged.push({ row, id: target.id, key: target.key });
    }
  });
  return plan;
}

/** The defaults of the fields this backend has. */
function pick(defaults: Partial<OutcomeTypeInput>, rules: BackendRules): Partial<OutcomeTypeInput> {
  const picked: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(defaults)) if (rules.fields[field as OutcomeTypeField]) picked[field] = value;
  return picked as Partial<OutcomeTypeInput>;
}

// --- export ------------------------------------------------------------------------------------

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return FORMULA_START.test(value) ? `'${value}` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function csvCell(value: unknown): string {
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The types in canonical order, with a header of canonical field names (IMPORT_COLUMNS): CSV per
 * RFC 4180 (CRLF, quoted where needed), a cell that a spreadsheet would run as a formula prefixed
 * with `'` (planImport takes it off again); or JSON, an array of objects.
 */
export function exportOutcomeTypes(types: readonly OutcomeType[], format: ImportFormat): string {
  const sorted = sortOutcomeTypes(types);
  if (format === 'json') {
    const objects = sorted.map((type) => {
      const object: Record<string, unknown> = {};
      for (const column of IMPORT_COLUMNS) {
        const value = type[column];
        if (value === undefined) continue;
        // Only a value that already looks guarded is escaped, so planImport gives it back as it was.
        object[column] = typeof value === 'string' && GUARDED.test(value) ? `'${value}` : value;
      }
      return object;
    });
    return `${JSON.stringify(objects, null, 2)}\n`;
  }
  const lines = [IMPORT_COLUMNS.join(',')];
  for (const type of sorted) lines.push(IMPORT_COLUMNS.map((column) => csvCell(type[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

// --- parse -------------------------------------------------------------------------------------

/** 1-based line and column of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let at = 0; at < offset && at < text.length; at++) {
    const char = text.charCodeAt(at);
    if (char === 10 || (char === 13 && text.charCodeAt(at + 1) !== 10)) {
      line++;
      start = at + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * Where RFC 4180 is broken (a quoted field never closed, text after a closing quote), and the
 * line each record starts on: d3-dsv parses leniently and reports neither.
 */
function scanCsv(text: string): { error: string } | { lines: number[] } {
  const QUOTE = 34;
  const COMMA = 44;
  const LF = 10;
  const CR = 13;
  const lines: number[] = [];
  const n = text.length;
  let line = 1;
  let at = 0;
  let recordStart = true;
  while (at < n) {
    if (recordStart) lines.push(line);
    recordStart = false;
    if (text.charCodeAt(at) === QUOTE) {
      const opened = line;
      at++;
      for (;;) {
        const close = text.indexOf('"', at);
        if (close < 0) return { error: `CSV line ${opened}: a quoted field opened here is never closed` };
        for (let inside = at; inside < close; inside++) {
          const char = text.charCodeAt(inside);
          if (char === LF || (char === CR && text.charCodeAt(inside + 1) !== LF)) line++;
        }
        at = close + 1;
        if (text.charCodeAt(at) !== QUOTE) break;
        at++; // a doubled quote
      }
      const next = text.charCodeAt(at);
      if (at < n && next !== COMMA && next !== LF && next !== CR) {
        return { error: `CSV line ${line}: unexpected text after a closing quote` };
      }
    } else {
      for (let char = text.charCodeAt(at); at < n && char !== COMMA && char !== LF && char !== CR; char = text.charCodeAt(++at));
    }
    if (at >= n) break;
    if (text.charCodeAt(at) === COMMA) {
      at++;
      continue;
    }
    at += text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? 2 : 1;
    line++;
    recordStart = true;
  }
  return { lines };
}

/** The offset of the first error in text that JSON.parse refused; -1 when this finds none. */
function jsonErrorOffset(text: string): number {
  let at = 0;
  const literal = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at++;
  };
  const fail = (): never => {
    throw at;
  };
  const string = () => {
    at++;
    for (;;) {
      const char = text[at];
      if (char === undefined || char < ' ') fail();
      if (char === '"') break;
      at += char === '\\' ? 2 : 1;
    }
    at++;
  };
  const value = (depth: number): void => {
    if (depth > 64) fail();
    space();
    const open = text[at];
    if (open === '{' || open === '[') {
      const close = open === '{' ? '}' : ']';
      at++;
      space();
      if (text[at] === close) {
        at++;
        return;
      }
      for (;;) {
        if (open === '{') {
          space();
          if (text[at] !== '"') fail();
          string();
          space();
          if (text[at] !== ':') fail();
          at++;
        }
        value(depth + 1);
        space();
        if (text[at] === ',') at++;
        else if (text[at] === close) {
          at++;
          return;
        } else fail();
      }
    }
    if (open === '"') return string();
    literal.lastIndex = at;
    if (!literal.test(text)) fail();
    at = literal.lastIndex;
  };
  try {
    value(0);
    space();
    return at < text.length ? at : -1;
  } catch (offset) {
    return typeof offset === 'number' ? offset : -1;
  }
}

function readJson(text: string): ImportRow[] | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const offset = jsonErrorOffset(text);
    if (offset < 0) return { error: `JSON: ${error instanceof Error ? error.message : String(error)}` };
    const { line, column } = position(text, offset);
    const found = text[offset];
    const what = found === undefined ? 'unexpected end of the file' : `unexpected ${JSON.stringify(found)}`;
    return { error: `JSON line ${line}, column ${column}: ${what}` };
  }
  if (!Array.isArray(parsed)) return { error: 'JSON line 1: expected an array of outcome types' };
  const index = parsed.findIndex((item) => !isRecord(item));
  if (index >= 0) return { error: `JSON item ${index + 1}: expected an object of field names and values` };
  return parsed as ImportRow[];
}

async function readCsv(text: string): Promise<ImportRow[] | { error: string }> {
  const scanned = scanCsv(text);
  if ('error' in scanned) return scanned;
  const { csvParseRows } = await import('d3-dsv');
  const records = csvParseRows(text);
  const header = records[0];
  if (!header || header.every((cell) => !cell.trim())) return { error: 'CSV line 1: the header row is missing' };
  const seen = new Map<string, number>();
  for (const [column, cell] of header.entries()) {
    const name = canonicalColumn(cell) ?? cell.trim();
    const before = seen.get(name);
    if (before !== undefined) return { error: `CSV line ${scanned.lines[0]}: column "${cell}" appears twice (columns ${before + 1} and ${column + 1})` };
    seen.set(name, column);
  }
  const rows: ImportRow[] = [];
  for (let index = 1; index < records.length; index++) {
    const record = records[index] as string[];
    const line = scanned.lines[index] ?? index + 1;
    if (record.length === 1 && record[0] === '') continue; // a blank line
    if (record.length !== header.length) {
      return { error: `CSV line ${line}: ${record.length} fields, but the header has ${header.length}` };
    }
    rows.push(Object.fromEntries(header.map((column, at) => [column, record[at]])));
  }
  return rows;
}

/**
 * Reads an import file: JSON (an array of objects; detected when the text starts with `[`) or
 * CSV with a header row (RFC 4180; the parser is fetched on first use). A byte-order mark is
 * ignored. Malformed input gives `{ error }` naming the line; this never throws.
 */
export async function readImportText(text: string, format?: ImportFormat): Promise<ImportRow[] | { error: string }> {
  try {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const trimmed = body.trimStart();
    const kind = format ?? (trimmed.startsWith('[') || trimmed.startsWith('{') ? 'json' : 'csv');
    if (!trimmed) return { error: 'The file is empty' };
    return kind === 'json' ? readJson(body) : await readCsv(body);
  } catch (error) {
    return { error: `Could not read the file: ${error instanceof Error ? error.message : String(error)}` };
  }
}
