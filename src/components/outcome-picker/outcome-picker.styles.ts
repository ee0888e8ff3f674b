import { css } from 'lit';

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
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  [part~='classification'] {
    flex: none;
    font-size: 0.75em;
    padding: 0 0.4em;
    border: 1px solid currentColor;
    border-radius: 999px;
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
  [part~='note'],
  .zone {
    color: var(--_text-muted);
    margin-block: calc(var(--_space) / 2);
  }

  [part~='stale-note'] {
    margin-block: 0 calc(var(--_space) / 2);
    padding: calc(var(--_space) / 2) var(--_space);
    border-inline-start: 3px solid var(--_text-muted);
    background: var(--_surface-raised);
  }

  [part~='status'] {
    padding: var(--_space);
    color: var(--_text-muted);
  }

  [part~='error'] {
    color: var(--_danger);
    margin-block: calc(var(--_space) / 2);
  }

  button {
    min-height: var(--_target-size);
    min-width: var(--_target-size);
    font: inherit;
  }

  [part~='scheduled-at'] {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin-block-start: var(--_space);
  }

  [part~='scheduled-at'] input {
    min-height: var(--_target-size);
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2);
  }

  :host(:state(user-invalid)) [part~='list'],
  [part~='scheduled-at'] input[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  :host(:state(disabled)) {
    opacity: 0.6;
    pointer-events: none;
  }
`;
