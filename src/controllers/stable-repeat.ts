import { noChange, render } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

/** One rendered item: its key and its template. */
export type KeyedItem = readonly [key: string, value: unknown];

/**
 * The children of an element as a keyed list that never moves a node it keeps: items that stay
 * are updated in place, new ones are inserted between them, gone ones removed. Lit's `repeat`
 * may move a kept node to reorder (an `insertBefore`), and moving the focused element blurs it;
 * a windowed list that keeps its focused row rendered while scrolling away from it must not lose
 * focus that way. Items that stay are expected in the same relative order (a window sliding over
 * a list, rows pinned in list order); when they are not, those out of order are rendered anew.
 * Each item renders into its own `display: contents` box, so the boxes leave layout alone.
 * Used on an element: `<div ${stableRepeat(items)}></div>` (the element has no other children).
 */
class StableRepeat extends Directive {
  #boxes = new Map<string, HTMLElement>();

  render(_items: readonly KeyedItem[]): unknown {
    return noChange;
  }

  override update(part: ElementPart, [items]: [readonly KeyedItem[]]): unknown {
    const wanted = new Set(items.map(([key]) => key));
    const kept: string[] = [];
    for (const [key, box] of this.#boxes) {
      if (wanted.has(key)) kept.push(key);
      else box.remove();
    }
    // Kept items out of their previous relative order are rendered anew (never moved).
    let next = 0;
    for (const [key] of items) {
      if (key === kept[next]) next++;
      else if (kept.includes(key, next)) {
        this.#boxes.get(key)!.remove();
        kept.splice(kept.indexOf(key, next), 1);
      }
    }
    const boxes = new Map<string, HTMLElement>();
    let before = 0;
    for (const [key, value] of items) {
      let box = this.#boxes.get(key);
      if (box && kept[before] === key) {
        before++;
      } else {
        box = document.createElement('div');
        box.style.display = 'contents';
        const following = kept[before];
        part.element.insertBefore(box, following === undefined ? null : this.#boxes.get(following)!);
      }
      render(value, box);
      boxes.set(key, box);
    }
    this.#boxes = boxes;
    return noChange;
  }
}

export const stableRepeat = directive(StableRepeat);
