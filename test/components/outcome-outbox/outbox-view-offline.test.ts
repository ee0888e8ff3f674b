import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { OutcomeOutbox } from '../../../src/components/outcome-outbox/outcome-outbox.js';
import type { StoredEntry } from '../../../src/controllers/pending-store.js';
import { CALL_CENTRE_OUTCOMES } from '../../helpers/sample-outcomes.js';
import { FRESH, freshLibrary, refusedRequests, until, whileUnavailable } from '../../helpers/fresh-source.js';

const VIEW = `${FRESH}/src/components/outcome-outbox/outbox-view.ts`;
const { MemoryAdapter } = await freshLibrary();
// The elements' own Recorder: the one of the fresh copy, not the one this page would import.
const { Recorder } = (await import(/* @vite-ignore */ `${FRESH}/src/controllers/recorder.ts`)) as typeof import('../../../src/controllers/recorder.js');
const { memoryStore } = (await import(/* @vite-ignore */ `${FRESH}/src/controllers/idb-store.ts`)) as typeof import('../../../src/controllers/idb-store.js');

const $ = <T extends HTMLElement = HTMLElement>(el: OutcomeOutbox, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<outcome-outbox> when its view cannot be fetched', () => {
  it('shows "nothing pending" without it; once something is pending, says so with Retry, and shows the entries once the network is back', async () => {
    await whileUnavailable(VIEW, offline);
  });
});

async function offline(): Promise<void> {
  const adapter = new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES, id: `memory:outbox-offline-${crypto.randomUUID()}` });
  // Kept in this page's memory, and never flushed during the test.
  const recorder = Recorder.for(adapter, { pending: memoryStore<StoredEntry>('idempotencyKey'), flushIntervalMs: 3_600_000 });
  // updateComplete settles though the view never arrives (the first refused request).
  const el = await fixture<OutcomeOutbox>(html`<outcome-outbox .adapter=${adapter}></outcome-outbox>`);
  const counts: number[] = [];
  el.addEventListener('outcome-pending-change', (event) => counts.push(event.detail.count));

  // Nothing pending needs no view: said plainly, no failure.
  await until(() => $(el, '[part~="empty"]'), 'the empty message');
  // Booleans and strings, not elements: chai's message for an unexpected element can stall the page.
  expect(text($(el, '[part~="empty"]'))).to.equal('No wrap-ups are pending.');
  expect(!!$(el, '[role="alert"]'), 'a failure').to.equal(false);
  await expect(el).to.be.accessible();

  // A wrap-up is deferred: the view is needed now, is asked for again (the second refused
  // request), and cannot be fetched. The count and state still follow the recorder.
  await recorder.defer('call-1');
  await until(() => $(el, '[role="alert"]'), 'the failure');
  const alert = $(el, '[role="alert"]')!;
  expect(alert.getAttribute('part')).to.equal('status');
  expect(text(alert.querySelector('p'))).to.equal('1 wrap-up is pending, kept on this device, but the list could not be loaded. Check the connection and retry.');
  expect(text(alert.querySelector('button'))).to.equal('Retry');
  expect(el.count).to.equal(1);
  expect(counts).to.deep.equal([1]);
  expect(el.matches(':state(has-pending)'), ':state(has-pending)').to.equal(true);
  expect(el.matches(':state(loading)'), ':state(loading)').to.equal(false);
  expect(!!$(el, '[part~="list"]'), 'a list').to.equal(false);
  await expect(el).to.be.accessible();

  // Still offline: Retry fetches once more and says so again, with focus on Retry; rendering
  // does not keep retrying.
  alert.querySelector('button')!.focus();
  await sendKeys({ press: 'Enter' });
  await until(() => el.shadowRoot!.activeElement?.matches('[role="alert"] button'), 'focus on Retry, again');
  el.requestUpdate();
  await el.updateComplete;
  // Lifting the refusal: the network is back.
  const refused: unknown = await refusedRequests(VIEW);
  expect(refused, 'requests for the view while offline').to.equal(3);

  await sendKeys({ press: 'Enter' });
  await until(() => $(el, '[part~="entry"]'), 'the entries');
  expect(!!$(el, '[role="alert"]'), 'the failure').to.equal(false);
  const entry = $(el, '[part~="entry"]')!;
  expect(entry.getAttribute('part')).to.equal('entry entry-deferred');
  expect(text(entry.querySelector('.subject'))).to.equal('call-1');
  expect([...entry.querySelectorAll('button')].map((button) => text(button))).to.deep.equal(['Resume', 'Discard']);
  // Focus is on the list that replaced the Retry button, not lost to <body>.
  await until(() => el.shadowRoot!.activeElement === $(el, '[part~="list"]'), 'focus on the list');
  await expect(el).to.be.accessible();

  // The view works: Resume asks the host to reopen the wrap-up.
  const resumed: string[] = [];
  el.addEventListener('outcome-resume', (event) => resumed.push(event.detail.subjectId));
  await sendKeys({ press: 'Tab' });
  expect(text(el.shadowRoot!.activeElement)).to.equal('Resume');
  await sendKeys({ press: 'Enter' });
  expect(resumed).to.deep.equal(['call-1']);
}
