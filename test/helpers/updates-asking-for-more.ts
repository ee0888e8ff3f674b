import type { ReactiveElement } from 'lit';

/**
 * An element's updates that ended with another one already asked for: something changed after
 * the render was made (while it was committed, or in `updated()`), so that it took a second
 * update to show (what Lit's development build warns of, once per page, as "scheduled an update
 * after an update completed"). Each is named by the properties of the update it followed.
 */
export function updatesAskingForMore(element: ReactiveElement, asked: string[] = []): string[] {
  const watched = element as unknown as { updated(changed: Map<PropertyKey, unknown>): void; isUpdatePending: boolean };
  const updated = Object.getPrototypeOf(element).updated as typeof watched.updated;
  // Lit looks at isUpdatePending right after updated() returns, as this does.
  watched.updated = function (this: typeof watched, changed) {
    updated.call(this, changed);
    if (this.isUpdatePending) asked.push([...changed.keys()].map(String).join(', ') || '(requestUpdate)');
  };
  return asked;
}
