import { css } from 'lit';

/**
 * What the element shows without its view (loading, nothing pending, the view could not be
 * fetched, with a retry button), laid out as the view lays out its list: nothing moves when it
 * arrives. The view's own styles are in outbox-view.styles.ts, adopted with it.
 */
export const styles = css`
  :host {
    display: block;
  }

  p {
    margin: 0;
  }

  [part~='empty'],
  [part~='status'] {
    color: var(--_text-muted);
  }

  div[part~='status'] {
    display: grid;
    gap: var(--_space);
    justify-items: start;
  }

  button {
    min-height: var(--_target-size);
    min-width: var(--_target-size);
    padding: calc(var(--_space) / 2) var(--_space);
    font: inherit;
    color: inherit;
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
`;
