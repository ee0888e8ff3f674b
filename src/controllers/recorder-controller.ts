import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OutcomeStore } from './outcome-store.js';
import { Recorder } from './recorder.js';

/**
 * Keeps an element joined to the `Recorder` of the adapter it shows, for as long as it is
 * connected: joining starts the recorder's flush schedule (so what earlier sessions queued is
 * sent), and records a flush delivers are announced on the first element joined. `onChange`
 * hears of every change to the pending list (here or in another tab), and of a switch to
 * another adapter's recorder.
 */
export class RecorderController implements ReactiveController {
  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #store: () => OutcomeStore | undefined;
  readonly #onChange: (() => void) | undefined;
  #recorder: Recorder | undefined;
  #leave: (() => void) | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost & EventTarget, store: () => OutcomeStore | undefined, onChange?: () => void) {
    this.#host = host;
    this.#store = store;
    this.#onChange = onChange;
    host.addController(this);
  }

  /** The recorder of the element's current adapter; undefined without one or while disconnected. */
  get recorder(): Recorder | undefined {
    this.#sync();
    return this.#recorder;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#sync();
  }

  hostUpdated(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#use(undefined);
  }

  #sync(): void {
    if (!this.#connected) return;
    const store = this.#store();
    this.#use(store ? Recorder.for(store.adapter) : undefined);
  }

  #use(recorder: Recorder | undefined): void {
    if (recorder === this.#recorder) return;
    if (this.#onChange) this.#recorder?.removeEventListener('change', this.#onChange);
    this.#leave?.();
    this.#leave = undefined;
    this.#recorder = recorder;
    if (!recorder) return;
    if (this.#onChange) recorder.addEventListener('change', this.#onChange);
    this.#leave = recorder.connect(this.#host);
    this.#onChange?.();
  }
}
