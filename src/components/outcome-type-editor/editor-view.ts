import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { OutcomeAdapter, SmartList } from '../../adapters/adapter.js';
import { OutcomeAdapterError } from '../../adapters/errors.js';
import type { OutcomeStoreController } from '../../controllers/outcome-store-controller.js';
import { OutcomeStore } from '../../controllers/outcome-store.js';
import type { Messages } from '../../localization/catalogue.js';
import type { BackendRules } from '../../model/field-rules.js';
import { randomId } from '../../model/id.js';
import type { OutcomeType, OutcomeTypeField, OutcomeTypeInput } from '../../model/types.js';
import { STATUSES, type Role } from '../../model/vocabulary.js';
import { onDemand } from '../../controllers/on-demand.js';
import { scrollTopToReveal, visibleRange } from '../../controllers/fixed-window.js';
import { RovingTabindex } from '../../controllers/roving-tabindex.js';
import { stableRepeat } from '../../controllers/stable-repeat.js';
import { cssomStyle } from '../base/cssom-style.js';
import { fold, queryWords } from '../../model/text-search.js';
import type { Draft } from './draft.js';
import type { DraftIssues } from './draft-checks.js';
import type { Msg } from './field-text.js';
import type { SmartListsState } from './form-fields.js';
import type { OutcomeTypeChangeAction, OutcomeTypeChangeDetail, OutcomeTypeEditor, StatusFilter } from './outcome-type-editor.js';

import { enEditor } from '../../localization/en-editor.js';
import { enImportToolbar } from '../../localization/en-import.js';
import { renderImportDialog, renderTransferButtons } from './transfer.js';
import { DOTS, GRIP, LOCK } from './icons.js';
/** The view's English strings: the list's, dialog's and form frame's, and the Import and Export buttons'. */
export const messages = { ...enEditor, ...enImportToolbar };
export { styles } from './editor-view.styles.js';

type EditingKit = typeof import('./editing-kit.js');
/** The form, its checks and strings, and reordering: only for editors that may write. */
const editingKit = onDemand(() => import('./editing-kit.js'));
/** Fetched ahead once per page; after a failure, only when the user asks for the form again. */
let editingKitPrefetched = false;

/** Columns beyond the name, each shown only when the backend has the field. */
const COLUMNS = ['key', 'classification', 'category', 'kind', 'status', 'autoAppliedOn', 'requiresFutureScheduledAt'] as const;
type Column = (typeof COLUMNS)[number];

/** Until measured: the rows' height (CSS sets it, `--outcome-type-editor-row-height`) and the viewport's. */
const ROW_HEIGHT_FALLBACK = 44;
const VIEWPORT_FALLBACK = 480;
/** Rows rendered beyond those in view, above and below, from the second frame on. */
const OVERSCAN = 2;

/** What one row's template depends on besides its type: the memo key of `#renderRow`. */
interface RowFrame {
  columns: Column[];
  showActions: boolean;
  count: number;
  tabbable: number;
  /** Everything else every row shows alike (permissions, locale, drag and menu state are per row). */
  key: string;
}

