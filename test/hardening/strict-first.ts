// What a host with a strict CSP does first, before anything that builds the library's
// schemas: opt into zod's jitless mode (src/model/strict-csp.ts). It must be its own module,
// imported first, because imports are evaluated before the importing module's body.
import { useStrictCsp } from '../../src/model/strict-csp.js';

export const strictCspInTime = useStrictCsp();
