/**
 * The `lang` that applies to a node: the nearest ancestor's, looking through shadow roots to
 * their hosts, as the HTML language rules do across the composed tree.
 */
export function nearestLang(node: Node): string | null {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element && current.hasAttribute('lang')) return current.getAttribute('lang');
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return null;
}
