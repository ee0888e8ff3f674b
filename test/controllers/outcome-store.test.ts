import { expect } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapters/memory-adapter.js';
import { OutcomeAdapterError } from '../../src/adapters/errors.js';
import { OutcomeStore, type StoreSnapshot } from '../../src/controllers/outcome-store.js';
import { DeferredAdapter, outcome } from '../helpers/deferred-adapter.js';

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
});
