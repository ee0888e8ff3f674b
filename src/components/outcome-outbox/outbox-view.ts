import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { OutcomeAdapterError, type AdapterErrorCode } from '../../adapters/errors.js';
import type { OutcomeStoreController } from '../../controllers/outcome-store-controller.js';
import type { PendingWrapUp, Recorder } from '../../controllers/recorder.js';
import type { MessageKey, Messages } from '../../localization/catalogue.js';
import type { OutcomeOutbox, OutcomeResumeDetail } from './outcome-outbox.js';

export { enOutbox as messages } from '../../localization/en-outbox.js';
export { styles } from './outbox-view.styles.js';

type Args<K extends MessageKey> = Messages[K] extends (...args: infer A) => string ? A : [];
type Msg = <K extends MessageKey>(key: K, ...args: Args<K>) => string;

/** What `<outcome-outbox>` lends its view: the pending list it keeps, and its protected means. */
export interface OutboxLent {
  host: OutcomeOutbox;
  outcomes: OutcomeStoreController;
  /** The pending list as the element last read it. */
  entries(): readonly PendingWrapUp[];
  recorder(): Recorder | undefined;
  /** Reads the pending list again; settles once the element holds it. */
  refresh(): Promise<void>;
  /** Says `text` politely. */
  announce(text: string): void;
  msg: Msg;
}

/** How often the ages ("5 minutes ago") are brought up to date. */
const AGE_REFRESH_MS = 30_000;

/**
 * What `<outcome-outbox>` shows and does once something is pending, fetched when the first
 * outbox of a page connects: the entries with their subject, outcome, age and last error,
 * Retry now, Resume, and Discard after a confirmation. The element keeps the pending list, its
 * count and announcements; it shows loading and "nothing pending" itself.
 */
