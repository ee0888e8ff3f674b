import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { OutcomeAdapterError } from '../../adapters/errors.js';
import { OutcomeStore } from '../../controllers/outcome-store.js';
import { MAX_IN_FLIGHT, pool } from '../../controllers/write-pool.js';
import { enEditorForm } from '../../localization/en-editor-form.js';
import { enImport } from '../../localization/en-import.js';
import type { BackendRules } from '../../model/field-rules.js';
import { randomId } from '../../model/id.js';
import {
  exportOutcomeTypes,
  planImport,
  readImportText,
  type ImportCreate,
  type ImportFormat,
  type ImportInvalid,
  type ImportIssue,
  type ImportPlan,
  type ImportRow,
  type ImportUnchanged,
  type ImportUpdate,
} from '../../model/import-plan.js';
import type { OutcomeType, OutcomeTypeField, OutcomeTypeInput } from '../../model/types.js';
import { fieldLabel, issueText, type Msg } from './field-text.js';
import { styles } from './import-view.styles.js';
import type { OutcomeTypeChangeDetail, OutcomeTypeEditor } from './outcome-type-editor.js';

// Import and export of `<outcome-type-editor>` (issue 14, point 5), fetched when the admin first
// presses Import or Export, so that neither `define` nor the editor's view carries it.
// planImport (model/import-plan.ts) decides what each row does; this shows it and applies it.
//
// Decisions:
// - The preview shows at most SHOWN_AT_MOST rows of the chosen kind, in file order, then "and N
//   more": a filter by kind (all, create, update, unchanged, invalid) reaches every row; counts
//   are of the whole file. 10,000 rows plan in one pass and render 200.
// - Apply sends the creates and updates (never an invalid or unchanged row) with at most 4 in
//   flight (write-pool.ts, shared with reordering); a failed write does not stop the others. Each
//   row gets its idempotency key when the preview is made; Retry failed sends only the failed
//   rows, with their same keys. The list is updated once, when the run ends.
// - Closing while writes are under way is refused (Escape is cancelled, no button closes). If
//   the browser closes the dialog anyway (Chromium lets a second Escape through), the run goes
//   on to its end, is announced beside the toolbar, and Import shows its report.

/** The strings this module brings: its own, and the form's wording of broken rules. */
export const messages = { ...enEditorForm, ...enImport };

export type ImportKind = 'create' | 'update' | 'unchanged' | 'invalid';
const KINDS: readonly ImportKind[] = ['create', 'update', 'unchanged', 'invalid'];

/** Rows of the preview rendered at most (of the kind shown); the rest are counted. */
export const SHOWN_AT_MOST = 200;

/** Progress is shown for runs longer than this. */
const PROGRESS_BEYOND = 10;

type Entry =
  | { kind: 'create'; entry: ImportCreate }
  | { kind: 'update'; entry: ImportUpdate }
  | { kind: 'unchanged'; entry: ImportUnchanged }
  | { kind: 'invalid'; entry: ImportInvalid };

/** One create or update to send, with the key it keeps for every retry. */
interface ImportWrite {
  row: number;
  name: string;
  idempotencyKey: string;
  what: { kind: 'create'; entry: ImportCreate } | { kind: 'update'; entry: ImportUpdate };
}

interface WriteFailure {
  write: ImportWrite;
  error: OutcomeAdapterError;
}

interface Report {
  created: number;
  updated: number;
  failures: WriteFailure[];
}

type Phase = 'pick' | 'preview' | 'applying' | 'report';

/** What the editor's toolbar lends the import view. */
export interface ImportLent {
  msg: Msg;
  /** Says a text beside the toolbar (the dialog closed). */
  say(text: string): void;
}

/** Downloads text as a file, through a Blob and an `<a download>`. */
function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * The whole list, in canonical order, as `outcome-types.csv` or `.json`; answers the file name.
 * The CSV starts with a byte-order mark so that spreadsheets read it as UTF-8 (the import
 * ignores it).
 */
export function exportList(types: readonly OutcomeType[], format: ImportFormat): string {
  const fileName = `outcome-types.${format}`;
  const text = exportOutcomeTypes(types, format);
  if (format === 'csv') download(`\ufeff${text}`, fileName, 'text/csv;charset=utf-8');
  else download(text, fileName, 'application/json');
  return fileName;
}

function valueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The cell of a row whose column is `name`, whatever its case. */
function rawName(row: ImportRow | undefined): string {
  if (!row) return '';
  for (const column in row) if (column.trim().toLowerCase() === 'name' && typeof row[column] === 'string') return row[column];
  return '';
}

/**
 * The import dialog of one `<outcome-type-editor>`: pick or paste, preview, apply, report. A
 * controller of the element, rendered by its view after the delete dialog.
 */
export class ImportView implements ReactiveController {
  #phase: Phase = 'pick';
  #text = '';
  #reading = false;
  #readError = '';
  #rows: readonly ImportRow[] = [];
  #plan: ImportPlan | undefined;
  /** Every row of the file in its order, with what planImport decided for it. */
  #entries: Entry[] = [];
  #filter: ImportKind | 'all' = 'all';
  #writes: ImportWrite[] = [];
  #progress: [done: number, total: number] | null = null;
  #report: Report | undefined;
  #status = '';
  /** Open asked for, shown at the next update. */
  #showing = false;
  /** Where focus goes once the next update is done. */
  #focus: string | undefined;
  readonly #msg: Msg;
  readonly #say: (text: string) => void;

  constructor(
    readonly host: OutcomeTypeEditor,
    lent: ImportLent,
  ) {
    this.#msg = lent.msg;
    this.#say = lent.say;
    const root = host.renderRoot as ShadowRoot;
    // Lit makes a sheet only where shadow roots adopt them; elsewhere, a <style> of the same text.
    const sheet = styles.styleSheet;
    if (sheet) {
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } else {
      const style = document.createElement('style');
      style.textContent = styles.cssText;
      root.append(style);
    }
    host.addController(this);
  }

