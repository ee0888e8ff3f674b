import { html, nothing, type ReactiveControllerHost } from 'lit';
import { Countdown, type Clock } from '../../controllers/countdown.js';
import type { Draft } from '../../controllers/draft-storage.js';
import type { MessageKey, Messages } from '../../localization/catalogue.js';

type Args<K extends MessageKey> = Messages[K] extends (...args: infer A) => string ? A : [];
type Msg = <K extends MessageKey>(key: K, ...args: Args<K>) => string;
type KeptCountdown = Draft['countdown'];

/** What `<disposition-popup>` lends its countdown. */
export interface CountdownLent {
  host: ReactiveControllerHost & { timeout: number; extendBy: number; maxExtensions: number; defaultOutcome: string };
  msg: Msg;
  /** The name of an outcome of the list, when the list has it. */
  nameOf(key: string): string | undefined;
  /** Keeps where the countdown stands in the subject's draft. */
  keep(countdown: KeptCountdown): void;
  /** Says something politely. */
  say(text: string): void;
  /** 0:00 is reached. */
  timeUp(): void;
}

const URGENT_SECONDS = 10;
/** Said politely as the countdown passes them: the visible timer is not read every second. */
const ANNOUNCED_SECONDS = [30, URGENT_SECONDS];

function formatSeconds(total: number): string {
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * The popup's after-call-work countdown (part of its view, fetched with it): the time left
 * as text and as a progress bar, colour stages at half time and at 10 seconds, what happens at
 * 0:00 said from the start, polite announcements at 30 and 10 seconds, and Extend (the `+`
 * key). Where it stands is kept in the subject's draft, so a reload continues it.
 */
export class CountdownView {
  readonly #lent: CountdownLent;
  readonly #countdown: Countdown;
  /** Times the agent extended it. */
  #extensions = 0;
  /** Seconds left at the last update: an announcement is due when a mark is passed. */
  #secondsBefore = 0;

  constructor(lent: CountdownLent, clock?: Clock) {
    this.#lent = lent;
    this.#countdown = new Countdown(
      lent.host,
      () => {
        // Kept as over: a reload does not reach 0:00 a second time.
        this.#keep();
        lent.timeUp();
      },
      clock,
    );
  }

  set clock(clock: Clock) {
    this.#countdown.clock = clock;
  }

  get active(): boolean {
    return this.#countdown.active;
  }

  /** Running, and extensions remain. */
  get canExtend(): boolean {
    const { host } = this.#lent;
    return this.active && host.extendBy > 0 && this.#extensions < host.maxExtensions;
  }

  /** Starts it, or continues the one kept (not once it was stopped by a submit). */
  start(kept: KeptCountdown): void {
    this.#extensions = kept?.extensions ?? 0;
    if (kept && kept.deadline === undefined && kept.left === undefined) return;
    this.#countdown.start(this.#lent.host.timeout, kept);
    this.#secondsBefore = this.#countdown.remaining;
    this.#keep();
  }

  /** Stops it; `keep`: kept stopped (the agent submitted), so a reload does not start it again. */
  stop(keep: boolean): void {
    const { active } = this;
    this.#countdown.stop();
    if (keep && active) this.#keep();
  }

  /** Pauses it while the agent types, or resumes it. */
  pause(paused: boolean): void {
    if (paused) this.#countdown.pause();
    else this.#countdown.resume();
    if (this.active) this.#keep();
  }

  extend(): void {
    const { host } = this.#lent;
    if (!this.active || !(host.extendBy > 0)) return;
    if (!(this.#extensions < host.maxExtensions)) return this.#lent.say(this.#lent.msg('popup.noExtensions'));
    this.#extensions++;
    this.#countdown.extend(host.extendBy);
    this.#lent.say(this.#lent.msg('popup.extended', formatSeconds(this.#countdown.remaining)));
    this.#keep();
  }

  /** On every update of the popup: said as 30 and 10 seconds pass (again after an extension). */
  update(): void {
    const remaining = this.#countdown.remaining;
    if (this.#countdown.running && remaining > 0 && ANNOUNCED_SECONDS.some((mark) => remaining <= mark && mark < this.#secondsBefore)) {
      this.#lent.say(`${this.#lent.msg('popup.secondsLeft', remaining)} ${this.#consequence()}`);
    }
    this.#secondsBefore = remaining;
  }

  render() {
    if (!this.active) return nothing;
    const { msg, host } = this.#lent;
    const remaining = this.#countdown.remaining;
    const total = host.timeout + this.#extensions * host.extendBy;
    const left = host.maxExtensions - this.#extensions;
    const stage = remaining <= URGENT_SECONDS ? ' countdown-urgent' : remaining * 2 <= total ? ' countdown-half' : '';
    return html`<div part="countdown${stage}" class="countdown">
      <p id="time-left" class="time" role="timer">${msg('popup.timeLeft', formatSeconds(remaining))}</p>
      ${host.extendBy > 0 && host.maxExtensions > 0
        ? html`<button type="button" part="extend" aria-keyshortcuts="+" aria-disabled=${left > 0 ? nothing : 'true'} @click=${() => this.extend()}>
            ${msg('popup.extend', host.extendBy, left)}
          </button>`
        : nothing}
      <progress part="countdown-bar" max=${total} .value=${remaining} aria-labelledby="time-left"></progress>
      <p class="wide">${this.#consequence()} ${this.#countdown.running ? '' : msg('popup.paused')}</p>
    </div>`;
  }

  /** What happens at 0:00: the default outcome, by name, or that nothing is recorded. */
  #consequence(): string {
    const { msg, host, nameOf } = this.#lent;
    const key = host.defaultOutcome;
    return key ? msg('popup.atZero', nameOf(key) ?? key) : msg('popup.atZeroNothing');
  }

  #keep(): void {
    this.#lent.keep({ ...(this.active && this.#countdown.state), extensions: this.#extensions });
  }
}
