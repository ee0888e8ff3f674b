import { adoptStyles, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Clock } from '../../controllers/countdown.js';
import { OutcomeStoreController } from '../../controllers/outcome-store-controller.js';
import { RecorderController } from '../../controllers/recorder-controller.js';
import type { Messages } from '../../localization/catalogue.js';
import { enPopup } from '../../localization/en-popup.js';
import type { OutcomeRecord, RecordedOutcome } from '../../model/types.js';
import { tokens } from '../../styles/tokens.js';
import { onDemand } from '../../controllers/on-demand.js';
import { OutcomeElement } from '../base/outcome-element.js';
import { OutcomePicker } from '../outcome-picker/outcome-picker.js';
import type { PopupView } from './popup-view.js';
import { styles } from './disposition-popup.styles.js';

export type CloseSource = 'escape' | 'close-button' | 'backdrop' | 'api';
export type NotesMode = 'off' | 'optional' | 'required';
export type QueueMode = 'manual' | 'auto';

export interface DispositionRequestCloseDetail {
  source: CloseSource;
}

export interface OutcomeQueuedDetail {
  record: OutcomeRecord;
  idempotencyKey: string;
}

export interface OutcomeDeferredDetail {
  subjectId: string;
}

/**
 * What the dialog shows and does (form, countdown, recording, keyboard), fetched when the first
 * popup of a page connects: pages that import every element but show no popup never load it.
 */
const viewCode = onDemand(() => import('./popup-view.js'));

/** The focused element, looking into shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * The post-call dialog: the active disposition outcomes, notes, and a follow-up date where the
 * outcome needs one. Fast by keyboard (1–9 choose, Enter records), impossible to skip when
 * `required`, never a trap when the backend is down (the record can be queued, or the wrap-up
 * finished later when not even the list loads), and it never loses or doubles a record. It is a
 * view over the adapter's `Recorder`, which owns keys, drafts, the outbox and its schedule. The
 * dialog's content is a separate module, fetched when the element connects to a page.
 *
 * @tagname disposition-popup
 * @summary The end-of-call disposition dialog that never loses a disposition.
 * @event {CustomEvent<RecordedOutcome>} outcome-recorded - Once per record, when the backend acknowledged it (also for queued records, later).
 * @event {CustomEvent<OutcomeQueuedDetail>} outcome-queued - `detail: { record, idempotencyKey }`: the record went to the outbox to be sent when the backend is back.
 * @event {CustomEvent<OutcomeDeferredDetail>} outcome-deferred - `detail: { subjectId }`: nothing could be recorded (no list) and the agent chose to finish later; the subject is in the recorder's pending list.
 * @event {CustomEvent<DispositionRequestCloseDetail>} disposition-request-close - Cancelable, before any close; `detail.source`: 'escape', 'close-button', 'backdrop' or 'api'.
 * @event {Event} close - The dialog closed.
 * @csspart dialog - The native `<dialog>`.
 * @csspart close-button - The ✕ button.
 * @csspart countdown - The after-call-work countdown: time left, progress bar, what happens at 0:00, Extend.
 * @csspart countdown-half - The countdown, with `countdown`, once half the time is gone.
 * @csspart countdown-urgent - The countdown, with `countdown`, in its last 10 seconds.
 * @csspart countdown-bar - The countdown's progress bar.
 * @csspart extend - The button that adds `extend-by` seconds to the countdown (also the `+` key).
 * @csspart notes - The notes field.
 * @csspart submit - The record button.
 * @csspart queue - The "Queue for later" button.
 * @csspart finish-later - "Finish later", offered when a required popup has no list to record from.
 * @csspart cancel - Stops waiting for a record that takes long (its fate is then unknown, and retrying is safe).
 * @csspart stale-note - The picker's note that the list is the last known one (re-exported).
 * @csspart error - Why the last attempt failed.
 * @csspart hint - Keyboard hint and plain messages.
 * @cssproperty --outcome-popup-backdrop - The backdrop colour.
 * @cssproperty --outcome-color-warning - The countdown's colour once half the time is gone (text on the surface, ≥ 4.5:1).
 * @cssstate open - The dialog is open.
 * @cssstate submitting - A record is being sent.
 * @cssstate failed - The last attempt failed.
 */
export class DispositionPopup extends OutcomeElement {
  static override styles = [tokens, styles];
  static override messages: Partial<Messages> = enPopup;

  /** Open or closed; `show()` and `hide()` set it. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The call or task the outcome is recorded for. */
  @property({ attribute: 'subject-id' }) subjectId = '';

  /** Refuse to close until an outcome is recorded (or queued). */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Notes field: off, optional or required. */
  @property() notes: NotesMode = 'optional';

  /** After-call-work seconds, counted down visibly (extendable; a reload continues it); 0 for none. */
  @property({ type: Number }) timeout = 0;

  /** The outcome key recorded with `source: 'timeout'` when the countdown ends. */
  @property({ attribute: 'default-outcome' }) defaultOutcome = '';

  /** `auto`: a failure that may be retried queues the record at once and closes. */
  @property() queue: QueueMode = 'manual';

