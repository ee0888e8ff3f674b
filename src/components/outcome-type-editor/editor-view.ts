import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { OutcomeAdapter, SmartList } from '../../adapters/adapter.js';
import { OutcomeAdapterError } from '../../adapters/errors.js';
import type { OutcomeStoreController } from '../../controllers/outcome-store-controller.js';
import { OutcomeStore } from '../../controllers/outcome-store.js';
import type { Messages } from '../../localization/catalogue.js';
import type { BackendRules } from '../../model/field-rules.js';
import { randomId } from '../../model/id.js';
import { foldForSearch, matchesSearch } from '../../model/text-search.js';
import type { OutcomeType, OutcomeTypeField } from '../../model/types.js';
import { STATUSES, type Role } from '../../model/vocabulary.js';
import { onDemand } from '../../controllers/on-demand.js';
import type { Draft } from './draft.js';
import type { DraftIssues } from './draft-checks.js';
import type { Msg } from './field-text.js';
import type { SmartListsState } from './form-fields.js';
import type { OutcomeTypeChangeAction, OutcomeTypeChangeDetail, OutcomeTypeEditor, StatusFilter } from './outcome-type-editor.js';

export { enEditor as messages } from '../../localization/en-editor.js';
export { styles } from './editor-view.styles.js';

type EditingKit = typeof import('./editing-kit.js');
/** The form, its checks and strings, and reordering: only for editors that may write. */
const editingKit = onDemand(() => import('./editing-kit.js'));
/** Fetched ahead once per page; after a failure, only when the user asks for the form again. */
let editingKitPrefetched = false;

/** Columns beyond the name, each shown only when the backend has the field. */
const COLUMNS = ['key', 'classification', 'category', 'kind', 'status', 'autoAppliedOn', 'requiresFutureScheduledAt'] as const;
type Column = (typeof COLUMNS)[number];

/** The one Smart List request per adapter, shared by every editor and every form opened. */
const smartListRequests = new WeakMap<OutcomeAdapter, Promise<SmartList[]>>();

/** What `<outcome-type-editor>` lends its view: the list it loads, and its protected means. */
export interface EditorLent {
  outcomes: OutcomeStoreController;
  msg: Msg;
  internals: ElementInternals;
  setCustomState(name: string, on: boolean): void;
  /** Adds English strings to the element's own (those of the code fetched on demand). */
  addMessages(messages: Partial<Messages>): void;
}

/** `@state()` for the view: a field whose change re-renders the element. */
function reactive(prototype: object, name: string): void {
  const value = Symbol(name);
  Object.defineProperty(prototype, name, {
    get(this: Record<symbol, unknown>) {
      return this[value];
    },
    set(this: EditorView & Record<symbol, unknown>, next: unknown) {
      if (next === this[value]) return;
      this[value] = next;
      this.host.requestUpdate();
    },
  });
}

/**
 * Everything `<outcome-type-editor>` shows and does, fetched when the first editor connects so
 * that pages that never show one (an agent desktop importing `define`) do not download it: the
 * list in canonical order with search, a status filter and reordering; the form (its code in
 * the editing kit, fetched later still); deletion after a confirmation. The element keeps its
 * public properties and lifecycle and delegates rendering here once this has arrived.
 */
export class EditorView implements ReactiveController {
  @reactive private query = '';
  @reactive private statusFilter: StatusFilter = 'unarchived';
  /**
   * The open form: `null` id for a new type; undefined when the list is shown. Its idempotency
   * key is sent with every Save of this form, so a Save repeated after a lost answer is the
   * same write; the next form gets a new one.
   */
  @reactive private form?: { id: string | null; draft: Draft; idempotencyKey: string };
  @reactive private touched = new Set<OutcomeTypeField>();
  @reactive private submitted = false;
  @reactive private saving = false;
  @reactive private failure: OutcomeAdapterError | null = null;
  @reactive private serverFieldErrors: Partial<Record<string, string>> = {};
  @reactive private smartLists: SmartListsState = 'typed';
  @reactive private pendingDelete: OutcomeType | null = null;
  @reactive private deleteFailure: OutcomeAdapterError | null = null;
  @reactive private reordering = false;
  @reactive private listFailure: OutcomeAdapterError | null = null;
  @reactive private dragging: { id: string; overId: string } | null = null;
  @reactive private announcement = '';
  /** The editing code could not be fetched (offline): said, and tried again on the next attempt. */
  @reactive private formUnavailable = false;

