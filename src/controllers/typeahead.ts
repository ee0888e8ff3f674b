/**
 * Type-ahead as the WAI-ARIA practices describe it: printable keys typed within a short pause
 * form a prefix; the next item after the current one whose label starts with it wins, and
 * repeating one letter cycles through the items starting with it.
 */
export class Typeahead {
  #buffer = '';
  #lastTime = 0;
  readonly #timeoutMs: number;

  constructor(timeoutMs = 700) {
    this.#timeoutMs = timeoutMs;
  }

  /** True for keys that type-ahead takes (one printable character, no modifier but Shift). */
  static accepts(event: KeyboardEvent): boolean {
    return event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey;
  }

  /**
   * The index to move to for this key, or -1. `labels` are folded for search (see
   * foldForSearch); `current` is the index that has focus, or -1.
   */
  next(key: string, labels: readonly string[], current: number, foldKey: (text: string) => string, now = Date.now()): number {
    const char = foldKey(key);
    this.#buffer = now - this.#lastTime > this.#timeoutMs ? char : this.#buffer + char;
    this.#lastTime = now;
    const repeated = [...this.#buffer].every((c) => c === char);
    const prefix = repeated ? char : this.#buffer;
    const from = repeated || this.#buffer.length === 1 ? current + 1 : Math.max(current, 0);
    for (let step = 0; step < labels.length; step++) {
      const index = (from + step) % labels.length;
      if (labels[index]!.startsWith(prefix)) return index;
    }
    return -1;
  }
}
