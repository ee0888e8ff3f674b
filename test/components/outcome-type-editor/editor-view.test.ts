import { expect } from '@open-wc/testing';
import type { OutcomeTypeEditor } from '../../../src/components/outcome-type-editor/outcome-type-editor.js';

import { FRESH, freshLibrary, until } from '../../helpers/fresh-source.js';

// The view is fetched over the network here, as on a page that has never shown an editor.
const { MemoryAdapter } = await freshLibrary();
const { resolveLocale } = (await import(/* @vite-ignore */ `${FRESH}/src/localization/catalogue.ts`)) as typeof import('../../../src/localization/catalogue.js');
const fetched = (name: string) => performance.getEntriesByType('resource').some((entry) => entry.name.includes(`${FRESH}/`) && entry.name.includes(name));
const $ = <T extends HTMLElement = HTMLElement>(el: OutcomeTypeEditor, selector: string) => el.shadowRoot!.querySelector<T>(selector);
/** aria-busy as assistive technology gets it: through the element's internals. */
const busy = (el: OutcomeTypeEditor) => (el as unknown as { internals: ElementInternals }).internals.ariaBusy;

describe('<outcome-type-editor> view', () => {
  it('is not fetched with define; the first editor fetches it, loading in its own language, with nothing moving when it arrives', async () => {
    // Spanish is here before the editor connects, so its first render does not wait for it.
    await resolveLocale('es').ready;
    expect(fetched('/outcome-type-editor/editor-view.ts'), 'the view, before any editor connects').to.equal(false);

    const host = document.createElement('div');
    host.lang = 'es';
    host.style.width = '40rem';
    const el = document.createElement('outcome-type-editor') as OutcomeTypeEditor;
    // A list that arrives after the view: the view's own loading message takes over from the element's.
    el.adapter = new MemoryAdapter({ latencyMs: 400 });
    el.userRole = 'editor';
    host.append(el);
    // Every paint, from the first one on: Spanish throughout, the loading state while the view arrives.
    const paints: { text: string; loading: boolean; busy: string | null; status: string | undefined }[] = [];
    const watch = new MutationObserver(() => {
      const status = $(el, '[part~="status"]')?.getBoundingClientRect();
      paints.push({
        text: el.shadowRoot!.textContent ?? '',
        loading: el.matches(':state(loading)'),
        busy: busy(el),
        status: status && [status.left, status.top, status.width, status.height].map(Math.round).join(' '),
      });
    });
    document.body.append(host);
    watch.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    try {
      await el.updateComplete;
      // updateComplete waits for the view: the element renders it from here on.
      expect(fetched('/outcome-type-editor/editor-view.ts'), 'the view, once an editor connected').to.equal(true);
      await until(() => $(el, '[part~="table"]'), 'the list');
      const [first] = paints;
      expect(first!.text).to.contain('Cargando tipos de resultado…');
      expect(first!.loading, ':state(loading) on the first paint').to.equal(true);
      expect(paints.filter((paint) => /Loading|Outcome types|New outcome type/.test(paint.text)), 'English painted').to.deep.equal([]);
      // The element's loading message, then the view's: the same box.
      const loading = paints.filter((paint) => paint.text.includes('Cargando'));
      expect(loading.length, 'loading paints (the element’s, then the view’s)').to.be.greaterThan(1);
      expect(new Set(loading.map((paint) => paint.status)).size, 'the loading message moved').to.equal(1);
      expect(loading.every((paint) => paint.loading && paint.busy === 'true'), ':state(loading) and aria-busy throughout').to.equal(true);
      expect($(el, '[part~="new-button"]')!.textContent).to.equal('Nuevo tipo de resultado');
      expect(el.matches(':state(loading)')).to.equal(false);
      expect(busy(el)).to.equal('false');
      // The view's styles joined the element's: the toolbar is laid out as a row.
      expect(getComputedStyle($(el, '[part~="toolbar"]')!).display).to.equal('flex');
      await expect(el).to.be.accessible();
    } finally {
      watch.disconnect();
      host.remove();
    }
  });

  it('is fetched once per page: a second editor does not fetch it again', async () => {
    const el = document.createElement('outcome-type-editor') as OutcomeTypeEditor;
    el.adapter = new MemoryAdapter();
    document.body.append(el);
    try {
      await el.updateComplete;
      await until(() => $(el, '[part~="table"]'), 'the list');
      const requests = performance.getEntriesByType('resource').filter((entry) => entry.name.includes(`${FRESH}/src/components/outcome-type-editor/editor-view.ts`));
      expect(requests).to.have.length(1);
    } finally {
      el.remove();
    }
  });
});
