import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { OutcomeStoreController } from '../../controllers/outcome-store-controller.js';
import { scrollTopToReveal, visibleRange } from '../../controllers/fixed-window.js';
import { Typeahead } from '../../controllers/typeahead.js';
import {
  checkScheduledAt,
  instantToLocalDateTime,
  isValidTimeZone,
  localDateTimeToInstant,
  parseInstant,
} from '../../model/scheduled-at.js';
import { foldForSearch } from '../../model/text-search.js';
import type { OutcomeType } from '../../model/types.js';
import type { AppliesTo, Category } from '../../model/vocabulary.js';
import { tokens } from '../../styles/tokens.js';
import { cssomStyle } from '../base/cssom-style.js';
import { OutcomeFormElement } from '../base/outcome-form-element.js';
import { VALID, type ValidationResult, type Validator } from '../base/validator.js';
import {
  availableOutcomes,
  buildRows,
  filterBySearch,
  searchable,
  type GroupBy,
  type KindFilter,
  type PickerRow,
  type SearchableOutcome,
} from './choices.js';
import { styles } from './outcome-picker.styles.js';
import { formatWallTime, timeZoneLabel } from './scheduled-at-text.js';

const ROW_HEIGHT_FALLBACK = 36;
const VIEWPORT_FALLBACK = 320;
const ICONS = { positive: '+', negative: '−', neutral: '○' } as const;

type DateProblem = 'badInput' | 'nonexistentLocalTime' | null;

