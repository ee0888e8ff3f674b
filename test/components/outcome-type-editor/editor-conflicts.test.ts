// Two admins, each with an editor and an adapter of their own, on one real test server
// (test/servers/*-server.mjs): what one does while the other has the form open. Updates name the
// version the admin saw (`expected`); a conflict shows both versions with Reapply and Use the
// server's version; a type deleted elsewhere is never re-created unless asked; a role lowered
// while the form is open takes effect at once; the delete dialog offers Archive instead.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { OutcomeAdapter } from '../../../src/adapters/adapter.js';
import { CloseAdapter } from '../../../src/adapters/close/close-adapter.js';
import { MemoryAdapter } from '../../../src/adapters/memory/memory-adapter.js';
import { SailorAdapter } from '../../../src/adapters/sailor/sailor-adapter.js';
import type { OutcomeTypeEditor } from '../../../src/components/outcome-type-editor/outcome-type-editor.js';
import { CALL_CENTRE_OUTCOMES } from '../../helpers/sample-outcomes.js';
import { seedServer, type LoggedRequest } from '../../helpers/seed-server.js';

// Mirror test/servers/sailor-api.mjs and close-api.mjs.
const SAILOR_TOKEN = 'sailor-test-token';
const INTERESTED = '00000000-0000-4000-8000-000000000001';
const WEBHOOK = 'https://example.com/sailor/outcomes';
const NEWER_WEBHOOK = 'https://example.com/sailor/newer';
const CLOSE_API_KEY = 'api_close_test_key';
const DEMO_BOOKED = 'outcome_03oUxZfoO6e2vHmcz1DiHR';

type Server = Awaited<ReturnType<typeof seedServer>>;

