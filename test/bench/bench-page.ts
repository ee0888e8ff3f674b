// Runs in the benchmark's Chromium page (bundled by run.mjs): the same data rendered by a
// native <select>, by <outcome-picker> and by Shoelace's <sl-select>, each timed from creation
// to laid out, in the same page and the same run.
import '@shoelace-style/shoelace/dist/components/option/option.js';
import '@shoelace-style/shoelace/dist/components/select/select.js';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { OutcomePicker } from '../../src/components/outcome-picker/outcome-picker.js';
import { OutcomeStore } from '../../src/controllers/outcome-store.js';
import { ordinalChanges, placeAt } from '../../src/components/outcome-type-editor/reorder.js';
import { writeOrdinals } from '../../src/controllers/ordinal-writes.js';
import type { OutcomeAdapter } from '../../src/adapters/adapter.js';
import { Recorder } from '../../src/controllers/recorder.js';
import '../../src/define.js';
import type { OutcomeType } from '../../src/model/types.js';
import { manyOutcomes } from '../helpers/sample-outcomes.js';
import { listBench } from './list-bench.js';

/** `picker-last`: the picker with the last outcome as its value (cost must not depend on where the value is). */
type Impl = 'native' | 'picker' | 'picker-last' | 'sl-select';
type Updatable = HTMLElement & { updateComplete: Promise<boolean> };

const prepared = new Map<number, { adapter: MemoryAdapter; types: readonly OutcomeType[] }>();
const stage = document.body.appendChild(document.createElement('main'));
let longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: false });

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

async function settled(element: Updatable): Promise<void> {
  while (!(await element.updateComplete));
}

async function prepare(count: number): Promise<void> {
  const adapter = new MemoryAdapter({ outcomeTypes: manyOutcomes(count), id: `bench-${count}` });
  // The data is in memory for every contender: what is timed is rendering it.
  const types = await OutcomeStore.for(adapter).load();
  prepared.set(count, { adapter, types });
}

async function firstRender(impl: Impl, count: number): Promise<number> {
  const { adapter, types } = prepared.get(count)!;
  await frame();
  const start = performance.now();
  if (impl === 'native') {
    const select = document.createElement('select');
    for (const type of types) select.append(new Option(type.name, type.key));
    stage.append(select);
    void select.offsetHeight;
  } else if (impl === 'picker' || impl === 'picker-last') {
    const picker = document.createElement('outcome-picker') as OutcomePicker;
    picker.setAttribute('aria-label', 'Outcome');
    if (impl === 'picker-last') picker.value = types[types.length - 1]!.key;
    picker.adapter = adapter;
    stage.append(picker);
    await settled(picker);
    void picker.offsetHeight;
  } else {
    const select = document.createElement('sl-select') as unknown as Updatable;
    for (const type of types) {
      const option = document.createElement('sl-option') as unknown as Updatable;
      option.setAttribute('value', type.key);
      option.textContent = type.name;
      select.append(option);
    }
    stage.append(select);
    await settled(select);
    void select.offsetHeight;
  }
  const time = performance.now() - start;
  // Tearing down is part of each contender's cost, and its long tasks are its own.
  stage.replaceChildren();
  await frame();
  return time;
}

/**
 * Keystrokes in the search field of a fresh picker over `count` outcomes, input to laid out,
 * the first included. The value is the last outcome, reached with End, as an agent would.
 */
