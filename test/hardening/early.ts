// The first script of every hardening page, loaded from a file before the library (the strict
// CSP forbids inline scripts). It watches what the library must never do: CSP violations,
// scripts run by injected markup (a `window.__pwned` trap), uncaught errors, and listeners left
// behind on `document` or `window`.

interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
  source: string;
}

interface ListenerRecord {
  target: 'window' | 'document';
  type: string;
  listener: unknown;
  capture: boolean;
}

const violations: Violation[] = [];
const pwned: unknown[] = [];
const uncaught: string[] = [];
const listeners: ListenerRecord[] = [];

document.addEventListener('securitypolicyviolation', (event) => {
  violations.push({
    directive: event.violatedDirective,
    blockedURI: event.blockedURI,
    sample: event.sample,
    source: `${event.sourceFile}:${event.lineNumber}`,
  });
});

// Any payload that runs sets this; reading it never says anything.
Object.defineProperty(window, '__pwned', {
  configurable: false,
  get: () => undefined,
  set: (value: unknown) => void pwned.push(value),
});

window.addEventListener('error', (event) => uncaught.push(`error: ${event.message}`));
window.addEventListener('unhandledrejection', (event) => uncaught.push(`unhandled rejection: ${String(event.reason?.stack ?? event.reason)}`));

// Counts what is added to and removed from document and window from here on.
const nameOf = (target: EventTarget) => (target === window ? 'window' : target === document ? 'document' : undefined);
const captureOf = (options: boolean | AddEventListenerOptions | EventListenerOptions | undefined) =>
  typeof options === 'boolean' ? options : Boolean(options?.capture);
const add = EventTarget.prototype.addEventListener;
const remove = EventTarget.prototype.removeEventListener;
const find = (record: Omit<ListenerRecord, 'target'> & { target: string }) =>
  listeners.findIndex((r) => r.target === record.target && r.type === record.type && r.listener === record.listener && r.capture === record.capture);
EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
  const target = nameOf(this);
  if (target && listener) {
    const record: ListenerRecord = { target, type, listener, capture: captureOf(options) };
    const once = typeof options === 'object' && options.once;
    if (find(record) === -1 && !once) {
      listeners.push(record);
      const signal = typeof options === 'object' ? options.signal : undefined;
      signal?.addEventListener('abort', () => {
        const index = find(record);
        if (index !== -1) listeners.splice(index, 1);
      });
    }
  }
  return add.call(this, type, listener, options);
};
EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
  const target = nameOf(this);
  if (target && listener) {
    const index = find({ target, type, listener, capture: captureOf(options) });
    if (index !== -1) listeners.splice(index, 1);
  }
  return remove.call(this, type, listener, options);
};

Object.assign(window, {
  watch: {
    violations: () => violations.map((v) => ({ ...v })),
    pwned: () => pwned.length,
    uncaught: () => [...uncaught],
    listenerCount: () => listeners.length,
    listeners: () => listeners.map((r) => `${r.target} ${r.type}${r.capture ? ' (capture)' : ''}`),
  },
});
