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
