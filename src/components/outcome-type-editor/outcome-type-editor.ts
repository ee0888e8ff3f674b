import { adoptStyles, html, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { OutcomeStoreController } from '../../controllers/outcome-store-controller.js';
import type { Messages } from '../../localization/catalogue.js';
import { enEditorHost } from '../../localization/en-editor-host.js';
import type { OutcomeType } from '../../model/types.js';
import type { Status } from '../../model/vocabulary.js';
import { tokens } from '../../styles/tokens.js';
import { OutcomeElement } from '../base/outcome-element.js';
import { onDemand } from '../../controllers/on-demand.js';
import type { EditorView } from './editor-view.js';
import { styles } from './outcome-type-editor.styles.js';

/** The view: everything the element shows and does, fetched when the first editor connects. */
const viewCode = onDemand(() => import('./editor-view.js'));

export type OutcomeTypeChangeAction = 'created' | 'updated' | 'deleted';

export interface OutcomeTypeChangeDetail {
  action: OutcomeTypeChangeAction;
  outcomeType: OutcomeType;
}

/** Which statuses the list shows: all but archived (the default), all, or one. */
export type StatusFilter = 'unarchived' | 'all' | Status;

/**
 * The settings page for outcome types: the list in canonical order with search, a status
 * filter and reordering (buttons, or dragging the handle); a form showing exactly the fields the
 * backend has, with every rule of that backend said next to its field and checked before
 * anything is sent; deletion after a confirmation that names the type. Viewers and read-only
 * backends get the list and no write controls.
 *
 * The element itself is small: its view (rendering, the list logic, styles and English strings)
 * is fetched when the first editor connects, while the list loads, so pages that never show an
 * editor do not download it. Until it arrives the element shows the loading state; when it
 * cannot be fetched (offline), it says so with a retry.
 *
 * @tagname outcome-type-editor
 * @summary Create, edit, delete and reorder outcome types, within the rules of each backend.
 * @event {CustomEvent<OutcomeTypeChangeDetail>} outcome-type-change - A type was created, updated (also by reordering) or deleted: `detail: { action, outcomeType }`.
 * @csspart toolbar - Search, status filter and the New button.
 * @csspart search - The search field.
 * @csspart status-filter - The status filter.
 * @csspart new-button - Opens the form for a new type.
 * @csspart note - A note: read-only backend, viewer, Smart Lists unavailable.
 * @csspart table - The list of types (an ARIA grid with `aria-rowcount`; only the rows in view are rendered, each with `aria-rowindex`).
 * @csspart row - One type (a fixed-height row; two lines where the list is too narrow for its columns: below 40rem, 56rem with three or four columns, 72rem with more).
 * @csspart row-system - A system type's row (with `row`).
 * @csspart row-editing - The row whose form is open (with `row`; also `aria-current="true"`).
 * @csspart name - The name cell.
 * @csspart badge - The System badge.
 * @csspart actions - The buttons of a row (the row menu on narrow hosts).
 * @csspart row-menu - On two-line rows (see `row`), the button that opens a row's menu (Edit, Delete, Move up, Move down) in place of its buttons.
 * @csspart drag-handle - Drag a row by it to move it (pointer).
 * @csspart move-up - Moves a type up one place.
 * @csspart move-down - Moves a type down one place.
 * @csspart edit-button - Opens the form for a type.
 * @csspart delete-button - Asks to delete a custom type.
 * @csspart form-panel - Holds the form: beside the list on hosts 56rem wide or more (the list keeps its scroll and selection), a modal dialog on narrower ones.
 * @csspart form - The create/edit form.
 * @csspart form-title - The form's title.
 * @csspart field - One field of the form (also `field-<name>`); holds label, control, hint and error.
 * @csspart hint - The rules of a field, shown before they are broken.
 * @csspart field-error - Why a field is not valid.
 * @csspart form-error - Why a save or delete failed.
 * @csspart save-button - Saves the form.
 * @csspart cancel-button - Closes the form without saving.
 * @csspart dialog - The delete confirmation.
 * @csspart confirm-delete - Confirms the deletion.
 * @csspart archive-instead - In the delete confirmation, where the backend has an editable status: archives the type instead (kept, hidden from agents).
 * @csspart usage - In the delete confirmation, where the adapter lists records (`listRecords`): how many recorded outcomes use the type.
 * @csspart conflict - A Save refused because someone else changed the type meanwhile: an alert, then each field that differs as "Yours" and "Now on the server" (focused).
 * @csspart difference - One field of the conflict, both versions side by side.
 * @csspart reapply - Saves the admin's own changes over the server's current version.
 * @csspart use-server - Reloads the form from the server's current version.
 * @csspart deleted-elsewhere - A Save refused because someone else deleted the type: says so (focused); the form keeps what was entered.
 * @csspart create-again - Creates the type again from the form (an explicit create, with a new idempotency key).
 * @csspart close-form - Closes the form of a type deleted elsewhere.
 * @csspart discard-dialog - Asks before a form with unsaved changes is left (Cancel, Escape, another Edit, New).
 * @csspart keep-editing - Goes back to the form (focus where it was).
 * @csspart confirm-discard - Leaves the form, losing its changes.
 * @csspart status - Loading, empty and error messages.
 * @csspart import-button - Opens the import dialog (editors).
 * @csspart export-button - Downloads the whole list: two of them, CSV and JSON (`data-format`).
 * @csspart import-dialog - The import dialog: pick or paste, preview, apply, report.
 * @csspart import-preview - The preview table of an import (at most 200 rows of the kind shown, then "and N more").
 * @csspart import-row - One row of the import file in the preview (with one of the four below).
 * @csspart import-row-create - A row that creates a type (with `import-row`).
 * @csspart import-row-update - A row that updates a type (with `import-row`).
 * @csspart import-row-unchanged - A row that changes nothing (with `import-row`).
 * @csspart import-row-invalid - A row that cannot be imported, with its field errors (with `import-row`).
 * @csspart import-apply - Sends the creates and updates of the preview.
 * @csspart import-status - Progress of an import, then its report.
 * @csspart import-failures - The rows whose write failed, and why.
 * @csspart import-retry - Re-sends only the failed rows, with their same idempotency keys.
 * @cssproperty --outcome-type-editor-max-width - Maximum width of the form. Default 40rem.
 * @cssproperty --outcome-type-editor-list-height - Height of the list before it scrolls. Default 30rem.
 * @cssproperty --outcome-type-editor-row-height - Height of one row (narrow hosts add a second line). Default 2.75rem.
 * @cssproperty --outcome-type-editor-panel-width - Width of the form's panel beside the list (hosts 56rem wide or more). Default 24rem.
 * @cssstate loading - The list (or the element's view) is loading.
 * @cssstate empty - There are no outcome types.
 * @cssstate error - The list (or the element's view) could not be loaded.
 * @cssstate editing - The form is open.
 * @cssstate saving - A write is under way.
 * @cssstate viewer - The effective role is viewer: no write controls.
 * @cssstate read-only - The backend allows no writes.
 */
export class OutcomeTypeEditor extends OutcomeElement {
  static override styles = [tokens, styles];
  static override messages: Partial<Messages> = enEditorHost;

  /** The list, loaded from connection on, while the view's code arrives. */
  readonly #outcomes = new OutcomeStoreController(this, () => this.effectiveAdapter);
  /** What the element shows and does, once its code has arrived. */
  #view: EditorView | undefined;
  /** The view's code being fetched: `updateComplete` waits for it. */
  #viewArriving: Promise<void> | undefined;
  /** The view's code could not be fetched (offline): said, with a retry. */
  @state() private viewUnavailable = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#loadView();
  }

  #loadView(): void {
    if (this.#view) return;
    this.viewUnavailable = false;
    // Already fetched (by another editor, or this one before): the first render is the list's.
    const loaded = viewCode.loaded;
    if (loaded) return this.#attachView(loaded);
    this.#viewArriving ??= viewCode
      .load()
      .then(
        (module) => this.#attachView(module),
        () => {
          this.viewUnavailable = true;
        },
      )
      .finally(() => (this.#viewArriving = undefined));
  }

  #attachView({ EditorView, messages, styles: viewStyles }: typeof import('./editor-view.js')): void {
    const element = this.constructor as typeof OutcomeTypeEditor;
    const addMessages = (more: Partial<Messages>) => (element.messages = { ...element.messages, ...more });
    addMessages(messages);
    // The view's styles join the element's own in its shadow root.
    adoptStyles(this.renderRoot as ShadowRoot, [...element.elementStyles, viewStyles]);
    this.#view = new EditorView(this, {
      outcomes: this.#outcomes,
      msg: this.msg.bind(this),
      internals: this.internals,
      setCustomState: this.setCustomState.bind(this),
      addMessages,
    });
    this.requestUpdate();
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.#viewArriving;
    await this.#view?.opening;
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The view sets every state once it is here.
    if (this.#view) return;
    this.internals.ariaBusy = this.viewUnavailable ? 'false' : 'true';
    this.setCustomState('loading', !this.viewUnavailable);
    this.setCustomState('error', this.viewUnavailable);
  }

  protected override render() {
    if (!this.effectiveAdapter) return html`<p part="status">${this.msg('noAdapter')}</p>`;
    if (this.#view) return this.#view.render();
    // As the view shows a list that is loading, or that could not be loaded: nothing moves when it arrives.
    if (!this.viewUnavailable) return html`<p part="status" role="status">${this.msg('editor.loading')}</p>`;
    return html`<div part="status" role="alert">
      <p>${this.msg('editor.loadFailed')} ${this.msg('error.network')}</p>
      <button type="button" @click=${() => this.#loadView()}>${this.msg('retry')}</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'outcome-type-editor': OutcomeTypeEditor;
  }
  interface HTMLElementEventMap {
    'outcome-type-change': CustomEvent<OutcomeTypeChangeDetail>;
  }
}
