import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { DispositionPopup } from '../../../src/components/disposition-popup/disposition-popup.js';
import type { RecordedOutcome } from '../../../src/model/types.js';
import { updatesAskingForMore } from '../../helpers/updates-asking-for-more.js';

// The source through a prefix of this page's own (see FRESH_COPY in web-test-runner.config.mjs):
// Chromium would otherwise hand this page the view an earlier page fetched, without a request.
const FRESH = `/fresh-${crypto.randomUUID()}`;
const VIEW = `${FRESH}/src/components/disposition-popup/popup-view.ts`;
await import(/* @vite-ignore */ `${FRESH}/src/define.ts`);
const { MemoryAdapter } = (await import(/* @vite-ignore */ `${FRESH}/src/adapters/index.ts`)) as typeof import('../../../src/adapters/index.js');
const { CALL_CENTRE_OUTCOMES } = await import('../../helpers/sample-outcomes.js');
const { Recorder } = (await import(/* @vite-ignore */ `${FRESH}/src/controllers/recorder.ts`)) as typeof import('../../../src/controllers/recorder.js');
const $ = <T extends HTMLElement = HTMLElement>(el: DispositionPopup, selector: string) => el.shadowRoot!.querySelector<T>(selector);

async function until(condition: () => unknown, what: string, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('<disposition-popup> when its view cannot be fetched', () => {
  it('says so with Retry; a required popup offers Finish later, never closes with nothing kept; records once the view arrives', async () => {
    await executeServerCommand('make-unavailable', { path: VIEW, unavailable: true });
    try {
      await offline();
    } finally {
      // Other test files (pages) share the dev server.
      await executeServerCommand('make-unavailable', { path: VIEW, unavailable: false });
    }
  });
});

async function offline(): Promise<void> {
  sessionStorage.clear();
  const adapter = new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES, id: `memory:offline-${crypto.randomUUID()}` });
  const popup = await fixture<DispositionPopup>(html`<disposition-popup required subject-id="offline-1" .adapter=${adapter}></disposition-popup>`);
  const askedForMore = updatesAskingForMore(popup);
  let result: Promise<RecordedOutcome | null> = popup.show();
  await until(() => $(popup, '[role="alert"]'), 'the failure');
  // Booleans and strings, not elements: chai's message for an unexpected element can stall the page.
  expect($<HTMLDialogElement>(popup, 'dialog')!.open, 'the dialog is open').to.equal(true);
  expect($(popup, '[role="alert"]')!.textContent).to.equal('This form could not be loaded. Retry, or finish this wrap-up later: it stays in your pending list.');
  expect($(popup, '[part~="submit"]')!.textContent).to.equal('Retry');
  expect($(popup, '[part~="finish-later"]')!.textContent).to.equal('Finish later');
  await expect(popup).to.be.accessible();
  // Nothing can be recorded or queued without the view, and required still holds: Escape is refused.
  $(popup, '[part~="submit"]')!.focus();
  await sendKeys({ press: 'Escape' });
  expect($<HTMLDialogElement>(popup, 'dialog')!.open, 'still open after Escape').to.equal(true);
  // Finish later keeps the wrap-up on the device and closes.
  const deferred: string[] = [];
  popup.addEventListener('outcome-deferred', (event) => deferred.push(event.detail.subjectId));
  $(popup, '[part~="finish-later"]')!.click();
  expect(await result).to.equal(null);
  expect(deferred).to.deep.equal(['offline-1']);
  const pending = await Recorder.for(adapter).pending();
  expect(pending.map((entry) => [entry.subjectId, entry.state])).to.deep.equal([['offline-1', 'deferred']]);

  result = popup.show();
  await until(() => $(popup, '[role="alert"]'), 'the failure, again');
  await executeServerCommand('make-unavailable', { path: VIEW, unavailable: false });
  $(popup, '[part~="submit"]')!.click();
  await until(() => $(popup, 'outcome-picker')?.shadowRoot?.activeElement?.getAttribute('role') === 'radio', 'the list, focused');
  expect(!!$(popup, '[role="alert"]'), 'the failure').to.equal(false);
  await sendKeys({ press: '1' });
  await sendKeys({ press: 'Enter' });
  expect((await result)?.outcomeKey).to.equal('sale');
  expect(askedForMore, 'updates that took a second one').to.deep.equal([]);
}
