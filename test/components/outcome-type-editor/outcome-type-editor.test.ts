import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { OutcomeAdapter, RequestOptions } from '../../../src/adapters/adapter.js';
import { OutcomeAdapterError } from '../../../src/adapters/errors.js';
import { CloseAdapter } from '../../../src/adapters/close/close-adapter.js';
import { MemoryAdapter } from '../../../src/adapters/memory/memory-adapter.js';
import { OutcomeTypesApiAdapter } from '../../../src/adapters/outcome-types-api/outcome-types-api-adapter.js';
import { SailorAdapter } from '../../../src/adapters/sailor/sailor-adapter.js';
import { TaskResultTypeAdapter } from '../../../src/adapters/task-results/task-result-type-adapter.js';
import type { OutcomeTypeChangeDetail, OutcomeTypeEditor } from '../../../src/components/outcome-type-editor/outcome-type-editor.js';
import type { OutcomeTypeInput } from '../../../src/model/types.js';
import { CALL_CENTRE_OUTCOMES } from '../../helpers/sample-outcomes.js';
import { seedServer, type LoggedRequest } from '../../helpers/seed-server.js';

// Credentials and data of the test servers (test/servers/*-api.mjs).
const OT_EDITOR = 'editor-token';
const OT_VIEWER = 'viewer-token';
const CLOSE_KEY = 'api_close_test_key';
const SAILOR_TOKEN = 'sailor-test-token';
const SMART_LISTS = [
  { id: '00000000-0000-4000-8000-000000000002', name: 'Follow up' },
  { id: '00000000-0000-4000-8000-000000000010', name: 'Active leads' },
  { id: '00000000-0000-4000-8000-000000000011', name: 'Nurture' },
];
const NO_SUCH_LIST = '00000000-0000-4000-8000-0000000000ff';
const WEBHOOK = 'https://example.com/sailor/outcomes';

type Server = Awaited<ReturnType<typeof seedServer>>;
const servers: Record<string, Server> = {};

async function server(name: string): Promise<Server> {
  servers[name] ??= await seedServer(name);
  return servers[name]!;
}

const outcomeTypesApi = async (token = OT_EDITOR) =>
  new OutcomeTypesApiAdapter({ baseUrl: (await server('outcome-types')).url, token, retries: 0 });
const close = async () => new CloseAdapter({ baseUrl: (await server('close')).url, apiKey: CLOSE_KEY, retries: 0 });
const sailor = async (withLists = false) =>
  new SailorAdapter({
    baseUrl: (await server('sailor')).url,
    token: SAILOR_TOKEN,
    retries: 0,
    ...(withLists ? { listSmartLists: async () => SMART_LISTS } : {}),
  });
const taskResults = async () =>
  new TaskResultTypeAdapter({ baseUrl: (await server('task-results')).url, apiKey: 'task-key', resultPath: (id) => `/api/integration/tasks/${id}/result` });

// ---------------------------------------------------------------------------------------------
// Driving the element as a user would.

