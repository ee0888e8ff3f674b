import { css } from 'lit';

// Only the field at fault is marked: the list when the outcome is (its message, #value-error,
// follows it), the date field when the date is. The scheduler's box has about its height while
// its code arrives, and keeps its space, unseen and inert, while the chosen outcome needs none.
// (No comments inside the CSS: the template ships as written.) A row: the radio mark, the name,
// its classification next to it (icon and word), and with `shortcuts` the digit at the end.
// Loading shows the list's box, five rows of their final height, with a bar in each row after
// the first that says what is loading.
export const styles = css`
  :host {
    display: block;
    --_row-height: var(--outcome-picker-row-height, 2.25rem);
    --_max-height: var(--outcome-picker-max-height, 20rem);
  }


  [part~='search'] {
    box-sizing: border-box;
    width: 100%;
    min-height: var(--_target-size);
    margin-block-end: var(--_space);
    padding: calc(var(--_space) / 2) var(--_space);
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  [part~='list'] {
    position: relative;
    max-height: var(--_max-height);
    overflow-y: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .spacer {
    position: relative;
  }

  [part~='choice'],
  [part~='group'] {
    position: absolute;
    inset-inline: 0;
    box-sizing: border-box;
    height: var(--_row-height);
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding-inline: var(--_space);
  }

  [part~='group'] {
    font-weight: 600;
    color: var(--_text-muted);
    background: var(--_surface-raised);
  }

  [part~='choice'] {
    min-height: var(--_target-size);
    cursor: pointer;
  }

  [part~='choice']:hover {
    background: var(--_surface-raised);
  }

  [part~='choice'][aria-checked='true'] {
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
    font-weight: 600;
  }

  [part~='choice']:focus-visible {
    outline-offset: -2px;
  }

  .mark {
    flex: none;
    inline-size: 1rem;
    block-size: 1rem;
    border: 2px solid var(--_border);
    border-radius: 50%;
    box-sizing: border-box;
  }

  [aria-checked='true'] .mark {
    border: 5px solid var(--_accent);
  }

  [part~='name'] {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  [part~='match'] {
    color: inherit;
    background: color-mix(in srgb, var(--_accent) 22%, transparent);
    border-radius: 2px;
    text-decoration: underline;
  }

  [part~='classification'] {
    flex: none;
    font-size: 0.8125em;
    font-weight: 400;
    white-space: nowrap;
  }

  [part~='shortcut'] {
    flex: none;
    margin-inline-start: auto;
    min-inline-size: 1.5em;
    box-sizing: border-box;
    text-align: center;
    font-size: 0.8125em;
    font-weight: 400;
    font-variant-numeric: tabular-nums;
    color: var(--_text-muted);
    border: 1px solid var(--_border);
    border-block-end-width: 2px;
    border-radius: 4px;
  }

  [part~='choice-positive'] [part~='classification'] {
    color: var(--_positive);
  }

  [part~='choice-negative'] [part~='classification'] {
    color: var(--_negative);
  }

  [part~='choice-neutral'] [part~='classification'] {
    color: var(--_neutral);
  }

  [part~='description'],
  [part~='note'] {
    color: var(--_text-muted);
    margin-block: calc(var(--_space) / 2);
  }

  :host([reserve-space]) [part~='description'] {
    min-block-size: 1lh;
  }

  [part~='stale-note'] {
    margin-block: 0 calc(var(--_space) / 2);
    padding: calc(var(--_space) / 2) var(--_space);
    border-inline-start: 3px solid var(--_text-muted);
    background: var(--_surface-raised);
  }

  [part~='status'] {
    margin: 0;
    padding: var(--_space);
    color: var(--_text-muted);
  }

  .loading {
    box-sizing: border-box;
    block-size: min(var(--_max-height), calc(5 * var(--_row-height) + 2px));
    padding-block: 0;
    line-height: var(--_row-height);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: repeating-linear-gradient(
        transparent 0 calc(var(--_row-height) / 3),
        color-mix(in srgb, var(--_text-muted) 15%, transparent) 0 calc(var(--_row-height) * 2 / 3),
        transparent 0 var(--_row-height)
      )
      var(--_space) var(--_row-height) / 60% calc(100% - var(--_row-height)) no-repeat;
  }

  [part~='error'] {
    color: var(--_danger);
    margin-block: calc(var(--_space) / 2);
  }

  button {
    min-height: var(--_target-size);
    min-width: var(--_target-size);
    padding: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    font: inherit;
    color: var(--_text);
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }

  button:hover {
    border-color: var(--_accent);
  }

  [part~='scheduled-at'] {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin-block-start: var(--_space);
  }

  [part~='list']:has(~ #value-error) {
    border-color: var(--_danger);
  }

  [part~='scheduled-at'].arriving {
    min-block-size: 9.5rem;
  }

  [part~='scheduled-at'][inert] {
    visibility: hidden;
  }

  :host(:state(disabled)) {
    opacity: 0.6;
    pointer-events: none;
  }
`;
