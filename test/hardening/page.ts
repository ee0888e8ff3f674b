// Every hardening section, bundled into the pages the runner serves (run.mjs); each section
// is called by the runner through `window.hardening`. Installed by a call, not on import:
// package.json's `sideEffects` makes bundlers drop bare imports of this package's modules.
import '../../src/define.js';
import { cspSection } from './csp-section.js';
import { hostileSection } from './hostile-section.js';
import { leftListeners, mountCycles, popupCycles } from './leaks-section.js';
import { malformedSection } from './malformed-section.js';
import { parseCost } from './parse-cost.js';
import { rolesSection } from './roles-section.js';
import { acknowledgedCounts, drainOutbox, outboxPending, outboxRejected, soakWorker } from './soak-section.js';
import { zoneSection } from './zones-section.js';

export function install(extra: Record<string, unknown> = {}): void {
  Object.assign(window, extra, {
  hardening: {
    cspSection,
    parseCost,
    soakWorker,
    drainOutbox,
    outboxPending,
    outboxRejected,
    acknowledgedCounts,
    mountCycles,
    popupCycles,
    leftListeners,
    hostileSection,
    malformedSection,
    zoneSection,
    rolesSection,
  },
  });
}
