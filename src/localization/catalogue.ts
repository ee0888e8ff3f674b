import { en, type MessageKey, type Messages } from './en.js';

export type { MessageKey, Messages };

/**
 * English is built in. Other locales are registered: `outcome-elements/define` registers every
 * shipped one (Spanish) to load on demand; a host that imports single elements registers what
 * it needs, so no page downloads catalogues it does not show.
 */
const catalogues = new Map<string, Partial<Messages>>([['en', en]]);
const loaders = new Map<string, () => Promise<Messages>>();
const loading = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();

/** Adds or replaces a locale (a BCP 47 tag such as `fr` or `pt-BR`); shown elements re-render. */
export function registerLocale(tag: string, messages: Messages): void {
  catalogues.set(tag.toLowerCase(), messages);
  for (const listener of listeners) listener();
}

/**
 * Registers a locale that is fetched the first time an element shows it (a dynamic import), so
 * pages in other languages do not pay for it. Elements wait for it before their first render.
 */
export function registerLocaleLoader(tag: string, load: () => Promise<Messages>): void {
  loaders.set(tag.toLowerCase(), load);
}

/** Calls `listener` whenever a locale is registered; returns the function that stops it. */
export function onLocaleRegistered(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The registered locale tags, those loaded on demand included. */
export function availableLocales(): string[] {
  return [...new Set([...catalogues.keys(), ...loaders.keys()])];
}

/**
 * The best catalogue for a language tag: exact, then its language alone, then English. When
 * the best one is registered to load on demand, loading starts, English stands in, and `ready`
 * settles once the catalogue is registered (elements re-render then).
 */
export function resolveLocale(lang: string | null | undefined): {
  tag: string;
  messages: Partial<Messages>;
  ready?: Promise<void>;
} {
  const tag = (lang ?? '').trim().toLowerCase();
  for (const candidate of [tag, tag.split('-')[0] ?? '']) {
    const messages = catalogues.get(candidate);
    if (messages) return { tag: candidate, messages };
    const ready = load(candidate);
    if (ready) return { tag: 'en', messages: en, ready };
  }
  return { tag: 'en', messages: en };
}

function load(tag: string): Promise<void> | undefined {
  const loader = loaders.get(tag);
  if (!loader) return undefined;
  let ready = loading.get(tag);
  if (!ready) {
    ready = loader().then(
      (messages) => registerLocale(tag, messages),
      (error: unknown) => {
        // Offline or blocked: English stays, said once, not retried on every render.
        loaders.delete(tag);
        console.warn(`outcome-elements: the "${tag}" catalogue could not be loaded; showing English.`, error);
      },
    );
    loading.set(tag, ready);
  }
  return ready;
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
