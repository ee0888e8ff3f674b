import type { ReactiveController, ReactiveElement } from 'lit';

export interface RovingTabindexOptions {
  /** How many items the group has (rendered or not: rows may be windowed). */
  count(): number;
  /** Where focus enters the group from outside (a radio group: the checked item, else the first); -1 for none. */
  entry(): number;
  /** The item an element is, or -1. */
  indexOf(element: EventTarget | null): number;
  /** The rendered element of an item, or null while it is windowed away. */
  elementAt(index: number): HTMLElement | null;
  /** Brings an item into view, so that it is rendered; called before it is focused. */
  reveal(index: number): void;
  /** A key moved focus to an item (arrows, Home, End); a radio group selects it. */
  moved(index: number): void;
  /** True while keys should do nothing. */
  disabled(): boolean;
}

/**
 * Roving tabindex (WAI-ARIA Authoring Practices) over items addressed by index, so it works
 * when only some of them are rendered: exactly one item takes Tab — the focused one while
 * focus is in the group, else `entry()` — arrows move with wrap-around (Left and Right mirrored
 * under `dir="rtl"`, as native radios do), Home and End go to the ends. The host renders
 * `tabindex` from `tabbable`, keeps the `tabbable` and `focused` items rendered even when
 * scrolled away, and keys its rows so the focused element is never replaced (focus would drop
 * to `<body>`). Focus is followed with `focusin`/`focusout` on the host's render root, so an
 * item focused by a click, a script or a screen reader counts as well as one reached by keys.
 */
export class RovingTabindex implements ReactiveController {
  /** The item that has focus while focus is in the group; -1 otherwise. */
  focused = -1;

  readonly #host: ReactiveElement;
  readonly #options: RovingTabindexOptions;

  constructor(host: ReactiveElement, options: RovingTabindexOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The one item with tabindex 0, or -1 when there is none. */
  get tabbable(): number {
    return this.focused >= 0 && this.focused < this.#options.count() ? this.focused : this.#options.entry();
  }

  /** Reveals an item and focuses it, at once when it is rendered, else once the host rendered it. */
  focus(index: number, options?: FocusOptions): void {
    if (index < 0 || index >= this.#options.count()) return;
    this.#options.reveal(index);
    const element = this.#options.elementAt(index);
    if (element) element.focus(options);
    else void this.#host.updateComplete.then(() => this.#options.elementAt(index)?.focus(options));
  }

  hostConnected(): void {
    const root = this.#root();
    root.addEventListener('focusin', this.#onFocusIn);
    root.addEventListener('focusout', this.#onFocusOut);
    root.addEventListener('keydown', this.#onKeydown as EventListener);
  }

  hostDisconnected(): void {
    const root = this.#root();
    root.removeEventListener('focusin', this.#onFocusIn);
    root.removeEventListener('focusout', this.#onFocusOut);
    root.removeEventListener('keydown', this.#onKeydown as EventListener);
    this.focused = -1;
  }

  #root(): EventTarget {
    // Focus moving between two elements of one shadow root never reaches the host: listen inside.
    return (this.#host as ReactiveElement & { renderRoot?: EventTarget }).renderRoot ?? this.#host;
  }

  #setFocused(index: number): void {
    if (index === this.focused) return;
    this.focused = index;
    this.#host.requestUpdate();
  }

  #onFocusIn = (event: Event): void => {
    const index = this.#options.indexOf(event.target);
    if (index >= 0) this.#setFocused(index);
  };

  #onFocusOut = (event: Event): void => {
    // Focus leaving for another item is followed by that item's focusin.
    if (this.#options.indexOf((event as FocusEvent).relatedTarget) < 0) this.#setFocused(-1);
  };

  #onKeydown = (event: KeyboardEvent): void => {
    const from = this.#options.indexOf(event.target);
    if (from < 0 || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || this.#options.disabled()) return;
    const last = this.#options.count() - 1;
    let key = event.key;
    if ((key === 'ArrowLeft' || key === 'ArrowRight') && getComputedStyle(this.#host).direction === 'rtl') {
      key = key === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
    }
    const to =
      key === 'ArrowDown' || key === 'ArrowRight'
        ? from >= last ? 0 : from + 1
        : key === 'ArrowUp' || key === 'ArrowLeft'
          ? from <= 0 ? last : from - 1
          : key === 'Home' ? 0 : key === 'End' ? last : -1;
    if (to < 0) return;
    event.preventDefault();
    this.#options.moved(to);
    this.focus(to);
  };
}
