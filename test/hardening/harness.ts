// Small helpers every hardening section uses in the page.

export interface Watch {
  violations(): { directive: string; blockedURI: string; sample: string; source: string }[];
  pwned(): number;
  uncaught(): string[];
  listenerCount(): number;
  listeners(): string[];
}

/** What early.ts installed before the library loaded. */
export const watch = (): Watch => (window as unknown as { watch: Watch }).watch;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` until it holds; throws naming `what` after `ms`. */
export async function until<T>(condition: () => T, what: string, ms = 5000): Promise<NonNullable<T>> {
  const end = performance.now() + ms;
  for (;;) {
    const value = condition();
    if (value) return value as NonNullable<T>;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

type Updatable = HTMLElement & { updateComplete: Promise<boolean> };

/** Until the element has no update pending. */
export async function settled(element: Element): Promise<void> {
  while (!(await (element as Updatable).updateComplete));
}

/** The focused element, looking into shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Every element under `root`, through open shadow roots. */
export function allElements(root: Document | ShadowRoot | Element = document): Element[] {
  const found: Element[] = [];
  const visit = (node: Document | ShadowRoot | Element) => {
    for (const element of node.querySelectorAll('*')) {
      found.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(root);
  return found;
}

/** Types into a text control as a user would: value, then input and change. */
export function type(control: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  control.focus();
  control.value = text;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

/** A key pressed on `target`, as the element's own keyboard handlers receive it. */
export function key(target: Element, name: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, cancelable: true }));
}

export const shadow = <T extends Element = HTMLElement>(host: Element, selector: string): T | null =>
  host.shadowRoot!.querySelector<T>(selector);

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A stage the sections render into, emptied between them. */
export function stage(width = 'auto'): HTMLElement {
  const main = document.querySelector('main') ?? document.body.appendChild(document.createElement('main'));
  main.replaceChildren();
  main.style.width = width;
  return main;
}
