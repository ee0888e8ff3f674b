import { webStorage } from './web-storage.js';

/** How many keys are kept per adapter and user, whatever `recent` asks to show. */
const KEPT = 20;
const PREFIX = 'outcome-elements:recent:';

function storageKey(adapterId: string, user: string): string {
  return `${PREFIX}${adapterId}:${user}`;
}

/**
 * The outcome keys an agent chose most recently on this device for one adapter (and one user,
 * `recent-key`; '' when the host names none), most recent first. Kept in localStorage: they
 * describe the agent's habits, not a record, so losing them loses nothing that matters.
 */
export function recentOutcomes(adapterId: string, user: string, limit: number): string[] {
  if (!adapterId || limit <= 0) return [];
  let keys: unknown;
  try {
    keys = JSON.parse(webStorage('localStorage').getItem(storageKey(adapterId, user)) ?? '[]');
  } catch {
    return [];
  }
  return Array.isArray(keys) ? keys.filter((key): key is string => typeof key === 'string' && key !== '').slice(0, limit) : [];
}

/** Puts a key first among the recents of an adapter and user. */
export function rememberRecent(adapterId: string, user: string, outcomeKey: string): void {
  if (!adapterId || !outcomeKey) return;
  const keys = [outcomeKey, ...recentOutcomes(adapterId, user, KEPT).filter((key) => key !== outcomeKey)].slice(0, KEPT);
  try {
    webStorage('localStorage').setItem(storageKey(adapterId, user), JSON.stringify(keys));
  } catch {
    // A full or refused storage only costs the shortcut.
  }
}
