import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { OutcomeAdapterError } from '../../src/adapters/errors.js';
import { OutcomeStore, type StoreSnapshot } from '../../src/controllers/outcome-store.js';
import { pageLastKnownLists } from '../../src/controllers/last-known-lists.js';
import { DeferredAdapter, outcome } from '../helpers/deferred-adapter.js';

/** Resolves once `check` holds, polling each frame; fails after 2 s. */
async function until(check: () => boolean): Promise<void> {
  const end = Date.now() + 2000;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

describe('OutcomeStore', () => {
  it('is one store per adapter', () => {
    const adapter = new MemoryAdapter();
    expect(OutcomeStore.for(adapter)).to.equal(OutcomeStore.for(adapter));
    expect(OutcomeStore.for(adapter)).not.to.equal(OutcomeStore.for(new MemoryAdapter()));
  });

  it('shares one request between concurrent loads, then answers from the cache', async () => {
    const adapter = new DeferredAdapter();
    const store = OutcomeStore.for(adapter);
    const first = store.load();
    const second = store.load();
    expect(adapter.lists).to.have.length(1);
    expect(store.snapshot.status).to.equal('loading');
    adapter.lists[0]!.resolve([outcome('b', { ordinal: 2 }), outcome('a', { ordinal: 1 })]);
    expect((await first).map((type) => type.key)).to.deep.equal(['a', 'b']);
    expect(await second).to.equal(await first);
    await store.load();
    expect(adapter.lists).to.have.length(1);
    expect(store.snapshot.status).to.equal('ready');
  });

  it('never lets an older answer overwrite a newer one', async () => {
    const adapter = new DeferredAdapter();
    const store = OutcomeStore.for(adapter);
    const older = store.reload();
    const newer = store.reload();
    adapter.lists[1]!.resolve([outcome('fresh')]);
    await newer;
    adapter.lists[0]!.resolve([outcome('stale')]);
    expect((await older).map((type) => type.key)).to.deep.equal(['fresh']);
    expect(store.snapshot.outcomeTypes.map((type) => type.key)).to.deep.equal(['fresh']);
  });

  it('does not let a list that started before a write erase that write', async () => {
    const adapter = new DeferredAdapter();
    const store = OutcomeStore.for(adapter);
    const initial = store.load();
    adapter.lists[0]!.resolve([outcome('a')]);
    await initial;
    const before = store.reload();
    await store.create({ key: 'written', name: 'Written' } as never);
    adapter.lists[1]!.resolve([outcome('a')]);
    // The store asked again; that answer includes the write.
    await Promise.resolve();
    expect(adapter.lists).to.have.length(3);
    adapter.lists[2]!.resolve([outcome('a'), adapter.created[0]!]);
    expect((await before).map((type) => type.key)).to.deep.equal(['written', 'a']);
    expect(store.snapshot.outcomeTypes.map((type) => type.key)).to.include('written');
  });

  it('tells every subscriber about writes, in canonical order', async () => {
    const store = OutcomeStore.for(new MemoryAdapter());
    await store.load();
    const seen: StoreSnapshot[] = [];
    const stop = store.subscribe((snapshot) => seen.push(snapshot));
    const created = await store.create({
      key: 'sale', name: 'Sale', description: '', classification: 'positive', category: 'response',
      kind: 'disposition', ordinal: 0, status: 'active', requiresFutureScheduledAt: false,
    });
    expect(seen.at(-1)!.outcomeTypes.map((type) => type.key).slice(0, 2)).to.deep.equal(['impression', 'sale']);
    await store.update(created.id, { name: 'Big sale' });
    expect(seen.at(-1)!.outcomeTypes.find((type) => type.id === created.id)!.name).to.equal('Big sale');
    await store.delete(created.id);
    expect(seen.at(-1)!.outcomeTypes.some((type) => type.id === created.id)).to.be.false;
    stop();
    await store.reload();
    expect(seen).to.have.length(3);
  });

  it('keeps a failed first load as an error state, and a failed reload next to the last good list', async () => {
    const adapter = new DeferredAdapter();
    const store = OutcomeStore.for(adapter);
    const failing = store.load();
    adapter.lists[0]!.reject(new TypeError('Failed to fetch'));
    const error = await failing.catch((e: unknown) => e);
    expect(error).to.be.instanceOf(OutcomeAdapterError);
    expect(store.snapshot).to.deep.include({ status: 'error', loading: false });
    expect(store.snapshot.error!.code).to.equal('network');

    const retry = store.reload();
    adapter.lists[1]!.resolve([outcome('a')]);
    await retry;
    expect(store.snapshot).to.deep.include({ status: 'ready', error: null });

    const again = store.reload();
    adapter.lists[2]!.reject(new OutcomeAdapterError('server', 'boom', { status: 500 }));
    await again.catch(() => undefined);
    expect(store.snapshot.status).to.equal('ready');
    expect(store.snapshot.outcomeTypes).to.have.length(1);
    expect(store.snapshot.error!.code).to.equal('server');
  });

  it('refuses writes the adapter cannot do or the role forbids, before calling it', async () => {
    const viewer = OutcomeStore.for(new MemoryAdapter({ role: 'viewer' }));
    const error = await viewer.delete('system-click').catch((e: unknown) => e);
    expect((error as OutcomeAdapterError).code).to.equal('forbidden');
    const readOnly = OutcomeStore.for({ capabilities: { create: false, update: false, delete: false, record: false, role: 'editor', fields: {} }, listOutcomeTypes: async () => [] });
    expect(((await readOnly.create({} as never).catch((e: unknown) => e)) as OutcomeAdapterError).code).to.equal('forbidden');
    expect(((await readOnly.record({ subjectId: 's', outcomeKey: 'k', source: 'agent' }, { idempotencyKey: 'i' }).catch((e: unknown) => e)) as OutcomeAdapterError).message).to.contain('withRecorder');
  });

  it('aborts the request of a load that a newer one supersedes', async () => {
    const adapter = new DeferredAdapter();
    const store = OutcomeStore.for(adapter);
    const older = store.reload();
    const newer = store.reload();
    expect(adapter.lists[0]!.signal!.aborted).to.be.true;
    expect(adapter.lists[1]!.signal!.aborted).to.be.false;
    adapter.lists[0]!.reject(adapter.lists[0]!.signal!.reason);
    adapter.lists[1]!.resolve([outcome('fresh')]);
    expect((await older).map((type) => type.key)).to.deep.equal(['fresh']);
    expect((await newer).map((type) => type.key)).to.deep.equal(['fresh']);
  });

  it('aborts the load under way once nobody listens, and not while someone does', async () => {
    const adapter = new DeferredAdapter();
    const store = OutcomeStore.for(adapter);
    const stopFirst = store.subscribe(() => undefined);
    const stopSecond = store.subscribe(() => undefined);
    void store.load().catch(() => undefined);
    stopFirst();
    expect(adapter.lists[0]!.signal!.aborted).to.be.false;
    stopSecond();
    expect(adapter.lists[0]!.signal!.aborted).to.be.true;
    expect(store.snapshot).to.deep.include({ status: 'idle', loading: false });
    // Whoever comes next starts a fresh load.
    store.subscribe(() => undefined);
    void store.load();
    expect(adapter.lists).to.have.length(2);
  });

  describe('last known list', () => {
    const lists = pageLastKnownLists();

    it('serves the last good list, marked stale with when it was fetched, when a load fails; revalidates when back online', async () => {
      const id = `store-test-${Math.random()}`;
      const first = OutcomeStore.for(new DeferredAdapter(id));
      const loading = first.load();
      (first.adapter as DeferredAdapter).lists[0]!.resolve([outcome('sale'), outcome('callback')]);
      await loading;
      const fetchedAt = first.snapshot.fetchedAt!;
      expect(first.snapshot.stale).to.be.false;
      // Kept in the background: wait until the device holds it.
      for (let frame = 0; !(await lists.get(id)); frame++) {
        if (frame > 120) throw new Error('the list was never kept');
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }

      // Another page (a reload) with the same adapter id and a backend that cannot be reached.
      const adapter = new DeferredAdapter(id);
      const store = OutcomeStore.for(adapter);
      const seen: StoreSnapshot[] = [];
      const stop = store.subscribe((snapshot) => seen.push(snapshot));
      const offline = store.load();
      adapter.lists[0]!.reject(new TypeError('Failed to fetch'));
      expect((await offline).map((type) => type.key)).to.deep.equal(['callback', 'sale']);
      expect(store.snapshot).to.deep.include({ status: 'ready', stale: true, fetchedAt, loading: false });
      expect(store.snapshot.error!.code).to.equal('network');

      window.dispatchEvent(new Event('online'));
      expect(adapter.lists).to.have.length(2);
      adapter.lists[1]!.resolve([outcome('sale')]);
      await until(() => !store.snapshot.stale);
      expect(store.snapshot).to.deep.include({ status: 'ready', error: null });
      expect(store.snapshot.outcomeTypes.map((type) => type.key)).to.deep.equal(['sale']);
      expect(seen.some((snapshot) => snapshot.stale)).to.be.true;
      stop();
      await lists.delete(id);
    });

    it('keeps 10,000 types as JSON text (cloning them as objects blocked the page ≈ 500 ms), and reads them back', async () => {
      const id = `store-test-${Math.random()}`;
      const store = OutcomeStore.for(new DeferredAdapter(id));
      const loading = store.load();
      const many = Array.from({ length: 10_000 }, (_, i) => outcome(`k${i}`));
      (store.adapter as DeferredAdapter).lists[0]!.resolve(many);
      await loading;
      for (let frame = 0; !(await lists.get(id)); frame++) {
        if (frame > 300) throw new Error('the list was never kept');
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      const stored = (await lists.get(id)) as unknown as { json?: unknown; outcomeTypes?: unknown };
      expect(typeof stored.json).to.equal('string');
      expect(stored.outcomeTypes).to.equal(undefined);
      const { lastKnownList } = await import('../../src/controllers/last-known-lists.js');
      expect((await lastKnownList(id))!.outcomeTypes).to.have.length(10_000);
      await lists.delete(id);
    });

    it('keeps nothing for an adapter without an id, and ignores a stored list out of shape', async () => {
      const id = `store-test-${Math.random()}`;
      await lists.put({ adapterId: id, fetchedAt: new Date().toISOString(), outcomeTypes: [{ id: 'x', key: 'x' } as never] });
      const adapter = new DeferredAdapter(id);
      const store = OutcomeStore.for(adapter);
      const failing = store.load();
      adapter.lists[0]!.reject(new TypeError('Failed to fetch'));
      expect(((await failing.catch((e: unknown) => e)) as OutcomeAdapterError).code).to.equal('network');
      expect(store.snapshot).to.deep.include({ status: 'error', stale: false });
      await lists.delete(id);

      const nameless = new DeferredAdapter();
      const named = OutcomeStore.for(nameless);
      const loaded = named.load();
      nameless.lists[0]!.resolve([outcome('a')]);
      await loaded;
      expect((await lists.all()).some((value) => (value as { adapterId?: unknown }).adapterId === undefined)).to.be.false;
    });

    it('keeps showing the error, not a loading state, while it asks again', async () => {
      const adapter = new DeferredAdapter(`store-test-${Math.random()}`);
      const store = OutcomeStore.for(adapter);
      const failing = store.load();
      adapter.lists[0]!.reject(new TypeError('Failed to fetch'));
      await failing.catch(() => undefined);
      void store.reload().catch(() => undefined);
      expect(store.snapshot).to.deep.include({ status: 'error', loading: true });
      adapter.lists[1]!.resolve([outcome('a')]);
      await until(() => store.snapshot.status === 'ready');
    });
  });
});
