import { css } from 'lit';

/**
 * The base design tokens. Every element reads the public `--outcome-*` custom properties
 * through these private `--_*` ones, so a host overrides a token once, on any ancestor, and an
 * unset token falls back to a value that works in light and dark schemes and forced colors.
 *
 * Light or dark follows the page's CSS `color-scheme`, as native form controls do: a page that
 * declares `color-scheme: light dark` gets the user's preference, `color-scheme: dark` gets
 * dark, and a page that declares nothing stays light, so the elements never turn dark inside a
 * page that is not. `--outcome-color-scheme` (on any ancestor) overrides it for the elements
 * alone. Both inherit through shadow roots, which an attribute selector on an ancestor cannot
 * reach without `:host-context()` (Chromium only). `.visually-hidden` is read by assistive
 * technology and not shown. (Comments inside the CSS would ship to every page.)
 *
 * The font is the system's UI font unless `--outcome-font-family` names another: a page that
 * sets no font would otherwise show the elements in the browser's serif.
 */
export const tokens = css`
  :host {
    --_font: var(--outcome-font-family, system-ui, sans-serif);
    --_font-size: var(--outcome-font-size, 0.875rem);
    --_text: var(--outcome-color-text, light-dark(#1f2328, #e6edf3));
    --_text-muted: var(--outcome-color-text-muted, light-dark(#59636e, #9198a1));
    --_surface: var(--outcome-color-surface, light-dark(#ffffff, #0d1117));
    --_surface-raised: var(--outcome-color-surface-raised, light-dark(#f6f8fa, #151b23));
    --_border: var(--outcome-color-border, light-dark(#d1d9e0, #3d444d));
    --_accent: var(--outcome-color-accent, light-dark(#0969da, #4493f8));
    --_danger: var(--outcome-color-danger, light-dark(#d1242f, #f85149));
    --_positive: var(--outcome-color-positive, light-dark(#116329, #3fb950));
    --_negative: var(--outcome-color-negative, light-dark(#a40e26, #f85149));
    --_neutral: var(--outcome-color-neutral, light-dark(#59636e, #9198a1));
    --_radius: var(--outcome-radius, 6px);
    --_space: var(--outcome-space, 0.5rem);
    --_focus-ring: var(--outcome-focus-ring, 2px solid var(--_accent));
    --_target-size: var(--outcome-target-size, 24px);
    color-scheme: var(--outcome-color-scheme, inherit);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }

  :host([hidden]) {
    display: none !important;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    :host {
      --_positive: CanvasText;
      --_negative: CanvasText;
      --_neutral: CanvasText;
      --_accent: Highlight;
      --_border: CanvasText;
      --_focus-ring: 2px solid Highlight;
    }
  }
`;
