/**
 * The items of a list by key, indexed at the first lookup, not when the list is read: a list
 * is read whole on every load (10,000 items at the budget), while lookups come later, after a
 * write or a record, and many loads see none.
 */
export class LazyIndex<K, V> {
  readonly #items: readonly V[];
  readonly #keyOf: (item: V) => K;
  #byKey: Map<K, V> | undefined;

  constructor(items: readonly V[], keyOf: (item: V) => K) {
    this.#items = items;
    this.#keyOf = keyOf;
  }

  #index(): Map<K, V> {
    return (this.#byKey ??= new Map(this.#items.map((item) => [this.#keyOf(item), item])));
  }

  get(key: K): V | undefined {
    return this.#index().get(key);
  }

  set(key: K, item: V): void {
    this.#index().set(key, item);
  }

  delete(key: K): void {
    this.#index().delete(key);
  }

  values(): IterableIterator<V> {
    return this.#index().values();
  }
}
