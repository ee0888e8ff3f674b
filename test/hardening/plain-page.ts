// The bundle of the page without CSP (zod's JIT on, injected markup free to run if it could).
import { install } from './page.js';

install();