const valueValidator: Validator<OutcomePicker> = {
  check: (picker) => picker.checkValue(),
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
 * @csspart group - A group heading when `group-by` is set.
 * @csspart name - The name inside a choice.
 * @csspart classification - The classification badge inside a choice.
 * @csspart description - The description of the chosen outcome.
 * @csspart scheduled-at - The follow-up date-time field and its label.
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

  /** Lists longer than this get a search field. */
  @property({ type: Number, attribute: 'search-threshold' }) searchThreshold = 12;

  @state() private query = '';
  @state() private focusPosition = -1;
  @state() private listScrollTop = 0;
  @state() private viewportHeight = VIEWPORT_FALLBACK;
  /** What the user typed in the date field when it does not convert to an instant. */
  @state() private dateText = '';
  @state() private dateProblem: DateProblem = null;

  @query('[part~="list"]') private listElement?: HTMLElement;

  readonly #outcomes = new OutcomeStoreController(this, () => this.effectiveAdapter);
  readonly #typeahead = new Typeahead();
  #value = '';
  /** The user (or a script) set a value: the `value` attribute no longer applies. */
  #dirty = false;
  #rowHeight = ROW_HEIGHT_FALLBACK;
  #resizeObserver?: ResizeObserver;
  #revalidateTimer?: ReturnType<typeof setInterval>;

  // Derived lists, recomputed only when their inputs change (see willUpdate).
  #available: OutcomeType[] = [];
  #searchable: SearchableOutcome[] | undefined;
  #shown: OutcomeType[] = [];
  #rows: PickerRow[] = [];
  #choiceRows: number[] = [];
  /** Folded names of the shown choices, for type-ahead; built on the first typed letter. */
  #labels: string[] | undefined;

  /** The outcome key; "" for none. A key set before the outcomes arrive is kept until they do. */
  get value(): string {
    return this.#isUnknown() ? '' : this.#value;
  }

  set value(value: string) {
    const old = this.#value;
    this.#value = value ?? '';
    this.#dirty = true;
    this.requestUpdate('value', old);
  }

  /** The outcomes offered right now, in the order shown (after filters and any search). */
  get shownOutcomes(): readonly OutcomeType[] {
    return this.#shown;
  }

  /** The chosen outcome type, or null. */
  get selectedOutcome(): OutcomeType | null {
    return this.#available.find((outcome) => outcome.key === this.#value) ?? null;
  }

  /** The zone in effect: the `time-zone` attribute when valid, else the browser's. */
  get effectiveTimeZone(): string {
    return this.timeZone && isValidTimeZone(this.timeZone)
      ? this.timeZone
      : Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  override focus(options?: FocusOptions): void {
    const target = this.#choiceElement(this.#tabbablePosition()) ?? this.renderRoot.querySelector<HTMLElement>('input');
    if (target) target.focus(options);
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
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#stopRevalidating();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('defaultValue') && !this.#dirty) this.#value = this.defaultValue;
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
      this.#searchable = undefined;
      this.#labels = undefined;
    }
    if (listChanged || (changed as Map<PropertyKey, unknown>).has('query') || changed.has('groupBy')) {
      // Folding 10,000 names costs more than rendering: done on the first search, not before.
      this.#shown = this.query
        ? filterBySearch((this.#searchable ??= searchable(available)), this.query).map((item) => item.outcome)
        : this.#available;
      this.#rows = buildRows(this.#shown, this.groupBy);
      this.#choiceRows = [];
      this.#rows.forEach((row, index) => row.type === 'choice' && this.#choiceRows.push(index));
      this.#labels = undefined;
      if (this.focusPosition >= this.#choiceRows.length) this.focusPosition = -1;
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
    if (list && !this.#resizeObserver) {
      this.#resizeObserver = new ResizeObserver(() => {
        if (list.clientHeight && list.clientHeight !== this.viewportHeight) this.viewportHeight = list.clientHeight;
      });
      this.#resizeObserver.observe(list);
    }
    const row = this.renderRoot.querySelector<HTMLElement>('[part~="choice"]');
    if (row?.offsetHeight && row.offsetHeight !== this.#rowHeight) {
      this.#rowHeight = row.offsetHeight;
      this.requestUpdate();
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
    return [valueValidator, scheduledAtValidator];
  }

  protected validationAnchor(): HTMLElement | undefined {
    return (
      (this.dateProblem || this.checkScheduledAt().isValid === false
        ? this.renderRoot.querySelector<HTMLElement>('input[type="datetime-local"]')
        : null) ??
      this.#choiceElement(this.#tabbablePosition()) ??
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
    if (this.#isUnknown() && this.required) {
      return { isValid: false, message: this.msg('value.unknown', this.#value), invalidKeys: ['valueMissing'] };
    }
    if (this.required && !this.value) {
      return { isValid: false, message: this.msg('value.required'), invalidKeys: ['valueMissing'] };
    }
    return VALID;
  }

  /** @internal The follow-up rule: required and strictly future exactly when the outcome says so. */
  checkScheduledAt(): ValidationResult {
    const outcome = this.selectedOutcome;
    if (!outcome?.requiresFutureScheduledAt) return VALID;
    if (this.dateProblem === 'nonexistentLocalTime') {
      return { isValid: false, message: this.msg('scheduled.nonexistentLocalTime', this.effectiveTimeZone), invalidKeys: ['badInput'] };
    }
    if (this.dateProblem === 'badInput') {
      return { isValid: false, message: this.msg('scheduled.badInput'), invalidKeys: ['badInput'] };
    }
    const now = Date.now();
    const issue = checkScheduledAt(outcome, this.scheduledAt, now);
    if (issue === 'valueMissing') return { isValid: false, message: this.msg('scheduled.valueMissing'), invalidKeys: ['valueMissing'] };
    if (issue === 'rangeUnderflow') {
      const earliest = formatWallTime(now, this.effectiveTimeZone, this.locale, now);
      const text = earliest.today ? this.msg('time.today', earliest.text) : earliest.text;
      return { isValid: false, message: this.msg('scheduled.rangeUnderflow', text), invalidKeys: ['rangeUnderflow'] };
    }
    if (issue === 'badInput') return { isValid: false, message: this.msg('scheduled.badInput'), invalidKeys: ['badInput'] };
    return VALID;
  }

  protected override render() {
    const { status, error } = this.#outcomes.snapshot;
    if (!this.effectiveAdapter) return html`<p part="status">${this.msg('noAdapter')}</p>`;
    if (status === 'error') {
      return html`<div part="status" role="alert">
        <p part="error">${this.msg('loadFailed')} ${error ? this.msg(`error.${error.code}`) : ''}</p>
        <button type="button" @click=${() => this.#outcomes.reload()}>${this.msg('retry')}</button>
      </div>`;
    }
    if (status !== 'ready') return html`<p part="status" role="status">${this.msg('loading')}</p>`;
    if (this.#available.length === 0) return html`${this.#renderStaleNote()}<p part="status" role="status">${this.msg('empty')}</p>`;
    const searching = this.#available.length > this.searchThreshold;
    return html`
      ${this.#renderStaleNote()} ${searching ? this.#renderSearch() : nothing}
      ${this.#shown.length === 0
        ? html`<p part="status" role="status">${this.msg('picker.noMatches', this.query)}</p>`
        : this.#renderList()}
      ${this.#renderNote()} ${this.#renderDescription()} ${this.#renderScheduledAt()}
      ${this.showErrors && !this.checkValue().isValid
        ? html`<p part="error" id="value-error">${this.checkValue().message}</p>`
        : nothing}
    `;
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
    const range = visibleRange(this.#rows.length, height, this.listScrollTop, this.viewportHeight);
    const indexes: number[] = [];
    for (let index = range.start; index < range.end; index++) indexes.push(index);
    // The row that takes Tab must exist even when scrolled away, or Tab would skip the group.
    const tabbable = this.#choiceRows[this.#tabbablePosition()];
    if (tabbable !== undefined && (tabbable < range.start || tabbable >= range.end)) indexes.push(tabbable);
    return html`<div part="list" @scroll=${this.#onScroll} @keydown=${this.#onListKeydown} @click=${this.#onListClick}>
      <div class="spacer" ${cssomStyle({ height: `${this.#rows.length * height}px` })}>
        ${indexes.map((index) => this.#renderRow(this.#rows[index]!, index * height))}
      </div>
    </div>`;
  }

  #renderRow(row: PickerRow, top: number) {
    if (row.type === 'group') {
      return html`<div part="group" role="presentation" ${cssomStyle({ top: `${top}px` })}>${this.msg(
        this.groupBy === 'classification'
          ? (`classification.${row.value}` as 'classification.positive')
          : (`category.${row.value}` as 'category.response'),
      )}</div>`;
    }
    const { outcome, position } = row;
    const checked = outcome.key === this.value;
    const tabbable = position === this.#tabbablePosition();
    const classification = this.msg(`classification.${outcome.classification}`);
    return html`<div
      part="choice choice-${outcome.classification}"
      role="radio"
      id="choice-${position}"
      data-position=${position}
      aria-checked=${checked ? 'true' : 'false'}
      aria-posinset=${position + 1}
      aria-setsize=${this.#choiceRows.length}
      aria-disabled=${this.effectivelyDisabled ? 'true' : nothing}
      aria-description=${outcome.description || nothing}
      tabindex=${tabbable && !this.effectivelyDisabled ? 0 : -1}
      title=${outcome.name}
      ${cssomStyle({ top: `${top}px` })}
    >
      <span class="mark" aria-hidden="true"></span>
      <span part="name">${outcome.name}</span>
      <span part="classification"><span aria-hidden="true">${ICONS[outcome.classification]}</span> ${classification}</span>
    </div>`;
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
    return description ? html`<p part="description">${description}</p>` : nothing;
  }

  #renderScheduledAt() {
    if (!this.selectedOutcome?.requiresFutureScheduledAt) return nothing;
    const zone = this.effectiveTimeZone;
    const value = this.dateProblem ? this.dateText : this.scheduledAt ? instantToLocalDateTime(this.scheduledAt, zone) : '';
    const result = this.checkScheduledAt();
    const showError = this.showErrors && !result.isValid;
    return html`<div part="scheduled-at">
      <label for="scheduled-at">${this.msg('scheduled.label')}</label>
      <input
        id="scheduled-at"
        type="datetime-local"
        .value=${value}
        min=${instantToLocalDateTime(Date.now(), zone)}
        required
        ?disabled=${this.effectivelyDisabled}
        aria-invalid=${showError ? 'true' : 'false'}
        aria-describedby="scheduled-at-zone scheduled-at-error"
        @input=${this.#onDateInput}
        @change=${this.#onDateChange}
      />
      <span class="zone" id="scheduled-at-zone">${this.msg('scheduled.zone', timeZoneLabel(zone))}</span>
      <span part="error" id="scheduled-at-error">${showError ? result.message : ''}</span>
    </div>`;
  }

  #isUnknown(): boolean {
    return (
      this.#value !== '' &&
      this.#outcomes.snapshot.status === 'ready' &&
      !this.#available.some((outcome) => outcome.key === this.#value)
    );
  }

  /** The choice that takes Tab: the checked one when shown, else the focused one, else the first. */
  #tabbablePosition(): number {
    if (this.focusPosition >= 0) return this.focusPosition;
    const checked = this.#choiceRows.findIndex(
      (rowIndex) => (this.#rows[rowIndex] as { outcome: OutcomeType }).outcome.key === this.value,
    );
    return checked >= 0 ? checked : this.#choiceRows.length ? 0 : -1;
  }

  #choiceElement(position: number): HTMLElement | null {
    return position < 0 ? null : this.renderRoot.querySelector<HTMLElement>(`#choice-${position}`);
  }

  #outcomeAt(position: number): OutcomeType | undefined {
    const rowIndex = this.#choiceRows[position];
    return rowIndex === undefined ? undefined : (this.#rows[rowIndex] as { outcome: OutcomeType }).outcome;
  }

  /** Moves focus to a choice, scrolling it into view first, and optionally chooses it. */
  async #moveTo(position: number, choose: boolean): Promise<void> {
    if (position < 0 || position >= this.#choiceRows.length) return;
    this.focusPosition = position;
    const list = this.listElement;
    if (list) {
      const next = scrollTopToReveal(this.#choiceRows[position]!, this.#rowHeight, list.scrollTop, list.clientHeight);
      if (next !== list.scrollTop) {
        list.scrollTop = next;
        this.listScrollTop = next;
      }
    }
    if (choose) this.#choose(this.#outcomeAt(position)!);
    await this.updateComplete;
    this.#choiceElement(position)?.focus();
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
    void this.#moveTo(position, true);
  };

  #onListKeydown = (event: KeyboardEvent): void => {
    if (this.effectivelyDisabled) return;
    const current = this.#tabbablePosition();
    const last = this.#choiceRows.length - 1;
    // As native radio groups do: in right-to-left text, Left moves forward and Right back.
    const rtl = (event.key === 'ArrowLeft' || event.key === 'ArrowRight') && getComputedStyle(this).direction === 'rtl';
    const key = rtl ? (event.key === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft') : event.key;
    switch (key) {
      case 'ArrowDown':
      case 'ArrowRight':
        event.preventDefault();
        void this.#moveTo(current >= last ? 0 : current + 1, true);
        return;
      case 'ArrowUp':
      case 'ArrowLeft':
        event.preventDefault();
        void this.#moveTo(current <= 0 ? last : current - 1, true);
        return;
      case 'Home':
        event.preventDefault();
        void this.#moveTo(0, true);
        return;
      case 'End':
        event.preventDefault();
        void this.#moveTo(last, true);
        return;
      case ' ':
        event.preventDefault();
        void this.#moveTo(current, true);
        return;
      case 'Enter':
        event.preventDefault();
        this.form?.requestSubmit();
        return;
    }
    if (Typeahead.accepts(event)) {
      this.#labels ??= this.#choiceRows.map((index) => foldForSearch((this.#rows[index] as { outcome: OutcomeType }).outcome.name));
      const next = this.#typeahead.next(event.key, this.#labels, current, foldForSearch);
      if (next >= 0) void this.#moveTo(next, true);
    }
  };

  #onSearchInput = (event: Event): void => {
    // Searching is not choosing: the host's `input` event is for value changes only.
    event.stopPropagation();
    this.query = (event.target as HTMLInputElement).value;
    this.focusPosition = -1;
    this.listScrollTop = 0;
    if (this.listElement) this.listElement.scrollTop = 0;
  };

  #onSearchKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      void this.#moveTo(this.#tabbablePosition(), false);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // Enter in the search field chooses the only match, or submits like a text field would.
      if (this.#shown.length === 1) void this.#moveTo(0, true);
      else this.form?.requestSubmit();
    }
  };

  #onDateInput = (event: Event): void => {
    event.stopPropagation();
    const text = (event.target as HTMLInputElement).value;
    const result = text ? localDateTimeToInstant(text, this.effectiveTimeZone) : null;
    if (!result) {
      this.scheduledAt = '';
      this.dateProblem = null;
    } else if (result.ok) {
      this.scheduledAt = result.instant;
      this.dateProblem = null;
    } else {
      this.scheduledAt = '';
      this.dateProblem = result.reason;
    }
    this.dateText = text;
    this.userChanged();
    void this.updateComplete.then(() => this.dispatchEvent(new Event('input', { bubbles: true, composed: true })));
  };

  #onDateChange = (event: Event): void => {
    event.stopPropagation();
    void this.updateComplete.then(() => this.dispatchEvent(new Event('change', { bubbles: true })));
  };

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
