import { css } from 'lit';

// The follow-up scheduler, adopted after the picker's own styles (which it extends). No comments
// inside the CSS (it ships as written): `.reserved` keeps its place in the layout, unseen and
// inert, while the chosen outcome needs none; a set quick choice is shown by a mark as well as colour,
// in a slot every choice keeps (so setting one never rewraps the row); dates and times read left to right (dir="ltr") but align with the page's text;
// the native calendar is anchored under its button and never seen itself; the zones and the
// error keep their lines (more when narrow), so that neither moves what follows.
export const styles = css`
  .scheduler {
    line-height: 1.4;
    container-type: inline-size;
  }

  .reserved {
    visibility: hidden;
  }

  .scheduler .label {
    font-weight: 600;
  }

  [part~='quick-times'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }

  [part~='quick-time'],
  [part~='calendar-button'] {
    box-sizing: border-box;
    min-height: var(--_target-size);
    padding: calc(var(--_space) / 2) var(--_space);
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }

  [part~='quick-time']:hover,
  [part~='calendar-button']:hover {
    background: var(--_surface-raised);
  }

  [part~='quick-time'][aria-pressed='true'] {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
  }

  [part~='quick-time']::before {
    content: '✓';
    display: inline-block;
    inline-size: 1.1em;
    visibility: hidden;
  }

  [part~='quick-time'][aria-pressed='true']::before {
    visibility: visible;
  }

  .entry {
    position: relative;
    display: flex;
    gap: calc(var(--_space) / 2);
  }

  [part~='date-field'] {
    flex: 1;
    min-width: 0;
    box-sizing: border-box;
    min-height: var(--_target-size);
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2);
  }

  .entry:dir(rtl) [part~='date-field'] {
    text-align: right;
  }

  [part~='date-field']::placeholder {
    color: var(--_text-muted);
    opacity: 1;
  }

  [part~='calendar-button'] {
    display: inline-grid;
    place-items: center;
    flex: none;
  }

  .scheduler input.calendar {
    position: absolute;
    inset-block-end: 0;
    inset-inline-end: 0;
    inline-size: 1px;
    block-size: 1px;
    min-height: 0;
    padding: 0;
    border: 0;
    opacity: 0;
    pointer-events: none;
  }

  .status {
    min-block-size: 3lh;
  }

  @container (max-width: 30rem) {
    .status {
      min-block-size: 5lh;
    }
  }

  .status p {
    margin: 0;
  }

  [part~='zones'] {
    color: var(--_text-muted);
  }

  [part~='date-field'][aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: inset 0 0 0 1px var(--_danger);
  }

  @media (forced-colors: active) {
    [part~='quick-time'][aria-pressed='true'] {
      outline: 2px solid Highlight;
    }

    [part~='date-field'][aria-invalid='true'] {
      outline: 2px solid Mark;
    }
  }
`;
