import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { OutcomeAdapterError } from '../../adapters/errors.js';
import { Countdown, type Clock } from '../../controllers/countdown.js';
import { OutcomeStoreController } from '../../controllers/outcome-store-controller.js';
import { QueueRefusedError, RecordingError, type Recorder } from '../../controllers/recorder.js';
import { RecorderController } from '../../controllers/recorder-controller.js';
import type { OutcomeRecord, RecordedOutcome } from '../../model/types.js';
import { tokens } from '../../styles/tokens.js';
import { OutcomeElement } from '../base/outcome-element.js';
import { OutcomePicker } from '../outcome-picker/outcome-picker.js';
import { enPopup } from '../../localization/en-popup.js';
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

const URGENT_SECONDS = 10;
/** After this long at "Recording…", the agent is offered Cancel. */
const CANCEL_AFTER_MS = 3_000;

function isTextField(node: EventTarget | undefined): boolean {
  if (node instanceof HTMLTextAreaElement) return true;
  return node instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(node.type);
}

/** The focused element, looking into shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

function formatSeconds(total: number): string {
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * The post-call dialog: the active disposition outcomes, notes, and a follow-up date where the
 * outcome needs one. Fast by keyboard (1–9 choose, Enter records), impossible to skip when
 * `required`, never a trap when the backend is down (the record can be queued, or the wrap-up
 * finished later when not even the list loads), and it never loses or doubles a record. It is a
 * view over the adapter's `Recorder`, which owns keys, drafts, the outbox and its schedule.
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
 * @csspart countdown - The after-call-work countdown.
 * @csspart notes - The notes field.
 * @csspart submit - The record button.
 * @csspart queue - The "Queue for later" button.
 * @csspart finish-later - "Finish later", offered when a required popup has no list to record from.
 * @csspart cancel - Stops waiting for a record that takes long (its fate is then unknown, and retrying is safe).
 * @csspart stale-note - The picker's note that the list is the last known one (re-exported).
 * @csspart error - Why the last attempt failed.
 * @csspart hint - Keyboard hint and plain messages.
 * @cssproperty --outcome-popup-backdrop - The backdrop colour.
 * @cssstate open - The dialog is open.
 * @cssstate submitting - A record is being sent.
 * @cssstate failed - The last attempt failed.
 */
export class DispositionPopup extends OutcomeElement {
  static override styles = [tokens, styles];
  static override messages = enPopup;

  /** Open or closed; `show()` and `hide()` set it. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The call or task the outcome is recorded for. */
  @property({ attribute: 'subject-id' }) subjectId = '';

  /** Refuse to close until an outcome is recorded (or queued). */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Notes field: off, optional or required. */
  @property() notes: NotesMode = 'optional';

  /** After-call-work seconds, counted down visibly; 0 for none. */
  @property({ type: Number }) timeout = 0;

  /** The outcome key recorded with `source: 'timeout'` when the countdown ends. */
  @property({ attribute: 'default-outcome' }) defaultOutcome = '';

  /** `auto`: a failure that may be retried queues the record at once and closes. */
  @property() queue: QueueMode = 'manual';

  @state() private notesText = '';
  @state() private submitting = false;
  /** Offer Cancel: recording has taken longer than a few seconds. */
  @state() private slow = false;
  @state() private failure: RecordingError | null = null;
  /** Why the record could not be kept on the device: said beside the failure, which stays retryable. */
  @state() private queueRefused: QueueRefusedError['reason'] | null = null;
  /** A record of this subject may already be stored: its notes are kept as first sent. */
  @state() private notesLocked = false;
  @state() private message = '';
  @state() private announcement = '';
  /** Said after the dialog closed (e.g. the record was queued automatically). */
  @state() private notice = '';

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('form') private form?: HTMLFormElement;
  @query('outcome-picker') private picker?: OutcomePicker;

  readonly #outcomes = new OutcomeStoreController(this, () => this.effectiveAdapter);
  readonly #countdown = new Countdown(this, () => this.#onTimeUp());
  /** Keys, drafts, the outbox and its schedule: the popup is a view over the recorder. */
  readonly #recording = new RecorderController(this, () => this.#outcomes.store);
  #cancel: AbortController | undefined;
  #resolve: ((result: RecordedOutcome | null) => void) | undefined;
  #pending: Promise<RecordedOutcome | null> | undefined;
  #opener: HTMLElement | null = null;
  /** A record was acknowledged, queued or deferred in this opening: closing is allowed. */
  #done = false;
  /** The agent submitted in this opening: the countdown no longer records anything. */
  #submitted = false;
  #closing = false;
  #announcedUrgent = false;

  /** @internal A clock for tests of the countdown. */
  set clock(clock: Clock) {
    this.#countdown.clock = clock;
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
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cancel?.abort();
  }

