import { html, nothing, svg, type TemplateResult } from 'lit';
import type { MessageKey, Messages } from '../../../localization/catalogue.js';
import { nearestLang } from '../../../localization/nearest-lang.js';
import { checkFollowUp, formatCallableHours, formatMinuteOfDay, readFollowUpSettings } from '../../../model/follow-up.js';
import { DEFAULT_QUICK_TIMES, quickTimeInstant, type QuickTime } from '../../../model/quick-times.js';
import { parseInstant } from '../../../model/scheduled-at.js';
import { instantToLocalDateTime, localDateTimeToInstant, timeZoneLabel } from '../../../model/zoned-time.js';
import {
  dateTimePattern,
  formatTypedDateTime,
  parseTypedDateTime,
  patternPlaceholder,
  type DateTimePattern,
} from '../../../model/typed-date-time.js';
import type { ValidationResult } from '../../base/validator.js';
import type { DateProblem, OutcomePicker } from '../outcome-picker.js';

export { enScheduler as messages } from '../../../localization/en-scheduler.js';
export { styles } from './scheduler.styles.js';

type Args<K extends MessageKey> = Messages[K] extends (...args: infer A) => string ? A : [];
type Msg = <K extends MessageKey>(key: K, ...args: Args<K>) => string;

/** What `<outcome-picker>` lends its scheduler: its messages and its date state. */
export interface SchedulerLent {
  msg: Msg;
  /** Errors may show: the user interacted or tried to submit. */
  showErrors(): boolean;
  /** The text in the date field when the agent typed it, and why it gives no instant. */
  typed(): { text: string; problem: DateProblem };
  /** The agent set a date: the instant ("" for none), the typed text, and why that text gives none. */
  setDate(scheduledAt: string, text: string, problem: DateProblem): void;
}

interface ShownQuickTime {
  /** Position in the configured list. */
  index: number;
  label: string;
  instant: number;
}

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

const calendarIcon = svg`<path d="M5 1v2M11 1v2M2 5h12M3 3h10a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/>`;

/**
 * The follow-up scheduler of `<outcome-picker>`, fetched the first time a picker offers an
 * outcome that requires a follow-up: quick choices (`quickTimes`), a date and time typed in the
 * locale's pattern, the native calendar one button away, the time in the customer's zone and the
 * agent's. Renders into the picker's shadow root (its styles are adopted there); the picker owns
 * the value (`scheduledAt`) and its validity, which also checks the callable hours and last day.
 */
export class Scheduler {
  readonly #picker: OutcomePicker;
  readonly #lent: SchedulerLent;
  /** The quick choice that takes Tab (roving tabindex), by position among those shown. */
  #focusAt = 0;
  /** The quick choice that set the current value, and that value. */
  #pressed: { index: number; scheduledAt: string } | null = null;
  /** The value the typed text stands for: another value (set by a host, a reset) is shown formatted. */
  #typedFor: string | null = null;
  /** Typing since the last Enter, blur or submit attempt: a new error waits ("punish late"). */
  #editing = false;
  /** The text when `change` last went out. */
  #changedText = '';
  #shown: ShownQuickTime[] = [];
  /** Labels of the quick choices, for the language they were made in (Intl formatters are not free). */
  #labels = { lang: '', of: new WeakMap<object, string>() };

