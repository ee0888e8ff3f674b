import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { OutcomeTypeEditor } from '../../../src/components/outcome-type-editor/outcome-type-editor.js';

// The source through a prefix of this page's own (see FRESH_COPY in web-test-runner.config.mjs):
// Chromium would otherwise hand this page the view an earlier page fetched, without a request.
const FRESH = `/fresh-${crypto.randomUUID()}`;
const VIEW = `${FRESH}/src/components/outcome-type-editor/editor-view.ts`;
await import(/* @vite-ignore */ `${FRESH}/src/define.ts`);
const { MemoryAdapter } = (await import(/* @vite-ignore */ `${FRESH}/src/adapters/index.ts`)) as typeof import('../../../src/adapters/index.js');
const $ = <T extends HTMLElement = HTMLElement>(el: OutcomeTypeEditor, selector: string) => el.shadowRoot!.querySelector<T>(selector);

async function until(condition: () => unknown, what: string, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('<outcome-type-editor> when its view cannot be fetched', () => {
  it('says so with a retry, and shows the list once the network is back and the user retries', async () => {
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
  // updateComplete settles though the view never arrives.
  const el = await fixture<OutcomeTypeEditor>(html`<outcome-type-editor .adapter=${new MemoryAdapter()} user-role="editor"></outcome-type-editor>`);
  await until(() => $(el, '[role="alert"]'), 'the failure');
  // Booleans and strings, not elements: chai's message for an unexpected element can stall the page.
  const alert = $(el, '[role="alert"]')!;
  expect(alert.getAttribute('part')).to.equal('status');
  expect(alert.textContent).to.contain('The outcome types could not be loaded.').and.contain('The server could not be reached.');
  expect(alert.querySelector('button')!.textContent).to.equal('Retry');
  expect(el.matches(':state(error)'), ':state(error)').to.equal(true);
  expect(el.matches(':state(loading)'), ':state(loading)').to.equal(false);
  expect((el as unknown as { internals: ElementInternals }).internals.ariaBusy, 'aria-busy').to.equal('false');
  expect(!!$(el, '[part~="table"]'), 'a list').to.equal(false);
  await expect(el).to.be.accessible();

  // Still offline: the retry fetches once more and says so again; rendering does not keep retrying.
  alert.querySelector('button')!.click();
  await el.updateComplete;
  await until(() => $(el, '[role="alert"] button'), 'the failure, again');
  el.requestUpdate();
  await el.updateComplete;
  const refused: unknown = await executeServerCommand('make-unavailable', { path: VIEW, unavailable: false });
  expect(refused, 'requests for the view while offline').to.equal(2);

  // The network is back: the retry fetches the view, and the list shows.
  $(el, '[role="alert"] button')!.click();
  await el.updateComplete;
  await until(() => $(el, '[part~="table"]'), 'the list');
  expect(el.matches(':state(error)'), ':state(error)').to.equal(false);
  expect(!!$(el, '[role="alert"]'), 'the failure').to.equal(false);
  expect(!!$(el, '[part~="new-button"]'), 'the New button').to.equal(true);
  await expect(el).to.be.accessible();
}
