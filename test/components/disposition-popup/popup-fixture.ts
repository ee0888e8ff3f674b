import { fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { MemoryAdapter } from '../../../src/adapters/memory/memory-adapter.js';
import type { DispositionPopup } from '../../../src/components/disposition-popup/disposition-popup.js';
import type { OutcomePicker } from '../../../src/components/outcome-picker/outcome-picker.js';
import type { Clock } from '../../../src/controllers/countdown.js';
import type { RecordedOutcome } from '../../../src/model/types.js';
import { CALL_CENTRE_OUTCOMES } from '../../helpers/sample-outcomes.js';
import { updatesAskingForMore } from '../../helpers/updates-asking-for-more.js';

export { updatesAskingForMore };

export const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

export function memory(options: { latencyMs?: number; id?: string } = {}): MemoryAdapter {
  return new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES, ...options });
}

export async function mount(template: ReturnType<typeof html>) {
  const wrapper = await fixture<HTMLDivElement>(html`<div>${template}</div>`);
  const popup = wrapper.querySelector('disposition-popup')!;
  // A button before the popup stands for what opened it (focus returns there).
  const opener = wrapper.querySelector('button');
  await popup.updateComplete;
  updatesAskingForMore(popup, askedSinceMount);
  return { wrapper, popup, opener };
}

const askedSinceMount: string[] = [];

/**
 * What `updatesAskingForMore` saw of every popup mounted since the last call (an afterEach of
 * each popup test file expects none).
 */
export function updatesAskedForMoreSinceMount(): string[] {
  return askedSinceMount.splice(0);
}

export function dialog(popup: DispositionPopup): HTMLDialogElement {
  return popup.shadowRoot!.querySelector('dialog')!;
}

export function picker(popup: DispositionPopup): OutcomePicker {
  return popup.shadowRoot!.querySelector('outcome-picker')!;
}

export function part(popup: DispositionPopup, name: string): HTMLElement | null {
  return popup.shadowRoot!.querySelector(`[part~="${name}"]`);
}

export function notesField(popup: DispositionPopup): HTMLTextAreaElement {
  return popup.shadowRoot!.querySelector('textarea')!;
}

/** What the popup's polite live regions say now. */
export function spoken(popup: DispositionPopup): string {
  return [...popup.shadowRoot!.querySelectorAll('[role="status"]')].map((region) => region.textContent!.trim()).join(' | ');
}

/** The element that has focus, through shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Opens the popup and waits until the outcome list has focus. The result promise comes back in
 * an array: an async function returning a promise would wait for it.
 */
export async function open(popup: DispositionPopup): Promise<[Promise<RecordedOutcome | null>]> {
  const result = popup.show();
  for (let i = 0; i < 100; i++) {
    await tick(10);
    if (picker(popup)?.shadowRoot?.activeElement?.getAttribute('role') === 'radio') break;
  }
  return [result];
}

export function events(target: EventTarget, ...types: string[]) {
  const seen: { type: string; detail: unknown }[] = [];
  for (const type of types) target.addEventListener(type, (event) => seen.push({ type, detail: (event as CustomEvent).detail }));
  return seen;
}

/** A clock the test moves by hand. */
export class FakeClock implements Clock {
  time = 1_000_000;
  callbacks = new Map<number, () => void>();
  #next = 1;
  now = () => this.time;
  setInterval = (callback: () => void) => {
    const id = this.#next++;
    this.callbacks.set(id, callback);
    return id;
  };
  clearInterval = (handle: unknown) => void this.callbacks.delete(handle as number);
  advance(ms: number) {
    for (let step = 0; step < ms; step += 250) {
      this.time += 250;
      for (const callback of [...this.callbacks.values()]) callback();
    }
  }
}

