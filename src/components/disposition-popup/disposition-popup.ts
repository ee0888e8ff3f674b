import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { OutcomeAdapterError } from '../../adapters/errors.js';
import { Countdown, type Clock } from '../../controllers/countdown.js';
import { draftStorage } from '../../controllers/draft-storage.js';
import { Outbox } from '../../controllers/outbox.js';
import { OutcomeStoreController } from '../../controllers/outcome-store-controller.js';
import { randomId } from '../../model/id.js';
import type { OutcomeRecord, RecordedOutcome } from '../../model/types.js';
import { tokens } from '../../styles/tokens.js';
import { OutcomeElement } from '../base/outcome-element.js';
import { OutcomePicker } from '../outcome-picker/outcome-picker.js';
import { enPopup } from '../../localization/en-popup.js';
import { styles } from './disposition-popup.styles.js';

export type CloseSource = 'escape' | 'close-button' | 'backdrop' | 'api';
export type NotesMode = 'off' | 'optional' | 'required';

export interface DispositionRequestCloseDetail {
  source: CloseSource;
}

export interface OutcomeQueuedDetail {
  record: OutcomeRecord;
  idempotencyKey: string;
}

const URGENT_SECONDS = 10;
const OUTBOX_RETRY_MS = 30_000;

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
 * `required`, never a trap when the backend is down (the record can be queued), and it never
 * loses or doubles a record: every attempt of one record carries one idempotency key, queued
 * records survive reloads in an outbox, and the draft survives a reload of the tab.
 *
 * @tagname disposition-popup
 * @summary The end-of-call disposition dialog that never loses a disposition.
 * @event {CustomEvent<RecordedOutcome>} outcome-recorded - Once per record, when the backend acknowledged it (also for queued records, later).
 * @event {CustomEvent<OutcomeQueuedDetail>} outcome-queued - `detail: { record, idempotencyKey }`: the record went to the outbox to be sent when the backend is back.
 * @event {CustomEvent<DispositionRequestCloseDetail>} disposition-request-close - Cancelable, before any close; `detail.source`: 'escape', 'close-button', 'backdrop' or 'api'.
 * @event {Event} close - The dialog closed.
 * @csspart dialog - The native `<dialog>`.
 * @csspart close-button - The ✕ button.
 * @csspart countdown - The after-call-work countdown.
 * @csspart notes - The notes field.
 * @csspart submit - The record button.
 * @csspart queue - The "Queue for later" button.
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

  @state() private notesText = '';
  @state() private submitting = false;
  @state() private failure: OutcomeAdapterError | null = null;
  /** The device refused to queue the record: said beside the failure, which stays retryable. */
  @state() private queueRefused = false;
  @state() private message = '';
  @state() private announcement = '';

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('form') private form?: HTMLFormElement;
  @query('outcome-picker') private picker?: OutcomePicker;

  readonly #outcomes = new OutcomeStoreController(this, () => this.effectiveAdapter);
  readonly #countdown = new Countdown(this, () => this.#onTimeUp());
  #outbox: Outbox | undefined;
  #outboxTimer: ReturnType<typeof setInterval> | undefined;
  #resolve: ((result: RecordedOutcome | null) => void) | undefined;
  #pending: Promise<RecordedOutcome | null> | undefined;
  #opener: HTMLElement | null = null;
  /** A record was acknowledged or queued in this opening: closing is allowed. */
  #done = false;
  #key = '';
  #fingerprint = '';
  #closing = false;
  #announcedUrgent = false;
  #outboxStore: unknown;

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
    window.addEventListener('online', this.#flushOutbox);
    this.#outboxTimer = setInterval(this.#flushOutbox, OUTBOX_RETRY_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#flushOutbox);
    clearInterval(this.#outboxTimer);
    this.#outboxTimer = undefined;
    this.#outboxStore = undefined;
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
    const store = this.#outcomes.store;
    if (store && store !== this.#outboxStore) {
      // A new backend to talk to: send what earlier sessions queued for it.
      this.#outboxStore = store;
      void this.#flushOutbox();
    }
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
    </dialog>`;
  }

  #renderContent() {
    const { status, outcomeTypes } = this.#outcomes.snapshot;
    const noDispositions =
      status === 'ready' && !outcomeTypes.some((type) => type.kind === 'disposition' && type.status === 'active');
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
              name="outcome"
              kind="disposition"
              required
              .adapter=${this.effectiveAdapter}
              ?disabled=${this.submitting}
            ></outcome-picker>
            <p part="hint">${this.msg('popup.shortcuts')}</p>`}
      ${this.notes === 'off'
        ? nothing
        : html`<label for="notes">${this.notes === 'required' ? this.msg('popup.notes') : this.msg('popup.notesOptional')}</label>
            <textarea
              id="notes"
              part="notes"
              name="notes"
              ?required=${this.notes === 'required'}
              ?disabled=${this.submitting}
              .value=${this.notesText}
              @focusin=${() => this.#countdown.pause()}
              @focusout=${() => this.#countdown.resume()}
            ></textarea>`}
      ${this.failure
        ? html`<p part="error" role="alert">
            ${this.msg('popup.failed', this.#reason(this.failure))}${this.queueRefused ? ` ${this.msg('popup.notQueued')}` : ''}
          </p>`
        : nothing}
      <p part="hint" role="status">${this.message}</p>
      <span class="visually-hidden" role="status">${this.announcement}</span>
      <div class="actions">
        ${this.failure?.retryable
          ? html`<button type="button" part="queue" @click=${this.#queue} ?disabled=${this.submitting}>${this.msg('popup.queue')}</button>`
          : nothing}
        <button part="submit" ?disabled=${this.submitting || noDispositions} aria-busy=${this.submitting ? 'true' : 'false'}>
          ${this.submitting ? this.msg('popup.submitting') : this.failure ? this.msg('retry') : this.msg('popup.submit')}
        </button>
      </div>
    </form>`;
  }

  #reason(error: OutcomeAdapterError): string {
    const fields = Object.values(error.fieldErrors);
    return fields.length ? `${this.msg(`error.${error.code}`)} (${fields.join('; ')})` : this.msg(`error.${error.code}`);
  }

  async #openDialog(): Promise<void> {
    this.#opener = deepActiveElement();
    this.#done = false;
    this.failure = null;
    this.queueRefused = false;
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
    if (picker && this.open) {
      await picker.updateComplete;
      this.#applyDraftToPicker(picker);
      await picker.updateComplete;
      picker.focus();
    }
    void this.#flushOutbox();
  }

  #restoreDraft(): void {
    const draft = this.subjectId ? draftStorage.read(this.subjectId) : null;
    this.notesText = draft?.notes ?? '';
    this.#key = draft?.idempotencyKey ?? '';
    this.#fingerprint = draft ? this.#fingerprintOf(this.#recordFrom(draft.outcomeKey, draft.scheduledAt, draft.notes, 'agent')) : '';
  }

  #applyDraftToPicker(picker: OutcomePicker): void {
    const draft = this.subjectId ? draftStorage.read(this.subjectId) : null;
    picker.value = draft?.outcomeKey ?? '';
    picker.scheduledAt = draft?.scheduledAt ?? '';
  }

  #recordFrom(outcomeKey: string, scheduledAt: string, notes: string, source: OutcomeRecord['source']): OutcomeRecord {
    const record: OutcomeRecord = { subjectId: this.subjectId, outcomeKey, source };
    if (scheduledAt) record.scheduledAt = scheduledAt;
    if (notes.trim()) record.notes = notes;
    return record;
  }

  #fingerprintOf(record: OutcomeRecord): string {
    return JSON.stringify([record.subjectId, record.outcomeKey, record.scheduledAt ?? '', record.notes ?? '', record.source]);
  }

  /** One key per distinct record: the same record reuses it, any change renews it. */
  #keyFor(record: OutcomeRecord): string {
    const fingerprint = this.#fingerprintOf(record);
    if (fingerprint !== this.#fingerprint || !this.#key) {
      this.#fingerprint = fingerprint;
      this.#key = randomId();
    }
    return this.#key;
  }

  #currentRecord(source: OutcomeRecord['source'] = 'agent', outcomeKey?: string): OutcomeRecord {
    const picker = this.picker;
    const key = outcomeKey ?? picker?.value ?? '';
    const needsDate = outcomeKey === undefined ? picker?.selectedOutcome?.requiresFutureScheduledAt : false;
    return this.#recordFrom(key, needsDate ? (picker?.scheduledAt ?? '') : '', this.notes === 'off' ? '' : this.notesText, source);
  }

  #saveDraft(): void {
    if (!this.subjectId) return;
    const record = this.#currentRecord();
    draftStorage.write(this.subjectId, {
      outcomeKey: record.outcomeKey,
      scheduledAt: record.scheduledAt ?? '',
      notes: this.notesText,
      idempotencyKey: this.#keyFor(record),
    });
  }

  #onEdit = (event: Event): void => {
    const target = event.composedPath()[0];
    if (target instanceof HTMLTextAreaElement) this.notesText = target.value;
    if (this.failure && event.type === 'change') [this.failure, this.queueRefused] = [null, false];
    this.#saveDraft();
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#record('agent');
  };

  async #record(source: OutcomeRecord['source'], outcomeKey?: string): Promise<void> {
    const store = this.#outcomes.store;
    if (this.submitting || !store) return;
    if (source === 'agent' && !this.form?.reportValidity()) return;
    const record = this.#currentRecord(source, outcomeKey);
    const idempotencyKey = this.#keyFor(record);
    this.submitting = true;
    this.failure = null;
    this.queueRefused = false;
    this.setCustomState('submitting', true);
    try {
      const recorded = await store.record(record, { idempotencyKey });
      this.#done = true;
      if (this.subjectId) draftStorage.clear(this.subjectId);
      this.dispatchEvent(new CustomEvent('outcome-recorded', { detail: recorded, bubbles: true, composed: true }));
      this.#close(recorded);
    } catch (error) {
      this.failure = error as OutcomeAdapterError;
      this.#saveDraft();
    } finally {
      this.submitting = false;
      this.setCustomState('submitting', false);
      this.setCustomState('failed', this.failure !== null);
    }
  }

  #queue = async (): Promise<void> => {
    if (this.submitting) return;
    const record = this.#currentRecord();
    const idempotencyKey = this.#keyFor(record);
    // Busy until the outbox holds the record durably: a second click cannot queue it twice.
    this.submitting = true;
    try {
      await this.#outboxFor().enqueue(record, idempotencyKey);
    } catch {
      // Not queued (storage full or refused): say so and keep the popup and the failure, so the
      // agent can still retry; never pretend the record is safe.
      this.queueRefused = true;
      return;
    } finally {
      this.submitting = false;
    }
    this.#done = true;
    if (this.subjectId) draftStorage.clear(this.subjectId);
    this.dispatchEvent(new CustomEvent('outcome-queued', { detail: { record, idempotencyKey }, bubbles: true, composed: true }));
    this.#close(null);
  };

  #outboxFor(): Outbox {
    this.#outbox ??= new Outbox();
    return this.#outbox;
  }

  #flushOutbox = async (): Promise<void> => {
    const store = this.#outcomes.store;
    if (!store || !this.isConnected) return;
    const acknowledged = await this.#outboxFor().flush((record, idempotencyKey) => store.record(record, { idempotencyKey }));
    for (const recorded of acknowledged) {
      this.dispatchEvent(new CustomEvent('outcome-recorded', { detail: recorded, bubbles: true, composed: true }));
    }
  };

  #onTimeUp(): void {
    if (!this.open || this.#done) return;
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
    const noDispositions = this.#outcomes.snapshot.status === 'ready' &&
      !this.#outcomes.snapshot.outcomeTypes.some((type) => type.kind === 'disposition' && type.status === 'active');
    // Required means recorded before leaving — unless there is nothing that could be recorded.
    if (this.required && !this.#done && !noDispositions) {
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
      this.queueRefused = false;
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
    'disposition-request-close': CustomEvent<DispositionRequestCloseDetail>;
  }
}
