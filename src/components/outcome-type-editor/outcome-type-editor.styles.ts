import { css } from 'lit';

/**
 * What the element shows before its view arrives (loading, or the view could not be fetched,
 * with a retry button), laid out as the view lays out the same messages: nothing moves when it
 * arrives. The view's own styles are in editor-view.styles.ts, adopted with it.
 */
export const styles = css`
  :host {
    display: block;
  }

  button {
    font: inherit;
    color: inherit;
    min-height: var(--_target-size);
    box-sizing: border-box;
    min-width: var(--_target-size);
    padding: calc(var(--_space) / 2) var(--_space);
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }

  [part~='status'] {
    padding: var(--_space);
    color: var(--_text-muted);
  }
`;
