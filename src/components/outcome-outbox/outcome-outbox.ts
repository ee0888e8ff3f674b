import { html, nothing, type PropertyValues } from 'lit';
import { query, state } from 'lit/decorators.js';
import { OutcomeAdapterError, type AdapterErrorCode } from '../../adapters/errors.js';
import { OutcomeStoreController } from '../../controllers/outcome-store-controller.js';
import type { PendingWrapUp, Recorder } from '../../controllers/recorder.js';
import { RecorderController } from '../../controllers/recorder-controller.js';
import { enOutbox } from '../../localization/en-outbox.js';
import { tokens } from '../../styles/tokens.js';
import { OutcomeElement } from '../base/outcome-element.js';
import { styles } from './outcome-outbox.styles.js';

export interface OutcomeResumeDetail {
  subjectId: string;
}

export interface OutcomePendingChangeDetail {
  count: number;
}

/** How often the ages ("5 minutes ago") are brought up to date. */
const AGE_REFRESH_MS = 30_000;

/**
 * The pending wrap-ups of the adapter's `Recorder`: records queued on this device (waiting or
 * being retried), records the backend refused, and wrap-ups deferred for later — each with its
 * subject, outcome, age and last error. Retry now sends one at once; Resume asks the host to
 * open a popup for a deferred one; Discard (refused or deferred only) asks first, naming it.
 * The list follows every change, in this tab or another, and says politely how many are left.
 *
 * @tagname outcome-outbox
 * @summary The agent's pending wrap-ups: queued, retrying, refused and deferred.
 * @event {CustomEvent<OutcomeResumeDetail>} outcome-resume - `detail: { subjectId }`: the agent chose Resume on a deferred wrap-up; open a `<disposition-popup>` for that subject.
 * @event {CustomEvent<OutcomePendingChangeDetail>} outcome-pending-change - `detail: { count }`: the number of pending wrap-ups changed (for a badge).
 * @csspart list - The list of pending wrap-ups.
 * @csspart entry - One wrap-up; also `entry-queued` (`entry-queued entry-retrying` once an attempt failed), `entry-refused` or `entry-deferred`.
 * @csspart entry-queued - A record waiting to be sent (and one being retried).
 * @csspart entry-retrying - A queued record whose last attempt failed.
 * @csspart entry-refused - A record the backend refused.
 * @csspart entry-deferred - A wrap-up to finish later: nothing recorded yet.
 * @csspart error - An entry's last error.
 * @csspart retry-button - Retry now (queued, retrying and refused records).
 * @csspart resume-button - Resume (deferred wrap-ups): fires `outcome-resume`.
 * @csspart discard-button - Discard (refused records and deferred wrap-ups), after a confirmation.
 * @csspart empty - Said when nothing is pending.
 * @csspart status - Loading, or no data source.
 * @csspart dialog - The discard confirmation.
 * @csspart confirm-discard - Confirms the discard.
 * @cssstate has-pending - At least one wrap-up is pending.
 * @cssstate loading - The pending list is being read.
 */
export class OutcomeOutbox extends OutcomeElement {
  static override styles = [tokens, styles];
  static override messages = enOutbox;

  @state() private entries: readonly PendingWrapUp[] = [];
  @state() private loaded = false;
  /** Entries being sent by Retry now. */
  @state() private sending: ReadonlySet<string> = new Set();
  /** The entry the discard dialog asks about. */
  @state() private discarding: PendingWrapUp | null = null;
  @state() private discardFailure = '';
  @state() private announcement = '';

  @query('dialog') private dialog?: HTMLDialogElement;

  readonly #outcomes = new OutcomeStoreController(this, () => this.effectiveAdapter);
  /** Follows the recorder of the current adapter: its changes, and its flush schedule while shown. */
  readonly #recording = new RecorderController(this, () => this.#outcomes.store, () => void this.#refresh());
  /** The recorder whose pending list is shown. */
  #shown: Recorder | undefined;
  /** Only the latest read of the pending list is shown. */
  #reads = 0;
  #ticker: ReturnType<typeof setInterval> | undefined;
  /** Where focus goes once the discard dialog closes. */
  #returnFocus: (() => HTMLElement | null | undefined) | undefined;