async function until(condition: () => unknown, what: string, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const $ = <T extends Element = HTMLElement>(el: OutcomeTypeEditor, selector: string) => el.shadowRoot!.querySelector<T & HTMLElement>(selector);
const $$ = (el: OutcomeTypeEditor, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

/**
 * An editor on a host wide enough for one line per row with every column (72rem with seven),
 * so each row has its own buttons; the two-line rows and their menu are tested in editor-scale.
 */
async function editor(adapter: OutcomeAdapter, role: 'editor' | 'viewer' = 'editor'): Promise<OutcomeTypeEditor> {
  const host = await fixture<HTMLDivElement>(html`<div style="width: 1280px"><outcome-type-editor .adapter=${adapter} user-role=${role}></outcome-type-editor></div>`);
  const el = host.querySelector('outcome-type-editor')!;
  await until(() => $(el, '[part~="table"], [part~="status"]:not([role="status"]), [part~="status"][role="alert"]') || $(el, '[part~="status"]')?.textContent?.includes('no outcome'), 'the list');
  await until(() => !$(el, '[part~="status"]')?.textContent?.includes('Loading'), 'loading to end');
  await el.updateComplete;
  return el;
}

function names(el: OutcomeTypeEditor): string[] {
  return $$(el, 'tbody .type-name').map((cell) => cell.textContent!.trim());
}

function row(el: OutcomeTypeEditor, name: string): HTMLElement {
  const found = $$(el, 'tbody tr').find((candidate) => candidate.querySelector('.type-name')!.textContent!.trim() === name);
  if (!found) throw new Error(`No row "${name}" in ${names(el).join(', ')}`);
  return found;
}

function button(el: OutcomeTypeEditor, name: string, part: string): HTMLButtonElement | null {
  return row(el, name).querySelector(`[part~="${part}"]`);
}

async function openNew(el: OutcomeTypeEditor): Promise<void> {
  $(el, '[part~="new-button"]')!.click();
  await el.updateComplete;
  await until(() => $(el, '[part~="form"]'), 'the form');
}

async function openEdit(el: OutcomeTypeEditor, name: string): Promise<void> {
  button(el, name, 'edit-button')!.click();
  await el.updateComplete;
  await until(() => $(el, '[part~="form"]'), 'the form');
}

const control = (el: OutcomeTypeEditor, field: string) => $<HTMLInputElement>(el, `#field-${field}`);

/** What typing (or choosing) a value and leaving the field does, as far as the element can tell. */
async function fill(el: OutcomeTypeEditor, field: string, value: string | boolean, selector = `#field-${field}`): Promise<void> {
  const target = $<HTMLInputElement>(el, selector);
  if (!target) throw new Error(`No control ${selector}`);
  if (typeof value === 'boolean') target.checked = value;
  else target.value = value;
  target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  target.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function chooseRecipe(el: OutcomeTypeEditor, recipe: string): Promise<void> {
  const radio = $<HTMLInputElement>(el, `[name="recipe"][value="${recipe}"]`)!;
  radio.click();
  await el.updateComplete;
}

async function save(el: OutcomeTypeEditor): Promise<void> {
  $(el, '[part~="save-button"]')!.click();
  await el.updateComplete;
}

async function saved(el: OutcomeTypeEditor): Promise<void> {
  await save(el);
  await until(() => !$(el, '[part~="form"]'), 'the form to close');
  await el.updateComplete;
}

/** Cancel on a form with unsaved changes, then Discard in the question it asks; the form closes. */
async function cancelAndDiscard(el: OutcomeTypeEditor): Promise<void> {
  $(el, '[part~="cancel-button"]')!.click();
  await until(() => $<HTMLDialogElement>(el, '[part~="discard-dialog"]')?.open, 'the discard question');
  $(el, '[part~="confirm-discard"]')!.click();
  await until(() => !$(el, '[part~="form"]'), 'the form to close');
  await el.updateComplete;
}

/** Saves and waits for the answer, which keeps the form open. */
async function refused(el: OutcomeTypeEditor): Promise<void> {
  await save(el);
  await until(() => $(el, '#form-error')!.textContent!.trim() || fieldErrors(el).length, 'an error');
  await until(() => !$<HTMLButtonElement>(el, '[part~="save-button"]')!.disabled, 'saving to end');
}

const errorOf = (el: OutcomeTypeEditor, field: string) => $(el, `#field-${field}-error`)?.textContent?.trim() ?? '';
const hintOf = (el: OutcomeTypeEditor, field: string) => $(el, `#field-${field}-hint`)?.textContent?.trim() ?? '';
const fieldErrors = (el: OutcomeTypeEditor) => $$(el, '[part~="field-error"]').filter((error) => error.textContent!.trim());
const announced = (el: OutcomeTypeEditor) => $(el, '[aria-live="polite"]')!.textContent!.trim();
const shownFields = (el: OutcomeTypeEditor) => $$(el, '[part~="field"]').map((field) => field.getAttribute('part')!.split(' ')[1]!.replace('field-', ''));

function events(el: OutcomeTypeEditor): OutcomeTypeChangeDetail[] {
  const seen: OutcomeTypeChangeDetail[] = [];
  el.addEventListener('outcome-type-change', (event) => {
    expect(event.bubbles && event.composed).to.be.true;
    seen.push(event.detail);
  });
  return seen;
}

async function writes(name: string): Promise<LoggedRequest[]> {
  return (await (await server(name)).log()).filter((entry) => entry.method !== 'GET');
}

/** Asserts the field shows `message` and nothing reached the server. */
async function expectRefusedLocally(el: OutcomeTypeEditor, serverName: string, field: string, message: string): Promise<void> {
  await save(el);
  expect(errorOf(el, field)).to.equal(message);
  const target = field === 'destination' ? $(el, '#field-destination') : control(el, field);
  expect(target!.getAttribute('aria-invalid')).to.equal('true');
  expect(target!.getAttribute('aria-describedby')).to.contain(`field-${field}-error`);
  expect($(el, '[part~="form"]'), 'the form stays open').to.exist;
  expect(await writes(serverName), 'nothing sent').to.deep.equal([]);
}

/** A MemoryAdapter whose next `lose` creates are done, then answered with a lost connection. */
class LosingAnswers extends MemoryAdapter {
  lose = 0;
  readonly keys: (string | undefined)[] = [];

  override async createOutcomeType(input: OutcomeTypeInput, options?: RequestOptions) {
    this.keys.push(options?.idempotencyKey);
    const created = await super.createOutcomeType(input, options);
    if (this.lose > 0) {
      this.lose--;
      this.#loseList = true;
      throw new OutcomeAdapterError('network', 'The answer was lost (test).');
    }
    return created;
  }

  /** The list read again right after a lost answer is lost too: the editor cannot tell. */
  #loseList = false;
  override async listOutcomeTypes(options?: RequestOptions) {
    if (this.#loseList) {
      this.#loseList = false;
      throw new OutcomeAdapterError('network', 'The list was lost too (test).');
    }
    return super.listOutcomeTypes(options);
  }
}

const keysOf = (entries: LoggedRequest[]) => entries.map((entry) => entry.headers['idempotency-key']);

// ---------------------------------------------------------------------------------------------

describe('<outcome-type-editor>', () => {
  beforeEach(async () => {
    for (const name of ['outcome-types', 'close', 'sailor', 'task-results']) await (await server(name)).reset();
  });

  describe('the list', () => {
    it('shows every type in canonical order with key, classification, category, kind, status and a system badge', async () => {
      const el = await editor(new MemoryAdapter());
      expect(names(el)).to.deep.equal(['Impression', 'Click', 'Dismiss', 'Accept', 'Convert', 'Not Presented', 'Requested More Info', 'Not Interested', 'Expired', 'Deferred']);
      const headers = $$(el, 'thead th').map((th) => th.textContent!.trim());
      expect(headers).to.include.members(['Name', 'Key', 'Classification', 'Category', 'Kind', 'Status']);
      const click = row(el, 'Click');
      expect(click.textContent).to.contain('click').and.contain('Positive').and.contain('Response').and.contain('Disposition').and.contain('Active');
      expect(click.querySelector('[part~="badge"]')!.textContent).to.equal('System');
      expect(click.getAttribute('part')).to.equal('row row-system');
      await expect(el).to.be.accessible();
    });

    it('searches accent- and case-insensitively and hides archived types unless the filter says otherwise', async () => {
      const el = await editor(new MemoryAdapter({ outcomeTypes: [...CALL_CENTRE_OUTCOMES, { key: 'cafe', name: 'Café', ordinal: 9 }] }));
      expect(names(el)).to.not.include('Old promotion');
      await fill(el, 'search', 'CAFE', '#search');
      expect(names(el)).to.deep.equal(['Café']);
      await fill(el, 'search', '', '#search');
      await fill(el, 'status', 'archived', '#status-filter');
      expect(names(el)).to.deep.equal(['Old promotion']);
      await fill(el, 'status', 'all', '#status-filter');
      expect(names(el)).to.include('Old promotion').and.include('Sale');
      await fill(el, 'search', 'nothing like it', '#search');
      expect($(el, '[part~="status"]')!.textContent).to.contain('No outcome type matches');
    });

    it('is accessible while loading, when empty, and on a load error with retry', async () => {
      const slow = await fixture<OutcomeTypeEditor>(html`<outcome-type-editor .adapter=${new MemoryAdapter({ latencyMs: 2000 })} user-role="editor"></outcome-type-editor>`);
      await slow.updateComplete;
      expect($(slow, '[part~="status"]')!.textContent).to.contain('Loading');
      expect(slow.matches(':state(loading)')).to.be.true;
      await expect(slow).to.be.accessible();

      const empty = await editor(new MemoryAdapter({ outcomeTypes: [] }));
      expect($(empty, '[part~="status"]')!.textContent).to.contain('There are no outcome types yet.');
      expect(empty.matches(':state(empty)')).to.be.true;
      expect($(empty, '[part~="new-button"]')).to.exist;
      await expect(empty).to.be.accessible();

      // An id of its own: the default one names the page's shared in-memory data, whose last
      // known list (kept by the tests before) would be shown instead of the error.
      const failing = await editor(new MemoryAdapter({ failureRate: 1, id: 'memory:never-loaded' }));
      const alert = $(failing, '[role="alert"]')!;
      expect(alert.textContent).to.contain('could not be loaded').and.contain('The server could not be reached.');
      expect(failing.matches(':state(error)')).to.be.true;
      expect(alert.querySelector('button')!.textContent).to.equal('Retry');
      await expect(failing).to.be.accessible();
    });

    it('speaks Spanish under lang="es"', async () => {
      const wrapper = await fixture(html`<div lang="es"><outcome-type-editor .adapter=${new MemoryAdapter()} user-role="editor"></outcome-type-editor></div>`);
      const el = wrapper.querySelector('outcome-type-editor')!;
      await until(() => $(el, '[part~="table"]'), 'the list');
      expect($(el, '[part~="new-button"]')!.textContent).to.equal('Nuevo tipo de resultado');
      expect(row(el, 'Click').textContent).to.contain('Positivo');
    });
  });

  describe('long names on a narrow host', () => {
    // One word of 200 characters, from a backend or typed by a user: it wraps inside the form,
    // its messages and the delete dialog instead of pushing them past a 20rem host.
    const LONG = `Callback${'x'.repeat(192)}`;

    async function narrowEditor(): Promise<OutcomeTypeEditor> {
      const adapter = new MemoryAdapter({ outcomeTypes: [{ key: 'long', name: LONG, classification: 'neutral', ordinal: 1 }] });
      const host = await fixture<HTMLDivElement>(html`<div style="width: 20rem"></div>`);
      const el = document.createElement('outcome-type-editor') as OutcomeTypeEditor;
      el.adapter = adapter;
      el.userRole = 'editor';
      host.append(el);
      await until(() => $(el, '[part~="table"]'), 'the list');
      await el.updateComplete;
      return el;
    }

    const withinHost = (el: OutcomeTypeEditor, part: Element) => {
      const host = el.getBoundingClientRect();
      const box = part.getBoundingClientRect();
      return box.left >= host.left - 1 && box.right <= host.right + 1;
    };

    it('wraps in the edit form, its title and its field errors', async () => {
      const el = await narrowEditor();
      await openEdit(el, LONG);
      await fill(el, 'name', `${LONG}${'y'.repeat(100)}`);
      await save(el);
      expect(errorOf(el, 'name')).to.equal('Use at most 255 characters.');
      expect($(el, '[part~="form-title"]')!.textContent).to.contain(LONG);
      expect(el.scrollWidth, 'the editor does not scroll sideways').to.be.at.most(el.clientWidth + 1);
      // A host this narrow shows the form in a modal dialog: it wraps inside the dialog, which fits the window.
      const panel = $<HTMLDialogElement>(el, '[part~="form-panel"]')!;
      expect(panel.matches(':modal'), 'a modal dialog on a narrow host').to.equal(true);
      expect(withinHost(el, $(el, '[part~="table"]')!), 'the list behind it, within the host').to.equal(true);
      expect(panel.getBoundingClientRect().right, 'the dialog fits the window').to.be.at.most(window.innerWidth);
      expect(panel.scrollWidth, 'the dialog does not scroll sideways').to.be.at.most(panel.clientWidth + 1);
      const inPanel = (part: Element) => {
        const box = part.getBoundingClientRect();
        const outer = panel.getBoundingClientRect();
        return box.left >= outer.left - 1 && box.right <= outer.right + 1;
      };
      for (const part of [$(el, '[part~="form"]')!, $(el, '[part~="form-title"]')!, control(el, 'name')!, $(el, '#field-name-error')!]) {
        expect(inPanel(part), `${part.localName}#${part.id} within the dialog`).to.equal(true);
      }
    });

    it('wraps in the delete dialog', async () => {
      const el = await narrowEditor();
      button(el, LONG, 'delete-button')!.click();
      await until(() => $<HTMLDialogElement>(el, 'dialog')!.open, 'the dialog');
      const dialog = $<HTMLDialogElement>(el, 'dialog')!;
      expect(dialog.textContent).to.contain(LONG);
      expect(dialog.getBoundingClientRect().width, 'the dialog fits the window').to.be.at.most(window.innerWidth);
      expect(dialog.scrollWidth, 'the dialog does not scroll sideways').to.be.at.most(dialog.clientWidth + 1);
      dialog.close();
    });
  });

  describe('outcome-types API rules (seeds/outcome-types-api.txt)', () => {
    it('key is required', async () => {
      const el = await editor(await outcomeTypesApi());
      await openNew(el);
      expect(hintOf(el, 'key')).to.contain('Required.').and.contain('1–255 characters.');
      await fill(el, 'name', 'Purchased');
      // The key follows the name (editor-form-panel.test.ts); emptied by the admin, it is missing.
      expect(control(el, 'key')!.value).to.equal('purchased');
      await fill(el, 'key', '');
      await expectRefusedLocally(el, 'outcome-types', 'key', 'Fill in this field.');
      await expect(el).to.be.accessible();
    });

    it('name is required', async () => {
      const el = await editor(await outcomeTypesApi());
      await openNew(el);
      await fill(el, 'key', 'purchased');
      await fill(el, 'name', '   ');
      await expectRefusedLocally(el, 'outcome-types', 'name', 'Fill in this field.');
    });

    it('key is at most 255 characters', async () => {
      const el = await editor(await outcomeTypesApi());
      await openNew(el);
      expect(control(el, 'key')!.maxLength).to.equal(255);
      await fill(el, 'name', 'Purchased');
      await fill(el, 'key', 'k'.repeat(256));
      await expectRefusedLocally(el, 'outcome-types', 'key', 'Use at most 255 characters.');
    });

    it('name is at most 255 characters', async () => {
      const el = await editor(await outcomeTypesApi());
      await openNew(el);
      expect(control(el, 'name')!.maxLength).to.equal(255);
      await fill(el, 'key', 'purchased');
      await fill(el, 'name', 'n'.repeat(256));
      await expectRefusedLocally(el, 'outcome-types', 'name', 'Use at most 255 characters.');
    });

    for (const [field, values, choice] of [
      ['classification', ['positive', 'negative', 'neutral'], 'negative'],
      ['category', ['impression', 'response'], 'impression'],
      ['status', ['draft', 'active', 'paused', 'archived'], 'paused'],
    ] as const) {
      it(`${field} is one of ${values.join(', ')}, offered as a select and sent as chosen`, async () => {
        const el = await editor(await outcomeTypesApi());
        await openNew(el);
        const select = control(el, field) as unknown as HTMLSelectElement;
        expect(select.tagName).to.equal('SELECT');
        expect([...select.options].map((option) => option.value)).to.deep.equal(values);
        await fill(el, 'key', 'purchased');
        await fill(el, 'name', 'Purchased');
        await fill(el, field, choice);
        await saved(el);
        const [post] = await writes('outcome-types');
        expect((post!.body as Record<string, unknown>)[field]).to.equal(choice);
      });
    }

    it('ordinal is a whole number, 0 or more', async () => {
      const el = await editor(await outcomeTypesApi());
      await openNew(el);
      expect(control(el, 'ordinal')!.min).to.equal('0');
      expect(hintOf(el, 'ordinal')).to.contain('Whole number, 0 or more.');
      await fill(el, 'key', 'purchased');
      await fill(el, 'name', 'Purchased');
      await fill(el, 'ordinal', '-1');
      await expectRefusedLocally(el, 'outcome-types', 'ordinal', 'Use 0 or more.');
      await fill(el, 'ordinal', '1.5');
      await expectRefusedLocally(el, 'outcome-types', 'ordinal', 'Use a whole number.');
    });

    it('key is unique: a key in the list is refused before sending', async () => {
      const el = await editor(await outcomeTypesApi());
      await openNew(el);
      await fill(el, 'key', 'click');
      await fill(el, 'name', 'Another click');
      await expectRefusedLocally(el, 'outcome-types', 'key', 'Another outcome type already uses this.');
    });

    it('key is unique: the server’s duplicate answer lands on the key field and the form stays', async () => {
      const el = await editor(await outcomeTypesApi());
      // Someone else takes the key after the list was read.
      await fetch(`${(await server('outcome-types')).url}/api/v1/outcome-types`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${OT_EDITOR}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ key: 'purchased', name: 'Purchased elsewhere' }),
      });
      await openNew(el);
      await fill(el, 'key', 'purchased');
      await fill(el, 'name', 'Purchased');
      await refused(el);
      expect(errorOf(el, 'key')).to.equal('The server says: key already exists');
      expect($(el, '#form-error')!.textContent).to.contain('Some values are not valid.');
      expect(control(el, 'name')!.value).to.equal('Purchased');
      await expect(el).to.be.accessible();
      await fill(el, 'key', 'purchased_2');
      expect(errorOf(el, 'key'), 'the answer goes when the user changes the field').to.equal('');
      await saved(el);
      // The list is windowed: the new type may sort below the rows in view; the search finds it.
      const search = $<HTMLInputElement>(el, '[part~="search"]')!;
      search.value = 'Purchased';
      search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(names(el)).to.include('Purchased');
    });

    it('system types lock key, classification, category and status, with the reason; name, description and ordinal stay editable', async () => {
      const el = await editor(await outcomeTypesApi());
      await openEdit(el, 'Click');
      expect(control(el, 'key')!.readOnly).to.be.true;
      for (const field of ['classification', 'category', 'status']) expect((control(el, field) as unknown as HTMLSelectElement).disabled, field).to.be.true;
      for (const field of ['key', 'classification', 'category', 'status']) expect(hintOf(el, field), field).to.contain('Locked on system outcome types.');
      for (const field of ['name', 'description', 'ordinal']) expect(control(el, field)!.readOnly || (control(el, field) as HTMLInputElement).disabled, field).to.be.false;
      expect($(el, '[part~="note"]')!.textContent).to.contain('system outcome type');
      await expect(el).to.be.accessible();
      await fill(el, 'name', 'Clicked');
      await saved(el);
      const [put] = await writes('outcome-types');
      expect(put!.body).to.deep.equal({ id: 'ot_002', name: 'Clicked' });
    });

    it('system types cannot be deleted: custom ones can', async () => {
      const el = await editor(await outcomeTypesApi());
      expect($$(el, '[part~="delete-button"]')).to.have.length(0);
      await openNew(el);
      await fill(el, 'key', 'purchased');
      await fill(el, 'name', 'Purchased');
      await saved(el);
      expect(button(el, 'Purchased', 'delete-button')).to.exist;
      // Back up to the system types: only the rows in view are rendered.
      const list = $(el, '.table-scroll')!;
      list.scrollTop = 0;
      list.dispatchEvent(new Event('scroll'));
      await el.updateComplete;
      expect(button(el, 'Click', 'delete-button')).to.equal(null);
    });
  });

  describe('Sailor rules (seeds/sailor-phone-system-outcomes.txt)', () => {
    it('shows exactly the Sailor fields', async () => {
      const el = await editor(await sailor());
      await openNew(el);
      expect(shownFields(el)).to.deep.equal(['name', 'kind', 'ordinal', 'destination', 'webhookUrl']);
      await expect(el).to.be.accessible();
    });

    it('outcome_name is required', async () => {
      const el = await editor(await sailor());
      await openNew(el);
      await expectRefusedLocally(el, 'sailor', 'name', 'Fill in this field.');
    });

    it('outcome_name is at most 120 characters', async () => {
      const el = await editor(await sailor());
      await openNew(el);
      expect(control(el, 'name')!.maxLength).to.equal(120);
      expect(hintOf(el, 'name')).to.contain('1–120 characters.');
      await fill(el, 'name', 'n'.repeat(121));
      await expectRefusedLocally(el, 'sailor', 'name', 'Use at most 120 characters.');
    });

    it('action outcomes require webhook_url', async () => {
      const el = await editor(await sailor());
      await openNew(el);
      expect(hintOf(el, 'webhookUrl')).to.contain('Required for action outcomes.');
      await fill(el, 'name', 'Interested again');
      await fill(el, 'kind', 'action');
      expect(control(el, 'webhookUrl')!.required).to.be.true;
      await expectRefusedLocally(el, 'sailor', 'webhookUrl', 'Required for action outcomes.');
      await fill(el, 'webhookUrl', WEBHOOK);
      await saved(el);
      const [post] = await writes('sailor');
      expect(post!.body).to.include({ outcome_type: 'action', webhook_url: WEBHOOK, destination_type: 'none' });
    });

    it('webhook_url is an http or https URL', async () => {
      const el = await editor(await sailor());
      await openNew(el);
      await fill(el, 'name', 'Hook');
      await fill(el, 'webhookUrl', 'ftp://example.com/hook');
      await expectRefusedLocally(el, 'sailor', 'webhookUrl', 'Enter an http or https address.');
    });

    it('destination smart_list requires a list (destination_id)', async () => {
      const el = await editor(await sailor());
      await openNew(el);
      await fill(el, 'name', 'Follow up later');
      await chooseRecipe(el, 'smart_list');
      expect($(el, '#smart-list')!.tagName, 'no host lists: the id is typed').to.equal('INPUT');
      await expectRefusedLocally(el, 'sailor', 'destination', 'Choose the Smart List to add to.');
      await expect(el).to.be.accessible();
    });

    it('destination_id is sent only with smart_list, chosen from the host’s Smart Lists', async () => {
      const el = await editor(await sailor(true));
      await openNew(el);
      await fill(el, 'name', 'Follow up later');
      await chooseRecipe(el, 'smart_list');
      await until(() => $(el, 'select#smart-list'), 'the lists');
      await fill(el, 'destination', SMART_LISTS[1]!.id, '#smart-list');
      await chooseRecipe(el, 'none');
      await saved(el);
      const [post] = await writes('sailor');
      expect(post!.body).to.not.have.property('destination_id');
      expect(post!.body).to.include({ destination_type: 'none' });
    });

    it('remove_from_smart_lists: from all, or from chosen lists (at least one), never both', async () => {
      const el = await editor(await sailor(true));
      await openNew(el);
      await fill(el, 'name', 'Clean up');
      await chooseRecipe(el, 'remove_chosen');
      await until(() => $$(el, '#field-destination input[type="checkbox"]').length === 3, 'the list checkboxes');
      await expectRefusedLocally(el, 'sailor', 'destination', 'Choose at least one Smart List to remove from.');
      $$(el, '#field-destination input[type="checkbox"]')[2]!.click();
      await el.updateComplete;
      await saved(el);
      await openNew(el);
      await fill(el, 'name', 'Clean up all');
      await chooseRecipe(el, 'remove_all');
      await saved(el);
      const [chosen, all] = await writes('sailor');
      expect(chosen!.body).to.deep.include({ destination_type: 'remove_from_smart_list', remove_from_smart_lists: { list_ids: [SMART_LISTS[2]!.id] } });
      expect(all!.body).to.deep.include({ destination_type: 'remove_from_smart_list', remove_from_smart_lists: { all: true } });
    });

    it('the target Smart List must exist: destination_not_found lands on the destination field', async () => {
      const el = await editor(await sailor());
      await openNew(el);
      await fill(el, 'name', 'Lost list');
      await chooseRecipe(el, 'smart_list');
      await fill(el, 'destination', NO_SUCH_LIST, '#smart-list');
      await refused(el);
      expect(errorOf(el, 'destination')).to.contain('The server says:');
      expect($(el, '#smart-list')!.getAttribute('aria-invalid')).to.equal('true');
      expect(($(el, '#smart-list') as HTMLInputElement).value, 'the form is as the user left it').to.equal(NO_SUCH_LIST);
    });
  });

  describe('Close rules (seeds/close-outcomes-*.txt)', () => {
    it('shows exactly the Close fields: name, description, voicemail-drop type, applies-to read only', async () => {
      const el = await editor(await close());
      expect(names(el)).to.include('Left Pre-Recorded Voicemail');
      expect(row(el, 'Left Pre-Recorded Voicemail').textContent).to.contain('On voicemail drop');
      await openNew(el);
      expect(shownFields(el)).to.deep.equal(['name', 'description', 'autoAppliedOn', 'appliesTo']);
      expect($$(el, '[part~="field-appliesTo"] input').every((input) => (input as HTMLInputElement).disabled)).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('name is required', async () => {
      const el = await editor(await close());
      await openNew(el);
      await fill(el, 'description', 'No name');
      await expectRefusedLocally(el, 'close', 'name', 'Fill in this field.');
    });

    it('type is custom or vm-dropped, chosen as “applied automatically”', async () => {
      const el = await editor(await close());
      await openNew(el);
      const select = control(el, 'autoAppliedOn') as unknown as HTMLSelectElement;
      expect([...select.options].map((option) => option.textContent!.trim())).to.deep.equal(['Never (custom outcome)', 'On voicemail drop']);
      await fill(el, 'name', 'Voicemail 2');
      await fill(el, 'autoAppliedOn', 'voicemail-drop');
      await saved(el);
      await openNew(el);
      await fill(el, 'name', 'Plain');
      await saved(el);
      const [vm, custom] = await writes('close');
      expect(vm!.body).to.include({ name: 'Voicemail 2', type: 'vm-dropped' });
      expect(custom!.body).to.include({ name: 'Plain', type: 'custom' });
    });
  });

  describe('roles and read-only backends', () => {
    it('gives viewers no write controls at all', async () => {
      const el = await editor(new MemoryAdapter(), 'viewer');
      // Export (CSV, JSON) reads only: the one pair of buttons a viewer gets.
      expect($$(el, 'button:not([part~="export-button"])')).to.have.length(0);
      expect($(el, '[part~="drag-handle"]')).to.equal(null);
      expect($(el, '[part~="note"]')!.textContent).to.contain('needs the editor role');
      expect(el.matches(':state(viewer)')).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('takes the more restrictive of the user role and the adapter role', async () => {
      const el = await editor(new MemoryAdapter({ role: 'viewer' }), 'editor');
      expect($(el, '[part~="new-button"]')).to.equal(null);
      expect($$(el, '[part~="edit-button"]')).to.have.length(0);
    });

    it('shows a forbidden answer and changes nothing', async () => {
      const el = await editor(await outcomeTypesApi(OT_VIEWER));
      await openEdit(el, 'Click');
      await fill(el, 'name', 'Clicked');
      await refused(el);
      expect($(el, '#form-error')!.textContent).to.contain('You do not have permission to do this.');
      expect(control(el, 'name')!.value).to.equal('Clicked');
      await cancelAndDiscard(el);
      expect(names(el)).to.include('Click').and.not.include('Clicked');
      const state = (await (await server('outcome-types')).state()) as { types: { name: string }[] };
      expect(state.types.map((type) => type.name)).to.include('Click');
    });

    it('shows a read-only backend’s list with a note that it is managed elsewhere', async () => {
      const el = await editor(await taskResults());
      expect(names(el)).to.have.members(['Venta completada', 'No interesado', 'Reprogramar visita', 'Sin contacto']);
      expect($(el, '[part~="note"]')!.textContent).to.contain('managed elsewhere');
      // Export (CSV, JSON) reads only: the one pair of buttons a viewer gets.
      expect($$(el, 'button:not([part~="export-button"])')).to.have.length(0);
      expect(row(el, 'Reprogramar visita').textContent).to.contain('Needs a date');
      expect(el.matches(':state(read-only)')).to.be.true;
      await expect(el).to.be.accessible();
    });
  });

  describe('by keyboard alone', () => {
    it('creates a type: New, type the fields, Enter', async () => {
      const el = await editor(new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES }));
      const seen = events(el);
      $(el, '[part~="new-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => $(el, '[part~="form"]'), 'the form');
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(control(el, 'name'));
      await sendKeys({ type: 'Callback later' });
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(control(el, 'key'));
      await sendKeys({ type: 'callback_later' });
      await sendKeys({ press: 'Enter' });
      await until(() => !$(el, '[part~="form"]'), 'the form to close');
      await until(() => announced(el), 'the announcement');
      expect(names(el)).to.include('Callback later');
      expect(announced(el)).to.equal('Created Callback later.');
      expect(seen.map((detail) => [detail.action, detail.outcomeType.key])).to.deep.equal([['created', 'callback_later']]);
      expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Callback later', 'edit-button'));
    });

    it('edits a type: Edit, change the name, Enter', async () => {
      const el = await editor(new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES }));
      const seen = events(el);
      button(el, 'Sale', 'edit-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => $(el, '[part~="form"]'), 'the form');
      await el.updateComplete;
      await sendKeys({ press: 'End' });
      await sendKeys({ type: ' (VIP)' });
      await sendKeys({ press: 'Enter' });
      await until(() => !$(el, '[part~="form"]'), 'the form to close');
      expect(names(el)).to.include('Sale (VIP)');
      expect(seen.map((detail) => [detail.action, detail.outcomeType.name])).to.deep.equal([['updated', 'Sale (VIP)']]);
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Sale (VIP)', 'edit-button'));
    });

    it('deletes a custom type after a confirmation naming it', async () => {
      const el = await editor(new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES }));
      const seen = events(el);
      button(el, 'Wrong number', 'delete-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => $<HTMLDialogElement>(el, 'dialog')!.open, 'the dialog');
      const dialog = $<HTMLDialogElement>(el, 'dialog')!;
      expect(dialog.textContent).to.contain('Delete “Wrong number”?');
      expect(el.shadowRoot!.activeElement!.textContent!.trim(), 'Cancel has focus: the safe choice').to.equal('Cancel');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await until(() => !dialog.open, 'Escape to close');
      expect(names(el)).to.include('Wrong number');
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Wrong number', 'delete-button'));
      await sendKeys({ press: 'Enter' });
      await until(() => dialog.open, 'the dialog again');
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement, 'Archive instead comes first').to.equal($(el, '[part~="archive-instead"]'));
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="confirm-delete"]'));
      await sendKeys({ press: 'Enter' });
      await until(() => !dialog.open, 'the deletion');
      expect(names(el)).to.not.include('Wrong number');
      expect(seen.map((detail) => [detail.action, detail.outcomeType.key])).to.deep.equal([['deleted', 'wrong_number']]);
      await until(() => announced(el), 'the announcement');
      expect(announced(el)).to.equal('Deleted Wrong number.');
    });

    it('reorders with the move buttons, announced, one write per type whose ordinal changes', async () => {
      const el = await editor(await outcomeTypesApi());
      const seen = events(el);
      button(el, 'Click', 'move-down')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => announced(el), 'the announcement');
      expect(announced(el)).to.equal('Moved Click to position 3 of 10.');
      expect(names(el).slice(0, 3)).to.deep.equal(['Impression', 'Dismiss', 'Click']);
      const puts = await writes('outcome-types');
      expect(puts.map((put) => put.body)).to.deep.equal([
        { id: 'ot_003', ordinal: 1 },
        { id: 'ot_002', ordinal: 2 },
      ]);
      expect(seen.map((detail) => [detail.action, detail.outcomeType.key])).to.deep.equal([
        ['updated', 'dismiss'],
        ['updated', 'click'],
      ]);
      expect(el.shadowRoot!.activeElement, 'focus stays on the moved type').to.equal(button(el, 'Click', 'move-down'));
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ press: 'Enter' });
      await until(() => announced(el) === 'Moved Click to position 2 of 10.', 'the second announcement');
      expect(names(el).slice(0, 3)).to.deep.equal(['Impression', 'Click', 'Dismiss']);
    });

    it('reorders within the filtered view, stepping over hidden archived types, with the fewest writes', async () => {
      const adapter = new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES.map((type, index) => ({ ...type, ordinal: index * 10 })) });
      const el = await editor(adapter);
      // Sale 0, Call back 10, Wrong number 20, Do not call 30, Left voicemail 40, (Old promotion 50, archived)
      button(el, 'Left voicemail', 'move-up')!.click();
      await until(() => announced(el), 'the announcement');
      expect(names(el)).to.deep.equal(['Sale', 'Call back', 'Wrong number', 'Left voicemail', 'Do not call']);
      const ordinals = Object.fromEntries((await adapter.listOutcomeTypes()).map((type) => [type.key, type.ordinal]));
      expect(ordinals).to.deep.equal({ sale: 0, callback: 10, wrong_number: 20, voicemail: 29, do_not_call: 30, old_promo: 50 });
    });

    it('reorders by dragging the handle with a pointer', async () => {
      const el = await editor(new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES }));
      const handle = row(el, 'Do not call').querySelector<HTMLElement>('[part~="drag-handle"]')!;
      const target = row(el, 'Sale').getBoundingClientRect();
      const at = (type: string, y: number) => new PointerEvent(type, { bubbles: true, composed: true, pointerId: 1, button: 0, clientY: y, clientX: 5 });
      handle.dispatchEvent(at('pointerdown', handle.getBoundingClientRect().top + 2));
      handle.dispatchEvent(at('pointermove', target.top + target.height / 2));
      await el.updateComplete;
      expect(row(el, 'Sale').classList.contains('drop-target')).to.be.true;
      handle.dispatchEvent(at('pointerup', target.top + target.height / 2));
      await until(() => announced(el), 'the announcement');
      expect(names(el)).to.deep.equal(['Do not call', 'Sale', 'Call back', 'Wrong number', 'Left voicemail']);
      expect(announced(el)).to.equal('Moved Do not call to position 1 of 5.');
    });
  });

  describe('saving and failures', () => {
    it('shows progress and sends one write however often Save is pressed', async () => {
      const el = await editor(await outcomeTypesApi());
      await (await server('outcome-types')).faults({ kind: 'delay', method: 'POST', ms: 300 });
      await openNew(el);
      await fill(el, 'key', 'purchased');
      await fill(el, 'name', 'Purchased');
      const saveButton = $<HTMLButtonElement>(el, '[part~="save-button"]')!;
      saveButton.click();
      saveButton.click();
      $(el, '[part~="form"]')!.dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
      await el.updateComplete;
      expect(saveButton.disabled).to.be.true;
      expect(saveButton.getAttribute('aria-busy')).to.equal('true');
      expect(saveButton.textContent!.trim()).to.equal('Saving…');
      expect(el.matches(':state(saving)')).to.be.true;
      await until(() => !$(el, '[part~="form"]'), 'the save');
      expect(await writes('outcome-types')).to.have.length(1);
    });

    it('a server fault keeps the form as the user left it and the list unchanged', async () => {
      const el = await editor(await outcomeTypesApi());
      await (await server('outcome-types')).faults({ kind: 'status', method: 'PUT', status: 500, body: { error: 'boom' } });
      await openEdit(el, 'Dismiss');
      await fill(el, 'name', 'Dismissed');
      await fill(el, 'description', 'Closed the offer.');
      await refused(el);
      expect($(el, '#form-error')!.textContent).to.contain('Not saved.').and.contain('The server had a problem.');
      expect(control(el, 'name')!.value).to.equal('Dismissed');
      expect(($(el, '#field-description') as HTMLTextAreaElement).value).to.equal('Closed the offer.');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#form-error'));
      await expect(el).to.be.accessible();
      await cancelAndDiscard(el);
      expect(names(el)).to.include('Dismiss').and.not.include('Dismissed');
    });

    it('a failed reorder writes the changed ordinals back, so the list stays as it was', async () => {
      const el = await editor(await outcomeTypesApi());
      const srv = await server('outcome-types');
      const before = names(el);
      // The first PUT succeeds; the second fails.
      await srv.faults({ kind: 'delay', method: 'PUT', ms: 1 }, { kind: 'status', method: 'PUT', status: 500, body: { error: 'boom' } });
      button(el, 'Click', 'move-down')!.click();
      await until(() => $(el, '[part~="form-error"][role="alert"]'), 'the failure');
      await until(() => !el.matches(':state(saving)'), 'the undo');
      expect($(el, '[role="alert"]')!.textContent).to.contain('the list shows what the server holds');
      expect(names(el)).to.deep.equal(before);
      const state = (await srv.state()) as { types: { key: string; ordinal: number }[] };
      expect(state.types.map((type) => type.ordinal)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it('fires outcome-type-change for updated types, and nothing for a form closed without changes', async () => {
      const el = await editor(new MemoryAdapter());
      const seen = events(el);
      await openEdit(el, 'Expired');
      await saved(el);
      expect(seen).to.deep.equal([]);
      expect(announced(el) || 'Nothing changed.').to.equal('Nothing changed.');
    });

    it('checks errors only after the user leaves a field or saves, never on first paint', async () => {
      const el = await editor(new MemoryAdapter());
      await openNew(el);
      expect(fieldErrors(el)).to.have.length(0);
      await fill(el, 'key', 'k'.repeat(256));
      expect(errorOf(el, 'key')).to.equal('Use at most 255 characters.');
      expect(errorOf(el, 'name')).to.equal('');
    });
  });

  describe('idempotency keys: a Save repeated after a lost answer is the same write', () => {
    it('Sailor create through the editor with “write done, answer lost”: one outcome type stored', async () => {
      const srv = await server('sailor');
      const el = await editor(await sailor());
      await openNew(el);
      await fill(el, 'name', 'Call back tomorrow');
      // The list read again after it is lost too: the editor cannot tell whether the type was created.
      await srv.faults({ kind: 'lose-answer', method: 'POST' }, { kind: 'reset', method: 'GET' });
      await refused(el);
      expect($(el, '#form-error')!.textContent).to.contain('The server could not be reached.');
      await saved(el);
      const posts = await writes('sailor');
      expect(posts).to.have.length(2);
      expect(new Set(keysOf(posts)).size, 'one key for both Saves').to.equal(1);
      const { outcomes } = (await srv.state()) as { outcomes: { outcome_name: string }[] };
      expect(outcomes.filter((outcome) => outcome.outcome_name === 'Call back tomorrow')).to.have.length(1);
      expect(names(el).filter((name) => name === 'Call back tomorrow')).to.have.length(1);
    });

    it('outcome-types API create with “write done, answer lost”: one outcome type stored, though the API ignores the key', async () => {
      const srv = await server('outcome-types');
      const el = await editor(await outcomeTypesApi());
      const seen = events(el);
      await openNew(el);
      await fill(el, 'key', 'purchased');
      await fill(el, 'name', 'Purchased');
      // The list read again after it is lost too (the adapter's own look-up and the editor's): the editor cannot tell.
      await srv.faults({ kind: 'lose-answer', method: 'POST' }, { kind: 'reset', method: 'GET', times: 2 });
      await refused(el);
      expect($(el, '#form-error')!.textContent).to.contain('The server could not be reached.');
      await saved(el);
      const posts = (await writes('outcome-types')).filter((entry) => entry.method === 'POST');
      expect(posts).to.have.length(2);
      expect(new Set(keysOf(posts)).size).to.equal(1);
      const { types } = (await srv.state()) as { types: { key: string }[] };
      expect(types.filter((type) => type.key === 'purchased')).to.have.length(1);
      expect(names(el).filter((name) => name === 'Purchased')).to.have.length(1);
      expect(seen.map((detail) => [detail.action, detail.outcomeType.key])).to.deep.equal([['created', 'purchased']]);
    });

    it('MemoryAdapter create with “write done, answer lost”: one outcome type stored', async () => {
      const memory = new LosingAnswers({ outcomeTypes: CALL_CENTRE_OUTCOMES });
      const el = await editor(memory);
      await openNew(el);
      await fill(el, 'key', 'promise_to_pay');
      await fill(el, 'name', 'Promise to pay');
      memory.lose = 1;
      await refused(el);
      await saved(el);
      expect(memory.keys).to.have.length(2);
      expect(memory.keys[0]).to.be.a('string').and.equal(memory.keys[1]);
      const stored = await memory.listOutcomeTypes();
      expect(stored.filter((type) => type.key === 'promise_to_pay')).to.have.length(1);
      expect(names(el).filter((name) => name === 'Promise to pay')).to.have.length(1);
    });

    it('a new form after a successful create has a new key: two creates of the same input are two types', async () => {
      const srv = await server('sailor');
      const el = await editor(await sailor());
      for (let i = 0; i < 2; i++) {
        await openNew(el);
        await fill(el, 'name', 'Voicemail');
        await saved(el);
      }
      const posts = await writes('sailor');
      expect(posts).to.have.length(2);
      expect(new Set(keysOf(posts)).size).to.equal(2);
      const { outcomes } = (await srv.state()) as { outcomes: { outcome_name: string }[] };
      expect(outcomes.filter((outcome) => outcome.outcome_name === 'Voicemail')).to.have.length(2);
      expect(names(el).filter((name) => name === 'Voicemail')).to.have.length(2);
    });

    it('a form reopened after a lost answer has a new key, and the list shows what was stored', async () => {
      const srv = await server('sailor');
      const el = await editor(await sailor());
      await openNew(el);
      await fill(el, 'name', 'Busy');
      // The list read again after it is lost too: the editor cannot tell whether the type was created.
      await srv.faults({ kind: 'lose-answer', method: 'POST' }, { kind: 'reset', method: 'GET' });
      await refused(el);
      await cancelAndDiscard(el);
      await until(() => names(el).includes('Busy'), 'the list to show the stored type');
      await openEdit(el, 'Busy');
      await fill(el, 'name', 'Busy line');
      await saved(el);
      const [post, patch] = await writes('sailor');
      expect(patch!.method).to.equal('PATCH');
      expect(patch!.headers['idempotency-key']).to.be.a('string').and.not.equal(post!.headers['idempotency-key']);
      expect(names(el)).to.include('Busy line').and.not.include('Busy');
    });

    it('a delete confirmation retried after a lost answer reuses its key and ends deleted', async () => {
      const srv = await server('sailor');
      const el = await editor(await sailor());
      const seen = events(el);
      await openNew(el);
      await fill(el, 'name', 'Temporary');
      await saved(el);
      // The answer is lost, and so is the list read again after it: the editor cannot tell yet.
      await srv.faults({ kind: 'lose-answer', method: 'DELETE' }, { kind: 'reset', method: 'GET' });
      button(el, 'Temporary', 'delete-button')!.click();
      const dialog = $<HTMLDialogElement>(el, 'dialog')!;
      await until(() => dialog.open, 'the dialog');
      $(el, '[part~="confirm-delete"]')!.click();
      await until(() => dialog.textContent!.includes('The server could not be reached.'), 'the failure');
      $(el, '[part~="confirm-delete"]')!.click();
      await until(() => !dialog.open, 'the deletion');
      const deletes = (await writes('sailor')).filter((entry) => entry.method === 'DELETE');
      expect(deletes).to.have.length(2);
      expect(new Set(keysOf(deletes)).size).to.equal(1);
      await until(() => !names(el).includes('Temporary'), 'the row to go');
      expect(seen.map((detail) => detail.action)).to.deep.equal(['created', 'deleted']);
    });

    it('each reorder write has a key of its own', async () => {
      const el = await editor(await outcomeTypesApi());
      button(el, 'Click', 'move-down')!.click();
      await until(() => announced(el), 'the announcement');
      const puts = await writes('outcome-types');
      expect(puts.length).to.be.greaterThan(0);
      expect(new Set(keysOf(puts)).size).to.equal(puts.length);
      expect(keysOf(puts).every((key) => typeof key === 'string' && key.length > 0)).to.be.true;
    });
  });
});
