import { expect } from '@open-wc/testing';
import { availableLocales, format, registerLocale, resolveLocale } from '../../src/localization/catalogue.js';
import { en as shared, type Messages } from '../../src/localization/en.js';
import { enEditor } from '../../src/localization/en-editor.js';
import { enEditorForm } from '../../src/localization/en-editor-form.js';
import { enImport, enImportToolbar } from '../../src/localization/en-import.js';
import { enOutbox } from '../../src/localization/en-outbox.js';
import { enPopup } from '../../src/localization/en-popup.js';
import { enPopupView } from '../../src/localization/en-popup-view.js';
import { enScheduler } from '../../src/localization/en-scheduler.js';
import { es } from '../../src/localization/es.js';
import '../../src/define.js';

/** Every English string: the shared ones and each element's own. */
const en: Messages = { ...shared, ...enPopup, ...enPopupView, ...enEditor, ...enEditorForm, ...enOutbox, ...enScheduler, ...enImportToolbar, ...enImport };

describe('message catalogue', () => {
  it('keeps each element’s English strings apart, with no key defined twice', () => {
    const keys = [...Object.keys(shared), ...Object.keys(enPopup), ...Object.keys(enPopupView), ...Object.keys(enEditor), ...Object.keys(enEditorForm), ...Object.keys(enOutbox), ...Object.keys(enScheduler), ...Object.keys(enImportToolbar), ...Object.keys(enImport)];
    expect(new Set(keys).size).to.equal(keys.length);
  });

  it('ships English and Spanish with exactly the same keys', () => {
    expect(availableLocales()).to.include.members(['en', 'es']);
    expect(Object.keys(es).sort()).to.deep.equal(Object.keys(en).sort());
  });

  it('has no empty message and the same kind (text or function of n values) in both', () => {
    for (const key of Object.keys(en) as (keyof Messages)[]) {
      const english = en[key];
      const spanish = es[key];
      expect(typeof spanish, key).to.equal(typeof english);
      if (typeof english === 'function' && typeof spanish === 'function') {
        expect(spanish.length, key).to.equal(english.length);
        const sample = (spanish as (...args: unknown[]) => string)('X1', 'X2');
        expect(sample, key).to.contain('X1');
      } else {
        expect(String(spanish).trim(), key).not.to.equal('');
      }
    }
  });

  it('is translated: Spanish differs from English where words are concerned', () => {
    const same = (Object.keys(en) as (keyof Messages)[]).filter(
      (key) => typeof en[key] === 'string' && en[key] === es[key],
    );
    // "Neutral" is the same word in both languages.
    expect(same).to.deep.equal(['classification.neutral']);
  });

  it('resolves exact tags, then the language alone, then English', async () => {
    await resolveLocale('es').ready;
    expect(resolveLocale('es').tag).to.equal('es');
    expect(resolveLocale('ES-mx').tag).to.equal('es');
    expect(resolveLocale('fr-CA').tag).to.equal('en');
    expect(resolveLocale(null).tag).to.equal('en');
    expect(format([resolveLocale('es').messages], 'issue.tooLong', 120)).to.equal('Use como máximo 120 caracteres.');
    expect(format([resolveLocale('en').messages, enEditorForm], 'issue.tooLong', 120)).to.equal('Use at most 120 characters.');
  });

  it('lets a host add a locale', () => {
    registerLocale('pt-BR', { ...en, retry: 'Tentar de novo' });
    expect(resolveLocale('pt-br').messages.retry).to.equal('Tentar de novo');
    expect(resolveLocale('pt').tag).to.equal('en');
  });
});
