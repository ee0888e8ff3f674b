import { expect, fixture, html } from '@open-wc/testing';
import type { OutcomeTypeEditor } from '../../../src/components/outcome-type-editor/outcome-type-editor.js';
import { FRESH, freshLibrary, refusedRequests, until, whileUnavailable } from '../../helpers/fresh-source.js';

const KIT = `${FRESH}/src/components/outcome-type-editor/editing-kit.ts`;
const { MemoryAdapter } = await freshLibrary();
const $ = <T extends HTMLElement = HTMLElement>(el: OutcomeTypeEditor, selector: string) => el.shadowRoot!.querySelector<T>(selector);

describe('<outcome-type-editor> when its editing kit cannot be fetched', () => {
  it('says so, keeps the list working, and fetches it again on the next click once the network is back', async () => {
    await whileUnavailable(KIT, offline);
  });
});

async function offline(): Promise<void> {
  const el = await fixture<OutcomeTypeEditor>(html`<outcome-type-editor .adapter=${new MemoryAdapter()} user-role="editor"></outcome-type-editor>`);
  await until(() => $(el, '[part~="table"]'), 'the list');
  // The fetch ahead fails quietly; the user learns of it when asking for the form.
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect($(el, '[role="alert"]')?.textContent ?? '').not.to.contain('editing tools');

  $(el, '[part~="new-button"]')!.click();
  await el.updateComplete;
  // Booleans, not elements: chai's message for an unexpected element can stall the page.
  expect(!!$(el, '[part~="form"]'), 'a form opened').to.equal(false);
  const alert = [...el.shadowRoot!.querySelectorAll('[role="alert"]')].map((node) => node.textContent).join(' ');
  expect(alert).to.contain('The editing tools could not be loaded. Check the connection and try again.');
  expect(!!$(el, '[part~="table"]'), 'the list stays').to.equal(true);
  await expect(el).to.be.accessible();

  // The list itself still works: search filters it.
  const search = $<HTMLInputElement>(el, '#search')!;
  search.value = 'click';
  search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  expect([...el.shadowRoot!.querySelectorAll('tbody .type-name')].map((cell) => cell.textContent!.trim())).to.deep.equal(['Click']);
  expect(el.shadowRoot!.querySelectorAll('[role="alert"]')).to.have.length.greaterThan(0);

  // Fetched ahead once, then once for the click: rendering (each keystroke in the search) does
  // not keep retrying while offline.
  const refused: unknown = await refusedRequests(KIT);
  expect(refused, 'requests for the editing kit while offline').to.equal(2);

  // The network is back: the next click fetches the kit again and opens the form.
  $(el, '[part~="new-button"]')!.click();
  await el.updateComplete;
  expect(!!$(el, '[part~="form"]'), 'the form, on the next click').to.equal(true);
  expect([...el.shadowRoot!.querySelectorAll('[role="alert"]')].map((node) => node.textContent).join(' ')).not.to.contain('editing tools');
}
