// Hostile input: fast-check strings in every field a backend supplies (key, name, description
// of outcome types) and every field a user types (picker search, popup notes, editor name, key
// and description), rendered by every element on a page without CSP, so that injected markup
// would run. Nothing may execute (the `__pwned` trap), no element or handler attribute may
// appear that the elements do not render themselves, typed text must arrive as typed, and the
// picker's choices must stay inside its width.
import fc from 'fast-check';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { DispositionPopup } from '../../src/components/disposition-popup/disposition-popup.js';
import type { OutcomePicker } from '../../src/components/outcome-picker/outcome-picker.js';
import type { OutcomeTypeEditor } from '../../src/components/outcome-type-editor/outcome-type-editor.js';
import type { RecordedOutcome } from '../../src/model/types.js';
import { allElements, key, settled, shadow, stage, type, until, watch } from './harness.js';

const ATTACKS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '"><svg onload="window.__pwned = \'svg\'">',
  "'><iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>",
  'javascript:window.__pwned="url"',
  'JaVaScRiPt:window.__pwned=1//',
  '</textarea><img src=x onerror=window.__pwned=1>',
  '</style><script>window.__pwned=1</script>',
  '${window.__pwned = "template"}',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '<a href="javascript:window.__pwned=1">click</a>',
  '<!--',
  ']]>',
  '\u202Egnp.exe\u202C',
  '\u2066RTL\u2069 \u2067isolate\u2069 \u200F\u200E',
  '\u0000\u0001\u001F',
  '',
  ' ',
  '\n\n\t',
];

const LONG_WORD_UNITS = fc.constantFrom('W', 'm', 'ß', '界', 'ﷺ', '👩‍👩‍👧', '🇪🇸', '\u0301');

/** One hostile string. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ATTACKS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: LONG_WORD_UNITS, minLength: 120, maxLength: 1500 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('👍', '👩🏽‍💻', '🏳️‍🌈', '🇯🇵', '🧑‍🚀', '\u200D', '\uFE0F'), maxLength: 40 }) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...ATTACKS), fc.string({ unit: 'grapheme', maxLength: 20 })).map(([a, b]) => a + b) },
);

const nonEmpty = hostileString.map((text) => (text.trim() ? text : `${text}x`));

interface Payload {
  names: string[];
  keys: string[];
  descriptions: string[];
  search: string;
  notes: string;
  typedName: string;
  typedKey: string;
  typedDescription: string;
}

const payload: fc.Arbitrary<Payload> = fc.record({
  names: fc.array(hostileString, { minLength: 3, maxLength: 3 }),
  keys: fc.array(nonEmpty, { minLength: 3, maxLength: 3 }),
  descriptions: fc.array(hostileString, { minLength: 3, maxLength: 3 }),
  search: hostileString,
  notes: hostileString,
  typedName: nonEmpty,
  typedKey: nonEmpty,
  typedDescription: hostileString,
});

const STRINGS_PER_PAYLOAD = 3 + 3 + 3 + 5;

export interface HostileReport {
  payloads: number;
  strings: number;
  executed: number;
  injected: string[];
  overflow: string[];
  wrongText: string[];
}

/**
 * The tags the elements' templates contain (src/components/**), and the page's own: any other
 * element found after a payload was injected.
 */
const OUR_TAGS = ['button', 'caption', 'dialog', 'div', 'fieldset', 'form', 'h2', 'input', 'label', 'legend', 'option', 'p', 'select', 'slot', 'span', 'table', 'tbody', 'td', 'textarea', 'th', 'thead', 'tr'];
let allowedTags: Set<string> | undefined;

function handlerAttributes(): string[] {
  const found: string[] = [];
  for (const element of allElements()) {
    for (const attribute of element.getAttributeNames()) {
      if (/^on/i.test(attribute)) found.push(`${element.localName}[${attribute}]`);
      if (/^(href|src|srcdoc|action|formaction|xlink:href)$/i.test(attribute)) found.push(`${element.localName}[${attribute}]`);
    }
  }
  return found;
}

