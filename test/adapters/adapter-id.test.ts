import { expect } from '@open-wc/testing';
import { CloseAdapter } from '../../src/adapters/close/close-adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import { OutcomeTypesApiAdapter } from '../../src/adapters/outcome-types-api/outcome-types-api-adapter.js';
import { SailorAdapter } from '../../src/adapters/sailor/sailor-adapter.js';
import { TaskResultTypeAdapter } from '../../src/adapters/task-results/task-result-type-adapter.js';
import { withRecorder } from '../../src/adapters/with-recorder.js';

// Queued records, drafts and the last known list are kept under an adapter's id, so the id must
// tell backends apart by default and stay the same across reloads.
describe('adapter identity', () => {
  it('names the backend and its base URL by default, and takes an id option instead', () => {
    const resultPath = (id: string) => `/tasks/${id}/result`;
    expect(new OutcomeTypesApiAdapter({ baseUrl: 'https://api.example.com/', token: 't' }).id).to.equal('outcome-types:https://api.example.com');
    expect(new CloseAdapter({ baseUrl: 'https://api.close.com', apiKey: 'k' }).id).to.equal('close:https://api.close.com');
    expect(new SailorAdapter({ baseUrl: 'https://api.sailorhq.io/v2', token: 't' }).id).to.equal('sailor:https://api.sailorhq.io/v2');
    expect(new TaskResultTypeAdapter({ baseUrl: 'https://crm.example.com', apiKey: 'k', resultPath }).id).to.equal('task-results:https://crm.example.com');
    expect(new TaskResultTypeAdapter({ id: 'tenant-7', baseUrl: 'https://crm.example.com', apiKey: 'k', resultPath }).id).to.equal('tenant-7');
  });

  it('refuses an empty id rather than keep records under no name', () => {
    expect(() => new SailorAdapter({ id: '', baseUrl: 'https://api.sailorhq.io', token: 't' })).to.throw(TypeError, /id/);
  });

  it('derives the memory adapter id from its storage key, and takes one', () => {
    expect(new MemoryAdapter().id).to.equal('memory:outcome-elements:memory-adapter');
    expect(new MemoryAdapter({ storageKey: 'demo' }).id).to.equal('memory:demo');
    expect(new MemoryAdapter({ storageKey: 'demo', id: 'desk-1' }).id).to.equal('desk-1');
  });

  it('keeps the inner adapter id through withRecorder', () => {
    const sailor = new SailorAdapter({ id: 'sailor-eu', baseUrl: 'https://api.sailorhq.io', token: 't' });
    expect(withRecorder(sailor, () => undefined).id).to.equal('sailor-eu');
  });
});