export class OutboxView implements ReactiveController {
  readonly #lent: OutboxLent;
  readonly #host: OutcomeOutbox;
  readonly #msg: Msg;
  /** Entries being sent by Retry now. */
  #sending: ReadonlySet<string> = new Set();
  /** The entry the discard dialog asks about. */
  #discarding: PendingWrapUp | null = null;
  #discardFailure = '';
  /** The discard the dialog was last opened for: a render while it closes must not reopen it. */
  #dialogFor: PendingWrapUp | null = null;
  /** Where focus goes once the discard dialog closes. */
  #returnFocus: (() => HTMLElement | null | undefined) | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor(lent: OutboxLent) {
    this.#lent = lent;
    this.#host = lent.host;
    this.#msg = lent.msg;
    lent.host.addController(this);
  }

  get #entries(): readonly PendingWrapUp[] {
    return this.#lent.entries();
  }

  get #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector('dialog');
  }

  #changed(): void {
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#ticker = setInterval(() => {
      if (this.#entries.length) this.#changed();
    }, AGE_REFRESH_MS);
  }

  hostDisconnected(): void {
    clearInterval(this.#ticker);
  }

  hostUpdated(): void {
    if (this.#discarding === this.#dialogFor) return;
    this.#dialogFor = this.#discarding;
    const dialog = this.#dialog;
    if (dialog && this.#discarding && !dialog.open) dialog.showModal();
  }

  /** The pending entries (the element shows the list only when there are some). */
  renderList(): TemplateResult {
    const names = new Map(this.#lent.outcomes.snapshot.outcomeTypes.map((type) => [type.key, type.name]));
    const ages = new Intl.RelativeTimeFormat(this.#host.locale, { numeric: 'auto' });
    return html`<ul part="list" aria-label=${this.#msg('outbox.label')} tabindex="-1">
      ${this.#entries.map((entry, index) => this.#renderEntry(entry, `entry-${index}`, names, ages))}
    </ul>`;
  }

  #renderEntry(entry: PendingWrapUp, id: string, names: Map<string, string>, ages: Intl.RelativeTimeFormat) {
    const msg = this.#msg;
    const { state } = entry;
    const sending = this.#sending.has(entry.id);
    return html`<li part=${state === 'retrying' ? 'entry entry-queued entry-retrying' : `entry entry-${state}`}>
      <p id=${id}><span class="subject">${entry.subjectId}</span> · ${this.#outcomeName(entry, names)}</p>
      <p class="meta">
        ${state === 'retrying' ? msg('outbox.retrying', entry.attempts) : msg(`outbox.${state}`)} ·
        <time datetime=${entry.since}>${this.#age(entry.since, ages)}</time>
      </p>
      ${entry.lastError ? html`<p part="error">${msg('outbox.lastError', this.#reason(entry.lastError, state === 'refused'))}</p>` : nothing}
      <div class="actions">
        ${state === 'deferred'
          ? html`<button type="button" part="resume-button" aria-describedby=${id} @click=${() => this.#resume(entry)}>${msg('outbox.resume')}</button>`
          : html`<button type="button" part="retry-button" aria-describedby=${id} aria-disabled=${sending ? 'true' : 'false'} @click=${() => this.#retry(entry)}>
              ${sending ? msg('outbox.sending') : msg('outbox.retry')}
            </button>`}
        ${state === 'refused' || state === 'deferred'
          ? html`<button type="button" part="discard-button" aria-describedby=${id} @click=${() => this.#askDiscard(entry)}>${msg('outbox.discard')}</button>`
          : nothing}
      </div>
    </li>`;
  }

  /** The discard confirmation: always in the tree, so that it can close once its entry is gone. */
  renderDialog(): TemplateResult {
    const msg = this.#msg;
    const entry = this.#discarding;
    return html`<dialog part="dialog" aria-labelledby="discard-title" aria-describedby="discard-text" @close=${this.#onDialogClose}>
      ${entry
        ? html`<p id="discard-title" class="title">${msg('outbox.discardTitle', entry.subjectId)}</p>
            <p id="discard-text">
              ${entry.record ? msg('outbox.discardRecord', this.#outcomeName(entry), entry.subjectId) : msg('outbox.discardDeferred', entry.subjectId)}
            </p>
            ${this.#discardFailure ? html`<p part="error" role="alert">${this.#discardFailure}</p>` : nothing}
            <div class="actions">
              <button type="button" autofocus @click=${() => this.#dialog?.close()}>${msg('outbox.cancel')}</button>
              <button type="button" part="confirm-discard" class="danger" @click=${this.#confirmDiscard}>${msg('outbox.discardConfirm', entry.subjectId)}</button>
            </div>`
        : nothing}
    </dialog>`;
  }

  /** The outcome's name from the adapter's list, else its key; deferred wrap-ups have none yet. */
  #outcomeName(entry: PendingWrapUp, names?: Map<string, string>): string {
    const key = entry.record?.outcomeKey;
    if (!key) return this.#msg('outbox.noOutcome');
    return (names?.get(key) ?? this.#lent.outcomes.snapshot.outcomeTypes.find((type) => type.key === key)?.name) || key;
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
    const known = this.#msg(key);
    // The catalogue answers with the key itself for a code it does not know (an older entry's).
    if (known === key) return error.message;
    return withMessage && error.message && error.message !== known ? `${known} ${error.message}` : known;
  }

  async #retry(entry: PendingWrapUp): Promise<void> {
    const recorder = this.#lent.recorder();
    if (!recorder || this.#sending.has(entry.id)) return;
    const host = this.#host;
    const index = this.#indexOf(entry.id);
    const hadFocus = host.shadowRoot?.activeElement?.closest('[part~="entry"]') === host.renderRoot.querySelectorAll('[part~="entry"]')[index];
    this.#sending = new Set([...this.#sending, entry.id]);
    this.#changed();
    let text: string;
    try {
      await recorder.retry(entry.id);
      text = this.#msg('outbox.sent', entry.subjectId);
    } catch (thrown) {
      const error = OutcomeAdapterError.from(thrown, 'network');
      text = this.#msg('outbox.notSent', entry.subjectId, this.#reason(error));
    }
    const sending = new Set(this.#sending);
    sending.delete(entry.id);
    this.#sending = sending;
    this.#changed();
    await this.#lent.refresh();
    this.#lent.announce(text);
    if (hadFocus) this.#keepFocus(entry.id, index);
  }

  #resume(entry: PendingWrapUp): void {
    this.#host.dispatchEvent(new CustomEvent<OutcomeResumeDetail>('outcome-resume', { detail: { subjectId: entry.subjectId }, bubbles: true, composed: true }));
  }

  #askDiscard(entry: PendingWrapUp): void {
    this.#discarding = entry;
    this.#discardFailure = '';
    this.#returnFocus = () => this.#entryButton(entry.id, 'discard-button');
    this.#changed();
  }

  #confirmDiscard = async (): Promise<void> => {
    const entry = this.#discarding;
    const recorder = this.#lent.recorder();
    if (!entry || !recorder) return;
    try {
      await recorder.discard(entry.id);
    } catch (thrown) {
      this.#discardFailure = `${this.#msg('outbox.discardFailed')} ${thrown instanceof Error ? thrown.message : ''}`.trim();
      this.#changed();
      return;
    }
    const index = this.#indexOf(entry.id);
    await this.#lent.refresh();
    this.#returnFocus = () => this.#focusTarget(index);
    this.#lent.announce(this.#msg('outbox.discarded', entry.subjectId));
    this.#dialog?.close();
  };

  #onDialogClose = (): void => {
    this.#discarding = null;
    this.#discardFailure = '';
    this.#changed();
    const target = this.#returnFocus;
    this.#returnFocus = undefined;
    // A frame later: focusing a non-button in the task the modal dialog closed in can crash
    // Chromium (seen in headless Chromium 156 when the list had just emptied).
    void this.#host.updateComplete.then(() => requestAnimationFrame(() => (target?.() ?? this.#focusTarget(0))?.focus()));
  };

  #indexOf(id: string): number {
    return this.#entries.findIndex((entry) => entry.id === id);
  }

  #entryButton(id: string, part: string): HTMLElement | null | undefined {
    const index = this.#indexOf(id);
    if (index < 0) return undefined;
    return this.#host.renderRoot.querySelectorAll('[part~="entry"]')[index]?.querySelector<HTMLElement>(`[part~="${part}"]`);
  }

  /** After an entry left: the first action of the one now in its place (or the last), else the list or the empty message. */
  #focusTarget(index: number): HTMLElement | null {
    const root = this.#host.renderRoot;
    const entries = root.querySelectorAll('[part~="entry"]');
    const entry = entries[Math.min(Math.max(index, 0), entries.length - 1)];
    return entry?.querySelector<HTMLElement>('button') ?? root.querySelector<HTMLElement>('[part~="list"], [part~="empty"]');
  }

  /** When the entry that had focus is gone, focus moves to its neighbour rather than to `<body>`. */
  #keepFocus(id: string, index: number): void {
    const host = this.#host;
    void host.updateComplete.then(() => {
      const lost = !host.shadowRoot?.activeElement && (document.activeElement === document.body || document.activeElement === host);
      if (lost && this.#indexOf(id) < 0) this.#focusTarget(index)?.focus();
    });
  }
}