async function renderAll(root: HTMLElement, data: Payload, report: HostileReport, label: string): Promise<void> {
  const keys = data.keys.map((k, index) => `${k}${index}`); // distinct
  const adapter = new MemoryAdapter({
    outcomeTypes: [
      { key: keys[0]!, name: data.names[0]!, description: data.descriptions[0]!, classification: 'positive', ordinal: 1 },
      { key: keys[1]!, name: data.names[1]!, description: data.descriptions[1]!, classification: 'negative', ordinal: 2 },
      { key: keys[2]!, name: data.names[2]!, description: data.descriptions[2]!, ordinal: 3, requiresFutureScheduledAt: true },
      { key: 'plain', name: 'Plain', ordinal: 4 },
    ],
    onInvalidItem: () => undefined,
  });
  root.replaceChildren();
  const picker = document.createElement('outcome-picker') as OutcomePicker;
  picker.setAttribute('aria-label', 'Outcome');
  picker.adapter = adapter;
  picker.searchThreshold = 1;
  const popup = document.createElement('disposition-popup') as DispositionPopup;
  popup.adapter = adapter;
  popup.subjectId = data.notes || 'subject'; // host-supplied, and hostile too
  const editor = document.createElement('outcome-type-editor') as OutcomeTypeEditor;
  editor.adapter = adapter;
  editor.userRole = 'editor';
  root.append(picker, popup, editor);

  // Backend-supplied: every name, key and description shown by the picker.
  await until(() => shadow(picker, '[role="radio"]'), 'the choices');
  const shownNames = [...picker.shadowRoot!.querySelectorAll('[part~="name"]')].map((n) => n.textContent);
  for (const [index, name] of data.names.entries()) {
    if (name && !shownNames.includes(name)) report.wrongText.push(`${label}: name ${JSON.stringify(name).slice(0, 80)} not shown as text`);
    if (!name) void index;
  }
  picker.value = shownNames.includes(data.names[0]!) ? keys[0]! : 'plain';
  await settled(picker);
  const box = picker.getBoundingClientRect();
  for (const choice of picker.shadowRoot!.querySelectorAll<HTMLElement>('[part~="choice"]')) {
    const rect = choice.getBoundingClientRect();
    if (rect.left < box.left - 1 || rect.right > box.right + 1) {
      report.overflow.push(`${label}: a choice spans ${rect.left.toFixed(0)}–${rect.right.toFixed(0)} in a picker of ${box.left.toFixed(0)}–${box.right.toFixed(0)}`);
      break;
    }
  }
  const list = shadow(picker, '[part~="list"]');
  if (list && list.scrollWidth > list.clientWidth + 1) report.overflow.push(`${label}: the list scrolls sideways (${list.scrollWidth} > ${list.clientWidth})`);
  const description = shadow(picker, '[part~="description"]');
  if (description && description.getBoundingClientRect().right > box.right + 1) report.overflow.push(`${label}: the description overflows`);
  if (picker.getBoundingClientRect().width !== box.width) report.overflow.push(`${label}: the picker changed width`);

  // User-typed: the search field.
  type(shadow<HTMLInputElement>(picker, '[part~="search"]')!, data.search);
  await settled(picker);

  // The popup: choose, type notes, record; the record carries the notes exactly as typed.
  const recorded = new Promise<RecordedOutcome>((resolve) => popup.addEventListener('outcome-recorded', (event) => resolve(event.detail), { once: true }));
  void popup.show();
  const inner = await until(() => shadow<OutcomePicker>(popup, 'outcome-picker'), 'the popup picker');
  await until(() => shadow(inner, '[role="radio"]'), 'the popup choices');
  inner.value = 'plain';
  await settled(inner);
  const notes = shadow<HTMLTextAreaElement>(popup, 'textarea')!;
  type(notes, data.notes);
  await settled(popup);
  const dialog = shadow<HTMLDialogElement>(popup, 'dialog')!;
  if (dialog.getBoundingClientRect().width > window.innerWidth + 1) report.overflow.push(`${label}: the popup is wider than the window`);
  key(dialog, 'Enter');
  const record = await Promise.race([recorded, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the popup never recorded')), 5000))]);
  const expectedNotes = data.notes.trim() ? data.notes : undefined;
  if (record.notes !== expectedNotes) report.wrongText.push(`${label}: notes recorded as ${JSON.stringify(record.notes)?.slice(0, 60)}`);

  // The editor: the list of hostile names, then an edit typed by the user and saved.
  const edit = await until(() => shadow<HTMLButtonElement>(editor, '[part~="edit-button"]'), 'an Edit button');
  edit.click();
  await settled(editor);
  const nameField = await until(() => shadow<HTMLInputElement>(editor, '#field-name'), 'the name field');
  type(nameField, data.typedName);
  // What the user typed, as the browser keeps it (a text input drops line breaks).
  const typedName = nameField.value;
  type(shadow<HTMLInputElement>(editor, '#field-key')!, data.typedKey);
  type(shadow<HTMLTextAreaElement>(editor, '#field-description')!, data.typedDescription);
  await settled(editor);
  shadow<HTMLButtonElement>(editor, '[part~="save-button"]')!.click();
  await until(() => !shadow(editor, '[part~="form"]') || shadow(editor, '[part~="field-error"]:not(:empty), [part~="form-error"]:not(:empty)'), 'the save');
  await settled(editor);
  if (editor.getBoundingClientRect().right > root.getBoundingClientRect().right + 1 || editor.scrollWidth > editor.clientWidth + 1) {
    // Name the innermost parts that stick out, so a failure says where to look.
    const edge = editor.getBoundingClientRect().right;
    const sticksOut = (node: Element) => node.getBoundingClientRect().right > edge + 1;
    const culprits = [...editor.shadowRoot!.querySelectorAll('*')]
      .filter((node) => sticksOut(node) && ![...node.children].some(sticksOut))
      .map((node) => `${node.localName}${node.id ? `#${node.id}` : ''}${node.getAttribute('part') ? `[part=${node.getAttribute('part')}]` : ''}`);
    report.overflow.push(`${label}: the editor is wider than its host (${editor.scrollWidth} > ${editor.clientWidth}): ${culprits.slice(0, 4).join(', ')}`);
  }
  const listed = (await adapter.listOutcomeTypes()).map((t) => t.name);
  if (!shadow(editor, '[part~="form"]') && !listed.includes(typedName)) report.wrongText.push(`${label}: the saved name is not what was typed`);
}

export async function hostileSection(runs: number, seed = 424242): Promise<HostileReport> {
  const report: HostileReport = { payloads: 0, strings: 0, executed: 0, injected: [], overflow: [], wrongText: [] };
  const root = stage('20rem');
  const benign: Payload = { names: ['Sale', 'No sale', 'Call back'], keys: ['a', 'b', 'c'], descriptions: ['d', '', 'e'], search: 'sa', notes: 'n', typedName: 'Name', typedKey: 'key', typedDescription: 'text' };
  await renderAll(root, benign, report, 'baseline');
  allowedTags ??= new Set([...OUR_TAGS, ...allElements().map((element) => element.localName)]);
  const baselineHandlers = new Set(handlerAttributes());
  const pwnedBefore = watch().pwned();
  const samples = fc.sample(payload, { numRuns: runs, seed });
  for (const [index, data] of samples.entries()) {
    const label = `payload ${index}`;
    try {
      await renderAll(root, data, report, label);
    } catch (error) {
      report.wrongText.push(`${label}: ${(error as Error).message}`);
    }
    report.payloads++;
    report.strings += STRINGS_PER_PAYLOAD;
    const strangers = allElements().filter((element) => !allowedTags!.has(element.localName)).map((element) => element.localName);
    const handlers = handlerAttributes().filter((found) => !baselineHandlers.has(found));
    if (strangers.length || handlers.length) report.injected.push(`${label}: ${[...new Set([...strangers, ...handlers])].join(', ')}`);
    // Let anything injected have its chance to run before the next payload.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  report.executed = watch().pwned() - pwnedBefore;
  root.replaceChildren();
  return report;
}
