import { formatPath } from '../model/parse.js';
import type { AdapterErrorCode } from './errors.js';

// How backends' error bodies are read: one reader, configured per backend by its dialect.

/** What a backend's error body means, in canonical terms. */
export interface ErrorMeaning {
  code?: AdapterErrorCode;
  message?: string;
  /** Keyed by canonical field name. */
  fieldErrors?: Record<string, string>;
}

/**
 * Reads a backend's error body. Adapters describe their dialect (`ErrorDialect`) and get one
 * from `errorReader`; a hand-written one is still accepted by HttpClient.
 */
export type ErrorReader = (status: number, body: unknown) => ErrorMeaning;

/** How one backend words its errors: the data `errorReader` needs, nothing else. */
export interface ErrorDialect {
  /** The backend's name in messages, e.g. `Sailor answered "invalid_outcome" (HTTP 400).` */
  name: string;
  /** Wire field names (or dotted paths) → canonical field names, for field errors. */
  fields?: Readonly<Record<string, string>>;
  /** The body's `error` is a code, not text: each known one → the adapter's code. */
  codes?: Readonly<Record<string, AdapterErrorCode>>;
  /** Codes that are about one canonical field (Sailor's `destination_not_found`). */
  codeFields?: Readonly<Record<string, string>>;
  /** Messages start with the name and list the field errors (`Close: … — name: required`). */
  verbose?: boolean;
  /** A 2xx body with this field `false` is a failure anyway (Sailor's `{ ok: false, error }`). */
  okField?: string;
  /** Words for field errors that come as a code without text (Genesys's `details[].errorCode`). */
  fieldCodes?: Readonly<Record<string, string>>;
}

const CODE_BY_STATUS: Record<number, AdapterErrorCode> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  408: 'timeout',
  409: 'conflict',
  410: 'not_found',
  413: 'validation',
  415: 'unsupported_media_type',
  422: 'validation',
  429: 'rate_limited',
};

export function codeForStatus(status: number): AdapterErrorCode {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'server' : 'validation');
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value;
  if (value && typeof value === 'object' && 'message' in value) return asText(value.message);
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field path as keys: `['a', 0]` as given, `a.b[0]` split. */
function pathKeys(value: unknown): PropertyKey[] | undefined {
  if (Array.isArray(value)) {
    const keys = value.filter((part): part is string | number => typeof part === 'string' || typeof part === 'number');
    return keys.length ? keys : undefined;
  }
  if (typeof value !== 'string' || value === '') return undefined;
  return value.split(/\.|\[(\d+)\]/).filter((part) => part !== undefined && part !== '').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** `a.b[0]`: the model's path format without its `$` root. */
function dotted(path: readonly PropertyKey[]): string {
  return formatPath(path).replace(/^\$\.?/, '');
}

/** The canonical field of a wire path: its longest prefix the names know, else the path as written. */
function fieldOf(path: readonly PropertyKey[], names: Readonly<Record<string, string>>): string {
  for (let length = path.length; length > 0; length--) {
    const name = names[dotted(path.slice(0, length))];
    if (name !== undefined) return name;
  }
  return dotted(path);
}

/**
 * Field errors in the shapes backends use: `{ field: "msg" }`, `{ field: ["msg"] }`,
 * `[{ field | fieldName | path | param | loc, message }]` (a path given as a string or as keys, e.g. zod's
 * `details[].path`), under `field-errors`, `fieldErrors`, `field_errors`, `errors` or `details`,
 * and a single `field`/`param` beside the message. Wire names become canonical through `names`
 * (a map, or a function of the dotted path).
 */
export function readFieldErrors(
  body: unknown,
  names: Readonly<Record<string, string>> | ((wire: string) => string) = {},
  fieldCodes: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  if (!isRecord(body)) return fieldErrors;
  const canonical = (path: PropertyKey[]) => (typeof names === 'function' ? names(dotted(path)) : fieldOf(path, names));
  const add = (field: unknown, message: unknown) => {
    const text = Array.isArray(message) ? message.map(asText).filter(Boolean).join(' ') : asText(message);
    const path = pathKeys(field);
    if (path && text) fieldErrors[canonical(path)] ??= text;
  };
  for (const name of ['field-errors', 'fieldErrors', 'field_errors', 'errors', 'details']) {
    const source = body[name];
    if (Array.isArray(source)) {
      for (const entry of source) {
        if (!isRecord(entry)) continue;
        // An entry with only a code (`{ errorCode, fieldName }`) still names its field.
        const code = typeof entry['errorCode'] === 'string' ? entry['errorCode'] : undefined;
        const text = entry['message'] ?? entry['error'] ?? entry['msg'] ?? (code && (fieldCodes[code] ?? code));
        add(entry['field'] ?? entry['fieldName'] ?? entry['path'] ?? entry['param'] ?? entry['loc'], text);
      }
    } else if (isRecord(source)) {
      for (const [field, message] of Object.entries(source)) add(field, message);
    }
  }
  const single = body['field'] ?? body['param'];
  if (single !== undefined) add(single, body['message'] ?? 'is invalid');
  return fieldErrors;
}

/** The error reader of one dialect: the one place an error body is read, plain text included. */
export function errorReader(dialect: ErrorDialect): ErrorReader {
  return (status, body) => {
    if (typeof body === 'string') return { message: body.trim().slice(0, 300) || undefined };
    if (!isRecord(body)) return {};
    const fieldErrors = readFieldErrors(body, dialect.fields ?? {}, dialect.fieldCodes);
    const error = asText(body['error']);
    const errorIsCode = dialect.codes !== undefined && error !== undefined;
    const general = Array.isArray(body['errors']) ? body['errors'].filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
    let message =
      asText(body['message']) ??
      asText(body['error_description']) ??
      (errorIsCode ? undefined : error) ??
      (general.join(' ') || undefined) ??
      asText(body['detail']) ??
      asText(body['title']);
    const codeField = error ? dialect.codeFields?.[error] : undefined;
    if (codeField) fieldErrors[codeField] ??= message ?? 'was not found';
    if (dialect.verbose) {
      const fields = Object.entries(fieldErrors).map(([field, text]) => `${field}: ${text}`).join('; ');
      const text = [message, fields].filter(Boolean).join(' — ');
      message = text ? `${dialect.name}: ${text}` : undefined;
    }
    if (!message && errorIsCode) message = `${dialect.name} answered "${error}" (HTTP ${status}).`;
    return { code: errorIsCode ? dialect.codes![error!] : undefined, message, fieldErrors };
  };
}

/** The default reader: `message` / `error` / `detail` for the text, field errors where found. */
export const readErrorBody: ErrorReader = errorReader({ name: 'The server' });

