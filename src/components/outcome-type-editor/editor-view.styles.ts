import { css } from 'lit';

/** The editor's view: list, form and dialog (adopted after the element's own styles, which it extends). */
export const styles = css`
  :host {
    --_max-width: var(--outcome-type-editor-max-width, 40rem);
  }

  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    min-height: var(--_target-size);
    box-sizing: border-box;
  }

  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    max-inline-size: 100%;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2) var(--_space);
  }

  input[readonly],
  select:disabled {
    background: var(--_surface-raised);
    color: var(--_text-muted);
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_surface);
  }

  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface);
  }

  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space);
    margin-block-end: var(--_space);
  }

  .control {
    display: inline-grid;
    gap: calc(var(--_space) / 4);
  }

  [part~='new-button'] {
    margin-inline-start: auto;
  }

  [part~='table'] {
    width: 100%;
    border-collapse: collapse;
  }

  [part~='table'] th,
  [part~='table'] td {
    text-align: start;
    padding: calc(var(--_space) / 2) var(--_space);
    border-block-end: 1px solid var(--_border);
    vertical-align: middle;
  }

  thead th {
    color: var(--_text-muted);
    font-weight: 600;
  }

  [part~='name'] {
    font-weight: 600;
  }

  [part~='badge'] {
    display: inline-block;
    font-size: 0.75em;
    font-weight: 400;
    padding: 0 0.4em;
    border: 1px solid currentColor;
    border-radius: 999px;
    color: var(--_text-muted);
  }

  [part~='actions'] {
    white-space: nowrap;
    text-align: end;
  }

  [part~='actions'] button + button {
    margin-inline-start: calc(var(--_space) / 2);
  }

  [part~='drag-handle'] {
    cursor: grab;
    touch-action: none;
    user-select: none;
    color: var(--_text-muted);
    padding-inline: calc(var(--_space) / 2);
  }

  tr.dragging {
    opacity: 0.5;
  }

  tr.drop-target {
    outline: 2px dashed var(--_accent);
    outline-offset: -2px;
  }

  /* Names come from backends and users: a word of any length wraps rather than widening the
     form, its dialog or its messages past the host; so do the grids that hold them (one column
     that may shrink below its content) and the controls in them. */
  [part~='form'],
  [part~='form-error'],
  [part~='status'],
  dialog {
    overflow-wrap: anywhere;
  }

  [part~='form'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
    max-width: var(--_max-width);
  }

  .title {
    font-size: 1.15em;
    font-weight: 600;
    margin: 0;
  }

  [part~='field'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) / 4);
  }

  [part~='field'] > label,
  legend {
    font-weight: 600;
  }

  fieldset {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    min-inline-size: 0;
    gap: calc(var(--_space) / 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0;
    padding: var(--_space);
  }

  .choice {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }

  [part~='hint'],
  [part~='note'] {
    color: var(--_text-muted);
    margin: 0;
  }

  [part~='field-error'],
  [part~='form-error'] {
    color: var(--_danger);
    margin: 0;
  }

  [part~='field-error']:empty,
  [part~='form-error']:empty {
    display: none;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
  }

  .buttons {
    display: flex;
    gap: var(--_space);
  }

  dialog {
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    max-width: min(32rem, 90vw);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }

  @media (forced-colors: active) {
    button.primary,
    button.danger {
      border: 2px solid ButtonText;
    }
    tr.drop-target {
      outline-color: Highlight;
    }
  }

  .table-scroll {
    max-inline-size: 100%;
    overflow-x: auto;
  }
`;