  constructor(picker: OutcomePicker, lent: SchedulerLent) {
    this.#picker = picker;
    this.#lent = lent;
    // A submit attempt shows the error at once, even mid-typing.
    picker.addEventListener('invalid', () => {
      if (!this.#editing) return;
      this.#editing = false;
      picker.requestUpdate();
    });
  }

  /** The locale of dates and times: the element's `lang`, when the catalogue speaks its language. */
  get #lang(): string {
    const lang = nearestLang(this.#picker) ?? '';
    try {
      if (lang.toLowerCase().split('-')[0] === this.#picker.locale) return Intl.getCanonicalLocales(lang)[0]!;
    } catch {
      // Not a language tag: the catalogue's language stands in.
    }
    return this.#picker.locale;
  }

  get #pattern(): DateTimePattern {
    return dateTimePattern(this.#lang);
  }

  #placeholder(pattern = this.#pattern): string {
    return patternPlaceholder(pattern, this.#lent.msg('scheduler.letters'));
  }

  /** Why typed text gives no instant, in words; undefined for problems the picker words itself. */
  problemMessage(problem: DateProblem): string | undefined {
    const pattern = this.#pattern;
    if (problem === 'nonexistentLocalTime') return this.#lent.msg('scheduled.nonexistentLocalTime', this.#picker.followUpTimeZone);
    if (problem === 'missingTime') return this.#lent.msg('scheduler.missingTime', this.#placeholder(pattern));
    if (problem === 'needsDayPeriod') return this.#lent.msg('scheduler.needsDayPeriod', pattern.am, pattern.pm);
    if (problem === 'badInput' && this.#lent.typed().text) return this.#lent.msg('scheduler.badTyped', this.#placeholder(pattern));
    return undefined;
  }

  /**
   * The picker's verdict on the date, with the customer's rules: a setting that cannot be read
   * first (the host's fault, `badInput`), then the date's own problems, then the last allowed
   * day (`rangeOverflow`) and the callable hours (`customError`), in the customer's zone.
   */
  check(result: ValidationResult): ValidationResult {
    const picker = this.#picker;
    const msg = this.#lent.msg;
    const settings = readFollowUpSettings(picker);
    if (!settings.ok) {
      const attribute = settings.setting.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
      return { isValid: false, message: msg('scheduled.badSetting', attribute, settings.value), invalidKeys: ['badInput'] };
    }
    if (!result.isValid) return result;
    const { rules } = settings;
    const lang = this.#lang;
    const broken = checkFollowUp(parseInstant(picker.scheduledAt) ?? Number.NaN, picker.followUpTimeZone, rules);
    if (broken?.issue === 'rangeOverflow') {
      const lastDay = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(broken.lastDay));
      return { isValid: false, message: msg('scheduler.rangeOverflow', rules.maxDaysAhead!, lastDay), invalidKeys: ['rangeOverflow'] };
    }
    if (broken?.issue === 'outsideCallableHours') {
      const message = msg('scheduler.outsideCallableHours', formatMinuteOfDay(broken.localMinute, lang), formatCallableHours(rules.callableHours!, lang));
      return { isValid: false, message, invalidKeys: ['customError'] };
    }
    return result;
  }

  /** Focuses the first quick choice, else the date field. */
  focusFirst(): boolean {
    const root = this.#picker.renderRoot;
    const buttons = [...root.querySelectorAll<HTMLElement>('[part~="quick-time"]')];
    this.#focusAt = 0;
    buttons.forEach((button, at) => (button.tabIndex = at === 0 ? 0 : -1));
    const target = buttons[0] ?? root.querySelector<HTMLElement>('#scheduled-at');
    target?.focus();
    return !!target;
  }

  /**
   * The scheduler; `shown` false renders it hidden and inert, keeping its space so that nothing
   * moves when the agent chooses an outcome that needs it.
   */
  render(shown: boolean): TemplateResult {
    const picker = this.#picker;
    const msg = this.#lent.msg;
    const zone = picker.followUpTimeZone;
    const now = Date.now();
    const scheduledAt = picker.scheduledAt;
    const time = parseInstant(scheduledAt) ?? Number.NaN;
    const known = Number.isFinite(time);
    const pattern = this.#pattern;
    const typed = this.#lent.typed();
    // What the agent typed stays as typed; a value set otherwise is shown in the locale's pattern.
    const text =
      typed.text && (typed.problem || this.#typedFor === scheduledAt)
        ? typed.text
        : known
          ? formatTypedDateTime(instantToLocalDateTime(time, zone), pattern)
          : '';
    const result = shown ? picker.checkScheduledAt() : { isValid: true, message: '' };
    const settingsOk = readFollowUpSettings(picker).ok;
    const showError = shown && !result.isValid && this.#lent.showErrors() && !this.#editing;
    const fieldAtFault = showError && settingsOk;
    const quick = this.#quickTimes(now, zone);
    this.#shown = quick;
    if (this.#focusAt >= quick.length) this.#focusAt = 0;
    const pressed = this.#pressed?.scheduledAt === scheduledAt ? this.#pressed.index : -1;
    const disabled = picker.effectivelyDisabled;
    const placeholder = this.#placeholder(pattern);
    return html`<div part="scheduled-at" class=${shown ? 'scheduler' : 'scheduler reserved'} ?inert=${!shown}>
      <span class="label" id="scheduled-at-label">${msg('scheduled.label')}</span>
      ${quick.length
        ? html`<div
            part="quick-times"
            role="toolbar"
            aria-label=${msg('scheduler.quickTimes')}
            @keydown=${this.#onQuickKeydown}
            @click=${this.#onQuickClick}
          >
            ${quick.map(
              (choice, at) => html`<button
                type="button"
                part="quick-time"
                data-index=${choice.index}
                aria-pressed=${choice.index === pressed ? 'true' : 'false'}
                tabindex=${at === this.#focusAt ? 0 : -1}
                ?disabled=${disabled}
              >${choice.label}</button>`,
            )}
          </div>`
        : nothing}
      <div class="entry">
        <input
          id="scheduled-at"
          part="date-field"
          type="text"
          dir="ltr"
          autocomplete="off"
          spellcheck="false"
          aria-labelledby="scheduled-at-label"
          aria-describedby="scheduled-at-format scheduled-at-zone scheduled-at-error"
          aria-required="true"
          aria-invalid=${fieldAtFault ? 'true' : 'false'}
          placeholder=${placeholder}
          .value=${text}
          ?disabled=${disabled}
          @input=${this.#onTypedInput}
          @change=${this.#onTypedChange}
          @keydown=${this.#onTypedKeydown}
        />
        <button type="button" part="calendar-button" aria-label=${msg('scheduler.calendar')} title=${msg('scheduler.calendar')} ?disabled=${disabled} @click=${this.#openCalendar}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">${calendarIcon}</svg>
        </button>
        ${shown
          ? html`<input
              type="datetime-local"
              class="calendar"
              tabindex="-1"
              aria-hidden="true"
              .value=${known ? instantToLocalDateTime(time, zone) : ''}
              min=${instantToLocalDateTime(now, zone)}
              ?disabled=${disabled}
              @input=${this.#onCalendarInput}
              @change=${this.#onCalendarChange}
            />`
          : nothing}
      </div>
      <span class="visually-hidden" id="scheduled-at-format">${msg('scheduler.format', placeholder)}</span>
      <div class="status">
        <p part="zones" id="scheduled-at-zone">${this.#zones(known ? time : null, now)}</p>
        <p part="error" id="scheduled-at-error">${showError ? result.message : ''}</p>
      </div>
    </div>`;
  }

  /** The configured quick choices that give an allowed time now, labelled. */
  #quickTimes(now: number, zone: string): ShownQuickTime[] {
    const picker = this.#picker;
    const settings = readFollowUpSettings(picker);
    const rules = settings.ok ? settings.rules : {};
    const list = picker.quickTimes ?? DEFAULT_QUICK_TIMES;
    const shown: ShownQuickTime[] = [];
    (Array.isArray(list) ? list : []).forEach((quick: QuickTime, index) => {
      if (!quick || typeof quick !== 'object') return;
      const instant = quickTimeInstant(quick, now, zone);
      // Left out: a time already past, not allowed, or already offered ("tomorrow" on a Sunday is
      // also the next business day).
      if (instant === null || instant <= now || checkFollowUp(instant, zone, rules, now)) return;
      if (shown.some((choice) => choice.instant === instant)) return;
      const label = this.#label(quick);
      if (label) shown.push({ index, label, instant });
    });
    return shown;
  }

  #label(quick: QuickTime): string {
    if (typeof quick.label === 'string' && quick.label) return quick.label;
    const lang = this.#lang;
    if (this.#labels.lang !== lang) this.#labels = { lang, of: new WeakMap() };
    let label = this.#labels.of.get(quick);
    if (label === undefined) this.#labels.of.set(quick, (label = this.#makeLabel(quick, lang)));
    return label;
  }

  #makeLabel(quick: QuickTime, lang: string): string {
    const msg = this.#lent.msg;
    try {
      if ('after' in quick) {
        const { minutes = 0, hours = 0, days = 0 } = quick.after;
        const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'always' });
        const text = days
          ? relative.format(days, 'day')
          : minutes % 60 || !hours
            ? relative.format(minutes + hours * 60, 'minute')
            : relative.format(hours + minutes / 60, 'hour');
        return capitalize(text);
      }
      if ('at' in quick) {
        const [hour = 0, minute = 0] = quick.at.split(':').map(Number);
        const time = formatMinuteOfDay(hour * 60 + minute, lang);
        if (quick.businessDays) {
          return quick.businessDays === 1 ? msg('scheduler.nextBusinessDay', time) : msg('scheduler.businessDays', quick.businessDays, time);
        }
        const day = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(quick.days ?? 0, 'day');
        return msg('scheduler.dayAt', capitalize(day), time);
      }
    } catch {
      // A malformed quick time has no label: it is left out.
    }
    return '';
  }

  /** "Tue, Mar 12, 09:00 AM for the customer (America/Chicago) · 04:00 PM your time", or the zone in use. */
  #zones(time: number | null, now: number): string {
    const picker = this.#picker;
    const msg = this.#lent.msg;
    const zone = picker.followUpTimeZone;
    const agentZone = picker.effectiveTimeZone;
    const customer = zone !== agentZone;
    const at = time ?? now;
    if (time === null) {
      return customer ? msg('scheduler.customerZone', timeZoneLabel(zone, at)) : msg('scheduled.zone', timeZoneLabel(zone, at));
    }
    const inCustomer = this.#format(time, zone, now, true);
    if (!customer) return `${inCustomer} · ${timeZoneLabel(zone, at)}`;
    const sameDay = instantToLocalDateTime(time, zone).slice(0, 10) === instantToLocalDateTime(time, agentZone).slice(0, 10);
    return msg('scheduler.both', inCustomer, zone.replaceAll('_', ' '), this.#format(time, agentZone, now, !sameDay));
  }

  #format(time: number, timeZone: string, now: number, withDate: boolean): string {
    const sameYear = instantToLocalDateTime(time, timeZone).slice(0, 4) === instantToLocalDateTime(now, timeZone).slice(0, 4);
    return new Intl.DateTimeFormat(this.#lang, {
      timeZone,
      hour: this.#pattern.hour12 ? 'numeric' : '2-digit',
      minute: '2-digit',
      ...(withDate ? { weekday: 'short', day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) } : {}),
    } as Intl.DateTimeFormatOptions).format(time);
  }

  async #emit(type: 'input' | 'change'): Promise<void> {
    await this.#picker.updateComplete;
    this.#picker.dispatchEvent(new Event(type, type === 'input' ? { bubbles: true, composed: true } : { bubbles: true }));
  }

