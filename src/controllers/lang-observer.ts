/**
 * One MutationObserver for the whole document tells every connected element when a `lang`
 * attribute changes, instead of one observer per element.
 */
const subscribers = new Set<() => void>();
let observer: MutationObserver | undefined;

export function observeLang(callback: () => void): () => void {
  subscribers.add(callback);
  if (!observer) {
    observer = new MutationObserver(() => {
      for (const subscriber of subscribers) subscriber();
    });
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
      subtree: true,
    });
  }
  return () => {
    subscribers.delete(callback);
    if (subscribers.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
