import { html, nothing } from 'lit';
import { OutcomeAdapterError } from '../../adapters/errors.js';
import type { Clock } from '../../controllers/countdown.js';
import type { OutcomeStoreController } from '../../controllers/outcome-store-controller.js';
import type { Draft } from '../../controllers/draft-storage.js';
import { rememberRecent } from '../../controllers/recents.js';
import { QueueRefusedError, RecordingError, type Recorder } from '../../controllers/recorder.js';
import type { MessageKey, Messages } from '../../localization/catalogue.js';
import type { OutcomeRecord, RecordedOutcome } from '../../model/types.js';
import type { OutcomePicker } from '../outcome-picker/outcome-picker.js';
import { CountdownView } from './countdown-view.js';
import type { CloseSource, DispositionPopup } from './disposition-popup.js';

export { enPopupView as messages } from '../../localization/en-popup-view.js';
export { styles } from './popup-view.styles.js';

type Args<K extends MessageKey> = Messages[K] extends (...args: infer A) => string ? A : [];
type Msg = <K extends MessageKey>(key: K, ...args: Args<K>) => string;

/** What `<disposition-popup>` lends its view. */
export interface PopupLent {
  host: DispositionPopup;
  outcomes: OutcomeStoreController;
  recorder(): Recorder | undefined;
  msg: Msg;
  setCustomState(name: string, on: boolean): void;
  /** Closes the dialog with the record (null: none), saying `notice` once it is closed. */
  close(result: RecordedOutcome | null, notice?: string): void;
  requestClose(source: CloseSource): boolean;
}

/** After this long at "Recording…", the agent is offered Cancel. */
const CANCEL_AFTER_MS = 3_000;

function isTextField(node: EventTarget | undefined): boolean {
  if (node instanceof HTMLTextAreaElement) return true;
  return node instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(node.type);
}

/**
 * What `<disposition-popup>` shows and does inside its dialog, fetched when the first popup of
 * a page connects: the outcome list, notes, the countdown, recording (with retry, queue, cancel
 * and finish later) and the keyboard. It is a view over the adapter's `Recorder`, which owns
 * keys, drafts, the outbox and its schedule.
 */
export class PopupView {
  readonly #lent: PopupLent;
  readonly #host: DispositionPopup;
  #clock: Clock | undefined;
  #countdown: CountdownView | undefined;
  #notesText = '';
  #submitting = false;
  /** Offer Cancel: recording has taken longer than a few seconds. */
  #slow = false;
  #failure: RecordingError | null = null;
  /** Why the record could not be kept on the device: said beside the failure, which stays retryable. */
  #queueRefused: QueueRefusedError['reason'] | null = null;
  /** A record of this subject may already be stored: its notes are kept as first sent. */
  #notesLocked = false;
  #message = '';
  #announcement = '';
  /** The outcome chosen now, for notes required by outcome. */
  #chosen = '';
  /** The agent tried to record: messages of the fields at fault show. */
  #checked = false;
  /** The agent submitted (or finished later) in this opening: the countdown no longer records anything. */
  #submitted = false;
  /** The record of the last attempt that failed (the countdown's own, say), for Queue. */
  #failed: OutcomeRecord | undefined;
  #cancel: AbortController | undefined;
  /** Readied for the current opening (see `opening`). */
  #opened = false;
  /** The subject's draft as this opening found it. */
  #draftAtOpening: Draft | null | undefined;

  constructor(lent: PopupLent, clock?: Clock) {
    this.#lent = lent;
    this.#host = lent.host;
    this.#clock = clock;
  }

  set clock(clock: Clock) {
    this.#clock = clock;
    if (this.#countdown) this.#countdown.clock = clock;
  }

  get #recorder(): Recorder | undefined {
    return this.#lent.recorder();
  }

