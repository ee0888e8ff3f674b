import { expect, fixture, html } from '@open-wc/testing';
import type { OutcomeTypeEditor } from '../../../src/components/outcome-type-editor/outcome-type-editor.js';
import { FRESH, freshLibrary, refusedRequests, until, whileUnavailable } from '../../helpers/fresh-source.js';

const VIEW = `${FRESH}/src/components/outcome-type-editor/editor-view.ts`;
const { MemoryAdapter } = await freshLibrary();
const $ = <T extends HTMLElement = HTMLElement>(el: OutcomeTypeEditor, selector: string) => el.shadowRoot!.querySelector<T>(selector);

describe('<outcome-type-editor> when its view cannot be fetched', () => {
  it('says so with a retry, and shows the list once the network is back and the user retries', async () => {
    await whileUnavailable(VIEW, offline);
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
  const refused: unknown = await refusedRequests(VIEW);
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
