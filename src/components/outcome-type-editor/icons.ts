import { svg } from 'lit';

/** A drawn lock (no emoji font needed), coloured by the text; its reason is the wrapper's label. */
export const LOCK = svg`<svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5A1 1 0 0 1 13 8v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1zm1.75 0h3.5V5a1.75 1.75 0 0 0-3.5 0z"/></svg>`;

/**
 * The drag handle's grip and the row menu's three dots, drawn (no font needed); each dot is a
 * zero-length stroke with a round cap, so an icon is two elements in every row, not eight.
 */
export const GRIP = svg`<svg viewBox="0 0 10 16" width="10" height="16" aria-hidden="true" focusable="false"><path d="M3 3h0M7 3h0M3 8h0M7 8h0M3 13h0M7 13h0" stroke="currentColor" stroke-width="3" stroke-linecap="round"/></svg>`;
export const DOTS = svg`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path d="M8 3h0M8 8h0M8 13h0" stroke="currentColor" stroke-width="3" stroke-linecap="round"/></svg>`;
