import { en, type MessageKey, type Messages } from './en.js';

export type { MessageKey, Messages };

/**
 * English is built in. Other locales are registered: `outcome-elements/define` registers every
 * shipped one (Spanish); a host that imports single elements registers what it needs, so each
 * element entry carries one catalogue, not all of them.
 */
const catalogues = new Map<string, Partial<Messages>>([['en', en]]);
const listeners = new Set<() => void>();

/** Adds or replaces a locale (a BCP 47 tag such as `fr` or `pt-BR`); shown elements re-render. */
export function registerLocale(tag: string, messages: Messages): void {
  catalogues.set(tag.toLowerCase(), messages);
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever a locale is registered; returns the function that stops it. */
export function onLocaleRegistered(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The shipped and registered locale tags. */
export function availableLocales(): string[] {
  return [...catalogues.keys()];
}

/** The best catalogue for a language tag: exact, then its language alone, then English. */
export function resolveLocale(lang: string | null | undefined): { tag: string; messages: Partial<Messages> } {
  const tag = (lang ?? '').trim().toLowerCase();
  for (const candidate of [tag, tag.split('-')[0] ?? '']) {
    const messages = catalogues.get(candidate);
    if (messages) return { tag: candidate, messages };
  }
  return { tag: 'en', messages: en };
}

type Args<K extends MessageKey> = Messages[K] extends (...args: infer A) => string ? A : [];

/**
 * One message with its values filled in: from the locale's catalogue, else from the element's
 * own English strings, else from the shared English ones.
 */
export function format<K extends MessageKey>(
  catalogues: readonly Partial<Messages>[],
  key: K,
  ...args: Args<K>
): string {
  const entry = catalogues.find((messages) => messages[key] !== undefined)?.[key] as
    | string
    | ((...values: unknown[]) => string)
    | undefined;
  if (entry === undefined) return key;
  return typeof entry === 'function' ? entry(...args) : entry;
}