/** A row menu's items, in the order shown. */
type MenuAction = 'edit' | 'delete' | 'up' | 'down';

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
  /** A Save refused by another admin's work: the server's version (`conflict`), or `gone` (deleted elsewhere). */
  @reactive private clash: { current: OutcomeType } | 'gone' | null = null;
  /** How many recorded outcomes use the type the delete dialog is for (adapters that list records). */
  @reactive private usage: number | null = null;
  @reactive private reordering = false;
  /** The reorder write that failed: which type, and why. */
  @reactive private listFailure: { name: string; error: OutcomeAdapterError } | null = null;
  /** Writes done of a reorder beyond 10 writes, shown while it runs. */
  @reactive private reorderProgress: [done: number, total: number] | null = null;
  @reactive private dragging: { id: string; overId: string } | null = null;
  @reactive private announcement = '';
  /** The editing code could not be fetched (offline): said, and tried again on the next attempt. */
  @reactive private formUnavailable = false;
  /** The list's scroll position and the height of its viewport: which rows are rendered. */
  @reactive private scrollTop = 0;
  @reactive private viewportHeight = VIEWPORT_FALLBACK;
  #overscan = 0;
  /** The row whose menu (narrow hosts) is open. */
  @reactive private menuFor: string | null = null;
  /** The open form has unsaved changes and the admin asked to leave it: what to do once they choose Discard. */
  @reactive private discarding: { then: () => void } | null = null;

  /** The draft as the open form started (or was last saved), to tell whether anything changed. */
  #initialDraft = '';
  /** A new type's key follows its name until the admin edits the key (`keyFromName`). */
  #keyFollows = false;
  /** Watches the host's width while a form is open: beside the list on wide hosts, a modal dialog on narrow ones. */
  #panelObserver: ResizeObserver | undefined;
  /** Where focus was in the form when the discard question opened: back there on Keep editing. */
  #focusBeforeDiscard: HTMLElement | null = null;

  /** Measured from the rendered rows (CSS owns the height), the sticky header and the widest actions. */
  #rowHeight = ROW_HEIGHT_FALLBACK;
  #headHeight = 0;
  #measureQueued = false;
  #actionsWidth = 0;
  #resizeObserver: ResizeObserver | undefined;
  #observed: HTMLElement | undefined;
  /** Folded `name key description` of each type, kept per object: a write refolds only what it replaced. */
  readonly #folded = new WeakMap<OutcomeType, string>();
  /** The folded texts of one list, in its order: built at idle once per list, so a keystroke only compares. */
  #index: { list: readonly OutcomeType[]; texts: string[] } | undefined;
  #indexQueued: readonly OutcomeType[] | undefined;
  #shownMemo:
    | { all: readonly OutcomeType[]; query: string; filter: StatusFilter; hasStatus: boolean; shown: OutcomeType[] }
    | undefined;
  /** The list the roving tabindex's indexes refer to, and the type last focused (where Tab enters). */
  #rovingList: readonly OutcomeType[] = [];
  #lastFocusedId: string | undefined;
  /** The row a menu was opened for and whether focus goes into it (first or last item) once it renders. */
  #menuFocus: 'first' | 'last' | null = null;
  readonly #roving: RovingTabindex;

  readonly #outcomes: OutcomeStoreController;
  /** The form being opened while its code arrives: `updateComplete` waits for it. */
  #opening: Promise<void> | undefined;
  /** The open delete confirmation's idempotency key, reused if the user retries it. */
  #deleteKey = '';
  /** A try of the open delete confirmation lost its answer: a later `not_found` is that try's doing. */
  #deleteUnknown = false;
  /** The type as the admin saw it when the form opened (or chose the server's version): what Save sends as `expected`. */
  #expected: OutcomeType | undefined;
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
    // Rows are the roving items: one takes Tab, arrows move between them (revealing them), and
    // the controls of the row that takes Tab follow it in the tab order.
    this.#roving = new RovingTabindex(host, {
      count: () => this.#shown.length,
      entry: () => {
        const shown = this.#shown;
        if (!shown.length) return -1;
        const last = this.#lastFocusedId === undefined ? -1 : shown.findIndex((type) => type.id === this.#lastFocusedId);
        return Math.max(0, last);
      },
      indexOf: (target) => this.#rowIndexOf(target),
      elementAt: (index) => this.#rowElement(index),
      reveal: (index) => this.#reveal(index),
      moved: () => undefined,
      disabled: () => false,
    });
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#resizeObserver?.disconnect();
    this.#observed = undefined;
    this.#closeMenu(false);
    this.#panelObserver?.disconnect();
    this.#panelObserver = undefined;
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

  /** The delete confirmation (the form's panel and its discard question are dialogs too). */
  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog[part~="dialog"]');
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

  /** The open form may be saved: checked at every render, so a role lowered meanwhile takes effect at once. */
  get #mayWrite(): boolean {
    return this.form?.id ? this.#canUpdate : this.#canCreate;
  }

  /** Archiving is offered beside deleting where the backend has an editable status. */
  #canArchive(type: OutcomeType): boolean {
    return this.#canUpdate && !!this.#rules?.fields.status?.editable && type.status !== 'archived';
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
    const all = this.#all;
    const { query, statusFilter: filter } = this;
    const hasStatus = !!this.#rules?.fields.status;
    const memo = this.#shownMemo;
    // Recomputed only when the list, the search or the filter changed: not per render, not per scroll.
    if (memo && memo.all === all && memo.query === query && memo.filter === filter && memo.hasStatus === hasStatus) return memo.shown;
    const words = queryWords(query);
    const texts = words.length ? this.#searchTexts(all) : undefined;
    const shown = all.filter((type, at) => {
      if (hasStatus) {
        if (filter === 'unarchived' && type.status === 'archived') return false;
        if (filter !== 'unarchived' && filter !== 'all' && type.status !== filter) return false;
      }
      return !texts || words.every((word) => texts[at]!.includes(word));
    });
    this.#shownMemo = { all, query, filter, hasStatus, shown };
    return shown;
  }

  /** The folded search text of each type of a list, in its order (accent- and case-insensitive). */
  #searchTexts(list: readonly OutcomeType[]): string[] {
    if (this.#index?.list === list) return this.#index.texts;
    const texts = list.map((type) => {
      let text = this.#folded.get(type);
      if (text === undefined) this.#folded.set(type, (text = fold(`${type.name} ${type.key} ${type.description}`)));
      return text;
    });
    this.#index = { list, texts };
    return texts;
  }

  /** Builds the search index when the browser is idle (as the picker does), so the first keystroke only compares. */
  #indexSoon(): void {
    const list = this.#all;
    if (list === this.#indexQueued || this.#index?.list === list || list.length < 50) return;
    this.#indexQueued = list;
    const build = () => {
      if (list === this.#all) this.#searchTexts(list);
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(build, { timeout: 1000 });
    else setTimeout(build, 50);
  }

  get #editing(): OutcomeType | undefined {
    const id = this.form?.id;
    // Gone from the list (deleted elsewhere): still the type the form edits, never a new one.
    return id ? (this.#all.find((type) => type.id === id) ?? this.#expected) : undefined;
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
    if (status !== 'ready') return;
    this.#indexSoon();
    // A new list (a write, a search, a filter): the focused row keeps focus, at its new place.
    const shown = this.#shown;
    if (shown !== this.#rovingList) {
      const focusedId = this.#rovingList[this.#roving.focused]?.id;
      this.#rovingList = shown;
      if (focusedId !== undefined) this.#roving.focused = shown.findIndex((type) => type.id === focusedId);
    }
    const focused = shown[this.#roving.focused];
    if (focused) this.#lastFocusedId = focused.id;
    if (this.menuFor && !shown.some((type) => type.id === this.menuFor)) this.#closeMenu(false);
  }

  hostUpdated(): void {
    // Fetched ahead, once the editor knows it may write: the form then opens at once.
    if (!editingKitPrefetched && (this.#canCreate || this.#canUpdate)) {
      editingKitPrefetched = true;
      editingKit.load().catch(() => undefined);
    }
    // Measured once the frame lays the list out anyway: an update never forces a layout of its own.
    if (!this.#measureQueued && this.#list) {
      this.#measureQueued = true;
      requestAnimationFrame(() => {
        this.#measureQueued = false;
        this.#measureList();
      });
    }
    this.#placeMenu();
    this.#placeForm();
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
    // The list stays while a form is open (its scroll and focus kept): the form's panel goes beside it.
    return html`
      <div class="layout ${this.form ? 'with-form' : ''}">
        <div class="list-side">${this.#renderListView()}</div>
        ${this.form ? this.#renderFormPanel() : nothing}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${this.#renderDialog()}
      ${renderImportDialog(this.host)}
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
      ${this.listFailure ? html`<p part="form-error" role="alert">${this.#reorderFailure(this.listFailure)}</p>` : nothing}
      ${this.reorderProgress
        ? html`<p part="note">
            ${this.msg('editor.reorderProgress', ...this.reorderProgress)}
            <progress max=${this.reorderProgress[1]} .value=${this.reorderProgress[0]} aria-hidden="true"></progress>
          </p>`
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
          @input=${this.#onSearch}
        />
      </span>
      ${hasStatus
        ? html`<span class="control">
            <label for="status-filter">${this.msg('editor.statusFilter')}</label>
            <select id="status-filter" part="status-filter" @change=${this.#onStatusFilter}>
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
      ${renderTransferButtons(this.host, this.msg)}
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

  /** A column's header: short, so that a column is as wide as its values need. */
  #header(column: Column): string {
    return column === 'requiresFutureScheduledAt' || column === 'autoAppliedOn'
      ? this.msg(`editor.column.${column}`)
      : this.msg(`editor.field.${column}`);
  }

  /**
   * The tracks every row of a wide host shares (rows are grids of their own, positioned by index):
   * the handle, the name, one shrinkable track per column, and the actions as wide as the widest
   * seen, so that no action is ever cut off and the columns line up.
   */
  #tracks(columns: Column[], showActions: boolean): string {
    return [
      this.#canReorder ? 'var(--_handle-size)' : '',
      'minmax(6rem, 2fr)',
      ...columns.map(() => 'minmax(0, 1fr)'),
      showActions ? 'var(--_actions-track, max-content)' : '',
    ]
      .filter(Boolean)
      .join(' ');
  }

  #renderTable(shown: OutcomeType[]): TemplateResult {
    const columns = this.#columns();
    const showActions = this.#canUpdate || shown.some((type) => this.#canDelete(type));
    const count = shown.length;
    const height = this.#rowHeight;
    // Rows are positioned by index under the sticky header: those in view plus overscan are
    // rendered, whatever the length of the list (fixed heights make it arithmetic, as in the picker).
    // Overscan 2, not the picker's 6: an editor row costs several times a picker row to lay out.
    const { start, end } = visibleRange(count, height, this.scrollTop, Math.max(height, this.viewportHeight - this.#headHeight), this.#overscan);
    const tabbable = this.#roving.tabbable;
    // The row that takes Tab, the focused row, the dragged row and the row whose menu is open
    // stay rendered when scrolled away, in list order, keyed by id, never moved.
    const pinned = new Set<number>();
    for (const index of [tabbable, this.#roving.focused]) if (index >= 0 && index < count) pinned.add(index);
    for (const id of [this.dragging?.id, this.menuFor, this.form?.id]) {
      const index = id ? shown.findIndex((type) => type.id === id) : -1;
      if (index >= 0) pinned.add(index);
    }
    const outside = [...pinned].filter((index) => index < start || index >= end).sort((a, b) => a - b);
    const indexes = outside.filter((index) => index < start);
    for (let index = start; index < end; index++) indexes.push(index);
    indexes.push(...outside.filter((index) => index >= end));
    const frame: RowFrame = {
      columns,
      showActions,
      count,
      tabbable,
      key: [columns.join(), showActions, this.#canReorder, this.#canUpdate, this.#isEditor, this.host.locale, height].join('|'),
    };
    const caption = this.msg('editor.caption', count);
    // Rows take two lines with a menu below a width that grows with the columns, before their
    // values would be cut to a few letters: 40rem for up to two, 56rem up to four, 72rem beyond.
    const crowding = columns.length > 4 ? 'many' : columns.length > 2 ? 'some' : 'few';
    return html`<div class="table-scroll" @scroll=${this.#onScroll} ${cssomStyle({ '--_columns': crowding })}>
      <table
        part="table"
        role="grid"
        aria-label=${caption}
        aria-rowcount=${count + 1}
        aria-busy=${this.reordering ? 'true' : 'false'}
        ${cssomStyle({ '--_tracks': this.#tracks(columns, showActions) })}
      >
        <thead role="rowgroup">
          <tr role="row" class="row" aria-rowindex="1">
            ${this.#canReorder
              ? html`<th role="columnheader" class="handle-cell"><span class="visually-hidden">${this.msg('editor.drag')}</span></th>`
              : nothing}
            <th role="columnheader" class="name-cell">${this.msg('editor.field.name')}</th>
            ${columns.map((column) => html`<th role="columnheader" class="column">${this.#header(column)}</th>`)}
            ${showActions
              ? html`<th role="columnheader" class="actions-cell"><span class="visually-hidden">${this.msg('editor.actions')}</span></th>`
              : nothing}
          </tr>
        </thead>
        <tbody
          role="rowgroup"
          @click=${this.#onListClick}
          @keydown=${this.#onListKeydown}
          @pointerdown=${this.#onListPointerdown}
          @focusout=${this.#onListFocusout}
          ${cssomStyle({ height: `${count * height}px` })}
          ${stableRepeat(indexes.map((index) => [shown[index]!.id, this.#row(shown[index]!, index, frame)]))}
        ></tbody>
      </table>
    </div>`;
  }

  /**
   * A row, memoized on what it shows: its type (the store replaces only the objects a write
   * changed), its place, and its focus, drag and menu state; a write to one type renders one row.
   */
  #row(type: OutcomeType, index: number, frame: RowFrame): unknown {
    const dragging = this.dragging;
    const drag = !dragging ? '' : dragging.id === type.id ? 'dragging' : dragging.overId === type.id ? 'drop-target' : '';
    const tab = index === frame.tabbable;
    const menu = this.menuFor === type.id;
    const last = index === frame.count - 1;
    const editing = this.form?.id === type.id;
    return guard([type, index, tab, drag, menu, last, editing, frame.key], () => this.#renderRow(type, index, frame, tab, drag, menu));
  }

  #renderRow(type: OutcomeType, index: number, frame: RowFrame, tab: boolean, drag: string, menu: boolean): TemplateResult {
    const { columns, showActions } = frame;
    const texts = columns.map((column) => this.#cellText(type, column));
    const lockText = this.msg('editor.locked');
    // The row whose form is open beside the list is marked, for the eye and for assistive technology.
    const editing = this.form?.id === type.id;
    return html`<tr
      role="row"
      part=${`row${type.isSystem ? ' row-system' : ''}${editing ? ' row-editing' : ''}`}
      aria-current=${editing ? 'true' : nothing}
      class="row ${drag}"
      data-id=${type.id}
      data-index=${index}
      aria-rowindex=${index + 2}
      tabindex=${tab ? 0 : -1}
      ${cssomStyle({ top: `${index * this.#rowHeight}px` })}
    >
      ${this.#canReorder
        ? html`<td role="gridcell" class="handle-cell">
            <span part="drag-handle" aria-hidden="true" title=${this.msg('editor.drag')}>${GRIP}</span>
          </td>`
        : nothing}
      <th role="rowheader" part="name" class="name-cell">
        <span class="line" title=${type.name}
          ><span class="type-name">${type.name}</span>${type.isSystem ? html` <span part="badge">${this.msg('system')}</span>` : nothing}</span
        >
        <span class="summary">${texts.join(' · ')}</span>
      </th>
      ${columns.map(
        // Text straight in the cell, which clips it: a span per cell doubled the rows' layout cost.
        (column, at) =>
          html`<td role="gridcell" class="column" title=${texts[at]!}>${type.isSystem && this.#canUpdate && this.#rules?.fields[column]?.lockedOnSystem
            ? html`<span class="lock-icon" role="img" aria-label=${lockText} title=${lockText}>${LOCK}</span>`
            : nothing}${texts[at]}</td>`,
      )}
      ${showActions
        ? html`<td role="gridcell" part="actions" class="actions-cell">
            <span class="inline-actions">${this.#renderActions(type, index, frame.count, tab)}</span>
            ${this.#renderRowMenu(type, index, frame.count, tab, menu)}
          </td>`
        : nothing}
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

  /** The inline buttons of a wide host (only the row that takes Tab has them in the tab order). */
  #renderActions(type: OutcomeType, index: number, count: number, tab: boolean): TemplateResult {
    const name = type.name;
    const tabindex = tab ? 0 : -1;
    return html`
      ${this.#canReorder
        ? html`<button type="button" part="move-up" class="icon" data-action="up" tabindex=${tabindex} aria-label=${this.msg('editor.moveUp', name)} ?disabled=${index === 0}>↑</button>
            <button type="button" part="move-down" class="icon" data-action="down" tabindex=${tabindex} aria-label=${this.msg('editor.moveDown', name)} ?disabled=${index === count - 1}>↓</button>`
        : nothing}
      ${this.#canUpdate
        ? html`<button type="button" part="edit-button" data-action="edit" tabindex=${tabindex} aria-label=${this.msg('editor.editNamed', name)}>${this.msg('editor.edit')}</button>`
        : nothing}
      ${this.#canDelete(type)
        ? html`<button type="button" part="delete-button" data-action="delete" tabindex=${tabindex} aria-label=${this.msg('editor.deleteNamed', name)}>${this.msg('editor.delete')}</button>`
        : nothing}
    `;
  }

  #menuItems(type: OutcomeType): MenuAction[] {
    const items: MenuAction[] = [];
    if (this.#canUpdate) items.push('edit');
    if (this.#canDelete(type)) items.push('delete');
    if (this.#canReorder) items.push('up', 'down');
    return items;
  }

  /**
   * The row menu of a narrow host (APG menu button): Enter, Space or Down opens it on its first
   * item, Up on its last; arrows, Home, End and a letter move; Enter or Space chooses; Escape
   * closes it and focus goes back to its button; Tab closes it and moves on.
   */
  #renderRowMenu(type: OutcomeType, index: number, count: number, tab: boolean, open: boolean): unknown {
    const items = this.#menuItems(type);
    if (!items.length) return nothing;
    const label = this.msg('editor.rowMenu', type.name);
    const text = { edit: this.msg('editor.edit'), delete: this.msg('editor.delete'), up: this.msg('editor.moveUpShort'), down: this.msg('editor.moveDownShort') };
    return html`<button
        type="button"
        part="row-menu"
        class="icon"
        data-action="menu"
        tabindex=${tab ? 0 : -1}
        aria-haspopup="menu"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${open ? 'row-menu' : nothing}
        aria-label=${label}
      >
        ${DOTS}
      </button>
      ${open
        ? html`<div id="row-menu" class="menu" role="menu" popover="manual" aria-label=${label}>
            ${items.map((action) => {
              const disabled = (action === 'up' && index === 0) || (action === 'down' && index === count - 1);
              return html`<div role="menuitem" tabindex="-1" data-action=${action} aria-disabled=${disabled ? 'true' : nothing}>${text[action]}</div>`;
            })}
          </div>`
        : nothing}`;
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
      ${this.#mayWrite ? nothing : html`<p part="note" role="alert">${this.msg('editor.demoted')}</p>`}
      ${renderFormFields({
        msg: this.msg,
        rules,
        draft: form.draft,
        existing,
        errors,
        smartLists: this.smartLists,
        busy: this.saving || !this.#mayWrite,
        change: (patch, field) => this.#change(patch, field),
        touch: (field) => this.#touch(field),
      })}
      <div id="form-error" part="form-error" role="alert" tabindex="-1">${this.failure ? this.#failureText(this.failure) : ''}</div>
      ${this.clash ? this.#renderClash(existing) : nothing}
      <div class="buttons">
        ${this.#mayWrite && !this.clash
          ? html`<button part="save-button" class="primary" aria-busy=${this.saving ? 'true' : 'false'} ?disabled=${this.saving}>
              ${this.saving ? this.msg('editor.saving') : this.msg('editor.save')}
            </button>`
          : nothing}
        <button type="button" part="cancel-button" ?disabled=${this.saving} @click=${() => this.#leaveForm(() => this.#closeForm())}>${this.msg('editor.cancel')}</button>
      </div>
    </form>`;
  }

  /** Why a write failed: the code's message, and the fields the form cannot show. */
  #failureText(error: OutcomeAdapterError): string {
    const shownFields = new Set<string>(this.#rules ? editingKit.loaded!.formFields(this.#rules) : []);
    const others = Object.entries(error.fieldErrors)
      .filter(([field]) => !shownFields.has(field))
      .map(([field, message]) => `${field}: ${message}`);
    // A lost answer: the write may have been done (the list was read again before this is said).
    const unknown = error.code === 'network' || error.code === 'timeout';
    const said = unknown ? [this.msg(`error.${error.code}`), this.msg('editor.unknownOutcome')] : [this.msg('editor.saveFailed'), this.msg(`error.${error.code}`)];
    return [...said, ...others].join(' ');
  }

  #renderDialog(): TemplateResult {
    const type = this.pendingDelete;
    const failure = this.deleteFailure;
    // Deleted elsewhere meanwhile: said, with nothing left to do but close (a role lowered meanwhile: likewise).
    const open = !!type && failure?.code !== 'not_found' && this.#canDelete(type);
    const archive = open && this.#canArchive(type);
    const failureText = !failure
      ? ''
      : failure.code === 'not_found'
        ? this.msg('editor.deletedElsewhere')
        : failure.code === 'network' || failure.code === 'timeout'
          ? `${this.msg(`error.${failure.code}`)} ${this.msg('editor.unknownOutcome')}`
          : `${this.msg('editor.deleteFailed')} ${this.msg(`error.${failure.code}`)}`;
    return html`<dialog part="dialog" aria-labelledby="delete-title" aria-describedby="delete-text delete-usage" @close=${this.#onDialogClose}>
      ${type
        ? html`<p id="delete-title" class="title">${this.msg('editor.deleteTitle', type.name)}</p>
            <p id="delete-text">${this.msg('editor.deleteText')} ${archive ? this.msg('editor.archiveText') : ''}</p>
            ${this.usage === null ? nothing : html`<p id="delete-usage" part="usage">${this.msg('editor.usage', this.usage)}</p>`}
            <p part="form-error" role="alert">${failureText}</p>
            <div class="buttons">
              <button type="button" autofocus ?disabled=${this.saving} @click=${() => this.dialog?.close()}>${this.msg(open ? 'editor.cancel' : 'editor.close')}</button>
              ${archive
                ? html`<button type="button" part="archive-instead" class="primary" aria-busy=${this.saving ? 'true' : 'false'} ?disabled=${this.saving} @click=${this.#archive}>
                    ${this.msg('editor.archiveInstead')}
                  </button>`
                : nothing}
              ${open
                ? html`<button type="button" part="confirm-delete" class="danger" aria-busy=${this.saving ? 'true' : 'false'} ?disabled=${this.saving} @click=${this.#confirmDelete}>
                    ${this.msg('editor.deleteConfirm', type.name)}
                  </button>`
                : nothing}
            </div>`
        : nothing}
    </dialog>`;
  }

  // ------------------------------------------------------------------------------------------
  // The form.

  /**
   * Opens the form for a type (`null`: a new one). With a form open already: the same one takes
   * focus; another Edit or New leaves it first, after asking when it has unsaved changes.
   */
  #openForm(id: string | null): void {
    const open = this.form;
    if (open && open.id === id) return this.#focusForm();
    if (open) return this.#leaveForm(() => this.#startForm(id));
    this.#startForm(id);
  }

  #startForm(id: string | null): void {
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
    this.clash = null;
    this.#expected = existing;
    this.serverFieldErrors = {};
    this.listFailure = null;
    this.#returnFocus = id ? () => this.#rowControl(id, 'edit-button') : () => this.#part('new-button');
    this.#initialDraft = JSON.stringify(this.form.draft);
    this.#keyFollows = !existing && !!this.#rules?.fields.key?.editable;
    this.discarding = null;
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
    // A new type's key follows its name until the admin edits the key (emptied, it follows again).
    if (field === 'key') this.#keyFollows = this.form.id === null && patch.key === '';
    else if (this.#keyFollows) patch = editingKit.loaded!.followName(patch);
    this.form = { ...this.form, draft: { ...this.form.draft, ...patch } };
    for (const changed of patch.key !== undefined && field !== 'key' ? [field, 'key' as const] : [field]) {
      if (!this.serverFieldErrors[changed]) continue;
      // The user changed what the server objected to: its answer no longer applies.
      const { [changed]: _answered, ...rest } = this.serverFieldErrors;
      this.serverFieldErrors = rest;
    }
  }

  /** The user left a field: its errors may show. A key that follows the name is checked when the name is left. */
  #touch(field: OutcomeTypeField): void {
    const touched = new Set(this.touched).add(field);
    if (field === 'name' && this.#keyFollows && this.form?.draft.key) touched.add('key');
    this.touched = touched;
  }

  /** Whether the open form holds anything the admin would lose by closing it. */
  get #dirty(): boolean {
    return !!this.form && JSON.stringify(this.form.draft) !== this.#initialDraft;
  }

  /**
   * Leaves the open form (Cancel, Escape, another row's Edit, New): at once when nothing changed,
   * else after asking "Discard changes to “X”?" — `then` runs on Discard; Keep editing goes back
   * to where the admin was in the form.
   */
  #leaveForm(then: () => void): void {
    if (!this.form || this.saving || this.discarding) return;
    if (!this.#dirty) return then();
    const active = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    this.#focusBeforeDiscard = active && this.#panel?.contains(active) ? active : null;
    this.discarding = { then };
  }

  /**
   * The answer to the discard question (Escape, or the dialog closed otherwise: Keep editing).
   * Taken at once, before the dialog's own `close` event, so that no render in between asks again.
   */
  #answerDiscard(discard: boolean): void {
    const pending = this.discarding;
    const back = this.#focusBeforeDiscard;
    this.discarding = null;
    this.#focusBeforeDiscard = null;
    this.renderRoot.querySelector<HTMLDialogElement>('dialog[part~="discard-dialog"]')?.close();
    if (!pending) return;
    if (discard) return pending.then();
    void this.updateComplete.then(() => (back?.isConnected ? back.focus() : this.#focusForm()));
  }

  /** Escape in the form asks before leaving it; the modal dialog's own Escape would close it without asking. */
  #onPanelKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    this.#leaveForm(() => this.#closeForm());
  };

  #onPanelCancel = (event: Event): void => {
    event.preventDefault();
    this.#leaveForm(() => this.#closeForm());
  };

  #focusForm(): void {
    this.renderRoot.querySelector<HTMLElement>('[part~="form"] :is(input, select, textarea):not([disabled])')?.focus();
  }

  get #panel(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog[part~="form-panel"]');
  }

  /**
   * Shows the form's panel as the host's width asks. CSS decides (a container query on the host):
   * from 56rem the layout has a second column and the panel, in the flow there, is shown
   * non-modally, so the list stays usable; below, it is a modal dialog. A host resized across
   * the line moves an open form, focus kept. Then the discard question, when asked.
   */
  #placeForm(): void {
    const panel = this.#panel;
    if (!panel || !panel.isConnected) {
      this.#panelObserver?.disconnect();
      this.#panelObserver = undefined;
      return;
    }
    if (!this.#panelObserver) {
      // In the next frame: moving the panel resizes the host, which must not re-enter the observer.
      this.#panelObserver = new ResizeObserver(() => requestAnimationFrame(() => this.#placeForm()));
      this.#panelObserver.observe(this.host);
    }
    // Two tracks in the layout: the container query put the panel beside the list. (Read from the
    // layout: a modal dialog's own position always computes to fixed, in the top layer.)
    const layout = panel.parentElement!;
    const beside = getComputedStyle(layout).gridTemplateColumns.trim().split(/\s+/).length > 1;
    if (!panel.open || panel.matches(':modal') === beside) {
      const focused = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
      if (panel.open) panel.close();
      if (beside) panel.show();
      else panel.showModal();
      if (focused && panel.contains(focused)) focused.focus();
    }
    const question = this.renderRoot.querySelector<HTMLDialogElement>('dialog[part~="discard-dialog"]');
    if (question && this.discarding && !question.open) {
      question.returnValue = '';
      question.showModal();
    }
  }

  /** The form in its panel (beside the list, or a modal dialog: see #placeForm), and the discard question. */
  #renderFormPanel(): TemplateResult {
    const existing = this.#editing;
    return html`<dialog part="form-panel" aria-labelledby="form-title" @keydown=${this.#onPanelKeydown} @cancel=${this.#onPanelCancel}>
        ${this.#renderForm()}
      </dialog>
      <dialog
        part="discard-dialog"
        role="alertdialog"
        aria-labelledby="discard-title"
        aria-describedby="discard-text"
        @cancel=${() => this.#answerDiscard(false)}
        @close=${() => this.discarding && this.#answerDiscard(false)}
      >
        ${this.discarding
          ? html`<p id="discard-title" class="title">${existing ? this.msg('editor.discardTitle', existing.name) : this.msg('editor.discardNewTitle')}</p>
              <p id="discard-text">${this.msg('editor.discardText')}</p>
              <div class="buttons">
                <button type="button" part="keep-editing" autofocus @click=${() => this.#answerDiscard(false)}>${this.msg('editor.keepEditing')}</button>
                <button type="button" part="confirm-discard" class="danger" @click=${() => this.#answerDiscard(true)}>${this.msg('editor.discard')}</button>
              </div>`
          : nothing}
      </dialog>`;
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
    if (this.saving || !this.form || !adapter || !rules || !this.#mayWrite) return;
    this.submitted = true;
    this.failure = null;
    const { changesOf, createInputOf, formFields, heldBy } = editingKit.loaded!;
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
        // What the admin changed since the form opened, sent only if the server still holds that version.
        const base = this.#expected ?? existing;
        const changes = changesOf(draft, rules.fields, base);
        if (Object.keys(changes).length === 0) {
          this.saving = false;
          this.#announce(this.msg('editor.noChanges'));
          this.#closeForm();
          return;
        }
        result = await this.#update(store, existing.id, changes, base, idempotencyKey, (current) => heldBy(current, draft, rules.fields));
      } else {
        result = await store.create(createInputOf(draft, rules.fields), { idempotencyKey });
      }
    } catch (thrown) {
      // The form stays exactly as the user left it; the answer is shown next to the fields.
      const error = OutcomeAdapterError.from(thrown, 'network');
      // Changed elsewhere (both versions shown), or deleted elsewhere (never re-created unasked).
      const clash = !existing ? null : error.code === 'conflict' && error.current ? { current: error.current } : error.code === 'not_found' ? 'gone' : null;
      // A create whose answer was lost may have been done: the list is read again before anything is
      // said, and a type new in it that holds exactly what the form holds is this create, done.
      if (!existing && error.retryable) {
        const before = new Set(this.#all.map((type) => type.id));
        await store.reload().catch(() => undefined);
        const created = this.#all.find((type) => !before.has(type.id) && heldBy(type, draft, rules.fields));
        if (created) return this.#saved(undefined, created);
      }
      if (clash === 'gone') void store.reload().catch(() => undefined);
      this.saving = false;
      this.failure = clash ? null : error;
      this.clash = clash;
      this.serverFieldErrors = { ...error.fieldErrors };
      await this.updateComplete;
      const field = formFields(rules).find((name) => error.fieldErrors[name]);
      if (field) this.#focusField(field);
      else this.renderRoot.querySelector<HTMLElement>(clash ? '#clash' : '#form-error')?.focus();
      return;
    }
    this.#saved(existing, result);
  };

  #saved(existing: OutcomeType | undefined, result: OutcomeType): void {
    this.saving = false;
    this.#announce(this.msg(existing ? 'editor.saved' : 'editor.created', result.name));
    this.#emit(existing ? 'updated' : 'created', result);
    if (!existing) this.#returnFocus = () => this.#rowControl(result.id, 'edit-button') ?? this.#part('new-button');
    this.failure = null;
    this.#closeForm();
  }

  #focusField(field: OutcomeTypeField): void {
    const control =
      field === 'destination'
        ? this.renderRoot.querySelector<HTMLElement>('#smart-list, #smart-lists, [name="recipe"]:checked, [name="recipe"]')
        : this.renderRoot.querySelector<HTMLElement>(`#${editingKit.loaded!.controlId(field)}`);
    control?.focus();
  }

  /**
   * An update made only if the server still holds `base`, the version the admin saw (`expected`).
   * A conflict puts the server's version in the list; a lost answer reads the list again first.
   * When the server's version (carried by the conflict, or read again) already holds what was
   * asked — this very write, its answer lost — the update is done.
   */
  async #update(store: OutcomeStore, id: string, changes: Partial<OutcomeTypeInput>, base: OutcomeType, idempotencyKey: string, held: (current: OutcomeType) => boolean): Promise<OutcomeType> {
    try {
      return await store.update(id, changes, { idempotencyKey, expected: base });
    } catch (thrown) {
      const error = OutcomeAdapterError.from(thrown, 'network');
      if (error.retryable) await store.reload().catch(() => undefined);
      if (error.code === 'conflict' && error.current) store.applyUpdates([error.current]);
      const current = error.code === 'conflict' ? error.current : error.retryable ? store.snapshot.outcomeTypes.find((type) => type.id === id) : undefined;
      if (!current || !held(current)) throw error;
      return current;
    }
  }

  /** The conflict (both versions of each field that differs) or the deletion, from the editing kit. */
  #renderClash(existing: OutcomeType | undefined): TemplateResult {
    const kit = editingKit.loaded!;
    const rules = this.#rules!;
    const clash = this.clash!;
    const base = this.#expected ?? existing!;
    return kit.renderClash({
      msg: this.msg,
      name: base.name,
      clash: clash === 'gone' ? clash : { differences: kit.differences(this.form!.draft, rules.fields, base, clash.current, kit.formFields(rules)) },
      busy: this.saving,
      canUpdate: this.#canUpdate,
      canCreate: this.#canCreate,
      reapply: this.#reapply,
      useServer: this.#useServer,
      createAgain: this.#createAgain,
      close: () => this.#closeForm(),
    });
  }

  /** The admin's own changes on top of the server's version, saved with that version as `expected`. */
  #reapply = (): void => {
    const { clash, form } = this;
    const rules = this.#rules;
    const kit = editingKit.loaded;
    if (!clash || clash === 'gone' || !form || !rules || !kit || this.saving) return;
    this.form = { ...form, draft: kit.rebase(form.draft, rules.fields, this.#expected ?? clash.current, clash.current), idempotencyKey: randomId() };
    this.#expected = clash.current;
    void this.#save(new SubmitEvent('submit'));
  };

  /** The form shows the server's version, and Save compares against it from now on. */
  #useServer = (): void => {
    const { clash, form } = this;
    const kit = editingKit.loaded;
    if (!clash || clash === 'gone' || !form || !kit || this.saving) return;
    this.form = { ...form, draft: kit.draftFrom(clash.current, clash.current.ordinal), idempotencyKey: randomId() };
    this.#expected = clash.current;
    this.clash = null;
    this.touched = new Set();
    this.submitted = false;
    this.serverFieldErrors = {};
    this.#announce(this.msg('editor.conflict.reloaded'));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="form"] :is(input, select, textarea):not([disabled])')?.focus());
  };

  /** Deleted elsewhere: only when asked, an explicit create of what the form holds, with a key of its own. */
  #createAgain = (): void => {
    const { form } = this;
    if (!form || this.saving || !this.#canCreate) return;
    this.form = { ...form, id: null, idempotencyKey: randomId() };
    this.#expected = undefined;
    this.clash = null;
    void this.#save(new SubmitEvent('submit'));
  };

  // ------------------------------------------------------------------------------------------
  // Deleting.

  #askDelete(type: OutcomeType): void {
    this.pendingDelete = type;
    this.#deleteKey = randomId();
    this.#deleteUnknown = false;
    this.deleteFailure = null;
    this.listFailure = null;
    this.usage = null;
    this.#returnFocus = () => this.#rowControl(type.id, 'delete-button');
    // Where the adapter keeps records (MemoryAdapter): how many use the type, said before deciding.
    const adapter = this.effectiveAdapter as (OutcomeAdapter & { listRecords?: () => { outcomeKey: string }[] | Promise<{ outcomeKey: string }[]> }) | undefined;
    if (typeof adapter?.listRecords !== 'function') return;
    Promise.resolve(adapter.listRecords()).then(
      (records) => {
        if (this.pendingDelete === type) this.usage = records.filter((record) => record.outcomeKey === type.key).length;
      },
      () => undefined,
    );
  }

  #confirmDelete = async (): Promise<void> => {
    const type = this.pendingDelete;
    const adapter = this.effectiveAdapter;
    if (!type || !adapter || this.saving || !this.#canDelete(type)) return;
    this.saving = true;
    this.deleteFailure = null;
    const store = OutcomeStore.for(adapter);
    try {
      await store.delete(type.id, { idempotencyKey: this.#deleteKey });
    } catch (thrown) {
      const error = OutcomeAdapterError.from(thrown, 'network');
      // The outcome unknown: the list is read again before anything is said.
      if (error.retryable) {
        this.#deleteUnknown = true;
        await store.reload().catch(() => undefined);
      }
      // Gone after a try whose answer was lost (found so, or read again so): that try did it.
      const done = this.#deleteUnknown && (error.code === 'not_found' || (error.retryable && !store.snapshot.error && !store.snapshot.outcomeTypes.some((stored) => stored.id === type.id)));
      if (!done) {
        // Deleted elsewhere meanwhile: said, with Close; the list drops it.
        if (error.code === 'not_found') void store.reload().catch(() => undefined);
        this.saving = false;
        this.deleteFailure = error;
        await this.updateComplete;
        if (error.code === 'not_found') this.dialog?.querySelector<HTMLElement>('button[autofocus]')?.focus();
        return;
      }
      void store.reload().catch(() => undefined);
    }
    this.saving = false;
    // After a deletion focus goes to the row that took its place, else to the search.
    const index = this.#shown.findIndex((shown) => shown.id === type.id);
    this.#returnFocus = () => {
      const shown = this.#shown;
      const next = shown[Math.min(index, shown.length - 1)];
      return (next && (this.#rowControl(next.id, 'edit-button') ?? this.#rowControl(next.id, 'delete-button') ?? this.#rowElement(shown.indexOf(next)))) || this.#part('search');
    };
    this.#announce(this.msg('editor.deleted', type.name));
    this.#emit('deleted', type);
    this.dialog?.close();
  };

  /** Archive instead (backends with an editable status): kept, hidden from agents, nothing deleted. */
  #archive = async (): Promise<void> => {
    const type = this.pendingDelete;
    const adapter = this.effectiveAdapter;
    if (!type || !adapter || this.saving || !this.#canArchive(type)) return;
    this.saving = true;
    this.deleteFailure = null;
    let archived: OutcomeType;
    try {
      archived = await this.#update(OutcomeStore.for(adapter), type.id, { status: 'archived' }, type, randomId(), (current) => current.status === 'archived');
    } catch (thrown) {
      this.saving = false;
      this.deleteFailure = OutcomeAdapterError.from(thrown, 'network');
      return;
    }
    this.saving = false;
    this.#announce(this.msg('editor.archived', type.name));
    this.#emit('updated', archived);
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

  /** "Moving “X” failed: the server had a problem; the list shows what the server holds." */
  #reorderFailure({ name, error }: { name: string; error: OutcomeAdapterError }): string {
    return this.msg('editor.reorderWriteFailed', name, this.msg(`error.${error.code}`).replace(/[.。]\s*$/, ''));
  }

  async #moveTo(id: string, to: number, keepFocusOn?: 'move-up' | 'move-down'): Promise<void> {
    const adapter = this.effectiveAdapter;
    const shown = this.#shown;
    const moved = shown.find((type) => type.id === id);
    if (this.reordering || !adapter || !moved || to < 0 || to >= shown.length) return;
    // Fetched ahead for every editor that may reorder; only a failed fetch leaves it missing.
    // The runner of the writes comes on demand too: pages that never reorder never load it.
    let kit: EditingKit;
    let runner: typeof import('../../controllers/ordinal-writes.js');
    try {
      [kit, runner] = await Promise.all([this.#editingKit(), import('../../controllers/ordinal-writes.js')]);
    } catch {
      this.formUnavailable = true;
      return;
    }
    if (this.reordering) return;
    const { ordinalChanges, placeAt } = kit;
    // Only the ordinals that must change: one when an ordinal fits between the new neighbours.
    const changes = ordinalChanges(placeAt(this.#all, shown, id, to), id, this.#rules?.fields.ordinal);
    const store = OutcomeStore.for(adapter);
    this.reordering = true;
    this.listFailure = null;
    const total = changes.length;
    let said = -1;
    // Beyond 10 writes, progress in the status region: at most every tenth, so neither a screen
    // reader nor the list (re-rendered with it) is flooded.
    const progress = (done: number) => {
      const tenth = Math.floor((done * 10) / total);
      if (tenth === said) return;
      said = tenth;
      this.reorderProgress = [done, total];
      this.announcement = this.msg('editor.reorderProgress', done, total);
    };
    if (total > 10) progress(0);
    // At most 4 writes in flight, each with its own key; the list is updated once, at the end.
    const result = await runner.writeOrdinals(store, changes, total > 10 ? { onProgress: progress } : {});
    this.reordering = false;
    this.reorderProgress = null;
    if (!result.ok) {
      // Written back and read again: the list shows what the server holds.
      const { write, error } = result.failed;
      this.listFailure = { name: write.name, error };
      this.#announce(this.#reorderFailure(this.listFailure));
      return;
    }
    for (const type of result.updated) this.#emit('updated', type);
    await this.updateComplete;
    const position = this.#shown.findIndex((type) => type.id === id);
    this.#announce(this.msg('editor.moved', moved.name, position + 1, this.#shown.length));
    if (keepFocusOn) {
      const button = this.#rowControl(id, keepFocusOn);
      const other = this.#rowControl(id, keepFocusOn === 'move-up' ? 'move-down' : 'move-up');
      (button && !(button as HTMLButtonElement).disabled ? button : other)?.focus();
    }
  }

  #startDrag(event: PointerEvent, id: string, handle: HTMLElement): void {
    if (this.reordering || event.button !== 0) return;
    event.preventDefault();
    handle.setPointerCapture?.(event.pointerId);
    this.dragging = { id, overId: id };
    const onMove = (moveEvent: PointerEvent) => {
      this.#scrollWhileDragging(moveEvent.clientY);
      const row = this.#rowAt(moveEvent.clientY);
      if (row && this.dragging && row !== this.dragging.overId) this.dragging = { ...this.dragging, overId: row };
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

  /** Near the top or bottom edge of the list, a drag scrolls it (the dragged row stays rendered). */
  #scrollWhileDragging(clientY: number): void {
    const list = this.#list;
    if (!list) return;
    const { top, bottom } = list.getBoundingClientRect();
    const step = clientY < top + this.#headHeight + this.#rowHeight / 2 ? -1 : clientY > bottom - this.#rowHeight / 2 ? 1 : 0;
    if (!step) return;
    list.scrollTop += step * this.#rowHeight;
    this.scrollTop = list.scrollTop;
  }

  /** The id of the row under a vertical position, clamped to the first and last rows: arithmetic, as rows are positioned by index. */
  #rowAt(clientY: number): string | undefined {
    const body = this.renderRoot.querySelector<HTMLElement>('tbody');
    const shown = this.#shown;
    if (!body || !shown.length) return undefined;
    const index = Math.floor((clientY - body.getBoundingClientRect().top) / this.#rowHeight);
    return shown[Math.max(0, Math.min(shown.length - 1, index))]!.id;
  }

  // ------------------------------------------------------------------------------------------
  // The windowed list: scrolling, delegated events, keyboard, the row menu.

  get #list(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.table-scroll');
  }

  #rowIndexOf(target: EventTarget | null): number {
    if (!(target instanceof Element) || target.getRootNode() !== this.renderRoot) return -1;
    const row = target.closest<HTMLElement>('tbody tr[data-index]');
    return row ? Number(row.dataset['index']) : -1;
  }

  #rowElement(index: number): HTMLElement | null {
    return index < 0 ? null : this.renderRoot.querySelector<HTMLElement>(`tbody tr[data-index="${index}"]`);
  }

  /** Scrolls the list so that a row is in view (below the sticky header), and so rendered. */
  #reveal(index: number): void {
    const list = this.#list;
    if (!list) return;
    const next = scrollTopToReveal(index, this.#rowHeight, list.scrollTop, Math.max(this.#rowHeight, list.clientHeight - this.#headHeight));
    if (next === list.scrollTop) return;
    list.scrollTop = next;
    this.scrollTop = list.scrollTop;
  }

  #scrollToTop(): void {
    this.scrollTop = 0;
    const list = this.#list;
    if (list) list.scrollTop = 0;
  }

  /** After each render: the viewport, row and header heights and the widest actions, as CSS laid them out. */
  #measureList(): void {
    const list = this.#list;
    if (!list) return;
    if (list !== this.#observed) {
      this.#observed = list;
      // The list shown again (after the form): where it was, so the row the form came from is there.
      if (list.scrollTop !== this.scrollTop) list.scrollTop = this.scrollTop;
      this.#resizeObserver ??= new ResizeObserver(() => {
        const observed = this.#observed;
        if (!observed) return;
        // A new height, or a new width that changed the rows' height (two lines on narrow hosts).
        this.viewportHeight = observed.clientHeight;
        const row = observed.querySelector<HTMLElement>('tbody tr');
        if (row?.offsetHeight && row.offsetHeight !== this.#rowHeight) this.host.requestUpdate();
      });
      this.#resizeObserver.disconnect();
      this.#resizeObserver.observe(list);
    }
    // The first frame shows the rows in view only; the overscan (for scrolling) follows in the next.
    let changed = this.#overscan !== OVERSCAN;
    this.#overscan = OVERSCAN;
    const row = list.querySelector<HTMLElement>('tbody tr');
    if (row?.offsetHeight && row.offsetHeight !== this.#rowHeight) {
      // Rows changed height (one line or two, as the form opened beside the list or the host
      // was resized): the row at the top stays at the top.
      const top = Math.round(list.scrollTop / this.#rowHeight);
      this.#rowHeight = row.offsetHeight;
      if (top > 0) list.scrollTop = this.scrollTop = top * this.#rowHeight;
      changed = true;
    }
    // The header's height only shifts the window within its overscan: used from the next render on.
    this.#headHeight = list.querySelector<HTMLElement>('thead')?.offsetHeight ?? 0;
    // The actions' width is a custom property of the table, set here: no render for it.
    let widest = this.#actionsWidth;
    for (const actions of list.querySelectorAll<HTMLElement>('tbody .inline-actions')) widest = Math.max(widest, Math.ceil(actions.offsetWidth));
    this.#actionsWidth = widest;
    const table = list.querySelector<HTMLElement>('[part~="table"]');
    const track = widest ? `calc(${widest}px + var(--_cell-padding) * 2)` : '';
    if (table && table.style.getPropertyValue('--_actions-track') !== track) table.style.setProperty('--_actions-track', track);
    if (changed) this.host.requestUpdate();
  }

  #onScroll = (event: Event): void => {
    this.scrollTop = (event.currentTarget as HTMLElement).scrollTop;
  };

  #onSearch = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    this.#scrollToTop();
  };

  #onStatusFilter = (event: Event): void => {
    this.statusFilter = (event.target as HTMLSelectElement).value as StatusFilter;
    this.#scrollToTop();
  };

  /** One listener for every row's buttons and menu items: the row is found from `data-id`. */
  #onListClick = (event: MouseEvent): void => {
    const control = (event.target as Element).closest<HTMLElement>('[data-action]');
    const id = control?.closest<HTMLElement>('tr[data-id]')?.dataset['id'];
    if (!control || id === undefined) return;
    const action = control.dataset['action'] as MenuAction | 'menu';
    if (action === 'menu') {
      if (this.menuFor === id) this.#closeMenu(true);
      else this.#openMenu(id, 'first');
      return;
    }
    if (control.getAttribute('role') === 'menuitem') {
      if (control.getAttribute('aria-disabled') === 'true') return;
      this.#closeMenu(true);
    }
    this.#act(id, action);
  };

  #act(id: string, action: MenuAction): void {
    if (action === 'edit') this.#openForm(id);
    else if (action === 'up' || action === 'down') this.#move(id, action === 'up' ? -1 : 1);
    else {
      const type = this.#all.find((candidate) => candidate.id === id);
      if (type && this.#canDelete(type)) this.#askDelete(type);
    }
  }

  #onListPointerdown = (event: PointerEvent): void => {
    const handle = (event.target as Element).closest<HTMLElement>('[part~="drag-handle"]');
    const id = handle?.closest<HTMLElement>('tr[data-id]')?.dataset['id'];
    if (handle && id !== undefined) this.#startDrag(event, id, handle);
  };

  /**
   * Keys on a row and in it. Up, Down, Home and End move between rows (the roving tabindex, which
   * runs after this); Left and Right move between a row and its controls (mirrored in RTL); the
   * row menu takes its keys.
   */
  #onListKeydown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement;
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (target.getAttribute('role') === 'menuitem') return this.#onMenuKeydown(event, target);
    const row = target.closest<HTMLElement>('tbody tr[data-id]');
    if (!row) return;
    if (target.matches('[part~="row-menu"]') && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      this.#openMenu(row.dataset['id']!, event.key === 'ArrowDown' ? 'first' : 'last');
      return;
    }
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const stops = [row, ...row.querySelectorAll<HTMLElement>('button:not(:disabled)')].filter((stop) => stop.getClientRects().length);
    const rtl = getComputedStyle(this.host).direction === 'rtl';
    const step = (event.key === 'ArrowRight') !== rtl ? 1 : -1;
    stops[Math.max(0, Math.min(stops.length - 1, stops.indexOf(target) + step))]?.focus();
  };

  #onMenuKeydown(event: KeyboardEvent, item: HTMLElement): void {
    const menu = item.closest<HTMLElement>('[role="menu"]')!;
    const items = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const at = items.indexOf(item);
    const { key } = event;
    let next = -1;
    if (key === 'ArrowDown') next = (at + 1) % items.length;
    else if (key === 'ArrowUp') next = (at - 1 + items.length) % items.length;
    else if (key === 'Home') next = 0;
    else if (key === 'End') next = items.length - 1;
    else if (key.length === 1 && key !== ' ') {
      const letter = fold(key);
      for (let step = 1; step <= items.length && next < 0; step++) {
        const candidate = items[(at + step) % items.length]!;
        if (fold(candidate.textContent!.trim()).startsWith(letter)) next = (at + step) % items.length;
      }
    }
    if (next >= 0) {
      event.preventDefault();
      items[next]!.focus();
    } else if (key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#closeMenu(true);
    } else if (key === 'Tab') {
      // Focus back on the button, from which Tab then moves on.
      this.#closeMenu(true);
    } else if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      item.click();
    }
    // Every other key stays in the menu: the rows' arrows must not see it.
    if (key.startsWith('Arrow') || key === 'Home' || key === 'End') event.preventDefault();
  }

  #onListFocusout = (event: FocusEvent): void => {
    if (!this.menuFor) return;
    const to = event.relatedTarget as Element | null;
    if (to && (to.closest('[role="menu"]') || (to.matches('[part~="row-menu"]') && to.closest<HTMLElement>('tr')?.dataset['id'] === this.menuFor))) return;
    if (to) this.#closeMenu(false);
  };

  #openMenu(id: string, focus: 'first' | 'last'): void {
    this.menuFor = id;
    this.#menuFocus = focus;
    document.addEventListener('pointerdown', this.#onOutsidePointer, true);
  }

  /** Closes the row menu; with `returnFocus`, focus goes back to its button first (the menu is about to go). */
  #closeMenu(returnFocus: boolean): void {
    const id = this.menuFor;
    document.removeEventListener('pointerdown', this.#onOutsidePointer, true);
    if (!id) return;
    if (returnFocus) this.#rowControl(id, 'row-menu')?.focus();
    this.#menuFocus = null;
    this.menuFor = null;
  }

  #onOutsidePointer = (event: PointerEvent): void => {
    const inside = event.composedPath().some((node) => node instanceof Element && (node.matches('[role="menu"]') || node.matches('[part~="row-menu"][aria-expanded="true"]')));
    if (!inside) this.#closeMenu(false);
  };

  /** The open menu in the top layer, beside its button (flipped above it near the bottom of the window), and focus into it once. */
  #placeMenu(): void {
    const menu = this.renderRoot.querySelector<HTMLElement>('[role="menu"]');
    if (!menu) return;
    if (!menu.matches(':popover-open')) menu.showPopover();
    const button = menu.parentElement?.querySelector<HTMLElement>('[part~="row-menu"]');
    if (button) {
      const anchor = button.getBoundingClientRect();
      const own = menu.getBoundingClientRect();
      const rtl = getComputedStyle(this.host).direction === 'rtl';
      const below = anchor.bottom + 2;
      const top = below + own.height > innerHeight ? Math.max(0, anchor.top - own.height - 2) : below;
      const left = Math.max(0, Math.min(innerWidth - own.width, rtl ? anchor.left : anchor.right - own.width));
      menu.style.setProperty('top', `${top}px`);
      menu.style.setProperty('left', `${left}px`);
    }
    if (this.#menuFocus) {
      const items = menu.querySelectorAll<HTMLElement>('[role="menuitem"]');
      items[this.#menuFocus === 'first' ? 0 : items.length - 1]?.focus();
      this.#menuFocus = null;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Helpers.

  /**
   * A control of a rendered row, or its row menu when the control is hidden (a narrow host shows
   * the menu instead of the inline buttons); null when the row is not rendered or has neither.
   */
  #rowControl(id: string, part: string): HTMLElement | null {
    const row = [...this.renderRoot.querySelectorAll<HTMLElement>('tbody tr[data-id]')].find((candidate) => candidate.dataset['id'] === id);
    const control = row?.querySelector<HTMLElement>(`[part~="${part}"]`) ?? null;
    if (!row || !control || control.getClientRects().length) return control;
    const menu = row.querySelector<HTMLElement>('[part~="row-menu"]');
    return menu?.getClientRects().length ? menu : control;
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
