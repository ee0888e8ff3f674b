import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Inline style properties set through the CSSOM, always. Lit's `styleMap` writes its first
 * value as a `style` attribute, which a strict Content-Security-Policy (no 'unsafe-inline' for
 * styles) blocks; setting `element.style` properties is allowed. Used as an element binding:
 * `<div ${cssomStyle({ top: '12px' })}>`.
 */
class CssomStyleDirective extends Directive {
  #previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssomStyle() belongs on an element, not in an attribute.');
  }

  render(_properties: Readonly<Record<string, string>>): unknown {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [Readonly<Record<string, string>>]): unknown {
    const { style } = part.element as HTMLElement;
    for (const name of this.#previous) if (!(name in properties)) style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    this.#previous = new Set(Object.keys(properties));
    return noChange;
  }
}

export const cssomStyle = directive(CssomStyleDirective);
