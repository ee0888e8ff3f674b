import { css } from 'lit';

/**
 * The editor's view: list, form and dialog (adopted after the element's own styles, which it
 * extends). Cells take their text's own direction (`unicode-bidi: plaintext`), so an English
 * name on a right-to-left page is cut at its end, not its start, and still aligns right.
 *
 * Kept out of the CSS, which ships as written:
 * - While a form is open, the host's width decides where it goes: beside the list, or a modal dialog. Only then: a query container contains its layout, which would stop the margins of the loading and empty messages from collapsing as they do before the view arrives.
 * - The row whose form is open: tinted, with a bar on its start side.
 * - Names come from backends and users: a word of any length wraps rather than widening the form, its dialog or its messages past the host; so do the grids that hold them (one column that may shrink below its content) and the controls in them.
 * - A checkbox or radio inside its label, box on the start side: the whole label is the target.
 * - A Save that met another admin's work: both versions of each field, side by side.
 * - The list, and the form's panel beside it while a form is open.
 * - Narrow hosts: a modal dialog that fits the window and scrolls inside.
 * - Wide hosts: a second column, the panel in the flow beside the list (the view shows it non-modally when it finds two columns), kept in view while the page scrolls.
 */
export const styles = css`
  :host {
    --_max-width: var(--outcome-type-editor-max-width, 40rem);
    --_row-height: var(--outcome-type-editor-row-height, 2.75rem);
    --_list-height: var(--outcome-type-editor-list-height, 30rem);
    --_handle-size: calc(var(--_target-size) + var(--_space));
    --_cell-padding: calc(var(--_space) / 2);
    --_panel-width: var(--outcome-type-editor-panel-width, 24rem);
  }

  :host(:state(editing)) {
    container: outcome-type-editor / inline-size;
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

  .table-scroll {
    container-type: inline-size;
    max-block-size: var(--_list-height);
    overflow-x: hidden;
    overflow-y: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  [part~='table'] {
    --_tracks: minmax(0, 1fr);
    display: block;
    inline-size: 100%;
  }

  [part~='table'] thead {
    display: block;
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--_surface-raised);
  }

  [part~='table'] tbody {
    display: block;
    position: relative;
  }

  [part~='table'] tr {
    display: grid;
    grid-template-columns: var(--_tracks);
    align-items: center;
    box-sizing: border-box;
    border-block-end: 1px solid var(--_border);
  }

  [part~='table'] tbody tr {
    position: absolute;
    inset-inline: 0;
    block-size: var(--_row-height);
    background: var(--_surface);
  }

  [part~='table'] tbody tr:focus-visible {
    outline-offset: -2px;
  }

  [part~='table'] th,
  [part~='table'] td {
    min-inline-size: 0;
    text-align: start;
    padding: var(--_cell-padding);
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  [part~='table'] thead th {
    color: var(--_text-muted);
    font-weight: 600;
  }

  [part~='name'] {
    font-weight: 600;
  }

  [part~='table'] td,
  .line,
  .summary {
    unicode-bidi: plaintext;
  }

  [part~='table'] td:dir(rtl),
  .line:dir(rtl),
  .summary:dir(rtl) {
    text-align: right;
  }

  .line,
  .summary {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .summary {
    display: none;
    font-weight: 400;
    color: var(--_text-muted);
  }

  .lock-icon {
    display: inline-flex;
    vertical-align: middle;
    margin-inline-end: 0.25em;
    color: var(--_text-muted);
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

  [part~='table'] .actions-cell {
    display: flex;
    justify-content: flex-end;
    overflow: visible;
  }

  .inline-actions {
    display: inline-flex;
    inline-size: max-content;
    gap: calc(var(--_space) / 2);
  }

  [part~='table'] [part~='row-menu'] {
    display: none;
  }

  button.icon {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    padding-inline: calc(var(--_space) / 2);
  }

  [part~='drag-handle'] {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-inline-size: var(--_target-size);
    min-block-size: var(--_target-size);
    cursor: grab;
    touch-action: none;
    user-select: none;
    color: var(--_text-muted);
  }

  tr.dragging {
    opacity: 0.5;
  }

  tr.drop-target {
    outline: 2px dashed var(--_accent);
    outline-offset: -2px;
  }

  [part~='table'] tbody tr[aria-current='true'] {
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
    box-shadow: inset 0.25rem 0 0 var(--_accent);
  }

  [part~='table'] tbody tr[aria-current='true']:dir(rtl) {
    box-shadow: inset -0.25rem 0 0 var(--_accent);
  }

  @container (width < 40rem) or ((width < 56rem) and style(--_columns: some)) or ((width < 72rem) and style(--_columns: many)) {
    [part~='table'] tr {
      display: flex;
    }

    [part~='table'] tbody tr {
      block-size: calc(var(--_row-height) + 1.25rem);
    }

    [part~='table'] .column,
    .inline-actions {
      display: none;
    }

    [part~='table'] .name-cell {
      flex: 1;
    }

    .handle-cell,
    [part~='table'] .actions-cell {
      flex: none;
    }

    .handle-cell {
      inline-size: var(--_handle-size);
      box-sizing: border-box;
    }

    .summary {
      display: block;
    }

    [part~='table'] [part~='row-menu'] {
      display: inline-flex;
    }
  }

  .menu[popover] {
    position: fixed;
    inset: auto;
    margin: 0;
    min-inline-size: 10rem;
    padding: calc(var(--_space) / 4);
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
  }

  [role='menuitem'] {
    display: flex;
    align-items: center;
    min-block-size: var(--_target-size);
    padding: calc(var(--_space) / 2) var(--_space);
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }

  [role='menuitem']:hover,
  [role='menuitem']:focus {
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
  }

  [role='menuitem']:focus-visible {
    outline-offset: -2px;
  }

  [role='menuitem'][aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }

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
    min-block-size: var(--_target-size);
  }

  .choice > input {
    flex: none;
    margin: 0;
    min-block-size: 0;
    inline-size: 1.125rem;
    block-size: 1.125rem;
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

  [part~='conflict'],
  [part~='deleted-elsewhere'] {
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-block: var(--_space);
  }

  :is([part~='conflict'], [part~='deleted-elsewhere']) > p:first-child {
    margin-block-start: 0;
  }

  .differences {
    list-style: none;
    padding: 0;
  }

  [part~='difference'] {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: calc(var(--_space) / 2) var(--_space);
    padding-block: calc(var(--_space) / 2);
    border-block-end: 1px solid var(--_border);
    overflow-wrap: anywhere;
  }

  [part~='difference'] .field-name,
  [part~='difference'] .kept {
    grid-column: 1 / -1;
  }

  [part~='difference'] .field-name {
    font-weight: 600;
  }

  [part~='difference'] .kept {
    color: var(--_text-muted);
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

  .layout.with-form {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
    align-items: start;
  }

  .list-side {
    min-inline-size: 0;
  }

  [part~='form-panel'] {
    box-sizing: border-box;
    inline-size: min(36rem, calc(100vw - 2rem));
    max-width: calc(100vw - 2rem);
    max-block-size: calc(100dvh - 2rem);
    overflow: auto;
    padding: var(--_space) calc(var(--_space) * 1.5);
  }

  @container outcome-type-editor (width >= 56rem) {
    .layout.with-form {
      grid-template-columns: minmax(0, 1fr) var(--_panel-width);
    }

    [part~='form-panel'] {
      position: sticky;
      inset-block-start: 0;
      inline-size: auto;
      max-width: none;
      max-block-size: 100dvh;
      margin: 0;
    }
  }

  @media (forced-colors: active) {
    [part~='table'] tbody tr[aria-current='true'] {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }
  }

  @media (forced-colors: active) {
    button.primary,
    button.danger {
      border: 2px solid ButtonText;
    }
    tr.drop-target {
      outline-color: Highlight;
    }
    [role='menuitem']:focus {
      outline: 2px solid Highlight;
    }
  }

`;
