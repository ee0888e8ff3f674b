import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { DeferredAdapter } from '../helpers/deferred-adapter.js';
import { availableLocales, registerLocaleLoader, resolveLocale } from '../../src/localization/catalogue.js';
import type { Messages } from '../../src/localization/en.js';

// Its own page (one file = one page): here `define` has not loaded Spanish yet.
describe('locales loaded on demand', () => {
  it('fetches Spanish the first time an element shows it, and renders Spanish from the first paint', async () => {
    expect(availableLocales()).to.include('es');
    const host = document.createElement('div');
    host.lang = 'es-MX';
    const picker = document.createElement('outcome-picker');
    picker.adapter = new DeferredAdapter();
    const painted: string[] = [];
    host.append(picker);
    document.body.append(host);
    // Connected, not yet rendered (rendering is asynchronous): every paint is seen from here on.
    const watch = new MutationObserver(() => painted.push(picker.shadowRoot!.textContent ?? ''));
    watch.observe(picker.shadowRoot!, { subtree: true, childList: true, characterData: true });
    try {
      await picker.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(picker.shadowRoot!.textContent).to.contain('Cargando resultados…');
      expect(painted.length).to.be.greaterThan(0);
      expect(painted.filter((text) => text.includes('Loading outcomes'))).to.deep.equal([]);
    } finally {
      watch.disconnect();
      host.remove();
    }
  });

  it('stays in English, says so once, and does not retry on every render when a catalogue cannot be fetched', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    let calls = 0;
    try {
      registerLocaleLoader('xx', () => {
        calls++;
        return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      });
      await resolveLocale('xx').ready;
      const after = resolveLocale('xx');
      expect(after.tag).to.equal('en');
      expect(after.ready).to.equal(undefined);
      expect(calls).to.equal(1);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('"xx" catalogue could not be loaded');
    } finally {
      console.warn = warn;
    }
  });

  it('registers a loaded catalogue once, however many elements ask at the same time', async () => {
    let calls = 0;
    registerLocaleLoader('yy', async () => {
      calls++;
      return { retry: 'Again' } as unknown as Messages;
    });
    await Promise.all([resolveLocale('yy').ready, resolveLocale('yy-ZZ').ready, resolveLocale('YY').ready]);
    expect(calls).to.equal(1);
    expect(resolveLocale('yy-zz').messages.retry).to.equal('Again');
  });
});