  /** How many wrap-ups are pending (read only); `:state(has-pending)` when above zero. */
  get count(): number {
    return this.entries.length;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#ticker = setInterval(() => {
      if (this.entries.length) this.requestUpdate();
    }, AGE_REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#ticker);
  }

  get #recorder(): Recorder | undefined {
    return this.#recording.recorder;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Joins the current adapter's recorder before rendering, so the list shown is its own.
    void this.#recorder;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.dialog;
    // Only when a discard is newly asked for: a render while the dialog closes must not reopen it.
    if (dialog && (changed as Map<PropertyKey, unknown>).has('discarding') && this.discarding && !dialog.open) dialog.showModal();
  }

  async #refresh(): Promise<void> {
    const recorder = this.#recorder;
    // Another adapter's recorder: its list starts empty until read. (Disconnected, the list
    // stays as it was, nothing announced, and is read again on return.)
    if (recorder && recorder !== this.#shown) {
      this.#shown = recorder;
      this.#setEntries([], false);
    }
    const read = ++this.#reads;
    const entries = await recorder?.pending();
    if (!entries || read !== this.#reads || recorder !== this.#recorder) return;
    this.#setEntries(entries, true);
  }

  #setEntries(entries: readonly PendingWrapUp[], loaded: boolean): void {
    const before = this.entries.length;
    const wasLoaded = this.loaded;
    this.entries = entries;
    this.loaded = loaded;
    this.setCustomState('has-pending', entries.length > 0);
    this.setCustomState('loading', !loaded && !!this.#recorder);
    if (entries.length === before) return;
    // The count is said when it changes, not on first showing the list.
    if (wasLoaded && loaded) this.#announce(this.msg('outbox.count', entries.length));
    this.dispatchEvent(new CustomEvent<OutcomePendingChangeDetail>('outcome-pending-change', { detail: { count: entries.length }, bubbles: true, composed: true }));
  }

  protected override render() {
    return html`${this.#renderList()}
      <span class="visually-hidden" role="status">${this.announcement}</span>
      ${this.#renderDialog()}`;
  }

  #renderList() {
    if (!this.effectiveAdapter) return html`<p part="status">${this.msg('noAdapter')}</p>`;
    if (!this.loaded) return html`<p part="status" aria-busy="true">${this.msg('outbox.loading')}</p>`;
    if (!this.entries.length) return html`<p part="empty" tabindex="-1">${this.msg('outbox.empty')}</p>`;
    const names = new Map(this.#outcomes.snapshot.outcomeTypes.map((type) => [type.key, type.name]));
    const ages = new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' });
    return html`<ul part="list" aria-label=${this.msg('outbox.label')} tabindex="-1">
      ${this.entries.map((entry, index) => this.#renderEntry(entry, `entry-${index}`, names, ages))}
    </ul>`;
  }

  #renderEntry(entry: PendingWrapUp, id: string, names: Map<string, string>, ages: Intl.RelativeTimeFormat) {
    const { state } = entry;
    const sending = this.sending.has(entry.id);
    return html`<li part=${state === 'retrying' ? 'entry entry-queued entry-retrying' : `entry entry-${state}`}>
      <p id=${id}><span class="subject">${entry.subjectId}</span> · ${this.#outcomeName(entry, names)}</p>
      <p class="meta">
        ${state === 'retrying' ? this.msg('outbox.retrying', entry.attempts) : this.msg(`outbox.${state}`)} ·
        <time datetime=${entry.since}>${this.#age(entry.since, ages)}</time>
      </p>
      ${entry.lastError ? html`<p part="error">${this.msg('outbox.lastError', this.#reason(entry.lastError, state === 'refused'))}</p>` : nothing}
      <div class="actions">
        ${state === 'deferred'
          ? html`<button type="button" part="resume-button" aria-describedby=${id} @click=${() => this.#resume(entry)}>${this.msg('outbox.resume')}</button>`
          : html`<button type="button" part="retry-button" aria-describedby=${id} aria-disabled=${sending ? 'true' : 'false'} @click=${() => this.#retry(entry)}>
              ${sending ? this.msg('outbox.sending') : this.msg('outbox.retry')}
            </button>`}
        ${state === 'refused' || state === 'deferred'
          ? html`<button type="button" part="discard-button" aria-describedby=${id} @click=${() => this.#askDiscard(entry)}>${this.msg('outbox.discard')}</button>`
          : nothing}
      </div>
    </li>`;
  }

  #renderDialog() {
    const entry = this.discarding;
    return html`<dialog part="dialog" aria-labelledby="discard-title" aria-describedby="discard-text" @close=${this.#onDialogClose}>
      ${entry
        ? html`<p id="discard-title" class="title">${this.msg('outbox.discardTitle', entry.subjectId)}</p>
            <p id="discard-text">
              ${entry.record
                ? this.msg('outbox.discardRecord', this.#outcomeName(entry), entry.subjectId)
                : this.msg('outbox.discardDeferred', entry.subjectId)}
            </p>
            ${this.discardFailure ? html`<p part="error" role="alert">${this.discardFailure}</p>` : nothing}
            <div class="actions">
              <button type="button" autofocus @click=${() => this.dialog?.close()}>${this.msg('outbox.cancel')}</button>
              <button type="button" part="confirm-discard" class="danger" @click=${this.#confirmDiscard}>
                ${this.msg('outbox.discardConfirm', entry.subjectId)}
              </button>
            </div>`
        : nothing}
    </dialog>`;
  }

  /** The outcome's name from the adapter's list, else its key; deferred wrap-ups have none yet. */
  #outcomeName(entry: PendingWrapUp, names?: Map<string, string>): string {
    const key = entry.record?.outcomeKey;
    if (!key) return this.msg('outbox.noOutcome');
    return (names?.get(key) ?? this.#outcomes.snapshot.outcomeTypes.find((type) => type.key === key)?.name) || key;
  }

  #age(since: string, ages: Intl.RelativeTimeFormat): string {
    const seconds = Math.min(0, Math.round((Date.parse(since) - Date.now()) / 1000));
    if (seconds > -60) return ages.format(seconds, 'second');
    if (seconds > -3600) return ages.format(Math.round(seconds / 60), 'minute');
    if (seconds > -86_400) return ages.format(Math.round(seconds / 3600), 'hour');
    return ages.format(Math.round(seconds / 86_400), 'day');
  }

  /**
   * A known error code in the page's language, with the backend's own words when it refused the
   * record (they say what to change); an unknown code in the backend's words alone.
   */
  #reason(error: { code: string; message: string }, withMessage = false): string {
    const key = `error.${error.code as AdapterErrorCode}` as const;
    const known = this.msg(key);
    // The catalogue answers with the key itself for a code it does not know (an older entry's).
    if (known === key) return error.message;
    return withMessage && error.message && error.message !== known ? `${known} ${error.message}` : known;
  }

  async #retry(entry: PendingWrapUp): Promise<void> {
    const recorder = this.#recorder;
    if (!recorder || this.sending.has(entry.id)) return;
    const index = this.#indexOf(entry.id);
    const hadFocus = this.shadowRoot?.activeElement?.closest('[part~="entry"]') === this.renderRoot.querySelectorAll('[part~="entry"]')[index];
    this.sending = new Set([...this.sending, entry.id]);
    let text: string;
    try {
      await recorder.retry(entry.id);
      text = this.msg('outbox.sent', entry.subjectId);
    } catch (thrown) {
      const error = OutcomeAdapterError.from(thrown, 'network');
      text = this.msg('outbox.notSent', entry.subjectId, this.#reason(error));
    }
    const sending = new Set(this.sending);
    sending.delete(entry.id);
    this.sending = sending;
    await this.#refresh();
    this.#announce(text);
    if (hadFocus) this.#keepFocus(entry.id, index);
  }

  #resume(entry: PendingWrapUp): void {
    this.dispatchEvent(new CustomEvent<OutcomeResumeDetail>('outcome-resume', { detail: { subjectId: entry.subjectId }, bubbles: true, composed: true }));
  }

  #askDiscard(entry: PendingWrapUp): void {
    this.discarding = entry;
    this.discardFailure = '';
    this.#returnFocus = () => this.#entryButton(entry.id, 'discard-button');
  }

  #confirmDiscard = async (): Promise<void> => {
    const entry = this.discarding;
    const recorder = this.#recorder;
    if (!entry || !recorder) return;
    try {
      await recorder.discard(entry.id);
    } catch (thrown) {
      this.discardFailure = `${this.msg('outbox.discardFailed')} ${thrown instanceof Error ? thrown.message : ''}`.trim();
      return;
    }
    const index = this.#indexOf(entry.id);
    await this.#refresh();
    this.#returnFocus = () => this.#focusTarget(index);
    this.#announce(this.msg('outbox.discarded', entry.subjectId));
    this.dialog?.close();
  };

  #onDialogClose = (): void => {
    this.discarding = null;
    this.discardFailure = '';
    const target = this.#returnFocus;
    this.#returnFocus = undefined;
    // A frame later: focusing a non-button in the task the modal dialog closed in can crash
    // Chromium (seen in headless Chromium 156 when the list had just emptied).
    void this.updateComplete.then(() => requestAnimationFrame(() => (target?.() ?? this.#focusTarget(0))?.focus()));
  };

  #indexOf(id: string): number {
    return this.entries.findIndex((entry) => entry.id === id);
  }

  #entryButton(id: string, part: string): HTMLElement | null | undefined {
    const index = this.#indexOf(id);
    if (index < 0) return undefined;
    return this.renderRoot.querySelectorAll('[part~="entry"]')[index]?.querySelector<HTMLElement>(`[part~="${part}"]`);
  }

  /** After an entry left: the first action of the one now in its place (or the last), else the list or the empty message. */
  #focusTarget(index: number): HTMLElement | null {
    const entries = this.renderRoot.querySelectorAll('[part~="entry"]');
    const entry = entries[Math.min(Math.max(index, 0), entries.length - 1)];
    return entry?.querySelector<HTMLElement>('button') ?? this.renderRoot.querySelector<HTMLElement>('[part~="list"], [part~="empty"]');
  }

  /** When the entry that had focus is gone, focus moves to its neighbour rather than to `<body>`. */
  #keepFocus(id: string, index: number): void {
    void this.updateComplete.then(() => {
      const lost = !this.shadowRoot?.activeElement && (document.activeElement === document.body || document.activeElement === this);
      if (lost && this.#indexOf(id) < 0) this.#focusTarget(index)?.focus();
    });
  }

  #announce(text: string): void {
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'outcome-outbox': OutcomeOutbox;
  }
  interface HTMLElementEventMap {
    'outcome-resume': CustomEvent<OutcomeResumeDetail>;
    'outcome-pending-change': CustomEvent<OutcomePendingChangeDetail>;
  }
}
