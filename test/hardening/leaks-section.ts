// Leaks: each element mounted and removed many times, the popup opened and closed many times.
// The runner measures the heap after a forced GC (CDP) around each batch; this counts the
// listeners that outlive the elements on document and window.
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { DispositionPopup } from '../../src/components/disposition-popup/disposition-popup.js';
import { OutcomeStore } from '../../src/controllers/outcome-store.js';
import { CALL_CENTRE_OUTCOMES } from '../helpers/sample-outcomes.js';
import { settled, shadow, stage, until, watch } from './harness.js';

export const LEAK_TAGS = ['outcome-provider', 'outcome-picker', 'disposition-popup', 'outcome-type-editor', 'outcome-outbox'] as const;

let adapter: MemoryAdapter | undefined;

async function shared(): Promise<MemoryAdapter> {
  if (!adapter) {
    adapter = new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES });
    await OutcomeStore.for(adapter).load();
  }
  return adapter;
}

/** Mounts `tag` and removes it `count` times; returns the listeners left on document/window. */
export async function mountCycles(tag: (typeof LEAK_TAGS)[number], count: number): Promise<{ listenersBefore: number; listenersAfter: number }> {
  const root = stage('30rem');
  const memory = await shared();
  const listenersBefore = watch().listenerCount();
  for (let index = 0; index < count; index++) {
    const element = document.createElement(tag);
    element.adapter = memory;
    if (tag === 'outcome-provider') {
      // A provider is only worth mounting with something consuming it.
      element.append(document.createElement('outcome-picker'));
    }
    if (tag === 'outcome-type-editor') element.userRole = 'editor';
    root.append(element);
    await settled(element);
    if (tag === 'outcome-picker') await until(() => shadow(element, '[role="radio"]'), 'choices');
    element.remove();
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { listenersBefore, listenersAfter: watch().listenerCount() };
}

/** Opens and closes one popup `count` times. */
export async function popupCycles(count: number): Promise<{ listenersBefore: number; listenersAfter: number }> {
  const root = stage('30rem');
  const memory = await shared();
  const listenersBefore = watch().listenerCount();
  const popup = document.createElement('disposition-popup') as DispositionPopup;
  popup.adapter = memory;
  popup.subjectId = 'leak';
  root.append(popup);
  for (let index = 0; index < count; index++) {
    const closed = popup.show();
    await until(() => shadow(popup, 'outcome-picker')?.shadowRoot?.querySelector('[role="radio"]'), 'the popup choices');
    popup.hide();
    await closed;
    await settled(popup);
  }
  popup.remove();
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { listenersBefore, listenersAfter: watch().listenerCount() };
}

export function leftListeners(): string[] {
  return watch().listeners();
}