  get #dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog[part~="import-dialog"]');
  }

  get #busy(): boolean {
    return this.#phase === 'applying';
  }

  #update(): void {
    this.host.requestUpdate();
  }

  /** Opens the dialog: where a run left it (under way, or its report not seen), else at the start. */
  open(): void {
    if (this.#phase !== 'applying' && this.#phase !== 'report') this.#reset();
    this.#showing = true;
    this.#focus = this.#phase === 'pick' ? '#import-file' : '.import-title';
    this.#update();
  }

  #reset(): void {
    this.#phase = 'pick';
    this.#text = '';
    this.#readError = '';
    this.#rows = [];
    this.#plan = undefined;
    this.#entries = [];
    this.#filter = 'all';
    this.#writes = [];
    this.#report = undefined;
    this.#progress = null;
    this.#status = '';
  }

  hostUpdated(): void {
    const dialog = this.#dialog;
    if (this.#showing && dialog) {
      this.#showing = false;
      if (!dialog.open) dialog.showModal();
    }
    const focus = this.#focus;
    if (focus && dialog?.open) {
      this.#focus = undefined;
      dialog.querySelector<HTMLElement>(focus)?.focus();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Reading and planning.

  #onFile = async (event: Event): Promise<void> => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const name = file.name.toLowerCase();
    const format: ImportFormat | undefined = name.endsWith('.json') ? 'json' : name.endsWith('.csv') ? 'csv' : undefined;
    this.#reading = true;
    this.#update();
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      this.#reading = false;
      this.#fail(error instanceof Error ? error.message : String(error));
      return;
    }
    await this.#read(text, format);
  };

  #onPreview = (): void => {
    if (!this.#reading) void this.#read(this.#text, undefined);
  };

  #fail(reason: string): void {
    this.#readError = this.#msg('import.readFailed', reason);
    this.#focus = '#import-error';
    this.#update();
  }

  async #read(text: string, format: ImportFormat | undefined): Promise<void> {
    this.#reading = true;
    this.#readError = '';
    this.#update();
    const rows = await readImportText(text, format);
    this.#reading = false;
    if ('error' in rows) return this.#fail(rows.error);
    if (!rows.length) return this.#fail(this.#msg('import.noRows'));
    this.#rows = rows;
    this.#makePlan();
  }

  get #rules(): BackendRules | undefined {
    const capabilities = this.host.effectiveAdapter?.capabilities;
    return capabilities && { fields: capabilities.fields, crossField: capabilities.crossField ?? [] };
  }

  #list(): readonly OutcomeType[] {
    const adapter = this.host.effectiveAdapter;
    return adapter ? OutcomeStore.for(adapter).snapshot.outcomeTypes : [];
  }

  /** Plans the rows against the list as it is now, and gives each write its key. */
  #makePlan(): void {
    const rules = this.#rules;
    if (!rules) return;
    const existing = this.#list();
    const plan = planImport(existing, this.#rows, rules);
    const entries: Entry[] = new Array<Entry>(this.#rows.length);
    for (const entry of plan.create) entries[entry.row - 1] = { kind: 'create', entry };
    for (const entry of plan.update) entries[entry.row - 1] = { kind: 'update', entry };
    for (const entry of plan.unchanged) entries[entry.row - 1] = { kind: 'unchanged', entry };
    for (const entry of plan.invalid) entries[entry.row - 1] = { kind: 'invalid', entry };
    const names = new Map(existing.map((type) => [type.id, type.name]));
    this.#writes = [];
    for (const item of entries) {
      if (item.kind !== 'create' && item.kind !== 'update') continue;
      this.#writes.push({ row: item.entry.row, name: this.#label(item, names), idempotencyKey: randomId(), what: item });
    }
    this.#plan = plan;
    this.#entries = entries;
    this.#filter = 'all';
    this.#phase = 'preview';
    this.#focus = '.import-title';
    this.#update();
  }

  #label(item: Entry, names: ReadonlyMap<string, string>): string {
    switch (item.kind) {
      case 'create':
        return String(item.entry.value.name ?? item.entry.key);
      case 'update':
        return item.entry.current.name;
      case 'unchanged':
        return names.get(item.entry.id) ?? item.entry.key;
      case 'invalid':
        return (item.entry.id && names.get(item.entry.id)) || rawName(this.#rows[item.entry.row - 1]) || item.entry.key || '';
    }
  }

  #issueText(issue: ImportIssue): string {
    const label = fieldLabel(this.#msg, issue.field);
    if (issue.code === 'unsupported') return `${label}: ${this.#msg('import.issue.unsupported')}`;
    if (issue.code === 'duplicate' && issue.firstRow !== undefined) return `${label}: ${this.#msg('import.issue.repeats', issue.firstRow)}`;
    return `${label}: ${issueText(this.#msg, { ...issue, code: issue.code })}`;
  }

  #details(item: Entry): string {
    switch (item.kind) {
      case 'create':
        return item.entry.key;
      case 'update': {
        const { changes, current } = item.entry;
        return Object.entries(changes)
          .map(([field, to]) =>
            this.#msg('import.change', fieldLabel(this.#msg, field as OutcomeTypeField), valueText(current[field as keyof OutcomeType]), valueText(to)),
          )
          .join('; ');
      }
      case 'unchanged':
        return '';
      case 'invalid':
        return item.entry.issues.map((issue) => this.#issueText(issue)).join(' ');
    }
  }

  // ------------------------------------------------------------------------------------------
  // Applying.

  #onApply = (): void => {
    if (this.#phase === 'preview' && this.#writes.length) void this.#run(this.#writes);
  };

  #onRetry = (): void => {
    const failures = this.#report?.failures ?? [];
    if (this.#phase === 'report' && failures.length) void this.#run(failures.map((failure) => failure.write));
  };

  async #run(writes: readonly ImportWrite[]): Promise<void> {
    const adapter = this.host.effectiveAdapter;
    if (!adapter || this.#busy) return;
    const store = OutcomeStore.for(adapter);
    const before = this.#report ?? { created: 0, updated: 0, failures: [] };
    this.#phase = 'applying';
    const total = writes.length;
    let done = 0;
    let said = -1;
    const progress = () => {
      // At most every tenth: neither a screen reader nor the dialog is flooded.
      const tenth = Math.floor((done * 10) / total);
      if (tenth === said) return;
      said = tenth;
      this.#progress = [done, total];
      this.#status = this.#msg('import.progress', done, total);
      this.#update();
    };
    this.#progress = null;
    this.#status = this.#msg('import.applying');
    if (total > PROGRESS_BEYOND) progress();
    this.#focus = '.import-title';
    this.#update();
    const answers = new Array<OutcomeType | undefined>(total);
    const place = new Map(writes.map((write, index) => [write, index]));
    const failures: WriteFailure[] = [];
    await pool(
      writes,
      MAX_IN_FLIGHT,
      8,
      async (write) => {
        const options = { idempotencyKey: write.idempotencyKey };
        const { what } = write;
        try {
          answers[place.get(write)!] =
            what.kind === 'create'
              ? await store.sendCreate(what.entry.value as OutcomeTypeInput, options)
              : await store.sendUpdate(what.entry.id, what.entry.changes, options);
        } catch (thrown) {
          failures.push({ write, error: OutcomeAdapterError.from(thrown, 'network') });
        }
        done++;
        if (total > PROGRESS_BEYOND) progress();
      },
      () => false,
    );
    // One change of the list for every write; after a lost answer, what the server holds.
    const written = answers.filter((type): type is OutcomeType => type !== undefined);
    store.applyUpdates(written);
    if (failures.some((failure) => failure.error.retryable)) void store.reload().catch(() => undefined);
    failures.sort((a, b) => a.write.row - b.write.row);
    let created = 0;
    writes.forEach((write, index) => {
      const type = answers[index];
      if (!type) return;
      if (write.what.kind === 'create') created++;
      this.#emit(write.what.kind === 'create' ? 'created' : 'updated', type);
    });
    const report = { created: before.created + created, updated: before.updated + written.length - created, failures };
    this.#report = report;
    this.#phase = 'report';
    this.#progress = null;
    const summary = this.#reportText(report);
    this.#status = summary;
    if (this.#dialog?.open) this.#focus = '.import-title';
    else this.#say(summary);
    this.#update();
  }

  #reportText(report: Report): string {
    const text = this.#msg('import.report', report.created, report.updated);
    return report.failures.length ? `${text} ${this.#msg('import.failedCount', report.failures.length)}` : text;
  }

  #emit(action: 'created' | 'updated', outcomeType: OutcomeType): void {
    this.host.dispatchEvent(
      new CustomEvent<OutcomeTypeChangeDetail>('outcome-type-change', { detail: { action, outcomeType }, bubbles: true, composed: true }),
    );
  }

  // ------------------------------------------------------------------------------------------
  // Closing.

  #onCancel = (event: Event): void => {
    // Escape while writes are under way: refused, and said.
    if (!this.#busy) return;
    event.preventDefault();
    this.#status = this.#msg('import.busy');
    this.#update();
  };

  #onClose = (): void => {
    // A run under way goes on; its report waits for the next Import.
    if (this.#phase === 'report' || this.#phase === 'preview') this.#reset();
    this.#update();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('[part~="import-button"]')?.focus());
  };

  #close = (): void => {
    if (!this.#busy) this.#dialog?.close();
  };

  // ------------------------------------------------------------------------------------------
  // Rendering.

  render(): TemplateResult {
    const msg = this.#msg;
    return html`<dialog part="import-dialog" aria-labelledby="import-title" aria-busy=${this.#busy ? 'true' : 'false'} @cancel=${this.#onCancel} @close=${this.#onClose}>
      <div class="import-body">
        <p id="import-title" class="title import-title" tabindex="-1">${msg('import.title')}</p>
        ${this.#phase === 'pick' ? this.#renderPick() : this.#phase === 'preview' ? this.#renderPreview() : this.#renderRun()}
      </div>
    </dialog>`;
  }

  #renderPick(): TemplateResult {
    const msg = this.#msg;
    return html`<p id="import-help">${msg('import.help')}</p>
      <span class="control">
        <label for="import-file">${msg('import.file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.json,text/csv,application/json"
          aria-describedby="import-help"
          ?disabled=${this.#reading}
          @change=${this.#onFile}
        />
      </span>
      <span class="control">
        <label for="import-text">${msg('import.paste')}</label>
        <textarea
          id="import-text"
          rows="6"
          spellcheck="false"
          .value=${live(this.#text)}
          @input=${(event: Event) => (this.#text = (event.target as HTMLTextAreaElement).value)}
        ></textarea>
      </span>
      <p id="import-error" part="form-error" role="alert" tabindex="-1">${this.#readError}</p>
      <div class="buttons">
        <button type="button" class="primary" aria-busy=${this.#reading ? 'true' : 'false'} ?disabled=${this.#reading} @click=${this.#onPreview}>
          ${this.#reading ? msg('import.reading') : msg('import.preview')}
        </button>
        <button type="button" @click=${this.#close}>${msg('editor.cancel')}</button>
      </div>`;
  }

  #count(kind: ImportKind): number {
    return this.#plan?.[kind].length ?? 0;
  }

  #renderPreview(): TemplateResult {
    const msg = this.#msg;
    const plan = this.#plan!;
    const filter = this.#filter;
    const names = new Map(this.#list().map((type) => [type.id, type.name]));
    const chosen = filter === 'all' ? this.#entries : this.#entries.filter((item) => item.kind === filter);
    const shown = chosen.slice(0, SHOWN_AT_MOST);
    const writes = this.#writes.length;
    return html`<p role="status">
        ${msg('import.summary', this.#count('create'), this.#count('update'), this.#count('unchanged'), this.#count('invalid'))}
      </p>
      ${plan.warnings.length
        ? html`<ul part="note">
            ${plan.warnings.map((warning) => html`<li>${msg('import.unknownColumn', warning.column)}</li>`)}
          </ul>`
        : nothing}
      <span class="control">
        <label for="import-filter">${msg('import.show')}</label>
        <select
          id="import-filter"
          @change=${(event: Event) => {
            this.#filter = (event.target as HTMLSelectElement).value as ImportKind | 'all';
            this.#update();
          }}
        >
          <option value="all" ?selected=${filter === 'all'}>${msg('import.show.all')} (${this.#entries.length})</option>
          ${KINDS.map((kind) => html`<option value=${kind} ?selected=${filter === kind}>${msg(`import.kind.${kind}`)} (${this.#count(kind)})</option>`)}
        </select>
      </span>
      <div class="import-scroll" tabindex="0" role="region" aria-label=${msg('import.caption')}>
        <table part="import-preview">
          <caption class="visually-hidden">${msg('import.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">${msg('import.column.row')}</th>
              <th scope="col">${msg('import.column.type')}</th>
              <th scope="col">${msg('import.column.result')}</th>
              <th scope="col">${msg('import.column.details')}</th>
            </tr>
          </thead>
          <tbody>
            ${shown.map(
              (item) => html`<tr part="import-row import-row-${item.kind}" data-row=${item.entry.row}>
                <td>${item.entry.row}</td>
                <th scope="row">${this.#label(item, names)}</th>
                <td>${msg(`import.kind.${item.kind}`)}</td>
                <td class="details">${this.#details(item)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${chosen.length > shown.length ? html`<p part="note">${msg('import.more', chosen.length - shown.length)}</p>` : nothing}
      <div class="buttons">
        <button type="button" part="import-apply" class="primary" ?disabled=${!writes} @click=${this.#onApply}>${msg('import.apply', writes)}</button>
        <button type="button" @click=${() => this.#back()}>${msg('import.back')}</button>
        <button type="button" @click=${this.#close}>${msg('editor.cancel')}</button>
      </div>`;
  }

  #back(): void {
    this.#phase = 'pick';
    this.#plan = undefined;
    this.#entries = [];
    this.#writes = [];
    this.#focus = '#import-text';
    this.#update();
  }

  /** Under way (progress beyond 10 writes) and then the report. */
  #renderRun(): TemplateResult {
    const msg = this.#msg;
    const report = this.#phase === 'report' ? this.#report : undefined;
    const progress = this.#progress;
    return html`<p role="status" part="import-status">${this.#status}</p>
      ${progress ? html`<progress max=${progress[1]} .value=${progress[0]} aria-hidden="true"></progress>` : nothing}
      ${report?.failures.length
        ? html`<ul part="import-failures">
            ${report.failures.map(
              ({ write, error }) => html`<li data-row=${write.row}>${msg('import.failedRow', write.row, write.name, this.#errorText(error))}</li>`,
            )}
          </ul>`
        : nothing}
      <div class="buttons">
        ${report?.failures.length
          ? html`<button type="button" part="import-retry" class="primary" @click=${this.#onRetry}>${msg('import.retry')}</button>`
          : nothing}
        <button type="button" ?disabled=${!report} @click=${this.#close}>${msg('import.close')}</button>
      </div>`;
  }

  #errorText(error: OutcomeAdapterError): string {
    const fields = Object.entries(error.fieldErrors).map(([field, message]) => `${fieldLabel(this.#msg, field as OutcomeTypeField)}: ${message}`);
    return [this.#msg(`error.${error.code}`), ...fields].join(' ');
  }
}
