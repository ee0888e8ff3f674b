// Roles: a viewer reaches no write path — no write control rendered in the editor, whichever
// way the viewer role arrives, and every write through the store or an HTTP adapter refused
// before anything changes or reaches the wire.
import type { OutcomeAdapter } from '../../src/adapters/adapter.js';
import { CloseAdapter } from '../../src/adapters/close/close-adapter.js';
import { OutcomeAdapterError } from '../../src/adapters/errors.js';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { OutcomeTypesApiAdapter } from '../../src/adapters/outcome-types-api/outcome-types-api-adapter.js';
import { SailorAdapter } from '../../src/adapters/sailor/sailor-adapter.js';
import type { OutcomeTypeEditor } from '../../src/components/outcome-type-editor/outcome-type-editor.js';
import { OutcomeStore } from '../../src/controllers/outcome-store.js';
import { CALL_CENTRE_OUTCOMES } from '../helpers/sample-outcomes.js';
import { settled, shadow, stage, until } from './harness.js';

const WRITE_PARTS = ['new-button', 'edit-button', 'delete-button', 'move-up', 'move-down', 'drag-handle', 'form', 'save-button', 'confirm-delete', 'import-button'];
/** Buttons that read only: a viewer may export the list. */
const READ_ONLY_BUTTONS = '[part~="export-button"]';

export async function rolesSection(): Promise<{ checked: number; reached: string[] }> {
  const reached: string[] = [];
  let checked = 0;
  const root = stage('50rem');

  /** An editor arranged by `mount`, which must render its list and no write control. */
  const noWriteControls = async (how: string, mount: () => OutcomeTypeEditor) => {
    root.replaceChildren();
    const editor = mount();
    await until(() => editor.shadowRoot?.querySelector('tbody tr'), `${how}: the list`);
    await settled(editor);
    checked++;
    const found = WRITE_PARTS.filter((part) => shadow(editor, `[part~="${part}"]`));
    const inputs = [...editor.shadowRoot!.querySelectorAll('button')]
      .filter((button) => !button.matches(READ_ONLY_BUTTONS))
      .map((button) => button.textContent?.trim());
    if (found.length) reached.push(`${how}: renders ${found.join(', ')}`);
    if (inputs.length) reached.push(`${how}: renders buttons ${inputs.join(', ')}`);
    if (!editor.matches(':state(viewer)')) reached.push(`${how}: not in :state(viewer)`);
  };
  const memory = (role: 'viewer' | 'editor') => new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES, role });
  const editorWith = (adapter: OutcomeAdapter, userRole?: 'viewer' | 'editor') => {
    const editor = document.createElement('outcome-type-editor');
    editor.adapter = adapter;
    if (userRole) editor.userRole = userRole;
    root.append(editor);
    return editor;
  };
  await noWriteControls('user-role viewer, editor adapter', () => editorWith(memory('editor'), 'viewer'));
  await noWriteControls('user-role editor, viewer adapter', () => editorWith(memory('viewer'), 'editor'));
  await noWriteControls('no role at all (default viewer)', () => editorWith(memory('editor')));
  await noWriteControls('viewer provider', () => {
    const provider = document.createElement('outcome-provider');
    provider.adapter = memory('editor');
    provider.userRole = 'viewer';
    const editor = document.createElement('outcome-type-editor');
    provider.append(editor);
    root.append(provider);
    return editor;
  });
  await noWriteControls('editor provider, viewer element', () => {
    const provider = document.createElement('outcome-provider');
    provider.adapter = memory('editor');
    provider.userRole = 'editor';
    const editor = document.createElement('outcome-type-editor');
    editor.userRole = 'viewer';
    provider.append(editor);
    root.append(provider);
    return editor;
  });
  root.replaceChildren();

  // Through the store and the adapters: refused, nothing changed, nothing sent.
  const writes: string[] = [];
  const countingFetch: typeof fetch = async (input, init) => {
    if ((init?.method ?? 'GET') !== 'GET') writes.push(`${init?.method} ${String(input)}`);
    return new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  const http = { baseUrl: 'http://127.0.0.1:9', fetch: countingFetch, retries: 0, role: 'viewer' as const };
  const adapters: [string, OutcomeAdapter][] = [
    ['MemoryAdapter', memory('viewer')],
    ['OutcomeTypesApiAdapter', new OutcomeTypesApiAdapter({ ...http, token: 't' })],
    ['CloseAdapter', new CloseAdapter({ ...http, apiKey: 'k' })],
    ['SailorAdapter', new SailorAdapter({ ...http, token: 't' })],
  ];
  for (const [name, adapter] of adapters) {
    const existing = name === 'MemoryAdapter' ? (await adapter.listOutcomeTypes())[0]! : undefined;
    const id = existing?.id ?? 'some-id';
    const before = JSON.stringify(name === 'MemoryAdapter' ? await adapter.listOutcomeTypes() : []);
    const store = OutcomeStore.for(adapter);
    const input = { key: 'x', name: 'X', description: '', classification: 'neutral', category: 'response', kind: 'disposition', ordinal: 1, status: 'active', requiresFutureScheduledAt: false } as const;
    const attempts: [string, () => Promise<unknown>][] = [
      ['store.create', () => store.create(input)],
      ['store.update', () => store.update(id, { name: 'Y' })],
      ['store.delete', () => store.delete(id)],
      ['adapter.createOutcomeType', () => adapter.createOutcomeType!(input)],
      ['adapter.updateOutcomeType', () => adapter.updateOutcomeType!(id, { name: 'Y' })],
      ['adapter.deleteOutcomeType', () => adapter.deleteOutcomeType!(id)],
    ];
    for (const [what, attempt] of attempts) {
      checked++;
      try {
        await attempt();
        reached.push(`${name} ${what}: succeeded for a viewer`);
      } catch (error) {
        if (!(error instanceof OutcomeAdapterError) || error.code !== 'forbidden') {
          reached.push(`${name} ${what}: refused as ${(error as OutcomeAdapterError).code ?? error}, not forbidden`);
        }
      }
    }
    const after = JSON.stringify(name === 'MemoryAdapter' ? await adapter.listOutcomeTypes() : []);
    if (before !== after) reached.push(`${name}: the data changed`);
  }
  if (writes.length) reached.push(`writes reached the wire: ${writes.join(', ')}`);
  return { checked, reached };
}
