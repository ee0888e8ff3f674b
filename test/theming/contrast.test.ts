import { expect, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { OutcomePicker } from '../../src/components/outcome-picker/outcome-picker.js';
import { composite, contrastRatio, formatRgb, shownBackground } from './css-colors.js';
import { choices, part, renderPicker } from './picker-fixture.js';

const AA = 4.5;

interface Measurement {
  what: string;
  text: string;
  background: string;
  ratio: number;
}

/** The text colour of `element` against what is painted behind it, both as the browser computed them. */
function measure(what: string, element: HTMLElement): Measurement {
  const text = composite(getComputedStyle(element).color);
  const background = shownBackground(element, 'Canvas');
  expect(background.a, `${what}: an opaque background`).to.equal(1);
  return { what, text: formatRgb(text), background: formatRgb(background), ratio: Math.round(contrastRatio(text, background) * 100) / 100 };
}

/** Every choice's classification badge and name, unselected and then selected. */
async function measureChoices(picker: OutcomePicker): Promise<Measurement[]> {
  const results: Measurement[] = [];
  const keys = choices(picker).map((choice) => ({ position: choice.dataset['position']!, name: part(choice, 'name').textContent!.trim() }));
  for (const { position, name } of keys) {
    const row = () => picker.shadowRoot!.querySelector<HTMLElement>(`[data-position="${position}"]`)!;
    picker.value = '';
    await picker.updateComplete;
    results.push(measure(`${name} badge on the surface`, part(row(), 'classification')));
    row().click();
    await picker.updateComplete;
    expect(row().getAttribute('aria-checked'), name).to.equal('true');
    results.push(measure(`${name} badge on the selected row`, part(row(), 'classification')));
    results.push(measure(`${name} name on the selected row`, part(row(), 'name')));
  }
  return results;
}

describe('contrast (WCAG AA, 4.5:1)', () => {
  afterEach(() => emulateMedia({}));

  for (const scheme of ['light', 'dark'] as const) {
    it(`classification colours on the surface and on the selected row, ${scheme} scheme`, async () => {
      await emulateMedia({ colorScheme: scheme });
      // A page that follows the user's scheme, as an agent desktop with a dark mode does.
      const picker = await renderPicker((inner) => html`<div style="color-scheme: light dark; background: Canvas">${inner}</div>`);
      const surface = composite(getComputedStyle(part(picker.shadowRoot as unknown as HTMLElement, 'list')).backgroundColor);
      expect(contrastRatio(surface, composite('#fff')) > 10, 'the scheme took effect').to.equal(scheme === 'dark');
      const classified = new Set(choices(picker).map((choice) => choice.getAttribute('part')));
      expect(classified, 'every classification is shown').to.have.keys(
        'choice choice-positive',
        'choice choice-negative',
        'choice choice-neutral',
      );
      const results = await measureChoices(picker);
      const failing = results.filter((m) => m.ratio < AA);
      expect(failing, `below ${AA}:1 in the ${scheme} scheme`).to.deep.equal([]);
    });
  }
});