  /** Sets the time of a quick choice (recomputed now: "in 1 hour" from this moment). */
  #choose(index: number): void {
    const quick = (this.#picker.quickTimes ?? DEFAULT_QUICK_TIMES)[index];
    const zone = this.#picker.followUpTimeZone;
    const instant = quick ? quickTimeInstant(quick, Date.now(), zone) : null;
    if (instant === null) return;
    const scheduledAt = new Date(instant).toISOString();
    this.#pressed = { index, scheduledAt };
    this.#typedFor = null;
    this.#editing = false;
    this.#changedText = '';
    this.#lent.setDate(scheduledAt, '', null);
    void this.#emit('input').then(() => this.#emit('change'));
  }

  #onQuickClick = (event: MouseEvent): void => {
    const button = (event.target as Element).closest<HTMLButtonElement>('[part~="quick-time"]');
    if (!button || button.disabled) return;
    this.#focusAt = this.#shown.findIndex((choice) => choice.index === Number(button.dataset['index']));
    this.#choose(Number(button.dataset['index']));
  };

  #onQuickKeydown = (event: KeyboardEvent): void => {
    const button = (event.target as Element).closest<HTMLButtonElement>('[part~="quick-time"]');
    if (!button || this.#picker.effectivelyDisabled) return;
    const buttons = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('[part~="quick-time"]')];
    const at = buttons.indexOf(button);
    const last = buttons.length - 1;
    // As in the list: in right-to-left text, Left moves forward and Right back.
    const rtl = getComputedStyle(this.#picker).direction === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    let next = -1;
    if (event.key === forward || event.key === 'ArrowDown') next = at >= last ? 0 : at + 1;
    else if (event.key === back || event.key === 'ArrowUp') next = at <= 0 ? last : at - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Enter sets the time; on the choice already set, it submits, as Enter does in the list.
      event.preventDefault();
      if (button.getAttribute('aria-pressed') === 'true') this.#picker.form?.requestSubmit();
      else this.#choose(Number(button.dataset['index']));
      return;
    }
    if (next < 0) return;
    event.preventDefault();
    this.#focusAt = next;
    buttons.forEach((item, position) => (item.tabIndex = position === next ? 0 : -1));
    buttons[next]!.focus();
  };

  /** Reads the typed text into the picker's state, in the zone in use. */
  #read(text: string): void {
    const zone = this.#picker.followUpTimeZone;
    let scheduledAt = '';
    let problem: DateProblem = null;
    if (text.trim()) {
      const today = instantToLocalDateTime(Date.now(), zone).slice(0, 10);
      const typed = parseTypedDateTime(text, this.#pattern, today);
      if (!typed.ok) problem = typed.problem;
      else {
        const instant = localDateTimeToInstant(typed.local, zone);
        if (instant.ok) scheduledAt = instant.instant;
        else problem = instant.reason;
      }
    }
    this.#pressed = null;
    this.#typedFor = scheduledAt;
    this.#lent.setDate(scheduledAt, text, problem);
  }

  #onTypedInput = (event: Event): void => {
    event.stopPropagation();
    const text = (event.target as HTMLInputElement).value;
    // An error already shown follows the typing; a new one waits for Enter or leaving the field.
    const showing = (event.target as HTMLElement).getAttribute('aria-invalid') === 'true';
    this.#editing = !showing;
    this.#read(text);
    void this.#emit('input');
  };

  #commit(text: string): void {
    this.#editing = false;
    this.#picker.requestUpdate();
    if (text === this.#changedText) return;
    this.#changedText = text;
    void this.#emit('change');
  }

  #onTypedChange = (event: Event): void => {
    event.stopPropagation();
    this.#commit((event.target as HTMLInputElement).value);
  };

  #onTypedKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || event.altKey) return;
    // Enter submits when the date is good (so does Ctrl/Cmd+Enter); otherwise it shows why not.
    event.preventDefault();
    this.#commit((event.target as HTMLInputElement).value);
    if (this.#picker.checkScheduledAt().isValid) this.#picker.form?.requestSubmit();
  };

  #openCalendar = (): void => {
    const input = this.#picker.renderRoot.querySelector<HTMLInputElement>('input.calendar');
    try {
      input?.showPicker();
    } catch {
      // No picker here (or no user activation): the date field stays the way in.
      input?.focus();
    }
  };

  #onCalendarInput = (event: Event): void => {
    event.stopPropagation();
    const local = (event.target as HTMLInputElement).value;
    const result = local ? localDateTimeToInstant(local, this.#picker.followUpTimeZone) : null;
    this.#pressed = null;
    this.#typedFor = null;
    this.#editing = false;
    if (!result) this.#lent.setDate('', '', null);
    else if (result.ok) this.#lent.setDate(result.instant, '', null);
    else {
      // A time the zone skips: shown as picked, with its own message.
      this.#lent.setDate('', formatTypedDateTime(local, this.#pattern), result.reason);
    }
    void this.#emit('input');
  };

  #onCalendarChange = (event: Event): void => {
    event.stopPropagation();
    this.#changedText = '';
    void this.#emit('change');
  };
}

