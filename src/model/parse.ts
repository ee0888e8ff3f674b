import * as z from 'zod/mini';

export type ParseResult<T> =
  | { ok: true; value: T }
  | { ok: false; issues: ParseIssue[]; message: string };

export interface ParseIssue {
  /** Dotted path of the failing value, `$` for the root: e.g. `$.outcomes[3].order`. */
  path: string;
  /** The same path as keys, for re-rooting it (an item inside a list, a body inside an envelope). */
  at: readonly PropertyKey[];
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : `${text}.${String(part)}`),
    '$',
  );
}

/** `$.a: reason; $[2].b: reason`, each path under `root` (e.g. `[3]` for the fourth item of a list). */
export function describeIssues(issues: readonly Pick<ParseIssue, 'at' | 'message'>[], root: readonly PropertyKey[] = []): string {
  return issues.map((issue) => `${formatPath([...root, ...issue.at])}: ${issue.message}`).join('; ');
}

/** A failed result from issues given as key paths. */
export function failedParse<T = never>(issues: readonly { at: readonly PropertyKey[]; message: string }[]): ParseResult<T> {
  const all = issues.map(({ at, message }) => ({ path: formatPath(at), at, message }));
  return { ok: false, issues: all, message: describeIssues(all) };
}

/**
 * The one validation path: every value that crosses a trust boundary goes through here, and a
 * failure says which path failed and why instead of throwing.
 */
export function parseWith<S extends z.ZodMiniType>(
  schema: S,
  data: unknown,
): ParseResult<z.output<S>> {
  const result = z.safeParse(schema, data);
  if (result.success) return { ok: true, value: result.data };
  return failedParse(result.error.issues.map((issue) => ({ at: issue.path, message: issue.message })));
}
