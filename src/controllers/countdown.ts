import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The clock a countdown reads; tests give a fake one. */
export interface Clock {
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

/**
 * Where a countdown stands, to be kept and continued later (after a reload of the page): its
 * `deadline` on the clock while it runs, or the milliseconds `left` while it is paused.
 */
export interface CountdownState {
  deadline?: number;
  left?: number;
}

/**
 * A pausable countdown in whole seconds towards a deadline, that re-renders its host while it
 * runs. It reads the clock instead of counting ticks, so a throttled background tab does not
 * stretch it, and it can be continued from a kept state rather than restarted.
 */
export class Countdown implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #onZero: () => void;
  #clock: Clock;
  /** The clock time it ends at, while running. */
  #deadline: number | undefined;
  /** Milliseconds left, while paused. */
  #left = 0;
  #active = false;
  #timer: unknown;

  constructor(host: ReactiveControllerHost, onZero: () => void, clock: Clock = realClock) {
    this.#host = host;
    this.#onZero = onZero;
    this.#clock = clock;
    host.addController(this);
  }

  set clock(clock: Clock) {
    this.#clock = clock;
  }

  /** Whole seconds left, rounded up. */
  get remaining(): number {
    const left = this.#deadline === undefined ? this.#left : this.#deadline - this.#clock.now();
    return Math.max(0, Math.ceil(left / 1000));
  }

  /** Counting (started, not paused, not over). */
  get running(): boolean {
    return this.#deadline !== undefined;
  }

  /** Started and not over or stopped; possibly paused. */
  get active(): boolean {
    return this.#active;
  }

  /** Where it stands, to continue it with `start(seconds, state)`. */
  get state(): CountdownState {
    return this.#deadline === undefined ? { left: this.#left } : { deadline: this.#deadline };
  }

  /** Counts `seconds` down, or continues from a kept state (a deadline already passed ends it at once). */
  start(seconds: number, from?: CountdownState): void {
    this.stop();
    if (!(seconds > 0)) return;
    this.#active = true;
    this.#left = from?.left ?? seconds * 1000;
    if (from?.deadline !== undefined) this.#left = from.deadline - this.#clock.now();
    this.resume();
  }

  /** Adds time, running or paused. */
  extend(seconds: number): void {
    if (this.#deadline === undefined) this.#left += seconds * 1000;
    else this.#deadline += seconds * 1000;
    this.#host.requestUpdate();
  }

  pause(): void {
    if (this.#deadline === undefined) return;
    this.#left = this.#deadline - this.#clock.now();
    this.#deadline = undefined;
    this.#clearTimer();
    this.#host.requestUpdate();
  }

  resume(): void {
    if (!this.#active || this.#deadline !== undefined) return;
    this.#deadline = this.#clock.now() + this.#left;
    this.#timer = this.#clock.setInterval(() => this.#tick(), 250);
    this.#host.requestUpdate();
  }

  stop(): void {
    this.#active = false;
    this.#deadline = undefined;
    this.#clearTimer();
  }

  hostDisconnected(): void {
    this.stop();
  }

  #tick(): void {
    if (this.remaining > 0) {
      this.#host.requestUpdate();
      return;
    }
    this.stop();
    this.#host.requestUpdate();
    this.#onZero();
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) this.#clock.clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
