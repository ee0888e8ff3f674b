// test/frameworks/plain.html, a page with nothing but HTML and one module script importing the
// `define` entry, loaded in an iframe so that its elements are registered by the page itself
// (this test file registers none). The page is in Spanish through the provider's `lang`.
import { expect, waitUntil } from '@open-wc/testing';

const PAGE = new URL('./plain.html', import.meta.url).pathname;
const TAGS = ['outcome-provider', 'outcome-picker', 'disposition-popup', 'outcome-type-editor', 'outcome-outbox'];

async function loadPage(): Promise<Window & typeof globalThis> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px';
  document.body.append(frame);
  await new Promise((resolve, reject) => {
    frame.addEventListener('load', resolve, { once: true });
    frame.addEventListener('error', reject, { once: true });
    frame.src = PAGE;
  });
  return frame.contentWindow as Window & typeof globalThis;
}

describe('on a plain HTML page with only <script type="module">', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('the define entry registers every tag there, and nothing here', async () => {
    const page = await loadPage();
    await waitUntil(() => TAGS.every((tag) => page.customElements.get(tag)), 'the page did not register every tag');
    expect(TAGS.filter((tag) => customElements.get(tag))).to.deep.equal([]);
  });

  it('renders, localizes, takes a choice and submits with the form', async () => {
    const page = await loadPage();
    const doc = page.document;
    const picker = doc.querySelector('outcome-picker')!;
    await waitUntil(() => picker.shadowRoot?.querySelectorAll('[role="radio"]').length === 3, 'the picker rendered no choices', { timeout: 3000 });
    const choices = [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')];
    // Strings from the Spanish catalogue, chosen by the provider's lang="es".
    expect(choices[0]!.querySelector('[part~="classification"]')!.textContent).to.contain('Positivo');

    // Required and empty: the form refuses to submit.
    doc.querySelector('button')!.click();
    expect(doc.querySelector('output#submitted')!.textContent).to.equal('');

    choices[1]!.click();
    await waitUntil(() => doc.querySelector('output#chosen')!.textContent === 'wrong_number', 'the page heard no change');
    doc.querySelector('button')!.click();
    expect(JSON.parse(doc.querySelector('output#submitted')!.textContent!)).to.deep.equal({ outcome: 'wrong_number' });
  });

  it('the editor on the same page lists the provider’s outcome types', async () => {
    const page = await loadPage();
    const editor = page.document.querySelector('outcome-type-editor')!;
    await waitUntil(() => editor.shadowRoot?.querySelectorAll('[part~="row"]').length === 3, 'the editor listed no types', { timeout: 3000 });
    expect(editor.shadowRoot!.querySelector('[part~="new-button"]')!.textContent!.trim()).to.equal('Nuevo tipo de resultado');
  });
});
