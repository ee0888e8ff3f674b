import * as z from 'zod/mini';

/**
 * Strict-CSP mode, for pages whose Content-Security-Policy has no `'unsafe-eval'`.
 *
 * zod compiles a fast parser for each object schema with `new Function` when it may. It finds
 * out by trying once, and under a strict CSP that one try — although zod catches the error and
 * falls back to its interpreter — is reported as a `securitypolicyviolation` (and sent to the
 * host's `report-to` endpoint). `useStrictCsp()` asks zod for its `jitless` mode instead: no
 * probe, no `new Function`, the same results.
 *
 * Opt-in because it is zod's global setting, shared by every other zod schema on the page: the
 * library never changes it behind the host's back. zod decides when a schema is built, so call
 * it before the library's schemas are: from a module the page evaluates before
 * `outcome-elements/model`, `/adapters` or anything importing them. Returns false, and changes
 * nothing that was already built, when it comes too late.
 */
export function useStrictCsp(): boolean {
  const probe = (z.util as unknown as { allowsEval?: { _getter?: unknown } }).allowsEval;
  // zod's probe runs once, when the first object schema is built; after that jitless is too late.
  const inTime = !probe || !('_getter' in probe) || probe._getter !== undefined;
  z.config({ jitless: true });
  return inTime;
}
