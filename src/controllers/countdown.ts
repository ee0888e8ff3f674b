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
 * A pausable countdown in whole seconds that re-renders its host every second. It reads the
 * clock instead of counting ticks, so a throttled background tab does not stretch it.
 */
export class Countdown implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #onZero: () => void;
  #clock: Clock;
  #remainingMs = 0;
  #startedAt: number | undefined;
  #timer: unknown;
  #running = false;

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
    const elapsed = this.#startedAt === undefined ? 0 : this.#clock.now() - this.#startedAt;
    return Math.max(0, Math.ceil((this.#remainingMs - elapsed) / 1000));
  }

  get running(): boolean {
    return this.#running && this.#startedAt !== undefined;
  }

  get active(): boolean {
    return this.#running;
  }

  start(seconds: number): void {
    this.stop();
    if (!(seconds > 0)) return;
    this.#remainingMs = seconds * 1000;
    this.#running = true;
    this.resume();
  }

  pause(): void {
    if (this.#startedAt === undefined) return;
    this.#remainingMs -= this.#clock.now() - this.#startedAt;
    this.#startedAt = undefined;
    this.#clearTimer();
    this.#host.requestUpdate();
  }

  resume(): void {
    if (!this.#running || this.#startedAt !== undefined) return;
    this.#startedAt = this.#clock.now();
    this.#timer = this.#clock.setInterval(() => this.#tick(), 250);
    this.#host.requestUpdate();
  }

  stop(): void {
    this.#running = false;
    this.#startedAt = undefined;
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
