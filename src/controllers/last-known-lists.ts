import type { OutcomeType } from '../model/types.js';
import { pageStore, type KeyedStore } from './idb-store.js';

/** An adapter's last good list, kept so agents can still choose when its backend is down. */
export interface LastKnownList {
  adapterId: string;
  /** When the backend sent it, ISO-8601. */
  fetchedAt: string;
  outcomeTypes: OutcomeType[];
}

/**
 * The last known lists of every adapter, in their own IndexedDB database: adding a store to
 * the outbox's database would need a version change that older tabs, still open at version 1,
 * could not follow.
 */
export function pageLastKnownLists(): KeyedStore<LastKnownList> {
  return pageStore<LastKnownList>({ database: 'outcome-elements-lists', store: 'lists', keyPath: 'adapterId' });
}

/**
 * How a list is stored: as JSON text, not as objects. IndexedDB clones what it stores on the main
 * thread, and cloning 10,000 objects took ≈ 500 ms in one task; stringifying them takes a few
 * milliseconds and a string is copied whole.
 */
interface StoredList {
  adapterId: string;
  fetchedAt: string;
  json: string;
}

/** Keeps an adapter's good list; a device that refuses (private mode, quota) just has none. */
export async function keepLastKnownList(adapterId: string, fetchedAt: string, outcomeTypes: readonly OutcomeType[]): Promise<void> {
  const stored: StoredList = { adapterId, fetchedAt, json: JSON.stringify(outcomeTypes) };
  await pageLastKnownLists().put(stored as unknown as LastKnownList);
}

/** The adapter's last known list, read and checked; undefined when there is none or it is unusable. */
export async function lastKnownList(adapterId: string): Promise<LastKnownList | undefined> {
  const value: unknown = await pageLastKnownLists().get(adapterId);
  if (value && typeof value === 'object' && typeof (value as StoredList).json === 'string') {
    try {
      return readLastKnownList({ ...value, outcomeTypes: JSON.parse((value as StoredList).json) as unknown }, adapterId);
    } catch {
      return undefined;
    }
  }
  // Stored by the version before, as objects.
  return readLastKnownList(value, adapterId);
}

const STRING_FIELDS = ['id', 'key', 'name', 'description', 'classification', 'category', 'kind', 'status'] as const;
const BOOLEAN_FIELDS = ['isSystem', 'requiresFutureScheduledAt'] as const;

/**
 * A stored value as the list of `adapterId`, or undefined when it is not one. Storage outlives
 * versions and can be edited by hand, so every item is checked for what the elements read of it;
 * one item out of shape discards the whole list rather than show part of it as if it were all.
 */
export function readLastKnownList(value: unknown, adapterId: string): LastKnownList | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const list = value as Partial<LastKnownList>;
  if (list.adapterId !== adapterId || typeof list.fetchedAt !== 'string' || Number.isNaN(Date.parse(list.fetchedAt))) return undefined;
  if (!Array.isArray(list.outcomeTypes)) return undefined;
  const wellFormed = list.outcomeTypes.every((item: unknown) => {
    if (!item || typeof item !== 'object') return false;
    const type = item as Record<string, unknown>;
    return (
      STRING_FIELDS.every((field) => typeof type[field] === 'string') &&
      BOOLEAN_FIELDS.every((field) => typeof type[field] === 'boolean') &&
      Number.isFinite(type['ordinal'])
    );
  });
  return wellFormed ? { adapterId, fetchedAt: list.fetchedAt, outcomeTypes: list.outcomeTypes } : undefined;
}
