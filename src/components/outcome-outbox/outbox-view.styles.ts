import { css } from 'lit';

/** The outbox's view: the list and the discard dialog (adopted after the element's own styles, which it extends). */
export const styles = css`
  [part~='list'] {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part~='entry'] {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: var(--_space);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_text-muted);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }

  [part~='entry-refused'] {
    border-inline-start-color: var(--_danger);
  }

  [part~='entry-deferred'] {
    border-inline-start-color: var(--_accent);
  }

  .subject {
    font-weight: 600;
  }

  .meta {
    color: var(--_text-muted);
  }

  [part~='error'] {
    color: var(--_danger);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }

  button[aria-disabled='true'] {
    cursor: progress;
  }

  .danger {
    color: var(--_surface);
    background: var(--_danger);
    border-color: var(--_danger);
  }

  dialog {
    box-sizing: border-box;
    max-width: min(28rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 2);
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    overflow-wrap: anywhere;
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }

  dialog[open] {
    display: grid;
    gap: var(--_space);
  }

  dialog .actions {
    justify-content: flex-end;
  }

  .title {
    font-weight: 600;
    font-size: 1.1em;
  }
`;
