import { css } from 'lit';

/**
 * The import dialog (adopted after the editor view's styles, whose controls, buttons, titles
 * and dialog frame it shares): a wider dialog, and a preview table that scrolls within it.
 * Each row says its result in words; the edge colour only repeats it. Every cell breaks between
 * words, never inside one (the dialog lets words break anywhere, which made "Deta lles" at
 * 360 px); a word too long for the dialog scrolls the preview sideways instead.
 */
export const styles = css`
  dialog[part~='import-dialog'] {
    inline-size: min(48rem, 94vw);
    max-width: min(48rem, 94vw);
    box-sizing: border-box;
  }

  .import-body {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
  }

  .import-body textarea {
    inline-size: 100%;
    font-family: ui-monospace, monospace;
  }

  .import-body > p,
  .import-body ul {
    margin: 0;
  }

  .import-scroll {
    max-block-size: min(50vh, 24rem);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  [part~='import-preview'] {
    inline-size: 100%;
    border-collapse: collapse;
  }

  [part~='import-preview'] caption {
    text-align: start;
  }

  [part~='import-preview'] th,
  [part~='import-preview'] td {
    text-align: start;
    vertical-align: top;
    padding: calc(var(--_space) / 2);
    border-block-end: 1px solid var(--_border);
    unicode-bidi: plaintext;
  }

  [part~='import-preview'] :is(th, td) {
    overflow-wrap: break-word;
  }

  [part~='import-row'] > :is(:nth-child(1), :nth-child(3)) {
    white-space: nowrap;
  }

  [part~='import-preview'] thead th {
    position: sticky;
    inset-block-start: 0;
    background: var(--_surface-raised);
  }

  [part~='import-row'] > :first-child {
    border-inline-start: 4px solid transparent;
  }

  [part~='import-row-create'] > :first-child {
    border-inline-start-color: var(--_positive);
  }

  [part~='import-row-update'] > :first-child {
    border-inline-start-color: var(--_accent);
  }

  [part~='import-row-invalid'] > :first-child {
    border-inline-start-color: var(--_danger);
  }

  [part~='import-row-invalid'] .details {
    color: var(--_danger);
  }

  .import-body progress {
    inline-size: 100%;
  }

  .import-title:focus {
    outline: none;
  }
`;
