import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { DispositionPopup } from '../../src/components/disposition-popup/disposition-popup.js';
import { composite, contrastRatio, type Rgba } from './css-colors.js';
import { callCentreAdapter, choices, part, renderPicker } from './picker-fixture.js';

type Scheme = 'light' | 'dark';

/** The user's preferred scheme, as Chromium emulates it (null: back to none). */
function emulateScheme(scheme: Scheme | null): Promise<unknown> {
  return emulateMedia(scheme ? { colorScheme: scheme } : {});
}

const WHITE = composite('#fff');
const isDark = (colour: Rgba) => contrastRatio(colour, WHITE) > 10;

function listSurface(picker: HTMLElement): Rgba {
  return composite(getComputedStyle(part(picker.shadowRoot as unknown as HTMLElement, 'list')).backgroundColor);
}

describe('light and dark', () => {
  afterEach(() => emulateScheme(null));

  it('a page that declares no color-scheme keeps the elements light, even when the user prefers dark', async () => {
    await emulateScheme('dark');
    const picker = await renderPicker();
    expect(isDark(listSurface(picker))).to.be.false;
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`a page with color-scheme: light dark follows the user's preference (${scheme})`, async () => {
      await emulateScheme(scheme);
      const picker = await renderPicker((inner) => html`<div style="color-scheme: light dark">${inner}</div>`);
      expect(isDark(listSurface(picker))).to.equal(scheme === 'dark');
      expect(isDark(composite(getComputedStyle(picker).color))).to.equal(scheme === 'light');
    });
  }

  it('a dark page (color-scheme: dark) gets dark elements whatever the user prefers', async () => {
    await emulateScheme('light');
    const picker = await renderPicker((inner) => html`<div style="color-scheme: dark">${inner}</div>`);
    expect(isDark(listSurface(picker))).to.be.true;
  });

  it('--outcome-color-scheme on any ancestor opts the elements alone into a scheme', async () => {
    await emulateScheme('light');
    const dark = await renderPicker((inner) => html`<section style="--outcome-color-scheme: dark"><div>${inner}</div></section>`);
    expect(isDark(listSurface(dark))).to.be.true;
    const light = await renderPicker((inner) => html`<div style="color-scheme: dark; --outcome-color-scheme: light">${inner}</div>`);
    expect(isDark(listSurface(light))).to.be.false;
  });

  it('the popup dialog, in the top layer, takes the scheme of its page', async () => {
    await emulateScheme('dark');
    const wrapper = await fixture<HTMLElement>(
      html`<div style="color-scheme: light dark"><disposition-popup .adapter=${callCentreAdapter()} subject-id="c1"></disposition-popup></div>`,
    );
    const popup = wrapper.querySelector<DispositionPopup>('disposition-popup')!;
    void popup.show();
    await popup.updateComplete;
    const dialog = popup.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.be.true;
    expect(isDark(composite(getComputedStyle(dialog).backgroundColor))).to.be.true;
    expect(isDark(composite(getComputedStyle(dialog).color))).to.be.false;
    popup.required = false;
    popup.hide();
  });

  it('a token set on an ancestor reaches every element', async () => {
    const picker = await renderPicker(
      (inner) => html`<div style="--outcome-color-positive: rgb(1, 2, 3); --outcome-radius: 0px">${inner}</div>`,
    );
    const positive = choices(picker).find((choice) => choice.matches('[part~="choice-positive"]'))!;
    expect(getComputedStyle(part(positive, 'classification')).color).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(part(picker.shadowRoot as unknown as HTMLElement, 'list')).borderTopLeftRadius).to.equal('0px');
  });
});
