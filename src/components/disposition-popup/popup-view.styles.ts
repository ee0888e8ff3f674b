import { css } from 'lit';

// The styles of the popup's view (form and countdown), adopted by the popup with its code. No
// comments inside the CSS (it ships as written): the countdown's stage colours keep its text at
// 4.5:1 on the raised surface in light and dark; Extend sits beside the time, or below it where
// the two do not fit; under forced colours the bar keeps system colours of its own, which would
// otherwise paint the fill as the track.
export const styles = css`
  label {
    font-weight: 600;
  }

  textarea {
    box-sizing: border-box;
    width: 100%;
    min-height: 4.5rem;
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2);
  }

  [part~='hint'] {
    margin: 0;
    color: var(--_text-muted);
  }

  .actions {
    position: sticky;
    inset-block-end: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: flex-end;
    padding-block: calc(var(--_space) / 2);
    background: var(--_surface);
  }

  .countdown {
    --_warning: var(--outcome-color-warning, light-dark(#8a5c00, #d29922));
    --_stage: var(--_accent);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) / 2) var(--_space);
    padding: var(--_space);
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_stage);
    border-radius: var(--_radius);
  }

  [part~='countdown-half'] {
    --_stage: var(--_warning);
  }

  [part~='countdown-urgent'] {
    --_stage: var(--_danger);
  }

  .countdown p {
    margin: 0;
  }

  [part~='extend'] {
    margin-inline-start: auto;
  }

  .time {
    white-space: nowrap;
    font-size: 1.25em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  [part~='countdown-half'] .time,
  [part~='countdown-urgent'] .time {
    color: var(--_stage);
  }

  .wide,
  progress {
    flex-basis: 100%;
  }

  progress {
    appearance: none;
    box-sizing: border-box;
    width: 100%;
    height: 0.625rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 999px;
    overflow: hidden;
  }

  progress::-webkit-progress-bar {
    background: transparent;
  }

  progress::-webkit-progress-value {
    background: var(--_stage);
  }

  progress::-moz-progress-bar {
    background: var(--_stage);
  }

  @media (forced-colors: active) {
    progress {
      forced-color-adjust: none;
      color: CanvasText;
      background: Canvas;
      border-color: CanvasText;
    }

    progress::-webkit-progress-value {
      background: Highlight;
    }
  }
`;
