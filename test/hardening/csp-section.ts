// Strict CSP: every element rendered, operated and submitting on a page whose policy forbids
// inline scripts and styles and eval, and requires Trusted Types. The violations themselves
// are counted by early.ts (and by the runner from the console); this says what was done.
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { TaskResultTypeAdapter } from '../../src/adapters/task-results/task-result-type-adapter.js';
import type { OutcomeTypeChangeDetail } from '../../src/components/outcome-type-editor/outcome-type-editor.js';
import type { RecordedOutcome } from '../../src/model/types.js';
import { CALL_CENTRE_OUTCOMES } from '../helpers/sample-outcomes.js';
import { deepActive, key, settled, shadow, stage, type, until } from './harness.js';

/** A promise that fails after `ms`, so one broken step cannot hang the run. */
function within<T>(promise: Promise<T>, what: string, ms = 5000): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms))]);
}

export async function cspSection(): Promise<{ operations: string[]; failures: string[] }> {
  const operations: string[] = [];
  const failures: string[] = [];
  const step = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
      operations.push(name);
    } catch (error) {
      failures.push(`${name}: ${(error as Error).message}`);
    }
  };
  const root = stage('40rem');
  const memory = new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES, storage: localStorage, storageKey: `hardening:csp:${Date.now()}`, onInvalidItem: () => undefined });
  const tasks = new TaskResultTypeAdapter({
    baseUrl: location.origin,
    apiKey: 'task-key',
    resultPath: (id) => `/api/integration/tasks/${id}/result`,
  });

  const provider = document.createElement('outcome-provider');
  provider.adapter = memory;
  provider.userRole = 'editor';
  const form = document.createElement('form');
  const label = document.createElement('label');
  label.htmlFor = 'csp-picker';
  label.textContent = 'Outcome';
  const picker = document.createElement('outcome-picker');
  picker.id = 'csp-picker';
  picker.name = 'outcome';
  picker.required = true;
  picker.groupBy = 'classification';
  form.append(label, picker);
  const editor = document.createElement('outcome-type-editor');
  provider.append(form, editor);
  const popup = document.createElement('disposition-popup');
  popup.adapter = tasks;
  popup.subjectId = 'csp-task-1';
  root.append(provider, popup);

  await step('provider and picker render', async () => {
    await until(() => shadow(picker, '[role="radio"]'), 'the picker choices');
  });
  await step('picker: choose by click, then by arrow key', async () => {
    shadow(picker, '[role="radio"]')!.click();
    await settled(picker);
    const first = picker.value;
    key(deepActive()!, 'ArrowDown');
    await settled(picker);
    await until(() => picker.value && picker.value !== first, 'the arrow key to choose');
  });
  await step('picker: follow-up date field and form submit', async () => {
    picker.value = 'callback';
    await settled(picker);
    const date = await until(() => shadow<HTMLInputElement>(picker, 'input[type="datetime-local"]'), 'the date field');
    const tomorrow = new Date(Date.now() + 86_400_000);
    const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    type(date, local);
    await settled(picker);
    let data: FormData | undefined;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      data = new FormData(form);
    }, { once: true });
    form.requestSubmit();
    await until(() => data, 'the form to submit');
    if (data!.get('outcome') !== 'callback' || !data!.get('outcome-scheduled-at')) throw new Error(`form data ${JSON.stringify([...data!])}`);
  });
  await step('editor: list, open the form, create a type', async () => {
    await until(() => shadow(editor, '[part~="new-button"]'), 'the New button');
    shadow(editor, '[part~="new-button"]')!.click();
    await settled(editor);
    type(await until(() => shadow<HTMLInputElement>(editor, '#field-name'), 'the name field'), 'Created under CSP');
    type(shadow<HTMLInputElement>(editor, '#field-key')!, 'created_under_csp');
    await settled(editor);
    const changed = new Promise<OutcomeTypeChangeDetail>((resolve) =>
      editor.addEventListener('outcome-type-change', (event) => resolve(event.detail), { once: true }),
    );
    shadow<HTMLButtonElement>(editor, '[part~="save-button"]')!.click();
    const detail = await within(changed, 'the created event');
    if (detail.action !== 'created') throw new Error(`got ${detail.action}`);
    await until(() => [...editor.shadowRoot!.querySelectorAll('.type-name')].some((cell) => cell.textContent?.includes('Created under CSP')), 'the new row');
  });
  await step('editor: edit and save an existing type', async () => {
    const edit = await until(() => shadow<HTMLButtonElement>(editor, '[part~="edit-button"]'), 'an Edit button');
    edit.click();
    await settled(editor);
    type(await until(() => shadow<HTMLInputElement>(editor, '#field-name'), 'the name field'), 'Renamed under CSP');
    await settled(editor);
    const changed = new Promise<OutcomeTypeChangeDetail>((resolve) =>
      editor.addEventListener('outcome-type-change', (event) => resolve(event.detail), { once: true }),
    );
    shadow<HTMLButtonElement>(editor, '[part~="save-button"]')!.click();
    if ((await within(changed, 'the updated event')).action !== 'updated') throw new Error('not updated');
  });
  await step('popup: open, choose with a digit, record over HTTP', async () => {
    const result = popup.show();
    const dialog = shadow<HTMLDialogElement>(popup, 'dialog')!;
    const inner = await until(() => shadow(popup, 'outcome-picker'), 'the popup picker');
    await until(() => shadow(inner, '[role="radio"]'), 'the popup choices');
    key(dialog, '1');
    await settled(popup);
    type(shadow<HTMLTextAreaElement>(popup, 'textarea')!, 'Notes typed under a strict CSP');
    key(dialog, 'Enter');
    const recorded: RecordedOutcome | null = await within(result, 'the record');
    if (!recorded || recorded.subjectId !== 'csp-task-1' || recorded.outcomeKey !== 'SALE_COMPLETED') {
      throw new Error(`recorded ${JSON.stringify(recorded)}`);
    }
  });
  await step('popup: Escape asks to close, required refuses', async () => {
    popup.subjectId = 'csp-task-2';
    popup.required = true;
    void popup.show();
    await until(() => shadow(popup, 'outcome-picker'), 'the popup picker');
    key(shadow(popup, 'dialog')!, 'Escape');
    await settled(popup);
    if (!popup.open) throw new Error('a required popup closed on Escape');
    popup.required = false;
    if (!popup.hide()) throw new Error('hide() refused');
  });
  root.replaceChildren();
  return { operations, failures };
}
