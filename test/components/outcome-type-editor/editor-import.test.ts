import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { OutcomeAdapter, RequestOptions } from '../../../src/adapters/adapter.js';
import { OutcomeAdapterError } from '../../../src/adapters/errors.js';
import { MemoryAdapter } from '../../../src/adapters/memory/memory-adapter.js';
import type { OutcomeTypeChangeDetail, OutcomeTypeEditor } from '../../../src/components/outcome-type-editor/outcome-type-editor.js';
import { OutcomeStore } from '../../../src/controllers/outcome-store.js';
import { SAILOR_RULES } from '../../../src/adapters/rules.js';
import { exportOutcomeTypes } from '../../../src/model/import-plan.js';
import type { OutcomeType, OutcomeTypeInput } from '../../../src/model/types.js';
import { until } from '../../helpers/fresh-source.js';
import { CALL_CENTRE_OUTCOMES } from '../../helpers/sample-outcomes.js';

const $ = <T extends HTMLElement = HTMLElement>(el: OutcomeTypeEditor, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: OutcomeTypeEditor, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const dialog = (el: OutcomeTypeEditor) => $<HTMLDialogElement>(el, 'dialog[part~="import-dialog"]');
const active = (el: OutcomeTypeEditor) => el.shadowRoot!.activeElement as HTMLElement | null;

async function editor(adapter: OutcomeAdapter, role: 'editor' | 'viewer' = 'editor'): Promise<OutcomeTypeEditor> {
  const el = await fixture<OutcomeTypeEditor>(html`<outcome-type-editor .adapter=${adapter} user-role=${role}></outcome-type-editor>`);
  await until(() => $(el, '[part~="table"]'), 'the list');
  await el.updateComplete;
  return el;
}

/** Presses Import with the keyboard; the dialog opens with focus on the file field. */
async function openImport(el: OutcomeTypeEditor): Promise<HTMLDialogElement> {
  $(el, '[part~="import-button"]')!.focus();
  await sendKeys({ press: 'Enter' });
  await until(() => dialog(el)?.open, 'the import dialog');
  await el.updateComplete;
  await until(() => active(el)?.id === 'import-file', 'focus on the file field');
  return dialog(el)!;
}

/** Types text into the paste field (Tab from the file field) and presses Preview. */
async function pasteAndPreview(el: OutcomeTypeEditor, text: string): Promise<void> {
  await sendKeys({ press: 'Tab' });
  expect(active(el)?.id).to.equal('import-text');
  await sendKeys({ type: text });
  // Preview is the next control.
  await sendKeys({ press: 'Tab' });
  expect(active(el)!.textContent!.trim()).to.equal('Preview');
  await sendKeys({ press: 'Enter' });
  await until(() => $(el, '[part~="import-preview"]'), 'the preview');
  await el.updateComplete;
}

/** Chooses a file in the file field, as the browser's file picker does. */
async function chooseFile(el: OutcomeTypeEditor, name: string, text: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#import-file')!;
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], name, { type: name.endsWith('.json') ? 'application/json' : 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

function rowsOf(el: OutcomeTypeEditor): { row: string; kind: string; name: string; details: string }[] {
  return $$(el, '[part~="import-row"]').map((tr) => ({
    row: tr.dataset['row']!,
    kind: tr.getAttribute('part')!.split(' ')[1]!.replace('import-row-', ''),
    name: tr.querySelector('th')!.textContent!.trim(),
    details: tr.querySelector('.details')!.textContent!.trim(),
  }));
}

function events(el: OutcomeTypeEditor): OutcomeTypeChangeDetail[] {
  const seen: OutcomeTypeChangeDetail[] = [];
  el.addEventListener('outcome-type-change', (event) => seen.push(event.detail));
  return seen;
}

/** A memory backend that counts writes and their keys, and fails the first create of one name. */
class FlakyAdapter extends MemoryAdapter {
  readonly creates: { name: string; key: string | undefined }[] = [];
  readonly updates: { id: string; key: string | undefined }[] = [];
  failName = '';

  override async createOutcomeType(input: OutcomeTypeInput, options?: RequestOptions): Promise<OutcomeType> {
    this.creates.push({ name: input.name, key: options?.idempotencyKey });
    if (input.name === this.failName) {
      this.failName = '';
      throw new OutcomeAdapterError('server', 'The server had a problem.', { status: 500 });
    }
    return super.createOutcomeType(input, options);
  }

  override async updateOutcomeType(id: string, changes: Partial<OutcomeTypeInput>, options?: RequestOptions): Promise<OutcomeType> {
    this.updates.push({ id, key: options?.idempotencyKey });
    return super.updateOutcomeType(id, changes, options);
  }
}

describe('<outcome-type-editor> import and export', () => {
  describe('export', () => {
    let blobs: Blob[];
    let downloads: { name: string; href: string }[];
    const createObjectURL = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;

    beforeEach(() => {
      blobs = [];
      downloads = [];
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        blobs.push(blob as Blob);
        return `blob:test/${blobs.length}`;
      };
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        downloads.push({ name: this.download, href: this.href });
      };
    });

    afterEach(() => {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    });

    it('downloads the whole list, archived included, in canonical order as CSV and as JSON — for viewers too', async () => {
      const adapter = new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES });
      const el = await editor(adapter, 'viewer');
      expect($(el, '[part~="import-button"]'), 'viewers cannot import').to.equal(null);
      const list = OutcomeStore.for(adapter).snapshot.outcomeTypes;
      expect(list.some((type) => type.status === 'archived')).to.equal(true);

      const [csvButton, jsonButton] = $$(el, '[part~="export-button"]');
      expect(csvButton!.textContent!.trim()).to.equal('Export CSV');
      csvButton!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => downloads.length === 1, 'the CSV download');
      expect(downloads[0]).to.deep.equal({ name: 'outcome-types.csv', href: 'blob:test/1' });
      expect(blobs[0]!.type).to.equal('text/csv;charset=utf-8');
      const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
      expect([...bytes.slice(0, 3)], 'a byte-order mark for spreadsheets').to.deep.equal([0xef, 0xbb, 0xbf]);
      const csv = new TextDecoder().decode(bytes);
      expect(csv).to.equal(exportOutcomeTypes(list, 'csv'));
      expect(csv.split('\r\n')[0]).to.match(/^id,key,name,description,/);
      expect(csv.split('\r\n').filter(Boolean)).to.have.length(list.length + 1);

      jsonButton!.click();
      await until(() => downloads.length === 2, 'the JSON download');
      expect(downloads[1]!.name).to.equal('outcome-types.json');
      expect(blobs[1]!.type).to.equal('application/json');
      const json = JSON.parse(await blobs[1]!.text()) as { key: string }[];
      expect(json.map((type) => type.key)).to.deep.equal(list.map((type) => type.key));
      await until(() => $(el, '[role="status"]:not([aria-live])')?.textContent?.includes('Exported'), 'the announcement');
      expect($$(el, '[role="status"]').map((status) => status.textContent!.trim())).to.include(`Exported ${list.length} outcome types to outcome-types.json.`);
      await expect(el).to.be.accessible();
    });
  });

  describe('import', () => {
    it('previews every kind of row, names unknown columns and the field errors of invalid rows; Escape closes when idle', async () => {
      const el = await editor(new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES }));
      const opened = await openImport(el);
      expect(opened.textContent).to.contain('Import outcome types');
      await expect(el).to.be.accessible();
      await pasteAndPreview(
        el,
        ['key,name,status,colour', 'upsell,Upsell,active,red', 'sale,Sale (closed),,', 'wrong_number,Wrong number,,', 'bad,Bad,nonsense,'].join('\n'),
      );
      expect(opened.textContent).to.contain('1 to create, 1 to update, 1 unchanged, 1 invalid.');
      expect(opened.textContent).to.contain('Column “colour” is not an outcome type field: it is ignored.');
      expect(rowsOf(el)).to.deep.equal([
        { row: '1', kind: 'create', name: 'Upsell', details: 'upsell' },
        { row: '2', kind: 'update', name: 'Sale', details: 'Name: Sale → Sale (closed)' },
        { row: '3', kind: 'unchanged', name: 'Wrong number', details: '' },
        { row: '4', kind: 'invalid', name: 'Bad', details: 'Status: Choose one of: draft, active, paused, archived.' },
      ]);
      expect($(el, '[part~="import-apply"]')!.textContent!.trim()).to.equal('Apply 2 changes');
      // Seen, not only in the DOM: each row its own line inside the preview (the list's windowed
      // row styles once positioned these rows on top of each other, out of sight).
      const preview = $(el, '[part~="import-preview"]')!.getBoundingClientRect();
      const tops = $$(el, '[part~="import-row"]').map((tr) => tr.getBoundingClientRect());
      expect(new Set(tops.map((box) => Math.round(box.top))).size, 'one line per row').to.equal(4);
      for (const box of tops) expect(box.height > 0 && box.top >= preview.top && box.bottom <= preview.bottom + 1, 'inside the preview').to.be.true;
      // Focus went to the dialog's title, so the summary is read next.
      expect(active(el)?.id).to.equal('import-title');
      await expect(el).to.be.accessible();

      // The Show filter reaches the rows of one kind.
      const filter = $<HTMLSelectElement>(el, '#import-filter')!;
      filter.focus();
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(rowsOf(el).map((row) => row.kind)).to.deep.equal(['invalid']);

      await sendKeys({ press: 'Escape' });
      await until(() => !opened.open, 'Escape to close');
      await el.updateComplete;
      await until(() => active(el) === $(el, '[part~="import-button"]'), 'focus back on Import');
      expect($$(el, 'tbody .type-name').map((cell) => cell.textContent)).to.not.include('Upsell');
    });

    it('reads a chosen file, and says where a malformed one is broken', async () => {
      const el = await editor(new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES }));
      await openImport(el);
      await chooseFile(el, 'broken.csv', 'key,name\nsale,"Sale\nx,y\n');
      await until(() => $(el, '#import-error')?.textContent, 'the error');
      expect($(el, '#import-error')!.textContent).to.equal('The file could not be read: CSV line 2: a quoted field opened here is never closed');
      await chooseFile(el, 'types.json', JSON.stringify([{ key: 'upsell', name: 'Upsell' }]));
      await until(() => $(el, '[part~="import-preview"]'), 'the preview');
      expect(rowsOf(el).map((row) => row.kind)).to.deep.equal(['create']);
      dialog(el)!.close();
    });

    it('applies creates and updates, never invalid rows; a failed row is reported, and Retry failed re-sends only it with its key', async () => {
      const adapter = new FlakyAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES });
      adapter.failName = 'Second';
      const el = await editor(adapter);
      const seen = events(el);
      await openImport(el);
      await pasteAndPreview(el, ['key,name,status', 'first,First,', 'second,Second,', 'third,Third,', 'sale,Sale (closed),', 'bad,Bad,nonsense'].join('\n'));
      expect($(el, '[part~="import-apply"]')!.textContent!.trim()).to.equal('Apply 4 changes');
      $(el, '[part~="import-apply"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => $(el, '[part~="import-failures"]'), 'the report');
      await el.updateComplete;
      const report = $(el, '[part~="import-status"]')!;
      expect(report.textContent!.trim()).to.equal('Created 2, updated 1. 1 row failed:');
      expect($(el, '[part~="import-failures"]')!.textContent!.trim()).to.equal('Row 2, “Second”: The server had a problem.');
      expect(adapter.creates.map((call) => call.name)).to.deep.equal(['First', 'Second', 'Third']);
      expect(adapter.updates).to.have.length(1);
      const keys = adapter.creates.map((call) => call.key);
      expect(new Set([...keys, adapter.updates[0]!.key]).size, 'one key per row').to.equal(4);
      expect(keys.every(Boolean)).to.equal(true);
      // The list shows what was written, the invalid row nowhere.
      await until(() => $$(el, 'tbody .type-name').some((cell) => cell.textContent === 'Third'), 'the list updated');
      const names = $$(el, 'tbody .type-name').map((cell) => cell.textContent);
      expect(names).to.include.members(['First', 'Third', 'Sale (closed)']);
      expect(names).to.not.include.members(['Second', 'Bad']);
      expect(seen.map((detail) => [detail.action, detail.outcomeType.name])).to.deep.equal([
        ['created', 'First'],
        ['created', 'Third'],
        ['updated', 'Sale (closed)'],
      ]);
      expect(active(el)?.id).to.equal('import-title');
      await expect(el).to.be.accessible();

      $(el, '[part~="import-retry"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !$(el, '[part~="import-failures"]') && $(el, '[part~="import-status"]')?.textContent?.includes('Created'), 'the retry');
      expect($(el, '[part~="import-status"]')!.textContent!.trim()).to.equal('Created 3, updated 1.');
      expect(adapter.creates.map((call) => call.name)).to.deep.equal(['First', 'Second', 'Third', 'Second']);
      expect(adapter.creates[3]!.key, 'the same key as the failed try').to.equal(adapter.creates[1]!.key);
      expect(adapter.updates).to.have.length(1);
      await until(() => $$(el, 'tbody .type-name').some((cell) => cell.textContent === 'Second'), 'the retried row in the list');
      expect(seen.at(-1)).to.deep.include({ action: 'created' });
      expect($(el, '[part~="import-retry"]')).to.equal(null);
      await expect(el).to.be.accessible();

      // Closed after the report, Import starts again.
      const closeButton = [...dialog(el)!.querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Close')!;
      closeButton.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !dialog(el)!.open, 'the dialog to close');
      await openImport(el);
      expect($(el, '#import-text')).to.not.equal(null);
      dialog(el)!.close();
    });

    it('shows progress beyond 10 writes, with at most 4 in flight, and refuses Escape while writing', async () => {
      let inFlight = 0;
      let most = 0;
      // Writes wait until the test opens the gate, so the run is under way for as long as it needs.
      let open: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (open = resolve));
      class SlowAdapter extends MemoryAdapter {
        override async createOutcomeType(input: OutcomeTypeInput, options?: RequestOptions): Promise<OutcomeType> {
          inFlight++;
          most = Math.max(most, inFlight);
          await gate;
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight--;
          return super.createOutcomeType(input, options);
        }
      }
      const el = await editor(new SlowAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES }));
      await openImport(el);
      const rows = Array.from({ length: 24 }, (_, index) => `bulk_${index},Bulk ${index}`);
      await chooseFile(el, 'bulk.csv', ['key,name', ...rows].join('\n'));
      await until(() => $(el, '[part~="import-apply"]'), 'the preview');
      $(el, '[part~="import-apply"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => el.shadowRoot!.querySelector('dialog progress'), 'the progress bar');
      expect($(el, '[part~="import-status"]')!.textContent).to.equal('Importing: 0 of 24 written.');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(dialog(el)!.open, 'Escape refused while writing').to.equal(true);
      expect($(el, '[part~="import-status"]')!.textContent).to.contain('cannot be closed');
      expect(inFlight, 'at most 4 in flight').to.equal(4);
      open();
      await until(() => $(el, '[part~="import-status"]')?.textContent?.includes('Created 24'), 'the report', 5000);
      expect(most).to.equal(4);
      await sendKeys({ press: 'Escape' });
      await until(() => !dialog(el)!.open, 'Escape closes after the run');
    });

    it('checks rows with the backend’s own rules (Sailor: no status field, webhook required for actions)', async () => {
      const el = await editor(new MemoryAdapter({ rules: SAILOR_RULES, outcomeTypes: CALL_CENTRE_OUTCOMES }));
      await openImport(el);
      await chooseFile(
        el,
        'sailor.json',
        JSON.stringify([
          { name: 'Demo booked', kind: 'disposition' },
          { name: 'Hot transfer', kind: 'action' },
          { name: 'Paused one', kind: 'disposition', status: 'paused' },
        ]),
      );
      await until(() => $(el, '[part~="import-preview"]'), 'the preview');
      expect(rowsOf(el)).to.deep.equal([
        { row: '1', kind: 'create', name: 'Demo booked', details: 'demo_booked' },
        { row: '2', kind: 'invalid', name: 'Hot transfer', details: 'Webhook URL: Required for action outcomes.' },
        { row: '3', kind: 'invalid', name: 'Paused one', details: 'Status: This backend has no such field to keep the value in.' },
      ]);
      await expect(el).to.be.accessible();
      dialog(el)!.close();
    });

    it('previews 10,000 rows without freezing: 200 rendered, the rest counted and reachable by kind', async () => {
      const el = await editor(new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES }));
      await openImport(el);
      const lines = ['key,name,ordinal'];
      for (let index = 0; index < 10_000; index++) lines.push(index === 9_999 ? `late,Late,not-a-number` : `k${index},Type ${index},${index}`);
      const started = performance.now();
      await chooseFile(el, 'big.csv', lines.join('\n'));
      await until(() => $(el, '[part~="import-preview"]'), 'the preview', 10_000);
      await el.updateComplete;
      const took = performance.now() - started;
      expect(took, 'read, planned and rendered').to.be.below(5000);
      expect($$(el, '[part~="import-row"]')).to.have.length(200);
      expect(dialog(el)!.textContent).to.contain('9999 to create, 0 to update, 0 unchanged, 1 invalid.');
      expect(dialog(el)!.textContent).to.contain('and 9800 more rows, not shown.');
      const filter = $<HTMLSelectElement>(el, '#import-filter')!;
      filter.value = 'invalid';
      filter.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(rowsOf(el)).to.deep.equal([{ row: '10000', kind: 'invalid', name: 'Late', details: 'Order: Use a whole number.' }]);
      dialog(el)!.close();
    });
  });
});