  readonly #outcomes: OutcomeStoreController;
  /** The form being opened while its code arrives: `updateComplete` waits for it. */
  #opening: Promise<void> | undefined;
  /** The open delete confirmation's idempotency key, reused if the user retries it. */
  #deleteKey = '';
  /** Where focus goes back to when the form or the dialog closes. */
  #returnFocus: (() => HTMLElement | null | undefined) | undefined;
  /** The deletion the dialog was last opened for: a render while it closes must not reopen it. */
  #dialogFor: OutcomeType | null = null;

  // What the element lends its view: its own means, under the names the view's code has always used.
  private readonly msg: Msg;
  private readonly internals: ElementInternals;
  private readonly setCustomState: (name: string, on: boolean) => void;
  readonly #addMessages: (messages: Partial<Messages>) => void;

  constructor(
    readonly host: OutcomeTypeEditor,
    lent: EditorLent,
  ) {
    this.#outcomes = lent.outcomes;
    this.msg = lent.msg;
    this.internals = lent.internals;
    this.setCustomState = lent.setCustomState;
    this.#addMessages = lent.addMessages;
    host.addController(this);
  }

  private get effectiveAdapter(): OutcomeAdapter | undefined {
    return this.host.effectiveAdapter;
  }

  private get effectiveRole(): Role {
    return this.host.effectiveRole;
  }

  private get renderRoot(): HTMLElement | DocumentFragment {
    return this.host.renderRoot;
  }

  private get updateComplete(): Promise<boolean> {
    return this.host.updateComplete;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** The form being opened while its code arrives, if any: the element's `updateComplete` waits for it. */
  get opening(): Promise<void> | undefined {
    return this.#opening;
  }

  // ------------------------------------------------------------------------------------------
  // What the user may do.

  get #rules(): BackendRules | undefined {
    const adapter = this.effectiveAdapter;
    // Exactly what the adapter declares, a shipped one's or a host's.
    return adapter ? { fields: adapter.capabilities.fields, crossField: adapter.capabilities.crossField ?? [] } : undefined;
  }