  get #recorder(): Recorder | undefined {
    return this.#recording.recorder;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Said once, politely, when the end is near; the visible timer is not read every second.
    const remaining = this.#countdown.remaining;
    const urgent = this.#countdown.running && remaining > 0 && remaining <= URGENT_SECONDS;
    if (urgent && !this.#announcedUrgent) {
      this.#announcedUrgent = true;
      this.announcement = this.msg('popup.secondsLeft', remaining);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!changed.has('open')) return;
    if (this.open && !this.dialog.open) void this.#openDialog();
    else if (!this.open && this.dialog.open && !this.#closing) {
      // Someone removed the attribute: that is a close request like any other.
      this.open = true;
      this.#requestClose('api');
    }
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
      ${this.open ? this.#renderContent() : nothing}
    </dialog>
    <span class="visually-hidden" role="status">${this.notice}</span>`;
  }

  // While sending, the record and queue buttons are busy (aria-disabled), not disabled: a
  // disabled button drops the keyboard focus to <body>.
  #renderContent() {
    const noDispositions = this.#noDispositions();
    const noList = this.#outcomes.snapshot.status === 'error';
    const remaining = this.#countdown.remaining;
    return html`<form novalidate @submit=${this.#onSubmit} @input=${this.#onEdit} @change=${this.#onEdit}>
      <div class="header">
        <h2 id="title">${this.msg('popup.title')}</h2>
        <button type="button" part="close-button" aria-label=${this.msg('popup.close')} @click=${() => this.#requestClose('close-button')}>✕</button>
      </div>
      ${this.#countdown.active
        ? html`<p part="countdown" role="timer" ?data-urgent=${remaining <= URGENT_SECONDS}>
            ${this.msg('popup.timeLeft', formatSeconds(remaining))}
            ${this.#countdown.running ? '' : this.msg('popup.paused')}
          </p>`
        : nothing}
      ${noDispositions
        ? html`<p part="hint">${this.msg('popup.noDispositions')}</p>`
        : html`<span id="outcome-label" class="visually-hidden">${this.msg('popup.outcome')}</span>
            <outcome-picker
              aria-labelledby="outcome-label"
              exportparts="stale-note"
              name="outcome"
              kind="disposition"
              required
              .adapter=${this.effectiveAdapter}
              ?disabled=${this.submitting}
            ></outcome-picker>
            ${noList ? nothing : html`<p part="hint">${this.msg('popup.shortcuts')}</p>`}`}
      ${this.notes === 'off'
        ? nothing
        : html`<label for="notes">${this.notes === 'required' ? this.msg('popup.notes') : this.msg('popup.notesOptional')}</label>
            <textarea
              id="notes"
              part="notes"
              name="notes"
              ?required=${this.notes === 'required'}
              ?disabled=${this.submitting}
              ?readonly=${this.notesLocked}
              aria-describedby=${this.notesLocked ? 'notes-locked' : nothing}
              .value=${this.notesText}
              @focusin=${() => this.#countdown.pause()}
              @focusout=${() => this.#countdown.resume()}
            ></textarea>
            ${this.notesLocked ? html`<p part="hint" id="notes-locked">${this.msg('popup.notesLocked')}</p>` : nothing}`}
      ${this.failure
        ? html`<p part="error" role="alert">${this.#failureText(this.failure)}</p>`
        : nothing}
      ${noList && this.required ? html`<p part="hint">${this.msg('popup.noList')}</p>` : nothing}
      <p part="hint" role="status">${this.message}</p>
      <span class="visually-hidden" role="status">${this.announcement}</span>
      <div class="actions">
        ${noList && this.required
          ? html`<button type="button" part="finish-later" @click=${this.#finishLater}>${this.msg('popup.finishLater')}</button>`
          : nothing}
        ${this.submitting && this.slow
          ? html`<button type="button" part="cancel" @click=${() => this.#cancel?.abort()}>${this.msg('popup.cancel')}</button>`
          : nothing}
        ${this.failure?.queueable && this.#recorder?.canQueue
          ? html`<button type="button" part="queue" @click=${this.#queue} aria-disabled=${this.submitting ? 'true' : nothing}>${this.msg('popup.queue')}</button>`
          : nothing}
        <button part="submit" ?disabled=${noDispositions || noList} aria-disabled=${this.submitting ? 'true' : nothing} aria-busy=${this.submitting ? 'true' : 'false'}>
          ${this.submitting ? this.msg('popup.submitting') : this.failure ? this.msg('retry') : this.msg('popup.submit')}
        </button>
      </div>
    </form>`;
  }

  #failureText(failure: RecordingError): string {
    const { error } = failure;
    const fields = Object.values(error.fieldErrors);
    const reason = fields.length ? `${this.msg(`error.${error.code}`)} (${fields.join('; ')})` : this.msg(`error.${error.code}`);
    const text = failure.delivery === 'unknown' ? `${this.msg('popup.unknown')} ${reason}` : this.msg('popup.failed', reason);
    if (failure.queueable && this.#recorder && !this.#recorder.canQueue) return `${text} ${this.msg('popup.cannotQueue')}`;
    return this.queueRefused ? `${text} ${this.msg('popup.notQueued')}` : text;
  }

  #noDispositions(): boolean {
    const { status, outcomeTypes } = this.#outcomes.snapshot;
    return status === 'ready' && !outcomeTypes.some((type) => type.kind === 'disposition' && type.status === 'active');
  }

  async #openDialog(): Promise<void> {
    this.#opener = deepActiveElement();
    this.notice = '';
    this.#done = false;
    this.#submitted = false;
    this.failure = null;
    this.queueRefused = null;
    this.message = '';
    this.announcement = '';
    this.#announcedUrgent = false;
    this.#restoreDraft();
    this.dialog.showModal();
    this.setCustomState('open', true);
    this.#countdown.start(this.timeout);
    // The adapter may be set just after `open` (attribute in markup, property by a framework),
    // and outcomes may still be on their way: focus goes to the list once it exists.
    await this.updateComplete;
    await this.#outcomes.store?.load().catch(() => undefined);
    await this.updateComplete;
    const picker = this.picker;
    if (this.#outcomes.snapshot.status === 'error') {
      // No list to choose from: the primary action (Finish later, when required) takes focus.
      this.#focusPrimary();
    } else if (picker && this.open) {
      await picker.updateComplete;
      this.#applyDraftToPicker(picker);
      await picker.updateComplete;
      picker.focus();
    }
  }

  #restoreDraft(): void {
    const draft = this.#recorder?.draft(this.subjectId);
    this.notesText = draft?.unsettled?.record.notes ?? draft?.notes ?? '';
    this.notesLocked = !!draft?.unsettled;
  }

  #applyDraftToPicker(picker: OutcomePicker): void {
    const draft = this.#recorder?.draft(this.subjectId);
    picker.value = draft?.outcomeKey ?? '';
    picker.scheduledAt = draft?.scheduledAt ?? '';
  }

  #recordFrom(outcomeKey: string, scheduledAt: string, notes: string, source: OutcomeRecord['source']): OutcomeRecord {
    const record: OutcomeRecord = { subjectId: this.subjectId, outcomeKey, source };
    if (scheduledAt) record.scheduledAt = scheduledAt;
    if (notes.trim()) record.notes = notes;
    return record;
  }

  #currentRecord(source: OutcomeRecord['source'] = 'agent', outcomeKey?: string): OutcomeRecord {
    const picker = this.picker;
    const key = outcomeKey ?? picker?.value ?? '';
    const needsDate = outcomeKey === undefined ? picker?.selectedOutcome?.requiresFutureScheduledAt : false;
    return this.#recordFrom(key, needsDate ? (picker?.scheduledAt ?? '') : '', this.notes === 'off' ? '' : this.notesText, source);
  }

  #saveDraft(): void {
    this.#recorder?.saveDraft(this.#currentRecord());
  }

  #onEdit = (event: Event): void => {
    const target = event.composedPath()[0];
    if (target instanceof HTMLTextAreaElement) this.notesText = target.value;
    // A new choice makes a new record, so the last failure no longer applies. Not the notes'
    // change event: it fires late, when focus leaves the field (even for Retry after a failure).
    else if (this.failure && event.type === 'change') [this.failure, this.queueRefused] = [null, null];
    this.#saveDraft();
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#record('agent');
  };

  async #record(source: OutcomeRecord['source'], outcomeKey?: string): Promise<void> {
    const recorder = this.#recorder;
    if (this.submitting || !recorder) return;
    if (source === 'agent' && !this.form?.reportValidity()) return;
    // Once the agent has submitted, the countdown records nothing of its own: a second outcome
    // for the same task is what it would otherwise risk.
    this.#submitted = true;
    this.#countdown.stop();
    const record = this.#currentRecord(source, outcomeKey);
    const cancel = (this.#cancel = new AbortController());
    const slowTimer = setTimeout(() => (this.slow = true), CANCEL_AFTER_MS);
    this.submitting = true;
    this.failure = null;
    this.queueRefused = null;
    this.setCustomState('submitting', true);
    try {
      const recorded = await recorder.record(record, { signal: cancel.signal });
      this.#done = true;
      this.dispatchEvent(new CustomEvent('outcome-recorded', { detail: recorded, bubbles: true, composed: true }));
      this.#close(recorded);
    } catch (error) {
      this.failure = error instanceof RecordingError ? error : new RecordingError(OutcomeAdapterError.from(error, 'network'));
      this.notesLocked = !!recorder.unsettled(this.subjectId);
      if (this.notesLocked) this.notesText = recorder.unsettled(this.subjectId)?.notes ?? '';
    } finally {
      clearTimeout(slowTimer);
      this.#cancel = undefined;
      this.slow = false;
      this.submitting = false;
      this.setCustomState('submitting', false);
      this.setCustomState('failed', this.failure !== null);
    }
    if (!this.failure) return;
    if (this.queue === 'auto' && this.failure.queueable && recorder.canQueue) {
      await this.#queue();
      if (this.#done) return;
    }
    this.#focusPrimary();
  }

  /** After a failure focus goes to the primary action (Retry), never to `<body>`. */
  #focusPrimary(): void {
    void this.updateComplete.then(() => {
      if (!this.open) return;
      this.renderRoot.querySelector<HTMLButtonElement>('[part~="submit"]:not(:disabled), [part~="finish-later"]')?.focus();
    });
  }

  #queue = async (): Promise<void> => {
    const recorder = this.#recorder;
    if (this.submitting || !recorder) return;
    // Busy until the outbox holds the record durably: a second click cannot queue it twice.
    this.submitting = true;
    let queued: Awaited<ReturnType<Recorder['queue']>>;
    try {
      queued = await recorder.queue(this.#currentRecord());
    } catch (error) {
      // Not queued (no adapter id, storage refused): say so and keep the popup and the
      // failure, so the agent can still retry; never pretend the record is safe.
      this.queueRefused = error instanceof QueueRefusedError ? error.reason : 'storage';
      this.submitting = false;
      this.#focusPrimary();
      return;
    }
    this.submitting = false;
    this.#done = true;
    this.notice = this.queue === 'auto' ? this.msg('popup.queuedAuto') : '';
    for (const detail of queued) {
      this.dispatchEvent(new CustomEvent('outcome-queued', { detail, bubbles: true, composed: true }));
    }
    this.#close(null);
  };

  /** Nothing to record with (no list): keep the subject as a wrap-up to finish later. */
  #finishLater = async (): Promise<void> => {
    const recorder = this.#recorder;
    if (!recorder) return;
    await recorder.defer(this.subjectId);
    this.#done = true;
    this.dispatchEvent(new CustomEvent('outcome-deferred', { detail: { subjectId: this.subjectId }, bubbles: true, composed: true }));
    this.#close(null);
  };

  #onTimeUp(): void {
    if (!this.open || this.#done || this.#submitted) return;
    if (this.defaultOutcome) void this.#record('timeout', this.defaultOutcome);
    else this.message = this.msg('popup.timeUp');
  }

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
    // could be recorded.
    if (this.required && !this.#done && !this.#noDispositions()) {
      this.message = this.msg('popup.required');
      return false;
    }
    this.#close(null);
    return true;
  }

  #close(result: RecordedOutcome | null): void {
    this.#closing = true;
    this.#countdown.stop();
    if (this.dialog.open) this.dialog.close();
    this.open = false;
    this.setCustomState('open', false);
    this.#closing = false;
    const resolve = this.#resolve;
    this.#resolve = undefined;
    this.#pending = undefined;
    resolve?.(result);
    this.dispatchEvent(new Event('close', { bubbles: true, composed: true }));
    this.#opener?.focus();
    this.#opener = null;
  }

  #onKeydown = (event: KeyboardEvent): void => {
    const origin = event.composedPath()[0];
    // The picker already acted on this key (Enter submitting, arrows moving).
    if (event.defaultPrevented && event.key !== 'Escape') return;
    if (event.key === 'Escape') {
      // Escape never closes by itself (repeated presses would, natively): it only asks.
      event.preventDefault();
      if (!isTextField(origin)) this.#requestClose('escape');
      return;
    }
    if (isTextField(origin) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (/^[1-9]$/.test(event.key) && this.picker) {
      const outcome = this.picker.shownOutcomes[Number(event.key) - 1];
      if (!outcome) return;
      event.preventDefault();
      this.picker.value = outcome.key;
      if (!outcome.requiresFutureScheduledAt) this.picker.scheduledAt = '';
      this.failure = null;
      this.queueRefused = null;
      this.#saveDraft();
      void this.picker.updateComplete.then(() => this.picker?.focus());
    } else if (event.key === 'Enter' && !(origin instanceof HTMLButtonElement)) {
      event.preventDefault();
      this.form?.requestSubmit();
    }
  };

  #onCancel = (event: Event): void => {
    event.preventDefault();
    this.#requestClose('escape');
  };

  #onNativeClose = (): void => {
    // The browser closed the dialog without us (e.g. a close watcher): put it back if it must stay.
    if (this.open && !this.#closing) this.dialog.showModal();
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