  /** Seconds the Extend button (and the `+` key) adds to the countdown. */
  @property({ type: Number, attribute: 'extend-by' }) extendBy = 30;

  /** How many times the agent can extend the countdown. */
  @property({ type: Number, attribute: 'max-extensions' }) maxExtensions = 2;

  /** Outcome keys (space-separated) whose record needs notes, when `notes` is `optional`. */
  @property({ attribute: 'notes-required-for' }) notesRequiredFor = '';

  /** Show the agent's N most recently recorded outcomes first, as the picker's `recent` does. */
  @property({ type: Number }) recent = 0;

  /** Whose recents they are (e.g. the agent's id), as the picker's `recent-key`. */
  @property({ attribute: 'recent-key' }) recentKey = '';

  /** The customer's IANA time zone, for follow-up times (the picker's `customer-time-zone`). */
  @property({ attribute: 'customer-time-zone' }) customerTimeZone?: string;

  /** When the customer may be called, e.g. `08:00-21:00` in their zone (the picker's `callable-hours`). */
  @property({ attribute: 'callable-hours' }) callableHours?: string;

  /** How many days ahead a follow-up may be (the picker's `max-days-ahead`). */
  @property({ attribute: 'max-days-ahead' }) maxDaysAhead?: number | string;

  /** The follow-up quick choices (the picker's `quickTimes`); unset: the picker's defaults. */
  @property({ attribute: false }) quickTimes?: OutcomePicker['quickTimes'];

  /** The view's code could not be fetched (offline): said in the dialog, with Retry. */
  @state() private viewUnavailable = false;
  /** Deferred through Finish later while the view could not be fetched: closing is allowed. */
  #deferredWithoutView = false;
  /** Said after the dialog closed (e.g. the record was queued automatically). */
  @state() private notice = '';

  // A getter, not @query: the decorator's code would ship with `define` for this one use.
  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  readonly #outcomes = new OutcomeStoreController(this, () => this.effectiveAdapter);
  /** Keys, drafts, the outbox and its schedule: the popup is a view over the recorder. */
  readonly #recording = new RecorderController(this, () => this.#outcomes.store);
  /** What the dialog shows and does, once its code has arrived. */
  #view: PopupView | undefined;
  #viewArriving: Promise<void> | undefined;
  #clock: Clock | undefined;
  #resolve: ((result: RecordedOutcome | null) => void) | undefined;
  #pending: Promise<RecordedOutcome | null> | undefined;
  #opener: HTMLElement | null = null;
  #closing = false;

  /** @internal A clock for tests of the countdown. */
  set clock(clock: Clock) {
    this.#clock = clock;
    if (this.#view) this.#view.clock = clock;
  }

  /** Opens the dialog; resolves with the recorded outcome, or null when closed without one (or queued). */
  show(): Promise<RecordedOutcome | null> {
    if (!this.#pending) {
      this.#pending = new Promise((resolve) => (this.#resolve = resolve));
      this.open = true;
    }
    return this.#pending;
  }

  /** Asks to close (source 'api'); refused while `required` and nothing was recorded. */
  hide(): boolean {
    return this.#requestClose('api');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The popup renders a picker: a host that imported only this entry gets it registered here,
    // at first use rather than at import, so that the module itself stays free of side effects.
    if (!customElements.get('outcome-picker')) customElements.define('outcome-picker', OutcomePicker);
    void this.#loadView();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#view?.disconnected();
  }

  /** The view's code, strings and styles; one fetch for every popup of the page. */
  #loadView(): Promise<void> {
    if (this.#view) return Promise.resolve();
    this.viewUnavailable = false;
    return (this.#viewArriving ??= viewCode
      .load()
      .then(
        ({ PopupView, messages, styles: viewStyles }) => {
          const element = this.constructor as typeof DispositionPopup;
          element.messages = { ...element.messages, ...messages };
          adoptStyles(this.renderRoot as ShadowRoot, [...element.elementStyles, viewStyles]);
          this.#view ??= new PopupView(
            {
              host: this,
              outcomes: this.#outcomes,
              recorder: () => this.#recording.recorder,
              msg: this.msg.bind(this),
              setCustomState: this.setCustomState.bind(this),
              close: (result, notice) => this.#close(result, notice),
              requestClose: (source) => this.#requestClose(source),
            },
            this.#clock,
          );
          this.requestUpdate();
        },
        () => {
          this.viewUnavailable = true;
        },
      )
      .finally(() => (this.#viewArriving = undefined)));
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.#viewArriving;
    return super.getUpdateComplete();
  }

  // What an opening or a close changes is changed here, before the render, so that the render
  // shows it: changed in updated(), it would take a second update.
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('open')) {
      if (this.open && !this.dialog?.open) {
        this.notice = '';
        // Started here, not once the dialog is shown: the load says it started (an update).
        void this.#loadView();
      } else if (!this.open && this.dialog?.open && !this.#closing) {
        // Someone removed the attribute: that is a close request like any other.
        this.open = true;
        this.#requestClose('api');
      }
    }
    if (this.open) this.#view?.opening();
    this.#view?.update();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('open') && this.open && !this.dialog.open) void this.#openDialog();
  }

  protected override render() {
    return html`<dialog
      part="dialog"
      aria-labelledby="title"
      closedby="none"
      @keydown=${this.#onKeydown}
      @cancel=${this.#onCancel}
      @close=${this.#onNativeClose}
      @click=${this.#onDialogClick}
    >
      ${!this.open ? nothing : this.#view ? this.#view.render() : this.#renderUnavailable()}
    </dialog>
    <span class="visually-hidden" role="status">${this.notice}</span>`;
  }

  /**
   * The view could not be fetched: said, with Retry. The recorder is loaded with the element, so
   * a required popup offers Finish later (a deferred wrap-up, kept on the device) rather than
   * closing with nothing recorded, queued or deferred.
   */
  #renderUnavailable() {
    const finishLater = this.viewUnavailable && this.required;
    return html`<form>
      <div class="header">
        <h2 id="title">${this.msg('popup.title')}</h2>
        <button type="button" part="close-button" aria-label=${this.msg('popup.close')} @click=${() => this.#requestClose('close-button')}>✕</button>
      </div>
      ${this.viewUnavailable
        ? html`<p part="error" role="alert">${this.msg(finishLater ? 'popup.unavailableRequired' : 'popup.unavailable')}</p>
            <div class="actions">
              ${finishLater
                ? html`<button type="button" part="finish-later" @click=${this.#finishLaterWithoutView}>${this.msg('popup.finishLater')}</button>`
                : nothing}
              <button type="button" part="submit" @click=${this.#openDialog}>${this.msg('retry')}</button>
            </div>`
        : nothing}
    </form>`;
  }

  #finishLaterWithoutView = async (): Promise<void> => {
    const recorder = this.#recording.recorder;
    if (!recorder) return;
    await recorder.defer(this.subjectId);
    this.#deferredWithoutView = true;
    this.dispatchEvent(new CustomEvent('outcome-deferred', { detail: { subjectId: this.subjectId }, bubbles: true, composed: true }));
    this.#close(null);
  };