async function filterKeystrokes(count: number, text: string): Promise<number[]> {
  const { adapter, types } = prepared.get(count)!;
  stage.replaceChildren();
  const picker = document.createElement('outcome-picker') as OutcomePicker;
  picker.setAttribute('aria-label', 'Outcome');
  picker.value = types[types.length - 1]!.key;
  picker.adapter = adapter;
  stage.append(picker);
  await settled(picker);
  // What an agent's screen does after the list came: a frame or two, not a long wait.
  await frame();
  const search = picker.shadowRoot!.querySelector<HTMLInputElement>('[part~="search"]')!;
  const times: number[] = [];
  await takeLongTasks();
  for (const char of text) {
    await frame();
    const start = performance.now();
    search.value += char;
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settled(picker);
    void picker.offsetHeight;
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * A popup of `count` outcomes: the time from `show()` until `ready` holds (polled each task) and
 * the page is laid out; then closed and removed.
 */
async function timeShow(count: number, subjectId: string, ready: (popup: HTMLElementTagNameMap['disposition-popup']) => boolean, what: string, limitMs: number): Promise<number> {
  const { adapter } = prepared.get(count)!;
  const popup = document.createElement('disposition-popup');
  popup.subjectId = subjectId;
  popup.adapter = adapter;
  stage.append(popup);
  await settled(popup);
  await frame();
  const start = performance.now();
  void popup.show();
  while (!ready(popup)) {
    if (performance.now() - start > limitMs) throw new Error(`the popup never ${what}`);
    await new Promise((resolve) => setTimeout(resolve));
  }
  void popup.offsetHeight;
  const time = performance.now() - start;
  popup.hide();
  stage.replaceChildren();
  await frame();
  return time;
}

/**
 * A popup restoring a draft that names the last of `count` outcomes: `show()` until the list
 * has focus on that outcome's row, checked.
 */
function draftRestore(count: number): Promise<number> {
  const { adapter, types } = prepared.get(count)!;
  const subjectId = `bench-draft-${count}`;
  Recorder.for(adapter).saveDraft({ subjectId, outcomeKey: types[types.length - 1]!.key, source: 'agent' });
  return timeShow(
    count,
    subjectId,
    (popup) => {
      const row = popup.shadowRoot!.querySelector('outcome-picker')?.shadowRoot?.activeElement;
      return row?.getAttribute('role') === 'radio' && row.getAttribute('aria-checked') === 'true' && row.getAttribute('aria-posinset') === String(types.length);
    },
    'restored the draft',
    60_000,
  );
}

/** `show()` to interactive: until the outcome list of an open popup has focus, so keys work. */
function popupShow(count: number): Promise<number> {
  return timeShow(
    count,
    'bench',
    (popup) => popup.shadowRoot!.querySelector('outcome-picker')?.shadowRoot?.activeElement?.getAttribute('role') === 'radio',
    'became interactive',
    5000,
  );
}

/**
 * `<outcome-type-editor>` over `count` types (issue 14): its first render, creation to laid out
 * (the view's code already fetched, as for the picker's), the same measured for the picker in
 * the same round; then search keystrokes, the first included; then a store write to one type,
 * the store's notification to the editor laid out again; and the rows in the DOM.
 */
async function editorScale(count: number, text: string): Promise<{ editor: number; picker: number; keys: number[]; write: number; rows: number }> {
  const { adapter } = prepared.get(count)!;
  const picker = await firstRender('picker', count);
  await frame();
  let start = performance.now();
  const editor = document.createElement('outcome-type-editor');
  editor.adapter = adapter;
  editor.userRole = 'editor';
  // Wide enough for one line per row with every column: the costlier of its two layouts.
  editor.style.inlineSize = '1280px';
  stage.append(editor);
  const table = () => editor.shadowRoot!.querySelector('[part~="table"]');
  await settled(editor);
  while (!table()) {
    await new Promise((resolve) => setTimeout(resolve));
    await settled(editor);
  }
  void editor.offsetHeight;
  const first = performance.now() - start;
  await frame();
  await settled(editor);
  const search = editor.shadowRoot!.querySelector<HTMLInputElement>('[part~="search"]')!;
  const keys: number[] = [];
  for (const char of text) {
    await frame();
    start = performance.now();
    search.value += char;
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settled(editor);
    void editor.offsetHeight;
    keys.push(performance.now() - start);
  }
  search.value = '';
  search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await settled(editor);
  await frame();
  const rows = editor.shadowRoot!.querySelectorAll('tbody tr').length;
  // One type changed: from the store's notice to the editor laid out again.
  const store = OutcomeStore.for(adapter);
  const id = editor.shadowRoot!.querySelector<HTMLElement>('tbody tr')!.dataset['id']!;
  let noticed = 0;
  const stop = store.subscribe(() => (noticed ||= performance.now()));
  await store.update(id, { name: `Renamed ${Math.random()}` });
  stop();
  await settled(editor);
  void editor.offsetHeight;
  const write = performance.now() - noticed;
  stage.replaceChildren();
  await frame();
  return { editor: first, picker, keys, write, rows };
}

/**
 * Reordering `count` types against a MemoryAdapter with no latency (issue 14): `dense` has
 * ordinals 0…count−1 and names in reverse order, the last moved to the top, named to sort after
 * every other so that no shared ordinal helps (every other type is rewritten); `reverse` is the
 * same with the last type's own name (first alphabetically: it shares ordinal 0); `gap` has
 * ordinals 1024 apart, the last moved between the first two. Planned and written as the editor
 * does (at most 4 in flight, one store update); the adapter has no id, so the store keeps no
 * last known list (its IndexedDB write after the load is not what is measured).
 */
async function reorderWrites(count: number, kind: 'dense' | 'reverse' | 'gap'): Promise<{ writes: number; planMs: number; totalMs: number }> {
  const memory = new MemoryAdapter({
    latencyMs: 0,
    outcomeTypes: Array.from({ length: count }, (_, index) => ({
      key: `r${index}`,
      name: kind === 'dense' && index === count - 1 ? 'Zz last' : `Type ${String(count - index).padStart(5, '0')}`,
      ordinal: kind === 'gap' ? index * 1024 : index,
    })),
  });
  const adapter: OutcomeAdapter = {
    capabilities: memory.capabilities,
    listOutcomeTypes: (options) => memory.listOutcomeTypes(options),
    updateOutcomeType: (id, changes, options) => memory.updateOutcomeType(id, changes, options),
  };
  const store = OutcomeStore.for(adapter);
  const types = await store.load();
  await frame();
  await takeLongTasks();
  const moved = types.at(-1)!;
  const start = performance.now();
  const changes = ordinalChanges(placeAt(types, types, moved.id, kind === 'gap' ? 1 : 0), moved.id, memory.capabilities.fields.ordinal);
  const planMs = performance.now() - start;
  const result = await writeOrdinals(store, changes);
  const totalMs = performance.now() - start;
  if (!result.ok || store.snapshot.outcomeTypes[kind === 'gap' ? 1 : 0]!.id !== moved.id) throw new Error(`the ${kind} reorder at ${count} failed`);
  return { writes: changes.length, planMs, totalMs };
}

/** The long tasks since the last call; waits first, as entries arrive after their task. */
async function takeLongTasks(): Promise<number[]> {
  await frame();
  await frame();
  const taken = longTasks;
  longTasks = [];
  return taken;
}

Object.assign(window, { bench: { ...listBench, prepare, firstRender, filterKeystrokes, draftRestore, popupShow, editorScale, reorderWrites, takeLongTasks } });