  get #isEditor(): boolean {
    return this.effectiveRole === 'editor';
  }

  get #canCreate(): boolean {
    const adapter = this.effectiveAdapter;
    return this.#isEditor && !!adapter?.capabilities.create && !!adapter.createOutcomeType;
  }

  get #canUpdate(): boolean {
    const adapter = this.effectiveAdapter;
    return this.#isEditor && !!adapter?.capabilities.update && !!adapter.updateOutcomeType;
  }

  #canDelete(type: OutcomeType): boolean {
    const adapter = this.effectiveAdapter;
    return this.#isEditor && !type.isSystem && !!adapter?.capabilities.delete && !!adapter.deleteOutcomeType;
  }

  get #canReorder(): boolean {
    return this.#canUpdate && !!this.#rules?.fields.ordinal?.editable;
  }

  get #isReadOnlyBackend(): boolean {
    const capabilities = this.effectiveAdapter?.capabilities;
    return !!capabilities && !capabilities.create && !capabilities.update && !capabilities.delete;
  }

  // ------------------------------------------------------------------------------------------
  // Derived lists.

  get #all(): readonly OutcomeType[] {
    return this.#outcomes.snapshot.outcomeTypes;
  }

  /** The types the filter and the search let through, in canonical order. */
  get #shown(): OutcomeType[] {
    const folded = foldForSearch(this.query.trim());
    const hasStatus = !!this.#rules?.fields.status;
    return this.#all.filter((type) => {
      if (hasStatus) {
        if (this.statusFilter === 'unarchived' && type.status === 'archived') return false;
        if (this.statusFilter !== 'unarchived' && this.statusFilter !== 'all' && type.status !== this.statusFilter) return false;
      }
      return !folded || matchesSearch(foldForSearch(`${type.name} ${type.key} ${type.description}`), folded);
    });
  }

  get #editing(): OutcomeType | undefined {
    const id = this.form?.id;
    return id ? this.#all.find((type) => type.id === id) : undefined;
  }

  /** Issues of the draft, every rule of the backend. */
  #issues(): DraftIssues {
    const rules = this.#rules;
    const kit = editingKit.loaded;
    if (!this.form || !rules || !kit) return {};
    return kit.checkDraft(this.form.draft, rules, this.#editing, this.#all);
  }

  // ------------------------------------------------------------------------------------------
  // Lifecycle.

  hostUpdate(): void {
    const { status } = this.#outcomes.snapshot;
    const busy = status === 'loading' || this.saving || this.reordering;
    this.internals.ariaBusy = busy ? 'true' : 'false';
    this.setCustomState('loading', status === 'loading');
    this.setCustomState('error', status === 'error');
    this.setCustomState('empty', status === 'ready' && this.#all.length === 0);
    this.setCustomState('editing', !!this.form);
    this.setCustomState('saving', this.saving || this.reordering);
    this.setCustomState('viewer', !this.#isEditor);
    this.setCustomState('read-only', this.#isReadOnlyBackend);
  }

  hostUpdated(): void {
    // Fetched ahead, once the editor knows it may write: the form then opens at once.
    if (!editingKitPrefetched && (this.#canCreate || this.#canUpdate)) {
      editingKitPrefetched = true;
      editingKit.load().catch(() => undefined);
    }
    // Only when a deletion is newly asked for: a render while the dialog closes must not reopen it.
    if (this.pendingDelete === this.#dialogFor) return;
    this.#dialogFor = this.pendingDelete;
    const dialog = this.dialog;
    if (dialog && this.pendingDelete && !dialog.open) dialog.showModal();
  }

  // ------------------------------------------------------------------------------------------
  // Rendering.

  /** The element's content, once it has an adapter. */
  render(): TemplateResult {
    return html`
      ${this.form ? this.#renderForm() : this.#renderListView()}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${this.#renderDialog()}
    `;
  }

  #renderListView(): TemplateResult {
    const { status, error } = this.#outcomes.snapshot;
    if (status === 'error') {
      return html`<div part="status" role="alert">
        <p>${this.msg('editor.loadFailed')} ${error ? this.msg(`error.${error.code}`) : ''}</p>
        <button type="button" @click=${() => this.#outcomes.reload()}>${this.msg('retry')}</button>
      </div>`;
    }
    if (status !== 'ready') return html`<p part="status" role="status">${this.msg('editor.loading')}</p>`;
    const shown = this.#shown;
    return html`
      ${this.#renderToolbar()} ${this.#renderNotes()}
      ${this.listFailure
        ? html`<p part="form-error" role="alert">${this.msg('editor.reorderFailed')} ${this.msg(`error.${this.listFailure.code}`)}</p>`
        : nothing}
      ${this.formUnavailable ? html`<p part="form-error" role="alert">${this.msg('editor.formUnavailable')}</p>` : nothing}
      ${this.#all.length === 0
        ? html`<p part="status" role="status">${this.msg('editor.empty')}</p>`
        : shown.length === 0
          ? html`<p part="status" role="status">${this.msg('editor.noMatches')}</p>`
          : this.#renderTable(shown)}
    `;
  }

  #renderToolbar(): TemplateResult {
    const hasStatus = !!this.#rules?.fields.status;
    const filters: StatusFilter[] = ['unarchived', 'all', ...STATUSES];
    return html`<div part="toolbar">
      <span class="control">
        <label for="search">${this.msg('editor.search')}</label>
        <input
          id="search"
          part="search"
          type="search"
          autocomplete="off"
          .value=${this.query}
          @input=${(event: Event) => (this.query = (event.target as HTMLInputElement).value)}
        />
      </span>
      ${hasStatus
        ? html`<span class="control">
            <label for="status-filter">${this.msg('editor.statusFilter')}</label>
            <select id="status-filter" part="status-filter" @change=${(event: Event) => (this.statusFilter = (event.target as HTMLSelectElement).value as StatusFilter)}>
              ${filters.map(
                (filter) => html`<option value=${filter} ?selected=${filter === this.statusFilter}>
                  ${filter === 'unarchived' ? this.msg('editor.filter.unarchived') : filter === 'all' ? this.msg('editor.filter.all') : this.msg(`status.${filter}`)}
                </option>`,
              )}
            </select>
          </span>`
        : nothing}
      ${this.#canCreate
        ? html`<button type="button" part="new-button" class="primary" @click=${() => this.#openForm(null)}>${this.msg('editor.new')}</button>`
        : nothing}
    </div>`;
  }

  #renderNotes() {
    if (this.#isReadOnlyBackend) return html`<p part="note">${this.msg('editor.readOnlyBackend')}</p>`;
    if (!this.#isEditor) return html`<p part="note">${this.msg('editor.viewerNote')}</p>`;
    return nothing;
  }

  #columns(): Column[] {
    const fields = this.#rules?.fields ?? {};
    return COLUMNS.filter((column) => fields[column]);
  }

  #renderTable(shown: OutcomeType[]): TemplateResult {
    const columns = this.#columns();
    const showActions = this.#canUpdate || shown.some((type) => this.#canDelete(type));
    // Narrow hosts scroll the table sideways instead of cutting off its actions; the region is
    // focusable so that keyboard users can scroll it too.
    return html`<div class="table-scroll" role="region" tabindex="0" aria-label=${this.msg('editor.caption', shown.length)}>
      <table part="table" aria-busy=${this.reordering ? 'true' : 'false'}>
      <caption class="visually-hidden">${this.msg('editor.caption', shown.length)}</caption>
      <thead>
        <tr>
          ${this.#canReorder ? html`<td></td>` : nothing}
          <th scope="col">${this.msg('editor.field.name')}</th>
          ${columns.map((column) => html`<th scope="col">${this.msg(`editor.field.${column}`)}</th>`)}
          ${showActions ? html`<th scope="col"><span class="visually-hidden">${this.msg('editor.actions')}</span></th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${repeat(shown, (type) => type.id, (type, index) => this.#renderRow(type, index, shown.length, columns, showActions))}
      </tbody>
    </table>
    </div>`;
  }

  #renderRow(type: OutcomeType, index: number, count: number, columns: Column[], showActions: boolean): TemplateResult {
    const dropTarget = this.dragging && this.dragging.overId === type.id && this.dragging.id !== type.id;
    return html`<tr
      part=${type.isSystem ? 'row row-system' : 'row'}
      data-id=${type.id}
      class=${[dropTarget ? 'drop-target' : '', this.dragging?.id === type.id ? 'dragging' : ''].join(' ')}
    >
      ${this.#canReorder
        ? html`<td class="handle-cell">
            <span part="drag-handle" aria-hidden="true" title=${this.msg('editor.drag')} @pointerdown=${(event: PointerEvent) => this.#startDrag(event, type.id)}>⠿</span>
          </td>`
        : nothing}
      <th scope="row" part="name">
        <span class="type-name">${type.name}</span> ${type.isSystem ? html`<span part="badge">${this.msg('system')}</span>` : nothing}
      </th>
      ${columns.map((column) => html`<td>${this.#cellText(type, column)}</td>`)}
      ${showActions ? html`<td part="actions">${this.#renderActions(type, index, count)}</td>` : nothing}
    </tr>`;
  }

  #cellText(type: OutcomeType, column: Column): string {
    switch (column) {
      case 'key':
        return type.key;
      case 'autoAppliedOn':
        return type.autoAppliedOn ? this.msg('editor.autoApplied.voicemail-drop') : this.msg('editor.autoApplied.none');
      case 'requiresFutureScheduledAt':
        return this.msg(type.requiresFutureScheduledAt ? 'editor.followUp.yes' : 'editor.followUp.no');
      default:
        return this.msg(`${column}.${type[column]}` as 'status.active');
    }
  }

  #renderActions(type: OutcomeType, index: number, count: number): TemplateResult {
    const name = type.name;
    return html`
      ${this.#canReorder
        ? html`<button type="button" part="move-up" class="icon" aria-label=${this.msg('editor.moveUp', name)} ?disabled=${index === 0} @click=${() => this.#move(type.id, -1)}>
              <span aria-hidden="true">↑</span>
            </button>
            <button type="button" part="move-down" class="icon" aria-label=${this.msg('editor.moveDown', name)} ?disabled=${index === count - 1} @click=${() => this.#move(type.id, 1)}>
              <span aria-hidden="true">↓</span>
            </button>`
        : nothing}
      ${this.#canUpdate
        ? html`<button type="button" part="edit-button" aria-label=${this.msg('editor.editNamed', name)} @click=${() => this.#openForm(type.id)}>${this.msg('editor.edit')}</button>`
        : nothing}
      ${this.#canDelete(type)
        ? html`<button type="button" part="delete-button" aria-label=${this.msg('editor.deleteNamed', name)} @click=${() => this.#askDelete(type)}>${this.msg('editor.delete')}</button>`
        : nothing}
    `;
  }

  /** Only while a form is open, which is only once the editing kit is here. */
  #renderForm(): TemplateResult {
    const { formFields, issueText, renderFormFields } = editingKit.loaded!;
    const rules = this.#rules!;
    const form = this.form!;
    const existing = this.#editing;
    const issues = this.#issues();
    const errors: Partial<Record<OutcomeTypeField, string>> = {};
    for (const field of formFields(rules)) {
      const server = this.serverFieldErrors[field];
      const issue = issues[field];
      if (issue && (this.submitted || this.touched.has(field))) errors[field] = issueText(this.msg, issue);
      else if (server) errors[field] = this.msg('editor.serverSaid', server);
    }
    const title = existing ? this.msg('editor.editTitle', existing.name) : this.msg('editor.newTitle');
    return html`<form part="form" novalidate aria-labelledby="form-title" aria-busy=${this.saving ? 'true' : 'false'} @submit=${this.#save}>
      <p part="form-title" id="form-title" class="title">
        ${title} ${existing?.isSystem ? html`<span part="badge">${this.msg('system')}</span>` : nothing}
      </p>
      ${existing?.isSystem ? html`<p part="note">${this.msg('editor.systemNote')}</p>` : nothing}
      ${renderFormFields({
        msg: this.msg,
        rules,
        draft: form.draft,
        existing,
        errors,
        smartLists: this.smartLists,
        busy: this.saving,
        change: (patch, field) => this.#change(patch, field),
        touch: (field) => (this.touched = new Set(this.touched).add(field)),
      })}
      <div id="form-error" part="form-error" role="alert" tabindex="-1">${this.failure ? this.#failureText(this.failure) : ''}</div>
      <div class="buttons">
        <button part="save-button" class="primary" aria-busy=${this.saving ? 'true' : 'false'} ?disabled=${this.saving}>
          ${this.saving ? this.msg('editor.saving') : this.msg('editor.save')}
        </button>
        <button type="button" part="cancel-button" ?disabled=${this.saving} @click=${() => this.#closeForm()}>${this.msg('editor.cancel')}</button>
      </div>
    </form>`;
  }

  /** Why a write failed: the code's message, and the fields the form cannot show. */
  #failureText(error: OutcomeAdapterError): string {
    const shownFields = new Set<string>(this.#rules ? editingKit.loaded!.formFields(this.#rules) : []);
    const others = Object.entries(error.fieldErrors)
      .filter(([field]) => !shownFields.has(field))
      .map(([field, message]) => `${field}: ${message}`);
    return [this.msg('editor.saveFailed'), this.msg(`error.${error.code}`), ...others].join(' ');
  }

  #renderDialog(): TemplateResult {
    const type = this.pendingDelete;
    return html`<dialog part="dialog" aria-labelledby="delete-title" aria-describedby="delete-text" @close=${this.#onDialogClose}>
      ${type
        ? html`<p id="delete-title" class="title">${this.msg('editor.deleteTitle', type.name)}</p>
            <p id="delete-text">${this.msg('editor.deleteText')}</p>
            <p part="form-error" role="alert">${this.deleteFailure ? `${this.msg('editor.deleteFailed')} ${this.msg(`error.${this.deleteFailure.code}`)}` : ''}</p>
            <div class="buttons">
              <button type="button" autofocus ?disabled=${this.saving} @click=${() => this.dialog?.close()}>${this.msg('editor.cancel')}</button>
              <button type="button" part="confirm-delete" class="danger" aria-busy=${this.saving ? 'true' : 'false'} ?disabled=${this.saving} @click=${this.#confirmDelete}>
                ${this.msg('editor.deleteConfirm', type.name)}
              </button>
            </div>`
        : nothing}
    </dialog>`;
  }

  // ------------------------------------------------------------------------------------------
  // The form.

  #openForm(id: string | null): void {
    this.#opening ??= this.#open(id).finally(() => (this.#opening = undefined));
  }

  async #open(id: string | null): Promise<void> {
    let kit: EditingKit;
    try {
      kit = await this.#editingKit();
    } catch {
      this.formUnavailable = true;
      return;
    }
    this.formUnavailable = false;
    const existing = id ? this.#all.find((type) => type.id === id) : undefined;
    const nextOrdinal = this.#all.reduce((max, type) => Math.max(max, type.ordinal + 1), 0);
    this.form = { id, draft: kit.draftFrom(existing, nextOrdinal), idempotencyKey: randomId() };
    this.touched = new Set();
    this.submitted = false;
    this.failure = null;
    this.serverFieldErrors = {};
    this.listFailure = null;
    this.#returnFocus = id ? () => this.#rowControl(id, 'edit-button') : () => this.#part('new-button');
    this.#loadSmartLists();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="form"] :is(input, select, textarea):not([disabled])')?.focus());
  }

  /** The editing code and its strings; fetched ahead for every editor that may write. */
  async #editingKit(): Promise<EditingKit> {
    const kit = await editingKit.load();
    this.#addMessages(kit.messages);
    return kit;
  }

  #closeForm(): void {
    const adapter = this.effectiveAdapter;
    // Closed after a Save whose answer was lost, which may have been done: show what is stored.
    if (adapter && this.failure?.retryable) void OutcomeStore.for(adapter).reload().catch(() => undefined);
    this.form = undefined;
    const target = this.#returnFocus;
    this.#returnFocus = undefined;
    void this.updateComplete.then(() => (target?.() ?? this.#part('search'))?.focus());
  }

  #change(patch: Partial<Draft>, field: OutcomeTypeField): void {
    if (!this.form) return;
    this.form = { ...this.form, draft: { ...this.form.draft, ...patch } };
    if (this.serverFieldErrors[field]) {
      // The user changed what the server objected to: its answer no longer applies.
      const { [field]: _answered, ...rest } = this.serverFieldErrors;
      this.serverFieldErrors = rest;
    }
  }

  #loadSmartLists(): void {
    const adapter = this.effectiveAdapter;
    if (!adapter?.listSmartLists || !this.#rules?.fields.destination) {
      this.smartLists = 'typed';
      return;
    }
    let request = smartListRequests.get(adapter);
    if (!request) {
      request = adapter.listSmartLists();
      smartListRequests.set(adapter, request);
      // A failure is not cached: the next form asks again.
      request.catch(() => smartListRequests.delete(adapter));
    }
    this.smartLists = 'loading';
    request.then(
      (lists) => (this.smartLists = { lists }),
      () => (this.smartLists = 'failed'),
    );
  }

  #save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const adapter = this.effectiveAdapter;
    const rules = this.#rules;
    // One write per submission, however often the button is pressed while it is under way.
    if (this.saving || !this.form || !adapter || !rules) return;
    this.submitted = true;
    this.failure = null;
    const { changesOf, createInputOf, formFields } = editingKit.loaded!;
    const issues = this.#issues();
    const firstInvalid = formFields(rules).find((field) => issues[field]);
    if (firstInvalid) {
      await this.updateComplete;
      this.#focusField(firstInvalid);
      return;
    }
    const existing = this.#editing;
    const { draft, idempotencyKey } = this.form;
    const store = OutcomeStore.for(adapter);
    let result: OutcomeType;
    this.saving = true;
    try {
      if (existing) {
        const changes = changesOf(draft, rules.fields, existing);
        if (Object.keys(changes).length === 0) {
          this.saving = false;
          this.#announce(this.msg('editor.noChanges'));
          this.#closeForm();
          return;
        }
        result = await store.update(existing.id, changes, { idempotencyKey });
      } else {
        result = await store.create(createInputOf(draft, rules.fields), { idempotencyKey });
      }
    } catch (thrown) {
      // The form stays exactly as the user left it; the answer is shown next to the fields.
      const error = OutcomeAdapterError.from(thrown, 'network');
      this.saving = false;
      this.failure = error;
      this.serverFieldErrors = { ...error.fieldErrors };
      await this.updateComplete;
      const field = formFields(rules).find((name) => error.fieldErrors[name]);
      if (field) this.#focusField(field);
      else this.renderRoot.querySelector<HTMLElement>('#form-error')?.focus();
      return;
    }
    this.saving = false;
    this.#announce(this.msg(existing ? 'editor.saved' : 'editor.created', result.name));
    this.#emit(existing ? 'updated' : 'created', result);
    if (!existing) this.#returnFocus = () => this.#rowControl(result.id, 'edit-button') ?? this.#part('new-button');
    this.#closeForm();
  };

  #focusField(field: OutcomeTypeField): void {
    const control =
      field === 'destination'
        ? this.renderRoot.querySelector<HTMLElement>('#smart-list, #smart-lists, [name="recipe"]:checked, [name="recipe"]')
        : this.renderRoot.querySelector<HTMLElement>(`#${editingKit.loaded!.controlId(field)}`);
    control?.focus();
  }

  // ------------------------------------------------------------------------------------------
  // Deleting.

  #askDelete(type: OutcomeType): void {
    this.pendingDelete = type;
    this.#deleteKey = randomId();
    this.deleteFailure = null;
    this.listFailure = null;
    this.#returnFocus = () => this.#rowControl(type.id, 'delete-button');
  }

  #confirmDelete = async (): Promise<void> => {
    const type = this.pendingDelete;
    const adapter = this.effectiveAdapter;
    if (!type || !adapter || this.saving) return;
    this.saving = true;
    this.deleteFailure = null;
    const store = OutcomeStore.for(adapter);
    try {
      await store.delete(type.id, { idempotencyKey: this.#deleteKey });
    } catch (thrown) {
      const error = OutcomeAdapterError.from(thrown, 'network');
      if (error.code !== 'not_found') {
        this.saving = false;
        this.deleteFailure = error;
        return;
      }
      // Gone already (the answer to an earlier try was lost, or it was deleted elsewhere): done.
      void store.reload().catch(() => undefined);
    }
    this.saving = false;
    // After a deletion focus goes to the row that took its place, else to the search.
    const index = this.#shown.findIndex((shown) => shown.id === type.id);
    this.#returnFocus = () => {
      const rows = [...this.renderRoot.querySelectorAll<HTMLElement>('tbody tr')];
      const row = rows[Math.min(index, rows.length - 1)];
      return row?.querySelector<HTMLElement>('[part~="edit-button"], [part~="delete-button"]') ?? this.#part('search');
    };
    this.#announce(this.msg('editor.deleted', type.name));
    this.#emit('deleted', type);
    this.dialog?.close();
  };

  #onDialogClose = (): void => {
    if (this.saving) return;
    this.pendingDelete = null;
    this.deleteFailure = null;
    const target = this.#returnFocus;
    this.#returnFocus = undefined;
    void this.updateComplete.then(() => (target?.() ?? this.#part('search'))?.focus());
  };

  // ------------------------------------------------------------------------------------------
  // Reordering.

  /** Moves a type one place up (-1) or down (+1) among the shown types. */
  #move(id: string, step: -1 | 1): void {
    const shown = this.#shown;
    const from = shown.findIndex((type) => type.id === id);
    void this.#moveTo(id, from + step, step === -1 ? 'move-up' : 'move-down');
  }

  async #moveTo(id: string, to: number, keepFocusOn?: 'move-up' | 'move-down'): Promise<void> {
    const adapter = this.effectiveAdapter;
    const shown = this.#shown;
    const moved = shown.find((type) => type.id === id);
    if (this.reordering || !adapter || !moved || to < 0 || to >= shown.length) return;
    // Fetched ahead for every editor that may reorder; only a failed fetch leaves it missing.
    const kit = await this.#editingKit().catch(() => undefined);
    if (!kit) {
      this.formUnavailable = true;
      return;
    }
    const { ordinalChanges, placeAt } = kit;
    const order = placeAt(this.#all, shown, id, to);
    const changes = ordinalChanges(order, id, this.#rules?.fields.ordinal?.min);
    const store = OutcomeStore.for(adapter);
    this.reordering = true;
    this.listFailure = null;
    const written: typeof changes = [];
    const updated: OutcomeType[] = [];
    // Each write has its own key, which the adapter reuses for that write's retries.
    const write = (id: string, ordinal: number) => store.update(id, { ordinal }, { idempotencyKey: randomId() });
    try {
      // One write per type whose ordinal changes, in order, so a failure can be undone.
      for (const change of changes) {
        written.push(change);
        updated.push(await write(change.id, change.to));
      }
    } catch (thrown) {
      this.listFailure = OutcomeAdapterError.from(thrown, 'network');
      // A refused write changed nothing; one that may have been done with its answer lost is undone too.
      if (!this.listFailure.retryable) written.pop();
      // Undo what was written, newest first, so the list stays as it was.
      for (const change of written.reverse()) {
        await write(change.id, change.from).catch(() => undefined);
      }
      this.reordering = false;
      this.#announce(`${this.msg('editor.reorderFailed')} ${this.msg(`error.${this.listFailure.code}`)}`);
      return;
    }
    this.reordering = false;
    for (const type of updated) this.#emit('updated', type);
    await this.updateComplete;
    const position = this.#shown.findIndex((type) => type.id === id);
    this.#announce(this.msg('editor.moved', moved.name, position + 1, this.#shown.length));
    if (keepFocusOn) {
      const button = this.#rowControl(id, keepFocusOn);
      const other = this.#rowControl(id, keepFocusOn === 'move-up' ? 'move-down' : 'move-up');
      (button && !(button as HTMLButtonElement).disabled ? button : other)?.focus();
    }
  }

  #startDrag(event: PointerEvent, id: string): void {
    if (this.reordering || event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget as HTMLElement;
    handle.setPointerCapture?.(event.pointerId);
    this.dragging = { id, overId: id };
    const onMove = (moveEvent: PointerEvent) => {
      const row = this.#rowAt(moveEvent.clientY);
      if (row && this.dragging) this.dragging = { ...this.dragging, overId: row };
    };
    const onEnd = (endEvent: PointerEvent) => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onEnd);
      handle.removeEventListener('pointercancel', onEnd);
      const drag = this.dragging;
      this.dragging = null;
      if (!drag || endEvent.type === 'pointercancel' || drag.overId === drag.id) return;
      const to = this.#shown.findIndex((type) => type.id === drag.overId);
      void this.#moveTo(drag.id, to);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onEnd);
    handle.addEventListener('pointercancel', onEnd);
  }

  /** The id of the row under a vertical position, clamped to the first and last rows. */
  #rowAt(clientY: number): string | undefined {
    const rows = [...this.renderRoot.querySelectorAll<HTMLElement>('tbody tr')];
    const row =
      rows.find((candidate) => {
        const rect = candidate.getBoundingClientRect();
        return clientY >= rect.top && clientY < rect.bottom;
      }) ?? (rows.length && clientY < rows[0]!.getBoundingClientRect().top ? rows[0] : rows.at(-1));
    return row?.dataset['id'];
  }

  // ------------------------------------------------------------------------------------------
  // Helpers.

  #rowControl(id: string, part: string): HTMLElement | null {
    const row = [...this.renderRoot.querySelectorAll<HTMLElement>('tbody tr')].find((candidate) => candidate.dataset['id'] === id);
    return row?.querySelector<HTMLElement>(`[part~="${part}"]`) ?? null;
  }

  #part(part: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[part~="${part}"]`);
  }

  /** Says `text` in the polite live region, even when it is the same text as last time. */
  #announce(text: string): void {
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  #emit(action: OutcomeTypeChangeAction, outcomeType: OutcomeType): void {
    this.host.dispatchEvent(
      new CustomEvent<OutcomeTypeChangeDetail>('outcome-type-change', {
        detail: { action, outcomeType },
        bubbles: true,
        composed: true,
      }),
    );
  }
}