async function until(condition: () => unknown, what: string, ms = 4000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const $ = <T extends HTMLElement = HTMLElement>(el: OutcomeTypeEditor, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: OutcomeTypeEditor, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const names = (el: OutcomeTypeEditor) => $$(el, 'tbody .type-name').map((cell) => cell.textContent!.trim());
const active = (el: OutcomeTypeEditor) => el.shadowRoot!.activeElement as HTMLElement | null;
const announced = (el: OutcomeTypeEditor) => $(el, '[aria-live="polite"]')!.textContent!.trim();
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * An editor on a host of `width`: at 800 px (two admins stacked in the page) an open form is a
 * modal dialog; 1280 px is wide enough for one line per row with every column and its buttons.
 */
async function editor(adapter: OutcomeAdapter, role: 'editor' | 'viewer' = 'editor', width = '800px'): Promise<OutcomeTypeEditor> {
  const host = await fixture<HTMLDivElement>(html`<div style="width: ${width}"><outcome-type-editor .adapter=${adapter} user-role=${role}></outcome-type-editor></div>`);
  const el = host.querySelector('outcome-type-editor')!;
  await until(() => $(el, '[part~="table"]'), 'the list');
  await el.updateComplete;
  return el;
}

function rowControl(el: OutcomeTypeEditor, name: string, part: string): HTMLElement {
  const row = $$(el, 'tbody tr').find((candidate) => text(candidate.querySelector('.type-name')) === name);
  const control = row?.querySelector<HTMLElement>(`[part~="${part}"]`);
  if (!control) throw new Error(`No ${part} for "${name}" in ${names(el).join(', ')}`);
  return control;
}

/** Edit, by keyboard: focus the row's Edit button and press Enter. */
async function openEdit(el: OutcomeTypeEditor, name: string): Promise<void> {
  rowControl(el, name, 'edit-button').focus();
  await sendKeys({ press: 'Enter' });
  await until(() => $(el, '[part~="form"]'), 'the form');
  await el.updateComplete;
}

/** Types over a field's value, as a user who selects it all and types. */
async function retype(el: OutcomeTypeEditor, field: string, value: string): Promise<void> {
  const control = $<HTMLInputElement>(el, `#field-${field}`)!;
  control.focus();
  control.select();
  await sendKeys({ type: value });
  await el.updateComplete;
}

/** Enter in a field of the form: Save. */
async function pressSave(el: OutcomeTypeEditor, field = 'name'): Promise<void> {
  $<HTMLInputElement>(el, `#field-${field}`)!.focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

async function saveAndClose(el: OutcomeTypeEditor, field = 'name'): Promise<void> {
  await pressSave(el, field);
  await until(() => !$(el, '[part~="form"]'), 'the form to close');
  await el.updateComplete;
}

async function writes(server: Server): Promise<LoggedRequest[]> {
  return (await server.log()).filter((entry) => entry.method !== 'GET');
}

/** Presses a control by keyboard. */
async function press(el: OutcomeTypeEditor, selector: string): Promise<void> {
  const control = $(el, selector);
  if (!control) throw new Error(`No ${selector}`);
  control.focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

interface Backend {
  name: string;
  server: string;
  adapter(url: string): OutcomeAdapter;
  /** The type both admins edit, its name, and A's new name for it. */
  id: string;
  typeName: string;
  renamed: string;
  /** The field B changes (not the name), B's value, and what it held. */
  field: string;
  mine: string;
  theirs: string;
  /** The server's record of the type: its name and B's field. */
  stored(state: unknown, id: string): { name: string; field: string | null | undefined } | undefined;
  count(state: unknown): number;
  /** The method of an update. */
  updateMethod: string;
}

const backends: Backend[] = [
  {
    name: 'Sailor',
    server: 'sailor',
    adapter: (url) => new SailorAdapter({ baseUrl: url, token: SAILOR_TOKEN, retries: 0 }),
    id: INTERESTED,
    typeName: 'Interested',
    renamed: 'Interested - A',
    field: 'webhookUrl',
    mine: NEWER_WEBHOOK,
    theirs: WEBHOOK,
    stored: (state, id) => {
      const found = (state as { outcomes: { outcome_id: string; outcome_name: string; webhook_url: string | null }[] }).outcomes.find((outcome) => outcome.outcome_id === id);
      return found && { name: found.outcome_name, field: found.webhook_url };
    },
    count: (state) => (state as { outcomes: unknown[] }).outcomes.length,
    updateMethod: 'PATCH',
  },
  {
    name: 'Close',
    server: 'close',
    adapter: (url) => new CloseAdapter({ baseUrl: url, apiKey: CLOSE_API_KEY, retries: 0 }),
    id: DEMO_BOOKED,
    typeName: 'Demo Booked',
    renamed: 'Demo Done',
    field: 'description',
    mine: 'B wrote this.',
    theirs: 'Prospect is qualified and booked a demo of our software.',
    stored: (state, id) => {
      const found = (state as { outcomes: { id: string; name: string; description: string | null }[] }).outcomes.find((outcome) => outcome.id === id);
      return found && { name: found.name, field: found.description };
    },
    count: (state) => (state as { outcomes: unknown[] }).outcomes.length,
    updateMethod: 'PUT',
  },
];

for (const backend of backends) {
  describe(`two admins in two editors: ${backend.name}`, () => {
    let server: Server;
    const admin = () => editor(backend.adapter(server.url));

    before(async () => {
      server = await seedServer(backend.server);
    });

    beforeEach(async () => {
      await server.reset();
    });

    /** B opens the form; A (an adapter of their own) renames the type; B changes another field and saves. */
    async function conflictInB(): Promise<{ b: OutcomeTypeEditor }> {
      const a = backend.adapter(server.url);
      await a.listOutcomeTypes();
      const b = await admin();
      await openEdit(b, backend.typeName);
      await a.updateOutcomeType!(backend.id, { name: backend.renamed });
      expect(backend.stored(await server.state(), backend.id)!.name).to.equal(backend.renamed);
      await retype(b, backend.field, backend.mine);
      await pressSave(b, 'name');
      await until(() => $(b, '[part~="conflict"]'), 'the conflict');
      await b.updateComplete;
      return { b };
    }

    it('a Save over another admin’s rename is a conflict showing both versions, focused and accessible; nothing is written', async () => {
      const { b } = await conflictInB();
      const panel = $(b, '[part~="conflict"]')!;
      expect(active(b), 'focus on the comparison').to.equal(panel);
      expect(text(panel.querySelector('[role="alert"]'))).to.contain(`someone else changed “${backend.typeName}”`);
      const rows = [...panel.querySelectorAll('ul[aria-label] > li')].map(text);
      expect(rows, 'only the fields that differ').to.have.length(2);
      expect(rows.find((row) => row.startsWith('Name'))).to.contain(`Yours: ${backend.typeName}`).and.contain(`Now on the server: ${backend.renamed}`).and.contain('You did not change this');
      const mine = rows.find((row) => row.includes(`Yours: ${backend.mine}`));
      expect(mine).to.contain(`Now on the server: ${backend.theirs}`).and.not.contain('You did not change this');
      // The form is as B left it; Save gives way to the two choices.
      expect($<HTMLInputElement>(b, `#field-${backend.field}`)!.value).to.equal(backend.mine);
      expect($<HTMLInputElement>(b, '#field-name')!.value).to.equal(backend.typeName);
      expect($(b, '[part~="save-button"]')).to.equal(null);
      expect(text($(b, '[part~="reapply"]'))).to.equal('Reapply my changes');
      expect(text($(b, '[part~="use-server"]'))).to.equal('Use the server’s version');
      // Only A's write reached the server.
      expect(await writes(server)).to.have.length(1);
      await expect(b).to.be.accessible();
    });

    it('Reapply my changes saves B’s change over the current version: A’s rename survives on the server', async () => {
      const { b } = await conflictInB();
      await press(b, '[part~="reapply"]');
      await until(() => !$(b, '[part~="form"]'), 'the form to close');
      const stored = backend.stored(await server.state(), backend.id)!;
      expect(stored).to.deep.equal({ name: backend.renamed, field: backend.mine });
      expect(names(b)).to.include(backend.renamed).and.not.include(backend.typeName);
      await until(() => announced(b), 'the announcement');
      expect(announced(b)).to.equal(`Saved ${backend.renamed}.`);
      await expect(b).to.be.accessible();
    });

    it('Use the server’s version reloads the form from it; saving it unchanged writes nothing', async () => {
      const { b } = await conflictInB();
      const before = (await writes(server)).length;
      await press(b, '[part~="use-server"]');
      await until(() => !$(b, '[part~="conflict"]'), 'the comparison to go');
      expect($<HTMLInputElement>(b, '#field-name')!.value).to.equal(backend.renamed);
      expect($<HTMLInputElement>(b, `#field-${backend.field}`)!.value).to.equal(backend.theirs);
      expect($(b, '[part~="save-button"]')).to.exist;
      expect(active(b)?.matches('input, select, textarea'), 'focus back in the form').to.equal(true);
      await until(() => announced(b), 'the announcement');
      expect(announced(b)).to.equal('The form now shows the server’s version.');
      await expect(b).to.be.accessible();
      await saveAndClose(b);
      expect(await writes(server), JSON.stringify((await writes(server)).map((entry) => entry.body))).to.have.length(before);
    });

    it('deleted while B edits: Save says so and offers Create it again or Close; Close re-creates nothing', async () => {
      const a = await admin();
      const b = await admin();
      await openEdit(b, backend.typeName);
      rowControl(a, backend.typeName, 'delete-button').click();
      await until(() => $<HTMLDialogElement>(a, 'dialog')?.open, 'A’s dialog');
      await press(a, '[part~="confirm-delete"]');
      await until(() => !names(a).includes(backend.typeName), 'A’s deletion');
      await retype(b, 'name', 'Still here?');
      await pressSave(b);
      await until(() => $(b, '[part~="deleted-elsewhere"]'), 'the notice');
      await b.updateComplete;
      const notice = $(b, '[part~="deleted-elsewhere"]')!;
      expect(active(b)).to.equal(notice);
      expect(text(notice.querySelector('[role="alert"]'))).to.contain('This outcome type was deleted by someone else.');
      // Still the edit form of that type, as B left it: never silently "New outcome type".
      expect(text($(b, '[part~="form-title"]'))).to.contain(`Edit “${backend.typeName}”`);
      expect($<HTMLInputElement>(b, '#field-name')!.value).to.equal('Still here?');
      expect($(b, '[part~="save-button"]')).to.equal(null);
      expect(text($(b, '[part~="create-again"]'))).to.equal('Create it again');
      await expect(b).to.be.accessible();
      await press(b, '[part~="close-form"]');
      await until(() => !$(b, '[part~="form"]'), 'the form to close');
      const log = await writes(server);
      expect(log.filter((entry) => entry.method === 'POST'), 'nothing re-created').to.deep.equal([]);
      expect(log.filter((entry) => entry.method !== 'DELETE'), 'nothing written by B').to.deep.equal([]);
      await until(() => !names(b).includes(backend.typeName), 'B’s list to drop it');
    });

    it('deleted while B edits: Create it again is one explicit create with a new key', async () => {
      const a = await admin();
      const b = await admin();
      const before = backend.count(await server.state());
      await openEdit(b, backend.typeName);
      rowControl(a, backend.typeName, 'delete-button').click();
      await until(() => $<HTMLDialogElement>(a, 'dialog')?.open, 'A’s dialog');
      await press(a, '[part~="confirm-delete"]');
      await until(() => !names(a).includes(backend.typeName), 'A’s deletion');
      await retype(b, 'name', 'Back again');
      await pressSave(b);
      await until(() => $(b, '[part~="create-again"]'), 'Create it again');
      await press(b, '[part~="create-again"]');
      await until(() => !$(b, '[part~="form"]'), 'the form to close');
      const posts = (await writes(server)).filter((entry) => entry.method === 'POST');
      expect(posts).to.have.length(1);
      expect(backend.count(await server.state())).to.equal(before);
      expect(names(b)).to.include('Back again');
      await until(() => announced(b), 'the announcement');
      expect(announced(b)).to.equal('Created Back again.');
    });

    it('a delete confirmed after another admin deleted the type says so, with Close only', async () => {
      const a = await admin();
      const b = await admin();
      rowControl(a, backend.typeName, 'delete-button').click();
      await until(() => $<HTMLDialogElement>(a, 'dialog')?.open, 'A’s dialog');
      await press(a, '[part~="confirm-delete"]');
      await until(() => !names(a).includes(backend.typeName), 'A’s deletion');
      rowControl(b, backend.typeName, 'delete-button').click();
      const dialog = $<HTMLDialogElement>(b, 'dialog')!;
      await until(() => dialog.open, 'B’s dialog');
      await press(b, '[part~="confirm-delete"]');
      await until(() => text(dialog).includes('deleted by someone else'), 'the notice');
      expect($(b, '[part~="confirm-delete"]')).to.equal(null);
      expect(text(active(b))).to.equal('Close');
      await expect(b).to.be.accessible();
      await sendKeys({ press: 'Enter' });
      await until(() => !dialog.open, 'the dialog to close');
      await until(() => !names(b).includes(backend.typeName), 'B’s list to drop it');
      expect((await writes(server)).filter((entry) => entry.method === 'POST')).to.deep.equal([]);
    });

    it('a Save whose answer was lost reads the list again: found holding the change, it is saved', async () => {
      const b = await admin();
      await openEdit(b, backend.typeName);
      await retype(b, 'name', 'Renamed by B');
      await server.faults({ kind: 'lose-answer', method: backend.updateMethod });
      await saveAndClose(b);
      expect(backend.stored(await server.state(), backend.id)!.name).to.equal('Renamed by B');
      expect(names(b)).to.include('Renamed by B');
      await until(() => announced(b), 'the announcement');
      expect(announced(b)).to.equal('Saved Renamed by B.');
    });

    it('a viewer now: demoted with the form open, the form is read only and cannot be saved', async () => {
      const b = await admin();
      await openEdit(b, backend.typeName);
      await retype(b, 'name', 'Changed');
      b.setAttribute('user-role', 'viewer');
      await b.updateComplete;
      expect(text($(b, '[part~="form"] [part~="note"][role="alert"]'))).to.contain('read only and cannot be saved');
      expect($(b, '[part~="save-button"]')).to.equal(null);
      expect($<HTMLInputElement>(b, '#field-name')!.disabled).to.equal(true);
      expect(b.matches(':state(viewer)')).to.equal(true);
      // A submission however it comes writes nothing.
      $(b, '[part~="form"]')!.dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await writes(server)).to.deep.equal([]);
      await expect(b).to.be.accessible();
    });
  });
}

describe('a reorder whose answer was lost (Sailor)', () => {
  it('ends with the list equal to the server’s', async () => {
    const server = await seedServer('sailor');
    await server.reset();
    const adapter = new SailorAdapter({ baseUrl: server.url, token: SAILOR_TOKEN, retries: 0 });
    for (const [index, name] of ['Busy', 'No answer'].entries()) {
      await adapter.createOutcomeType({ name, description: '', classification: 'neutral', category: 'response', kind: 'disposition', ordinal: 20 + index, status: 'active', requiresFutureScheduledAt: false, destination: { type: 'none' } });
    }
    const el = await editor(new SailorAdapter({ baseUrl: server.url, token: SAILOR_TOKEN, retries: 0 }));
    expect(names(el)).to.deep.equal(['Interested', 'Busy', 'No answer']);
    await server.faults({ kind: 'lose-answer', method: 'PATCH' });
    rowControl(el, 'Busy', 'move-up').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '[part~="form-error"][role="alert"]'), 'the failure');
    await until(() => !el.matches(':state(saving)'), 'the reorder to end');
    expect(text($(el, '[part~="form-error"][role="alert"]'))).to.contain('the list shows what the server holds');
    const { outcomes } = (await server.state()) as { outcomes: { outcome_name: string; order: number }[] };
    const onServer = [...outcomes].sort((x, y) => x.order - y.order || x.outcome_name.localeCompare(y.outcome_name)).map((outcome) => outcome.outcome_name);
    expect(names(el)).to.deep.equal(onServer);
    await expect(el).to.be.accessible();
  });
});

describe('Archive instead (MemoryAdapter)', () => {
  it('says how many records use the type and archives it: kept, nothing deleted', async () => {
    const adapter = new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES });
    for (let index = 0; index < 12; index++) {
      await adapter.recordOutcome({ subjectId: `call-${index}`, outcomeKey: 'wrong_number', source: 'agent' }, { idempotencyKey: `record-${index}` });
    }
    await adapter.recordOutcome({ subjectId: 'call-x', outcomeKey: 'sale', source: 'agent' }, { idempotencyKey: 'record-x' });
    const el = await editor(adapter, 'editor', '1280px');
    const seen: string[] = [];
    el.addEventListener('outcome-type-change', (event) => seen.push(`${event.detail.action} ${event.detail.outcomeType.status}`));
    rowControl(el, 'Wrong number', 'delete-button').focus();
    await sendKeys({ press: 'Enter' });
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await until(() => dialog.open, 'the dialog');
    await until(() => $(el, '[part~="usage"]'), 'the record count');
    expect(text($(el, '[part~="usage"]'))).to.equal('Used by 12 recorded outcomes.');
    expect(text(dialog)).to.contain('Archiving hides it from agents');
    const archive = $(el, '[part~="archive-instead"]')!;
    expect(archive.classList.contains('primary')).to.equal(true);
    expect($(el, '[part~="confirm-delete"]'), 'Delete is still offered').to.exist;
    expect(text(active(el)), 'Cancel has focus: the safe choice').to.equal('Cancel');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(archive);
    await sendKeys({ press: 'Enter' });
    await until(() => !dialog.open, 'the dialog to close');
    const stored = (await adapter.listOutcomeTypes()).find((type) => type.key === 'wrong_number');
    expect(stored?.status).to.equal('archived');
    expect(adapter.listRecords().filter((record) => record.outcomeKey === 'wrong_number')).to.have.length(12);
    // Hidden by the default filter (all but archived), shown under "All statuses".
    expect(names(el)).to.not.include('Wrong number');
    expect(seen).to.deep.equal(['updated archived']);
    await until(() => announced(el), 'the announcement');
    expect(announced(el)).to.equal('Archived Wrong number.');
  });

  it('says when no record uses the type, and offers no archive for one already archived', async () => {
    const adapter = new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES });
    const el = await editor(adapter);
    rowControl(el, 'Do not call', 'delete-button').click();
    await until(() => $(el, '[part~="usage"]'), 'the record count');
    expect(text($(el, '[part~="usage"]'))).to.equal('No recorded outcome uses it.');
    expect($(el, '[part~="archive-instead"]')).to.exist;
    await sendKeys({ press: 'Escape' });
    await until(() => !$(el, '[part~="usage"]'), 'the dialog to close');
    const filter = $<HTMLSelectElement>(el, '[part~="status-filter"]')!;
    filter.value = 'all';
    filter.dispatchEvent(new Event('change'));
    await el.updateComplete;
    rowControl(el, 'Old promotion', 'delete-button').click();
    await until(() => $<HTMLDialogElement>(el, 'dialog')!.open && $(el, '[part~="usage"]'), 'the dialog');
    expect($(el, '[part~="archive-instead"]')).to.equal(null);
    expect($(el, '[part~="confirm-delete"]')).to.exist;
  });
});
