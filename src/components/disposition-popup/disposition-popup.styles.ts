import { css } from 'lit';

/** The dialog and what it shows before its view arrives (the view's own styles come with it). */
export const styles = css`
  :host {
    display: contents;
  }

  dialog {
    box-sizing: border-box;
    width: min(32rem, calc(100vw - 2rem));
    margin-block: min(8dvh, 4rem) auto;
    max-height: calc(100dvh - min(8dvh, 4rem) - 1rem);
    padding: 0;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
    box-shadow: 0 1rem 3rem rgb(0 0 0 / 0.3);
  }

  dialog::backdrop {
    background: var(--outcome-popup-backdrop, rgb(0 0 0 / 0.45));
  }

  form {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
  }

  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }

  h2 {
    margin: 0;
    font-size: 1.15em;
  }

  button {
    min-height: var(--_target-size);
    min-width: var(--_target-size);
    font: inherit;
    color: inherit;
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2) var(--_space);
    cursor: pointer;
  }

  button[part~='submit'] {
    color: var(--_surface);
    background: var(--_accent);
    border-color: var(--_accent);
  }

  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: default;
  }

  [part~='error'] {
    margin: 0;
    color: var(--_danger);
  }
`;
