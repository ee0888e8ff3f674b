/** Colours as the browser resolved them, reduced to 8-bit sRGB, and WCAG contrast between them. */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

const canvas = document.createElement('canvas');
canvas.width = 1;
canvas.height = 1;
const context = canvas.getContext('2d', { willReadFrequently: true })!;

/**
 * Paints the colours bottom to top on one pixel and reads it back: any CSS colour syntax the
 * computed style may use (`rgb()`, `color(srgb …)` from `color-mix()`, system colours) is
 * resolved by the browser itself, and translucent layers are composited as they are on screen.
 */
export function composite(...layers: string[]): Rgba {
  context.clearRect(0, 0, 1, 1);
  for (const layer of layers) {
    context.fillStyle = layer;
    context.fillRect(0, 0, 1, 1);
  }
  const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
  return { r: r!, g: g!, b: b!, a: a! / 255 };
}

function luminance({ r, g, b }: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2 contrast ratio of two opaque colours, 1–21. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The backgrounds an element is painted over, outermost first, through shadow roots. */
export function backgroundStack(element: Element): string[] {
  const layers: string[] = [];
  for (let node: Element | null = element; node; ) {
    layers.unshift(getComputedStyle(node).backgroundColor);
    const parent: Node | null = node.assignedSlot ?? node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : parent instanceof Element ? parent : null;
  }
  return layers;
}

/** The colour `element`'s background shows on screen: its stack composited over the canvas. */
export function shownBackground(element: Element, canvasColour: string): Rgba {
  return composite(canvasColour, ...backgroundStack(element));
}

export function formatRgb({ r, g, b }: Rgba): string {
  return `#${[r, g, b].map((value) => value.toString(16).padStart(2, '0')).join('')}`;
}
