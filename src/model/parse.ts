import * as z from 'zod/mini';

export type ParseResult<T> =
  | { ok: true; value: T }
  | { ok: false; issues: ParseIssue[]; message: string };

export interface ParseIssue {
  /** Dotted path of the failing value, `$` for the root: e.g. `$.outcomes[3].order`. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : `${text}.${String(part)}`),
    '$',
  );
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
  const issues = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
  return {
    ok: false,
    issues,
    message: issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
  };
}