  get #picker(): OutcomePicker | null {
    return this.#host.renderRoot.querySelector('outcome-picker');
  }

  #changed(): void {
    this.#host.requestUpdate();
  }

  /** A required popup stays open: something could still be recorded. */
  get mustStay(): boolean {
    return !this.#noDispositions();
  }

  /** Says why the dialog stays open. */
  refuseClose(): void {
    this.#message = this.#lent.msg('popup.required');
    this.#changed();
  }

  /**
   * Before each render of an open popup; the first of an opening brings the draft back and starts
   * the countdown (or continues it). Called while the popup updates: it asks for no update.
   */
  opening(): void {
    if (this.#opened) return;
    this.#opened = true;
    const host = this.#host;
    const draft = (this.#draftAtOpening = this.#recorder?.draft(host.subjectId));
    this.#submitted = this.#checked = false;
    this.#failure = this.#queueRefused = null;
    this.#message = this.#announcement = '';
    this.#failed = undefined;
    this.#notesText = draft?.unsettled?.record.notes ?? draft?.notes ?? '';
    this.#notesLocked = !!draft?.unsettled;
    this.#chosen = draft?.outcomeKey ?? '';
    if (host.timeout > 0 && !draft?.unsettled) {
      this.#countdown ??= new CountdownView(
        {
          host,
          msg: this.#lent.msg,
          nameOf: (key) => this.#lent.outcomes.snapshot.outcomeTypes.find((outcome) => outcome.key === key)?.name,
          keep: (countdown) => this.#recorder?.saveCountdown(host.subjectId, countdown),
          say: (text) => {
            this.#announcement = text;
            this.#changed();
          },
          timeUp: () => this.#onTimeUp(),
        },
        this.#clock,
      );
      // A reload continues the countdown kept in the draft rather than restarting it.
      this.#countdown.start(draft?.countdown);
    }
    // Asked for before the render that connects the picker, which would otherwise start the load
    // (and tell the popup) halfway through that render.
    this.#lent.outcomes.store?.load().catch(() => undefined);
  }

  /** The dialog has opened: the list takes focus, showing the draft's choice. */
  async opened(): Promise<void> {
    const host = this.#host;
    // The adapter may be set just after `open` (attribute in markup, property by a framework),
    // and outcomes may still be on their way: focus goes to the list once it exists.
    await host.updateComplete;
    const draft = this.#draftAtOpening;
    await this.#lent.outcomes.store?.load().catch(() => undefined);
    await host.updateComplete;
    const picker = this.#picker;
    if (this.#lent.outcomes.snapshot.status === 'error') {
      // No list to choose from: the primary action (Finish later, when required) takes focus.
      this.#focusPrimary();
    } else if (picker && host.open) {
      await picker.updateComplete;
      picker.value = draft?.outcomeKey ?? '';
      picker.scheduledAt = draft?.scheduledAt ?? '';
      await picker.updateComplete;
      picker.focus();
    }
  }

  /** The dialog has closed: the countdown stops, and a later opening starts its own. */
  closed(): void {
    this.#opened = false;
    this.#countdown?.stop(false);
    this.#recorder?.saveCountdown(this.#host.subjectId, undefined);
  }

  disconnected(): void {
    this.#cancel?.abort();
  }

  /** Before each render of the popup. */
  update(): void {
    this.#countdown?.update();
  }

  /**
   * While sending, what the agent chose stays as sent: keys and clicks that would change the
   * picker are held back before it sees them (a capture listener on its host), Tab still moves.
   * Not `disabled`: a disabled control drops the keyboard focus to <body>, and the digits and
   * `+` the agent presses next would go nowhere.
   */
  #holdWhileSending = {
    capture: true,
    handleEvent: (event: Event): void => {
      if (!this.#submitting || (event instanceof KeyboardEvent && ['Tab', 'Escape'].includes(event.key))) return;
      event.preventDefault();
      event.stopPropagation();
    },
  };

  // While sending, the record and queue buttons are busy (aria-disabled), not disabled, and the
  // notes read-only: a disabled control drops the keyboard focus to <body>.
  render() {
    const host = this.#host;
    const { msg } = this.#lent;
    const noDispositions = this.#noDispositions();
    const noList = this.#lent.outcomes.snapshot.status === 'error';
    const finishLater = noList && host.required;
    const submitting = this.#submitting;
    const failure = this.#failure;
    const busy = submitting ? 'true' : nothing;
    return html`<form novalidate @submit=${this.#onSubmit} @input=${this.#onEdit} @change=${this.#onEdit}>
      <div class="header">
        <h2 id="title">${msg('popup.title')}</h2>
        <button type="button" part="close-button" aria-label=${msg('popup.close')} @click=${() => this.#lent.requestClose('close-button')}>✕</button>
      </div>
      ${this.#countdown?.render()}
      ${noDispositions
        ? html`<p part="hint">${msg('popup.noDispositions')}</p>`
        : html`<span id="outcome-label" class="visually-hidden">${msg('popup.outcome')}</span>
            <outcome-picker
              aria-labelledby="outcome-label"
              exportparts="stale-note"
              name="outcome"
              kind="disposition"
              required
              reserve-space
              aria-busy=${submitting ? 'true' : nothing}
              @keydown=${this.#holdWhileSending}
              @click=${this.#holdWhileSending}
              .adapter=${host.effectiveAdapter}
              .shortcuts=${true}
              .recent=${host.recent}
              .recentKey=${host.recentKey}
              .customerTimeZone=${host.customerTimeZone}
              .callableHours=${host.callableHours}
              .maxDaysAhead=${host.maxDaysAhead}
              .quickTimes=${host.quickTimes}
            ></outcome-picker>
            ${noList ? nothing : html`<p part="hint">${msg(this.#countdown?.canExtend ? 'popup.shortcutsExtend' : 'popup.shortcuts')}</p>`}`}
      ${host.notes === 'off' ? nothing : this.#renderNotes()}
      ${failure ? html`<p part="error" role="alert">${this.#failureText(failure)}</p>` : nothing}
      ${finishLater ? html`<p part="hint">${msg('popup.noList')}</p>` : nothing}
      <p part="hint" role="status">${this.#message}</p>
      <span class="visually-hidden" role="status">${this.#announcement}</span>
      <div class="actions">
        ${finishLater ? html`<button type="button" part="finish-later" @click=${this.#finishLater}>${msg('popup.finishLater')}</button>` : nothing}
        ${submitting && this.#slow
          ? html`<button type="button" part="cancel" @click=${() => this.#cancel?.abort()}>${msg('popup.cancel')}</button>`
          : nothing}
        ${failure?.queueable && this.#recorder?.canQueue
          ? html`<button type="button" part="queue" @click=${() => this.#queue()} aria-disabled=${busy}>${msg('popup.queue')}</button>`
          : nothing}
        <button part="submit" ?disabled=${noDispositions || noList} aria-disabled=${busy} aria-busy=${submitting ? 'true' : 'false'}>
          ${submitting ? msg('popup.submitting') : failure ? msg('retry') : msg('popup.submit')}
        </button>
      </div>
    </form>`;
  }

  #renderNotes() {
    const { msg } = this.#lent;
    const required = this.#notesRequired();
    const missing = this.#checked && this.#notesMissing();
    const described = [this.#notesLocked && 'notes-locked', missing && 'notes-error'].filter(Boolean).join(' ');
    return html`<label for="notes">${required ? msg('popup.notes') : msg('popup.notesOptional')}</label>
      <textarea
        id="notes"
        part="notes"
        name="notes"
        aria-required=${required ? 'true' : 'false'}
        aria-invalid=${missing ? 'true' : 'false'}
        ?readonly=${this.#notesLocked || this.#submitting}
        aria-describedby=${described || nothing}
        .value=${this.#notesText}
        @focusin=${() => this.#countdown?.pause(true)}
        @focusout=${() => this.#countdown?.pause(false)}
      ></textarea>
      ${missing ? html`<p part="error" id="notes-error">${msg('popup.notesMissing')}</p>` : nothing}
      ${this.#notesLocked ? html`<p part="hint" id="notes-locked">${msg('popup.notesLocked')}</p>` : nothing}`;
  }

  /** Notes are required: always (`notes="required"`), or for the outcome chosen (`notes-required-for`). */
  #notesRequired(): boolean {
    const { notes, notesRequiredFor } = this.#host;
    return notes === 'required' || (notes !== 'off' && !!this.#chosen && notesRequiredFor.split(/\s+/).includes(this.#chosen));
  }

  #notesMissing(): boolean {
    return this.#notesRequired() && !this.#notesText.trim() && !this.#notesLocked;
  }

  #failureText(failure: RecordingError): string {
    const { msg } = this.#lent;
    const { error } = failure;
    const fields = Object.values(error.fieldErrors);
    const reason = fields.length ? `${msg(`error.${error.code}`)} (${fields.join('; ')})` : msg(`error.${error.code}`);
    const text = failure.delivery === 'unknown' ? `${msg('popup.unknown')} ${reason}` : msg('popup.failed', reason);
    if (failure.queueable && this.#recorder && !this.#recorder.canQueue) return `${text} ${msg('popup.cannotQueue')}`;
    return this.#queueRefused ? `${text} ${msg('popup.notQueued')}` : text;
  }

  #noDispositions(): boolean {
    const { status, outcomeTypes } = this.#lent.outcomes.snapshot;
    return status === 'ready' && !outcomeTypes.some((type) => type.kind === 'disposition' && type.status === 'active');
  }

  #currentRecord(source: OutcomeRecord['source'] = 'agent', outcomeKey?: string): OutcomeRecord {
    const picker = this.#picker;
    const record: OutcomeRecord = { subjectId: this.#host.subjectId, outcomeKey: outcomeKey ?? picker?.value ?? '', source };
    const notes = this.#host.notes === 'off' ? '' : this.#notesText;
    if (outcomeKey === undefined && picker?.selectedOutcome?.requiresFutureScheduledAt && picker.scheduledAt) record.scheduledAt = picker.scheduledAt;
    if (notes.trim()) record.notes = notes;
    return record;
  }

  #saveDraft(): void {
    this.#recorder?.saveDraft(this.#currentRecord());
  }

  #onEdit = (event: Event): void => {
    // A field taken away as the dialog closes may still say it changed (the notes' change on
    // removal): nothing the agent did, and it arrives during the popup's own render.
    if (!this.#host.open) return;
    const target = event.composedPath()[0];
    this.#chosen = this.#picker?.value ?? '';
    if (target instanceof HTMLTextAreaElement) this.#notesText = target.value;
    // A new choice makes a new record, so the last failure no longer applies. Not the notes'
    // change event: it fires late, when focus leaves the field (even for Retry after a failure).
    else if (this.#failure && event.type === 'change') this.#failure = this.#queueRefused = null;
    this.#saveDraft();
    this.#changed();
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#record('agent');
  };

  async #record(source: OutcomeRecord['source'], outcomeKey?: string): Promise<void> {
    const recorder = this.#recorder;
    const { host, setCustomState } = this.#lent;
    if (this.#submitting || !recorder) return;
    if (source === 'agent' && !this.#report()) return;
    // Once the agent has submitted, the countdown records nothing of its own: a second outcome
    // for the same task is what it would otherwise risk. Kept so, across a reload.
    this.#submitted = true;
    this.#countdown?.stop(true);
    const record = this.#currentRecord(source, outcomeKey);
    const cancel = (this.#cancel = new AbortController());
    const slowTimer = setTimeout(() => {
      this.#slow = true;
      this.#changed();
    }, CANCEL_AFTER_MS);
    this.#submitting = true;
    this.#failure = this.#queueRefused = null;
    setCustomState('submitting', true);
    this.#changed();
    try {
      const recorded = await recorder.record(record, { signal: cancel.signal });
      this.#remember(recorded);
      host.dispatchEvent(new CustomEvent('outcome-recorded', { detail: recorded, bubbles: true, composed: true }));
      this.#lent.close(recorded);
    } catch (error) {
      this.#failure = error instanceof RecordingError ? error : new RecordingError(OutcomeAdapterError.from(error, 'network'));
      this.#failed = record;
      const unsettled = recorder.unsettled(host.subjectId);
      this.#notesLocked = !!unsettled;
      if (unsettled) this.#notesText = unsettled.notes ?? '';
    } finally {
      clearTimeout(slowTimer);
      this.#cancel = undefined;
      this.#slow = this.#submitting = false;
      setCustomState('submitting', false);
      setCustomState('failed', this.#failure !== null);
      this.#changed();
    }
    if (!this.#failure) return;
    if (host.queue === 'auto' && this.#failure.queueable && recorder.canQueue) {
      await this.#queue();
      if (!host.open) return;
    }
    this.#focusPrimary();
  }

  /**
   * The library's own messages beside the fields at fault (the form is `novalidate`: no browser
   * bubble), and focus on the first of them. True when the record may be sent.
   */
  #report(): boolean {
    const picker = this.#picker;
    this.#checked = true;
    this.#changed();
    // checkValidity fires `invalid` at the picker, which then shows its own message.
    const pickerValid = !picker || picker.checkValidity();
    if (pickerValid && !this.#notesMissing()) return true;
    void this.#host.updateComplete.then(async () => {
      if (pickerValid) return this.#host.renderRoot.querySelector('textarea')?.focus();
      await picker!.updateComplete;
      (picker!.shadowRoot?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? picker!).focus();
    });
    return false;
  }

  /** An outcome the agent chose (recorded or queued) goes first among their recents. */
  #remember(record: OutcomeRecord): void {
    if (record.source === 'agent') rememberRecent(this.#recorder?.adapterId ?? '', this.#host.recentKey, record.outcomeKey);
  }

  /** After a failure focus goes to the primary action (Retry), never to `<body>`. */
  #focusPrimary(): void {
    const host = this.#host;
    void host.updateComplete.then(() => {
      if (host.open) host.renderRoot.querySelector<HTMLElement>('[part~="submit"]:not(:disabled), [part~="finish-later"]')?.focus();
    });
  }

  async #queue(): Promise<void> {
    const recorder = this.#recorder;
    if (this.#submitting || !recorder) return;
    // Busy until the outbox holds the record durably: a second click cannot queue it twice.
    this.#submitting = true;
    this.#changed();
    let queued: Awaited<ReturnType<Recorder['queue']>>;
    // The countdown's record when that is what failed; otherwise what the agent has entered.
    const record = this.#failed?.source === 'timeout' ? this.#failed : this.#currentRecord();
    try {
      queued = await recorder.queue(record);
    } catch (error) {
      // Not queued (no adapter id, storage refused): say so and keep the popup and the
      // failure, so the agent can still retry; never pretend the record is safe.
      this.#queueRefused = error instanceof QueueRefusedError ? error.reason : 'storage';
      this.#submitting = false;
      this.#changed();
      this.#focusPrimary();
      return;
    }
    this.#submitting = false;
    this.#remember(record);
    for (const detail of queued) {
      this.#host.dispatchEvent(new CustomEvent('outcome-queued', { detail, bubbles: true, composed: true }));
    }
    this.#lent.close(null, this.#host.queue === 'auto' ? this.#lent.msg('popup.queuedAuto') : '');
  }

  /** Nothing to record with (no list): keep the subject as a wrap-up to finish later. */
  #finishLater = async (): Promise<void> => {
    const recorder = this.#recorder;
    const { subjectId } = this.#host;
    if (!recorder) return;
    this.#submitted = true;
    await recorder.defer(subjectId);
    this.#host.dispatchEvent(new CustomEvent('outcome-deferred', { detail: { subjectId }, bubbles: true, composed: true }));
    this.#lent.close(null);
  };

  #onTimeUp(): void {
    const host = this.#host;
    if (!host.open || this.#submitted) return;
    if (host.defaultOutcome) void this.#record('timeout', host.defaultOutcome);
    else {
      this.#message = this.#lent.msg('popup.timeUp');
      this.#changed();
    }
  }

  /** Keys in the dialog (Escape excepted: the popup's). */
  keydown(event: KeyboardEvent): void {
    const origin = event.composedPath()[0];
    // The picker already acted on this key (Enter submitting, arrows moving).
    if (event.defaultPrevented || event.altKey) return;
    const command = event.ctrlKey || event.metaKey;
    const typing = isTextField(origin);
    if (event.key === 'Enter' && !(origin instanceof HTMLButtonElement) && (command || !typing)) {
      // Enter records; Ctrl/Cmd+Enter too, from the notes.
      event.preventDefault();
      this.#host.renderRoot.querySelector('form')?.requestSubmit();
      return;
    }
    if (typing || command) return;
    const picker = this.#picker;
    // What is being sent stays as sent (see #holdWhileSending).
    if (this.#submitting && /^[1-9]$/.test(event.key)) return;
    if (event.key === '+') {
      event.preventDefault();
      this.#countdown?.extend();
    } else if (/^[1-9]$/.test(event.key) && picker) {
      const outcome = picker.shownOutcomes[Number(event.key) - 1];
      if (!outcome) return;
      event.preventDefault();
      picker.value = this.#chosen = outcome.key;
      if (!outcome.requiresFutureScheduledAt) picker.scheduledAt = '';
      this.#failure = this.#queueRefused = null;
      this.#saveDraft();
      this.#changed();
      // A follow-up outcome: on to its first quick choice (digit, Enter, Enter records it).
      void picker.focusScheduler().then((moved) => moved || picker.focus());
    }
  }
}
