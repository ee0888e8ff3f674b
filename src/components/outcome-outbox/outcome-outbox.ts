import { adoptStyles, html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { OutcomeStoreController } from '../../controllers/outcome-store-controller.js';
import type { PendingWrapUp, Recorder } from '../../controllers/recorder.js';
import { RecorderController } from '../../controllers/recorder-controller.js';
import type { Messages } from '../../localization/catalogue.js';
import { enOutboxHost } from '../../localization/en-outbox-host.js';
import { tokens } from '../../styles/tokens.js';
import { onDemand } from '../../controllers/on-demand.js';
import { OutcomeElement } from '../base/outcome-element.js';
import type { OutboxView } from './outbox-view.js';
import { styles } from './outcome-outbox.styles.js';

/**
 * The view: the entries, their actions and the discard dialog, fetched when the first outbox of
 * a page connects. Not later, when the first entry appears: records are queued mostly when the
 * connection fails, and the view would then be fetched offline.
 */
const viewCode = onDemand(() => import('./outbox-view.js'));

export interface OutcomeResumeDetail {
  subjectId: string;
}

export interface OutcomePendingChangeDetail {
  count: number;
}

/**
 * The pending wrap-ups of the adapter's `Recorder`: records queued on this device (waiting or
 * being retried), records the backend refused, and wrap-ups deferred for later — each with its
 * subject, outcome, age and last error. Retry now sends one at once; Resume asks the host to
 * open a popup for a deferred one; Discard (refused or deferred only) asks first, naming it.
 * The list follows every change, in this tab or another, and says politely how many are left.
 *
 * The element itself is small: it keeps the pending list, its count and announcements, and
 * shows loading and "nothing pending"; its view (the entries, their actions, the dialog, styles
 * and English strings) is fetched when the first outbox connects, so pages that never show an
 * outbox do not download it. While it arrives the element says it is loading; when it cannot be
 * fetched (offline) and something is pending, it says so with a retry: the wrap-ups stay in the
 * recorder, and queued records are still sent.
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
 * @csspart status - Loading, no data source, or (with Retry) that the list of pending wrap-ups could not be loaded.
 * @csspart dialog - The discard confirmation.
 * @csspart confirm-discard - Confirms the discard.
 * @cssstate has-pending - At least one wrap-up is pending.
 * @cssstate loading - The pending list is being read, or the view is arriving.
 */
export class OutcomeOutbox extends OutcomeElement {
  static override styles = [tokens, styles];
  static override messages: Partial<Messages> = enOutboxHost;

  @state() private entries: readonly PendingWrapUp[] = [];
  @state() private loaded = false;
  @state() private announcement = '';
  /** The view's code could not be fetched (offline): said, with a retry, while something is pending. */
  @state() private viewUnavailable = false;

  readonly #outcomes = new OutcomeStoreController(this, () => this.effectiveAdapter);
  /** Follows the recorder of the current adapter: its changes, and its flush schedule while shown. */
  readonly #recording = new RecorderController(this, () => this.#outcomes.store, () => void this.#refresh());
  /** The recorder whose pending list is shown. */
  #shown: Recorder | undefined;
  /** Only the latest read of the pending list is shown. */
  #reads = 0;
  /** What the element shows and does with its entries, once its code has arrived. */
  #view: OutboxView | undefined;
  /** The view's code being fetched: `updateComplete` waits for it. */
  #viewArriving: Promise<void> | undefined;

  /** How many wrap-ups are pending (read only); `:state(has-pending)` when above zero. */
  get count(): number {
    return this.entries.length;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#loadView();
  }

  get #recorder(): Recorder | undefined {
    return this.#recording.recorder;
  }

  #loadView(): void {
    if (this.#view) return;
    this.viewUnavailable = false;
    this.#viewArriving ??= viewCode
      .load()
      .then(
        ({ OutboxView, messages, styles: viewStyles }) => {
          const element = this.constructor as typeof OutcomeOutbox;
          element.messages = { ...element.messages, ...messages };
          // The view's styles join the element's own in its shadow root.
          adoptStyles(this.renderRoot as ShadowRoot, [...element.elementStyles, viewStyles]);
          this.#view = new OutboxView({
            host: this,
            outcomes: this.#outcomes,
            entries: () => this.entries,
            recorder: () => this.#recorder,
            refresh: () => this.#refresh(),
            announce: (text) => this.#announce(text),
            msg: this.msg.bind(this),
          });
          this.requestUpdate();
        },
        () => {
          this.viewUnavailable = true;
        },
      )
      .finally(() => (this.#viewArriving = undefined));
  }

  #retryView = async (): Promise<void> => {
    this.#loadView();
    await this.updateComplete;
    // The Retry button is gone: focus goes to what replaced it (the list, or Retry again) rather
    // than staying on <body> — unless the user has moved it elsewhere while the view arrived.
    if (document.activeElement !== document.body && document.activeElement !== this) return;
    this.renderRoot.querySelector<HTMLElement>('[part~="list"], [part~="empty"], [part~="status"] button')?.focus();
  };

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.#viewArriving;
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Joins the current adapter's recorder before rendering, so the list shown is its own.
    const recorder = this.#recorder;
    this.setCustomState('loading', !!recorder && (!this.loaded || (!!this.entries.length && !this.#view && !this.viewUnavailable)));
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
    if (entries.length === before) return;
    // Now the view is needed: after a failed fetch, the first entry is a reason to try again.
    if (!before) this.#loadView();
    // The count is said when it changes, not on first showing the list.
    if (wasLoaded && loaded) this.#announce(this.msg('outbox.count', entries.length));
    this.dispatchEvent(new CustomEvent<OutcomePendingChangeDetail>('outcome-pending-change', { detail: { count: entries.length }, bubbles: true, composed: true }));
  }

  protected override render() {
    return html`${this.#renderBody()}
      <span class="visually-hidden" role="status">${this.announcement}</span>
      ${this.#view?.renderDialog() ?? nothing}`;
  }

  #renderBody() {
    const count = this.entries.length;
    if (!this.effectiveAdapter) return html`<p part="status">${this.msg('noAdapter')}</p>`;
    if (count && this.#view) return this.#view.renderList();
    if (count && this.viewUnavailable) {
      return html`<div part="status" role="alert">
        <p>${this.msg('outbox.unavailable', count)}</p>
        <button type="button" @click=${this.#retryView}>${this.msg('retry')}</button>
      </div>`;
    }
    // While the view arrives, as while the list is read: one line, where the list will be.
    if (!this.loaded || count) return html`<p part="status" aria-busy="true">${this.msg('outbox.loading')}</p>`;
    return html`<p part="empty" tabindex="-1">${this.msg('outbox.empty')}</p>`;
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
