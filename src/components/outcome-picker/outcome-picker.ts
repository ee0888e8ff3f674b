import { adoptStyles, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { OutcomeStoreController } from '../../controllers/outcome-store-controller.js';
import { scrollTopToReveal, visibleRange } from '../../controllers/fixed-window.js';
import { recentOutcomes } from '../../controllers/recents.js';
import { RovingTabindex } from '../../controllers/roving-tabindex.js';
import { stableRepeat } from '../../controllers/stable-repeat.js';
import { Typeahead } from '../../controllers/typeahead.js';
import { checkScheduledAt, isValidTimeZone, parseInstant } from '../../model/scheduled-at.js';
import type { QuickTime } from '../../model/quick-times.js';
import type { OutcomeType } from '../../model/types.js';
import type { AppliesTo, Category } from '../../model/vocabulary.js';
import { tokens } from '../../styles/tokens.js';
import { cssomStyle } from '../base/cssom-style.js';
import { OutcomeFormElement } from '../base/outcome-form-element.js';
import { onDemand } from '../../controllers/on-demand.js';
import { VALID, type ValidationResult, type Validator } from '../base/validator.js';
import { fold, queryWords } from '../../model/text-search.js';
import {
  availableOutcomes,
  buildRows,
  indexByKey,
  matchRanges,
  search,
  searchIndex,
  type GroupBy,
  type KindFilter,
  type PickerRow,
} from './choices.js';
import { styles } from './outcome-picker.styles.js';
import type { Scheduler } from './scheduler/scheduler.js';
import { formatWallTime } from './wall-time.js';

const ROW_HEIGHT_FALLBACK = 36;
const VIEWPORT_FALLBACK = 320;
const ICONS = { positive: '+', negative: '−', neutral: '○' } as const;

/** Why the date the agent entered gives no instant (the scheduler's typed text adds its own reasons). */
export type DateProblem = 'badInput' | 'nonexistentLocalTime' | 'missingTime' | 'needsDayPeriod' | null;

/** The follow-up scheduler: fetched once a picker offers an outcome that needs a follow-up. */
const schedulerCode = onDemand(() => import('./scheduler/scheduler.js'));

const valueValidator: Validator<OutcomePicker> = {
  check: (picker) => picker.checkValue(),
};

const timeZoneValidator: Validator<OutcomePicker> = {
  check: (picker) => picker.checkTimeZone(),
};

const scheduledAtValidator: Validator<OutcomePicker> = {
  check: (picker) => picker.checkScheduledAt(),
};

/**
 * Lets an agent choose the outcome of a call or task: the adapter's outcome types as a radio
 * group, in the canonical order, optionally grouped, searchable when long, each choice showing
 * its classification by icon and text as well as colour. Form-associated: submits the outcome
 * key (and, for outcomes that need one, a follow-up instant) under its `name`.
 *
 * @tagname outcome-picker
 * @summary Choose a call or task outcome; fast at 10,000 outcomes.
 * @event {Event} input - The user chose an outcome or edited the date (never on programmatic changes).
 * @event {Event} change - Same as `input`, after it.
 * @csspart search - The search field shown for long lists.
 * @csspart list - The scrolling list of choices.
 * @csspart choice - One choice (role radio).
 * @csspart choice-positive - A choice of a positive outcome (with `choice`).
 * @csspart choice-negative - A choice of a negative outcome (with `choice`).
 * @csspart choice-neutral - A choice of a neutral outcome (with `choice`).
 * @csspart group - A group heading (`group-by`, and "Recent" with `recent`).
 * @csspart name - The name inside a choice.
 * @csspart match - The text of a name that matches the search.
 * @csspart classification - The classification (icon and word) beside the name; absent where the backend has none.
 * @csspart shortcut - The digit that chooses a row, with `shortcuts`.
 * @csspart description - The description of the chosen outcome.
 * @csspart scheduled-at - The follow-up scheduler and its label (or, when its code cannot be fetched, that message and a Retry).
 * @csspart quick-times - The scheduler's row of quick choices (a toolbar).
 * @csspart quick-time - One quick choice, e.g. "In 1 hour" (a toggle button, pressed when it set the time).
 * @csspart date-field - The scheduler's typed date and time, in the locale's pattern.
 * @csspart calendar-button - Opens the native calendar.
 * @csspart zones - The chosen time in the customer's zone and the agent's, or the zone in use.
 * @csspart status - Loading, empty and error messages.
 * @csspart error - A validation or loading error.
 * @csspart note - A note, e.g. that a requested value is not available.
 * @csspart stale-note - Says the choices are the last known list, and from when, while the backend cannot be reached.
 * @cssproperty --outcome-picker-max-height - Height of the list before it scrolls. Default 20rem.
 * @cssproperty --outcome-picker-row-height - Height of one row. Default 2.25rem.
 * @cssstate invalid - The value is not valid.
 * @cssstate user-invalid - Invalid, after the user interacted or tried to submit.
 * @cssstate disabled - Disabled by its own attribute or by a disabled `<fieldset>`.
 * @cssstate required - A value is required.
 * @cssstate loading - Outcomes are loading.
 * @cssstate empty - No outcome is available.
 * @cssstate error - Outcomes could not be loaded.
 * @cssstate stale - The choices are the last known list, kept on this device.
 */
export class OutcomePicker extends OutcomeFormElement {
  static override styles = [tokens, styles];

  /** The default value (the `value` attribute): what `form.reset()` restores. */
  @property({ attribute: 'value' }) defaultValue = '';

  /** The follow-up instant (ISO-8601), when the chosen outcome requires one; "" otherwise. */
  @property({ attribute: 'scheduled-at' }) scheduledAt = '';

  /** Which outcomes to offer by kind. */
  @property() kind: KindFilter = 'any';

  /** Only outcomes of this category. */
  @property() category?: Category;

  /** Only outcomes that apply to calls or to meetings (outcomes that do not say apply to both). */
  @property({ attribute: 'applies-to' }) appliesTo?: AppliesTo;

  /** Offer draft, paused and archived outcomes too. */
  @property({ type: Boolean, attribute: 'include-inactive' }) includeInactive = false;

  /** Group the choices under headings. */
  @property({ attribute: 'group-by' }) groupBy: GroupBy = 'none';

  /** IANA zone the follow-up date is entered in. Default: the browser's. */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  /**
   * IANA zone of the customer (e.g. `America/Chicago`): follow-up times are then entered,
   * offered and checked in the customer's local time, and shown in both zones.
   */
  @property({ attribute: 'customer-time-zone' }) customerTimeZone?: string;

  /**
   * When the customer may be called, in the customer's local time: `08:00-21:00` (several spans
   * separated by commas; a span may cross midnight). A follow-up outside them is invalid.
   */
  @property({ attribute: 'callable-hours' }) callableHours?: string;

  /** The latest follow-up day, in calendar days after today in the customer's zone (0: today). */
  @property({ attribute: 'max-days-ahead' }) maxDaysAhead?: number | string;

  /**
   * The scheduler's quick choices (default: in 1 hour, in 2 hours, tomorrow 09:00, next business
   * day 09:00), declared: `{ after: { hours: 1 } }`, `{ at: '09:00', days: 1 }`,
   * `{ at: '09:00', businessDays: 1 }`, or `{ label, compute: (now, timeZone) => Date }`.
   */
  @property({ attribute: false }) quickTimes?: readonly QuickTime[];

  /**
   * Keep the space of what choosing an outcome shows — the first line of its description and,
   * while any outcome on offer needs one, the follow-up scheduler (unseen) — so that nothing
   * below the picker moves when the agent chooses: for dialogs and fixed layouts (the popup sets
   * it). Without it they take their space when they appear.
   */
  @property({ type: Boolean, attribute: 'reserve-space' }) reserveSpace = false;

  /** Lists longer than this get a search field. */
  @property({ type: Number, attribute: 'search-threshold' }) searchThreshold = 12;

  /** Show the digit that chooses each of the first nine rows (where digits choose, as in the popup). */
  @property({ type: Boolean }) shortcuts = false;

  /** Show this many of the outcomes recorded most recently on this device first, as a "Recent" group. */
  @property({ type: Number }) recent = 0;

  /** Whose recents (e.g. the agent's id); '' for the device's. */
  @property({ attribute: 'recent-key' }) recentKey = '';

  @state() private query = '';
  @state() private listScrollTop = 0;
  @state() private viewportHeight = VIEWPORT_FALLBACK;
  /** What the user typed in the date field when it does not convert to an instant. */
  @state() private dateText = '';
  @state() private dateProblem: DateProblem = null;
  /** The scheduler, once its code has arrived; until then a box of its height (or, offline, a Retry) stands in. */
  #scheduler: Scheduler | undefined;
  #schedulerArriving: Promise<void> | undefined;
  /** Its code could not be fetched: fetched again when the agent next chooses a follow-up outcome. */
  #schedulerFailed = false;
  #schedulerShown = false;
  /** The agent set the date (not a host): what was typed stays. */
  #agentDate = false;
  /** Whether the available outcomes include one that needs a follow-up, for the list it was read from. */
  #followUpOffered: [readonly OutcomeType[], boolean] = [[], false];

  private get listElement(): HTMLElement | null {
    return this.renderRoot.querySelector('[part~="list"]');
  }

  readonly #outcomes = new OutcomeStoreController(this, () => this.effectiveAdapter);
  readonly #typeahead = new Typeahead();
  readonly #roving = new RovingTabindex(this, {
    count: () => this.#shown.length,
    entry: () => this.#positions.get(this.value) ?? (this.#shown.length ? 0 : -1),
    indexOf: (target) =>
      target instanceof HTMLElement && target.getRootNode() === this.renderRoot && target.matches('[role="radio"]')
        ? Number(target.dataset['position'])
        : -1,
    elementAt: (position) => this.#choiceElement(position),
    reveal: (position) => this.#reveal(this.#rowOf[position]),
    moved: (position) => this.#choose(this.#shown[position]!),
    disabled: () => this.effectivelyDisabled,
  });
  #value = '';
  /** The user (or a script) set a value: the `value` attribute no longer applies. */
  #dirty = false;
  #rowHeight = ROW_HEIGHT_FALLBACK;
  #resizeObserver?: ResizeObserver;
  #observed?: HTMLElement;
  /** Another tab changed the recents (a storage event): read them again at the next update. */
  #recentsStale = false;
  #revalidateTimer?: ReturnType<typeof setInterval>;

  // Derived lists, recomputed only when their inputs change (see willUpdate).
  #available: OutcomeType[] = [];
  /** The available outcomes by key: `value`, `selectedOutcome` and the checked row in O(1). */
  #byKey = new Map<string, OutcomeType>();
  /** Folded names for search: built at idle after the list arrives, or by the first keystroke. */
  #index: string[] | undefined;
  #recent: OutcomeType[] = [];
  #shown: OutcomeType[] = [];
  #rows: PickerRow[] = [];
  #positions = new Map<string, number>();
  #rowOf: number[] = [];
  #words: string[] = [];
  #classified = true;
  /** Scroll the checked row into view at the next update (the value changed, or the list came). */
  #revealChecked = false;
  /** `listScrollTop` was set for a reveal: the list scrolls there once rendered. */
  #scrollPending = false;
  /** Folded names of the shown choices, for type-ahead; built on the first typed letter. */
  #labels: string[] | undefined;

  /** The outcome key; "" for none. A key set before the outcomes arrive is kept until they do. */
  get value(): string {
    return this.#isUnknown() ? '' : this.#value;
  }

  set value(value: string) {
    const old = this.#value;
    this.#value = value == null ? '' : String(value);
    this.#dirty = true;
    this.#revealChecked = true;
    this.requestUpdate('value', old);
  }

  /** The outcomes offered right now, in the order shown (after filters and any search). */
  get shownOutcomes(): readonly OutcomeType[] {
    return this.#shown;
  }

  /** The chosen outcome type, or null. */
  get selectedOutcome(): OutcomeType | null {
    return this.#byKey.get(this.#value) ?? null;
  }

  /** The zone in effect: the `time-zone` attribute when valid, else the browser's. */
  get effectiveTimeZone(): string {
    return this.timeZone && isValidTimeZone(this.timeZone)
      ? this.timeZone
      : Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  /** The zone follow-up times are entered and checked in: the customer's when known, else `effectiveTimeZone`. */
  get followUpTimeZone(): string {
    const zone = this.customerTimeZone;
    return typeof zone === 'string' && zone && isValidTimeZone(zone) ? zone : this.effectiveTimeZone;
  }

  /**
   * Moves focus into the follow-up scheduler — its first quick choice, else its date field —
   * once it is shown (its code may still be arriving). False when the chosen outcome needs no
   * follow-up. The popup calls it after a digit chose such an outcome.
   */
  async focusScheduler(): Promise<boolean> {
    await this.updateComplete;
    if (!this.selectedOutcome?.requiresFutureScheduledAt) return false;
    if (this.#scheduler) return this.#scheduler.focusFirst();
    // Its code could not be fetched: the retry.
    const retry = this.renderRoot.querySelector<HTMLElement>('[part~="scheduled-at"] button');
    retry?.focus();
    return !!retry;
  }

  /** While a follow-up outcome is chosen, `updateComplete` also waits for the scheduler's code to arrive. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.#schedulerArriving && this.selectedOutcome?.requiresFutureScheduledAt) {
      await this.#schedulerArriving;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** Focuses the checked choice (else the one that takes Tab), scrolling it into view; the search field when none is shown. */
  override focus(options?: FocusOptions): void {
    const position = this.#positions.get(this.value) ?? this.#roving.tabbable;
    const input = this.renderRoot.querySelector<HTMLElement>('input');
    if (this.#choiceElement(position)) this.#roving.focus(position, options);
    else if (input) input.focus(options);
    else super.focus(options);
  }

  override checkValidity(): boolean {
    this.syncFormState();
    return super.checkValidity();
  }

  override reportValidity(): boolean {
    this.syncFormState();
    return super.reportValidity();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.internals.role = 'radiogroup';
    // Another tab recorded an outcome: its recents may have changed.
    addEventListener('storage', this.#onStorage);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('storage', this.#onStorage);
    this.#resizeObserver?.disconnect();
    this.#observed = undefined;
    this.#stopRevalidating();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('defaultValue') && !this.#dirty) this.#value = this.defaultValue;
    // A scheduled-at set by a host or a draft replaces what the agent had typed.
    if (changed.has('scheduledAt') && !this.#agentDate) {
      this.dateProblem = null;
      this.dateText = '';
    }
    this.#agentDate = false;
    const snapshot = this.#outcomes.snapshot;
    const available = availableOutcomes(snapshot.outcomeTypes, {
      kind: this.kind,
      category: this.category,
      appliesTo: this.appliesTo,
      includeInactive: this.includeInactive,
    });
    const listChanged = !sameList(available, this.#available);
    if (listChanged) {
      this.#available = available;
      this.#byKey = indexByKey(available);
      this.#index = undefined;
      this.#revealChecked = true;
      this.#indexSoon();
    }
    // Recents are read again when what they depend on changed, not on every render (scrolling).
    let recentChanged = false;
    if (listChanged || this.#recentsStale || changed.has('recent') || changed.has('recentKey')) {
      this.#recentsStale = false;
      const recent = this.#readRecents();
      recentChanged = !sameList(recent, this.#recent);
      this.#recent = recent;
    }
    this.#classified = Boolean(this.effectiveAdapter?.capabilities.fields.classification);
    if (listChanged || recentChanged || (changed as Map<PropertyKey, unknown>).has('query') || changed.has('groupBy')) {
      const focusedKey = this.#shown[this.#roving.focused]?.key;
      this.#words = queryWords(this.query);
      const searching = this.#words.length > 0;
      const shown = searching ? search(available, this.#searchIndex(), this.#words) : available;
      ({ rows: this.#rows, shown: this.#shown, positions: this.#positions, rowOf: this.#rowOf } = buildRows(
        shown,
        this.groupBy,
        searching ? [] : this.#recent,
      ));
      this.#labels = undefined;
      // The focused row keeps focus across a new list (its row is keyed by outcome), at its new place.
      if (focusedKey !== undefined) this.#roving.focused = this.#positions.get(focusedKey) ?? -1;
    }
    // A value set by a script (or a restored draft) shows its row, as a native list box does —
    // not while the agent moves through the list. Arithmetic, before rendering: one render, at
    // the right place, however far down the row is.
    if (this.#revealChecked && snapshot.status === 'ready') {
      this.#revealChecked = false;
      const row = this.#rowOf[this.#positions.get(this.value) ?? -1];
      if (row !== undefined && this.#roving.focused < 0) {
        const top = scrollTopToReveal(row, this.#rowHeight, this.listScrollTop, this.viewportHeight);
        this.#scrollPending ||= top !== this.listScrollTop;
        this.listScrollTop = top;
      }
    }
    const { status } = snapshot;
    this.internals.ariaBusy = status === 'loading' ? 'true' : 'false';
    this.setCustomState('loading', status === 'loading');
    this.setCustomState('error', status === 'error');
    this.setCustomState('stale', snapshot.stale);
    this.setCustomState('empty', status === 'ready' && available.length === 0);
    this.internals.ariaRequired = this.required ? 'true' : 'false';
    this.internals.ariaDisabled = this.effectivelyDisabled ? 'true' : 'false';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const list = this.listElement;
    if (list && list !== this.#observed) {
      // A new list element (after "no matches", say) is the one to measure.
      this.#observed = list;
      this.#resizeObserver ??= new ResizeObserver(([entry]) => {
        const height = (entry?.target as HTMLElement | undefined)?.clientHeight;
        if (height && height !== this.viewportHeight) this.viewportHeight = height;
      });
      this.#resizeObserver.disconnect();
      this.#resizeObserver.observe(list);
    }
    const row = this.renderRoot.querySelector<HTMLElement>('[part~="choice"]');
    if (row?.offsetHeight && row.offsetHeight !== this.#rowHeight) {
      this.#rowHeight = row.offsetHeight;
      this.requestUpdate();
    }
    if (this.#scrollPending && list) {
      this.#scrollPending = false;
      list.scrollTop = this.listScrollTop;
    }
    if (this.selectedOutcome?.requiresFutureScheduledAt) this.#startRevalidating();
    else this.#stopRevalidating();
  }

  protected formValue(): FormData | null {
    if (!this.name || !this.value) return null;
    const data = new FormData();
    data.append(this.name, this.value);
    // A value that is not an instant (from a host or a draft) is never submitted: it is badInput.
    const instant = this.selectedOutcome?.requiresFutureScheduledAt && this.scheduledAt ? parseInstant(this.scheduledAt) : null;
    if (instant !== null) data.append(`${this.name}-scheduled-at`, new Date(instant).toISOString());
    return data;
  }

  protected validators(): readonly Validator<this>[] {
    return [valueValidator, timeZoneValidator, scheduledAtValidator];
  }

  protected validationAnchor(): HTMLElement | undefined {
    return (
      (this.dateProblem || this.checkScheduledAt().isValid === false
        ? this.renderRoot.querySelector<HTMLElement>('#scheduled-at')
        : null) ??
      this.#choiceElement(this.#roving.tabbable) ??
      undefined
    );
  }

  protected resetToDefault(): void {
    this.#value = this.defaultValue;
    this.#dirty = false;
    this.scheduledAt = this.getAttribute('scheduled-at') ?? '';
    this.dateProblem = null;
    this.dateText = '';
    this.query = '';
    this.#revealChecked = true;
  }

  protected restoreFormState(state: FormData | string): void {
    if (typeof state === 'string') {
      this.#value = state;
    } else {
      this.#value = String(state.get(this.name) ?? '');
      this.scheduledAt = String(state.get(`${this.name}-scheduled-at`) ?? '');
    }
    this.#dirty = true;
  }

  /** @internal The value rule: required, and a requested key must be available. */
  checkValue(): ValidationResult {
    // A key that names no available outcome (a stale default, a draft of a removed outcome) is a
    // bad value, not an empty one: the form says which key, and nothing is submitted.
    if (this.#isUnknown()) return { isValid: false, message: this.msg('value.unknown', this.#value), invalidKeys: ['badInput'] };
    if (this.required && !this.value) {
      return { isValid: false, message: this.msg('value.required'), invalidKeys: ['valueMissing'] };
    }
    return VALID;
  }

  /** @internal A `time-zone` this browser does not know cannot place a follow-up: badInput while one applies. */
  checkTimeZone(): ValidationResult {
    return this.timeZone && this.selectedOutcome?.requiresFutureScheduledAt && !isValidTimeZone(this.timeZone)
      ? { isValid: false, message: this.msg('scheduled.badSetting', 'time-zone', this.timeZone), invalidKeys: ['badInput'] }
      : VALID;
  }

  /** @internal The follow-up rule: required and strictly future exactly when the outcome says so. */
  checkScheduledAt(): ValidationResult {
    const outcome = this.selectedOutcome;
    if (!outcome?.requiresFutureScheduledAt) return VALID;
    const zone = this.followUpTimeZone;
    const problem = this.dateProblem;
    const now = Date.now();
    const issue = problem ? 'badInput' : checkScheduledAt(outcome, this.scheduledAt, now);
    let message = '';
    if (issue === 'badInput') message = (problem && this.#scheduler?.problemMessage(problem)) || this.msg('scheduled.badInput');
    else if (issue === 'valueMissing') message = this.msg('scheduled.valueMissing');
    else if (issue === 'rangeUnderflow') {
      const earliest = formatWallTime(now, zone, this.locale, now);
      message = this.msg('scheduled.rangeUnderflow', earliest.today ? this.msg('time.today', earliest.text) : earliest.text);
    }
    const result: ValidationResult = message ? { isValid: false, message, invalidKeys: [issue as 'badInput'] } : VALID;
    // The customer's rules (customer zone, callable hours, last day) are the scheduler's to check.
    return this.#scheduler?.check(result) ?? result;
  }

  protected override render() {
    const { status, error } = this.#outcomes.snapshot;
    if (!this.effectiveAdapter) return html`<p part="status">${this.msg('noAdapter')}</p>`;
    if (status === 'error') {
      return html`<div part="status" role="alert">
        <p part="error">${this.msg('loadFailed')} ${error ? this.msg(`error.${error.code}`) : ''}</p>
        <button type="button" @click=${this.#retry}>${this.msg('retry')}</button>
      </div>`;
    }
    // Loading keeps the list's box, rows of their final height, so nothing below it moves.
    if (status !== 'ready') return html`<p part="status" role="status" class="loading">${this.msg('loading')}</p>`;
    if (this.#available.length === 0) return html`${this.#renderStaleNote()}<p part="status" role="status">${this.msg('empty')}</p>`;
    const searching = this.#available.length > this.searchThreshold;
    return html`
      ${this.#renderStaleNote()} ${searching ? this.#renderSearch() : nothing}
      ${this.#shown.length === 0
        ? html`<p part="status" role="status">${this.msg('picker.noMatches', this.query)}</p>`
        : this.#renderList()}
      ${this.#renderNote()} ${this.#renderDescription()} ${this.#renderScheduledAt()}
      ${this.#renderTimeZoneProblem()}
      ${this.showErrors && !this.#isUnknown() && !this.checkValue().isValid
        ? html`<p part="error" id="value-error">${this.checkValue().message}</p>`
        : nothing}
    `;
  }

  #renderTimeZoneProblem() {
    const { isValid, message } = this.checkTimeZone();
    return isValid ? nothing : html`<p part="error" role="alert">${message}</p>`;
  }

  #renderSearch() {
    return html`<input
        part="search"
        type="search"
        autocomplete="off"
        aria-label=${this.msg('picker.search')}
        placeholder=${this.msg('picker.search')}
        .value=${this.query}
        ?disabled=${this.effectivelyDisabled}
        @input=${this.#onSearchInput}
        @keydown=${this.#onSearchKeydown}
      /><span class="visually-hidden" role="status">${this.query ? this.msg('picker.matches', this.#shown.length) : ''}</span>`;
  }

  #renderList() {
    const height = this.#rowHeight;
    const { start, end } = visibleRange(this.#rows.length, height, this.listScrollTop, this.viewportHeight);
    const tabbable = this.#roving.tabbable;
    // The row that takes Tab and the focused row stay rendered when scrolled away (Tab and
    // Shift+Tab enter there; focus must not drop to <body>), in list order, keyed, never moved.
    const pinned = [...new Set([this.#rowOf[tabbable], this.#rowOf[this.#roving.focused]])]
      .filter((index): index is number => index !== undefined && (index < start || index >= end))
      .sort((a, b) => a - b);
    const indexes = pinned.filter((index) => index < start);
    for (let index = start; index < end; index++) indexes.push(index);
    indexes.push(...pinned.filter((index) => index >= end));
    return html`<div part="list" @scroll=${this.#onScroll} @keydown=${this.#onListKeydown} @click=${this.#onListClick}>
      <div
        class="spacer"
        ${cssomStyle({ height: `${this.#rows.length * height}px` })}
        ${stableRepeat(indexes.map((index) => [this.#rows[index]!.key, this.#renderRow(this.#rows[index]!, index * height, tabbable)]))}
      ></div>
    </div>`;
  }

  #renderRow(row: PickerRow, top: number, tabbable: number) {
    if (row.type === 'group') {
      const { value } = row;
      return html`<div part="group" role="presentation" ${cssomStyle({ top: `${top}px` })}>${this.msg(
        value === 'recent' || value === 'others'
          ? (`picker.${value}` as const)
          : this.groupBy === 'classification'
            ? (`classification.${value}` as 'classification.positive')
            : (`category.${value}` as 'category.response'),
      )}</div>`;
    }
    const { outcome, position } = row;
    const { classification } = outcome;
    const digit = this.shortcuts && position < 9 ? `${position + 1}` : '';
    return html`<div
      part=${this.#classified ? `choice choice-${classification}` : 'choice'}
      role="radio"
      id="choice-${position}"
      data-position=${position}
      aria-checked=${outcome.key === this.value ? 'true' : 'false'}
      aria-posinset=${position + 1}
      aria-setsize=${this.#shown.length}
      aria-disabled=${this.effectivelyDisabled ? 'true' : nothing}
      aria-description=${outcome.description || nothing}
      aria-keyshortcuts=${digit || nothing}
      tabindex=${position === tabbable && !this.effectivelyDisabled ? 0 : -1}
      title=${outcome.name}
      ${cssomStyle({ top: `${top}px` })}
    >
      <span class="mark" aria-hidden="true"></span>
      <span part="name">${this.#highlight(outcome.name)}</span>
      ${this.#classified
        ? html`<span part="classification"><span aria-hidden="true">${ICONS[classification]}</span> ${this.msg(`classification.${classification}`)}</span>`
        : nothing}
      ${digit ? html`<span part="shortcut" aria-hidden="true">${digit}</span>` : nothing}
    </div>`;
  }

  /** The name with the searched words marked (part `match`). */
  #highlight(name: string) {
    if (!this.#words.length) return name;
    const parts: unknown[] = [];
    let at = 0;
    for (const [start, end] of matchRanges(name, this.#words)) {
      parts.push(name.slice(at, start), html`<mark part="match">${name.slice(start, end)}</mark>`);
      at = end;
    }
    parts.push(name.slice(at));
    return parts;
  }

  #renderStaleNote() {
    const { stale, fetchedAt } = this.#outcomes.snapshot;
    if (!stale || !fetchedAt) return nothing;
    const { text } = formatWallTime(Date.parse(fetchedAt), this.effectiveTimeZone, this.locale);
    return html`<p part="stale-note" role="status">${this.msg('picker.stale', text)}</p>`;
  }

  #renderNote() {
    return this.#isUnknown()
      ? html`<p part="note" role="status">${this.msg('value.unknown', this.#value)}</p>`
      : nothing;
  }

  #renderDescription() {
    const description = this.selectedOutcome?.description;
    // With reserve-space its first line is kept while no outcome (or one without a description) is chosen.
    return description || this.reserveSpace ? html`<p part="description">${description ?? ''}</p>` : nothing;
  }

  /**
   * The follow-up scheduler. Its code is fetched as soon as an outcome on offer needs a
   * follow-up, so it is in hand when the agent chooses one; until it arrives a box of its height
   * stands in. With `reserve-space` its space is kept (unseen, inert) while none is chosen.
   */
  #renderScheduledAt() {
    const available = this.#available;
    if (this.#followUpOffered[0] !== available) {
      this.#followUpOffered = [available, available.some((outcome) => outcome.requiresFutureScheduledAt)];
    }
    if (!this.#followUpOffered[1]) return nothing;
    const shown = !!this.selectedOutcome?.requiresFutureScheduledAt;
    // Chosen again after the code could not be fetched: fetch again (not on every render).
    if (shown && !this.#schedulerShown) this.#schedulerFailed = false;
    this.#schedulerShown = shown;
    if (!shown && !this.reserveSpace) {
      if (!this.#scheduler && !this.#schedulerFailed) this.#loadScheduler();
      return nothing;
    }
    if (this.#scheduler) return this.#scheduler.render(shown);
    if (this.#schedulerFailed) return this.#renderSchedulerUnavailable(shown);
    this.#loadScheduler();
    return html`<div part="scheduled-at" class="arriving" aria-busy="true"></div>`;
  }

  #loadScheduler(): void {
    this.#schedulerArriving ??= schedulerCode
      .load()
      .then(
        ({ Scheduler, messages, styles: schedulerStyles }) => {
          const element = this.constructor as typeof OutcomePicker;
          element.messages = { ...element.messages, ...messages };
          // The scheduler's styles join the picker's own in its shadow root.
          adoptStyles(this.renderRoot as ShadowRoot, [...element.elementStyles, schedulerStyles]);
          this.#scheduler = new Scheduler(this, {
            msg: this.msg.bind(this),
            showErrors: () => this.showErrors,
            typed: () => ({ text: this.dateText, problem: this.dateProblem }),
            setDate: (scheduledAt, text, problem) => this.#setDate(scheduledAt, text, problem),
          });
        },
        () => {
          this.#schedulerFailed = true;
        },
      )
      .finally(() => {
        this.#schedulerArriving = undefined;
        this.requestUpdate();
      });
  }

  /** The scheduler's code could not be fetched (offline, a redeploy): said, with a retry. A date already set still counts. */
  #renderSchedulerUnavailable(shown: boolean) {
    return html`<div part="scheduled-at" class=${shown ? '' : 'reserved'} ?inert=${!shown}>
      <p part="error" role="alert">${shown ? this.msg('scheduled.unavailable') : ''}</p>
      <button type="button" @click=${this.#retryScheduler}>${this.msg('retry')}</button>
    </div>`;
  }

  /** Loads again; the Retry that had focus gives it to the list that replaces it, never to <body>. */
  #retry = async (): Promise<void> => {
    const hadFocus = this.matches(':focus-within');
    await this.#outcomes.reload();
    await this.updateComplete;
    if (hadFocus && !this.matches(':focus-within')) this.focus();
  };

  #retryScheduler = (): void => {
    this.#schedulerFailed = false;
    this.requestUpdate();
  };

  #isUnknown(): boolean {
    return this.#value !== '' && this.#outcomes.snapshot.status === 'ready' && !this.#byKey.has(this.#value);
  }

  #choiceElement(position: number): HTMLElement | null {
    return position < 0 ? null : this.renderRoot.querySelector<HTMLElement>(`#choice-${position}`);
  }

  /** Scrolls the list so that a row is in view (and so rendered). */
  #reveal(row: number | undefined): void {
    const list = this.listElement;
    if (!list || row === undefined) return;
    const next = scrollTopToReveal(row, this.#rowHeight, list.scrollTop, list.clientHeight);
    if (next === list.scrollTop) return;
    list.scrollTop = next;
    this.listScrollTop = list.scrollTop;
  }

  /** The search index, now: the idle build had not run yet when the first key came. */
  #searchIndex(): string[] {
    return (this.#index ??= searchIndex(this.#available));
  }

  /** Builds the search index when the browser is idle, so the first keystroke only compares. */
  #indexSoon(): void {
    const list = this.#available;
    if (list.length <= this.searchThreshold) return;
    const build = () => list === this.#available && this.#searchIndex();
    if (typeof requestIdleCallback === 'function') requestIdleCallback(build, { timeout: 1000 });
    else setTimeout(build, 50);
  }

  /** The first `recent` recently recorded outcomes that are available, most recent first. */
  #readRecents(): OutcomeType[] {
    const id = this.effectiveAdapter?.id;
    if (!id || !(this.recent > 0)) return [];
    const recent: OutcomeType[] = [];
    // Read more than shown: a recent outcome no longer offered leaves its place to the next.
    for (const key of recentOutcomes(id, this.recentKey, Math.max(this.recent, 20))) {
      const outcome = this.#byKey.get(key);
      if (outcome && recent.length < this.recent) recent.push(outcome);
    }
    return recent;
  }

  #choose(outcome: OutcomeType): void {
    if (this.effectivelyDisabled || outcome.key === this.#value) return;
    this.value = outcome.key;
    if (!outcome.requiresFutureScheduledAt) {
      this.scheduledAt = '';
      this.dateProblem = null;
    }
    this.userChanged();
    void this.#emitUserChange();
  }

  async #emitUserChange(): Promise<void> {
    await this.updateComplete;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  #onScroll = (event: Event): void => {
    this.listScrollTop = (event.currentTarget as HTMLElement).scrollTop;
  };

  #onListClick = (event: MouseEvent): void => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[role="radio"]');
    if (!row) return;
    const position = Number(row.dataset['position']);
    this.#roving.focus(position);
    this.#choose(this.#shown[position]!);
  };

  /** Space, Enter and type-ahead on a row; arrows, Home and End are the roving tabindex's. */
  #onListKeydown = (event: KeyboardEvent): void => {
    const row = event.target as HTMLElement;
    if (this.effectivelyDisabled || row.getAttribute('role') !== 'radio' || event.ctrlKey || event.metaKey || event.altKey) return;
    const position = Number(row.dataset['position']);
    if (event.key === ' ') {
      // The row that has focus, wherever focus came from (a click, a script, a screen reader).
      event.preventDefault();
      this.#choose(this.#shown[position]!);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      this.form?.requestSubmit();
    } else if (Typeahead.accepts(event) && !(this.shortcuts && /^[1-9]$/.test(event.key))) {
      // With `shortcuts`, digits belong to whoever shows them (the popup chooses by digit).
      this.#labels ??= this.#shown.map((outcome) => fold(outcome.name));
      const next = this.#typeahead.next(event.key, this.#labels, position, fold);
      if (next >= 0) {
        this.#choose(this.#shown[next]!);
        this.#roving.focus(next);
      }
    }
  };

  #onSearchInput = (event: Event): void => {
    // Searching is not choosing: the host's `input` event is for value changes only.
    event.stopPropagation();
    this.query = (event.target as HTMLInputElement).value;
    this.listScrollTop = 0;
    if (this.listElement) this.listElement.scrollTop = 0;
  };

  #onSearchKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      this.#roving.focus(this.#roving.tabbable);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // Enter in the search field chooses the only match, or submits like a text field would.
      if (this.#shown.length === 1) {
        this.#roving.focus(0);
        this.#choose(this.#shown[0]!);
      } else this.form?.requestSubmit();
    }
  };

  #onStorage = (): void => {
    // Cheap to read again; the rows are rebuilt only when the recents shown change.
    if (this.recent > 0) {
      this.#recentsStale = true;
      this.requestUpdate();
    }
  };

  /** The agent entered a date: the instant ("" for none), the text, and why that text gives none. */
  #setDate(scheduledAt: string, text: string, problem: DateProblem): void {
    this.#agentDate = true;
    this.scheduledAt = scheduledAt;
    this.dateText = text;
    this.dateProblem = problem;
    this.userChanged();
  }

  #startRevalidating(): void {
    // "In the future" goes stale as the clock moves: re-check while a date is shown.
    this.#revalidateTimer ??= setInterval(() => this.syncFormState(), 15_000);
  }

  #stopRevalidating(): void {
    if (this.#revalidateTimer) clearInterval(this.#revalidateTimer);
    this.#revalidateTimer = undefined;
  }
}

function sameList(a: readonly OutcomeType[], b: readonly OutcomeType[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

declare global {
  interface HTMLElementTagNameMap {
    'outcome-picker': OutcomePicker;
  }
}