  #openDialog = async (): Promise<void> => {
    if (!this.dialog.open) {
      this.#opener = deepActiveElement();
      this.#deferredWithoutView = false;
      this.dialog.showModal();
      this.setCustomState('open', true);
    }
    // Usually here already: fetched when the popup connected.
    if (!this.#view) await this.#loadView();
    if (this.open) await this.#view?.opened();
  };

  /** The one path every close goes through. */
  #requestClose(source: CloseSource): boolean {
    if (!this.open) return true;
    const request = new CustomEvent<DispositionRequestCloseDetail>('disposition-request-close', {
      detail: { source },
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    if (!this.dispatchEvent(request)) return false;
    // Required means recorded, queued or deferred before leaving — unless there is nothing that
    // could be recorded (no disposition outcome, or no view to record with).
    if (this.required && this.#view?.mustStay) {
      this.#view.refuseClose();
      return false;
    }
    // Without the view nothing can be recorded or queued: a required popup closes through Finish later.
    if (this.required && !this.#view && this.viewUnavailable && !this.#deferredWithoutView) return false;
    this.#close(null);
    return true;
  }

  #close(result: RecordedOutcome | null, notice = ''): void {
    this.#closing = true;
    this.#view?.closed();
    if (this.dialog.open) this.dialog.close();
    this.open = false;
    this.setCustomState('open', false);
    this.#closing = false;
    this.notice = notice;
    const resolve = this.#resolve;
    this.#resolve = undefined;
    this.#pending = undefined;
    resolve?.(result);
    this.dispatchEvent(new Event('close', { bubbles: true, composed: true }));
    this.#opener?.focus();
    this.#opener = null;
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      // From anywhere in the dialog, text fields included (the draft keeps what was typed).
      // Escape never closes by itself (repeated presses would, natively): it only asks.
      event.preventDefault();
      this.#requestClose('escape');
    } else this.#view?.keydown(event);
  };

  #onCancel = (event: Event): void => {
    event.preventDefault();
    this.#requestClose('escape');
  };

  #onNativeClose = (): void => {
    // The browser closed the dialog without us (e.g. a close watcher): put it back if it must
    // stay — not once the popup has left the page (a dialog taken out of the document is no longer modal).
    if (this.open && !this.#closing && this.isConnected && !this.dialog.open) this.dialog.showModal();
  };

  #onDialogClick = (event: MouseEvent): void => {
    if (event.target !== this.dialog) return;
    const box = this.dialog.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) this.#requestClose('backdrop');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'disposition-popup': DispositionPopup;
  }
  interface HTMLElementEventMap {
    'outcome-recorded': CustomEvent<RecordedOutcome>;
    'outcome-queued': CustomEvent<OutcomeQueuedDetail>;
    'outcome-deferred': CustomEvent<OutcomeDeferredDetail>;
    'disposition-request-close': CustomEvent<DispositionRequestCloseDetail>;
  }
}

