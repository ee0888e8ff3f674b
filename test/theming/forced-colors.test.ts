import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { DispositionPopup } from '../../src/components/disposition-popup/disposition-popup.js';
import type { OutcomeTypeEditor } from '../../src/components/outcome-type-editor/outcome-type-editor.js';
import { composite, formatRgb } from './css-colors.js';
import { callCentreAdapter, choices, part, pickerReady, renderPicker } from './picker-fixture.js';

/**
 * Forced colours (Windows High Contrast and the like), emulated by Chromium through the
 * DevTools protocol: `emulate-media-features` in web-test-runner.config.mjs. Puppeteer's own
 * emulateMediaFeatures refuses `forced-colors`, hence the protocol.
 */
async function forceColours(active: boolean): Promise<void> {
  await executeServerCommand('emulate-media-features', { features: active ? [{ name: 'forced-colors', value: 'active' }] : [] });
  expect(matchMedia('(forced-colors: active)').matches, 'forced colours emulated').to.equal(active);
}

/** The system colours of the forced palette, as this browser resolves them. */
function systemColours(names: readonly string[]): Set<string> {
  const probe = document.createElement('span');
  document.body.append(probe);
  const resolved = names.map((name) => {
    probe.style.color = name;
    return formatRgb(composite(getComputedStyle(probe).color));
  });
  probe.remove();
  return new Set(resolved);
}

/** Every element in the host's shadow tree, through nested shadow roots. */
function shadowElements(host: Element): Element[] {
  const found: Element[] = [];
  const walk = (root: ShadowRoot | Element) => {
    for (const element of root.querySelectorAll('*')) {
      found.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  if (host.shadowRoot) walk(host.shadowRoot);
  return found;
}

/** Text, border and background colours that are not system colours (translucent-free, visible ones). */
function nonSystemColours(host: Element): string[] {
  const text = systemColours(['CanvasText', 'LinkText', 'GrayText', 'HighlightText', 'ButtonText', 'FieldText', 'Highlight']);
  const surfaces = systemColours(['Canvas', 'ButtonFace', 'Field', 'Highlight', 'Mark']);
  const lines = new Set([...text, ...surfaces, ...systemColours(['ButtonBorder'])]);
  const problems: string[] = [];
  for (const element of [host, ...shadowElements(host)]) {
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const label = `${element.localName}${element.getAttribute('part') ? `[part=${element.getAttribute('part')}]` : ''}`;
    const colour = formatRgb(composite(style.color));
    if (!text.has(colour) && !surfaces.has(colour)) problems.push(`${label} color ${colour}`);
    const background = composite(style.backgroundColor);
    if (background.a > 0 && !surfaces.has(formatRgb(background))) problems.push(`${label} background ${formatRgb(background)}`);
    if (parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle !== 'none') {
      const border = formatRgb(composite(style.borderTopColor));
      if (!lines.has(border)) problems.push(`${label} border ${border}`);
    }
  }
  return problems;
}

describe('forced colors', () => {
  beforeEach(() => forceColours(true));
  afterEach(() => forceColours(false));

  it('the picker paints only system colours', async () => {
    const picker = await renderPicker();
    choices(picker)[0]!.click();
    await picker.updateComplete;
    expect(nonSystemColours(picker)).to.deep.equal([]);
  });

  it('classifications stay apart without colour: one colour, different icon and word', async () => {
    const picker = await renderPicker();
    const badges = new Map<string, HTMLElement>();
    for (const choice of choices(picker)) {
      const classification = /choice-(\w+)/.exec(choice.getAttribute('part')!)![1]!;
      badges.set(classification, part(choice, 'classification'));
    }
    expect([...badges.keys()]).to.have.members(['positive', 'negative', 'neutral']);
    const colours = new Set([...badges.values()].map((badge) => getComputedStyle(badge).color));
    expect(colours.size, 'colour no longer tells them apart').to.equal(1);
    const icons = [...badges.values()].map((badge) => badge.querySelector('[aria-hidden="true"]')!.textContent!.trim());
    const words = [...badges.values()].map((badge) => badge.textContent!.replace(/\s+/g, ' ').trim());
    expect(new Set(icons).size, `icons ${icons.join(' ')}`).to.equal(3);
    expect(new Set(words).size, `badges ${words.join(' | ')}`).to.equal(3);
    for (const badge of badges.values()) {
      const box = badge.getBoundingClientRect();
      expect(box.width * box.height, 'the badge is visible').to.be.greaterThan(0);
    }
  });

  it('the chosen outcome stays visible without its tint', async () => {
    const picker = await renderPicker();
    const [first, second] = choices(picker);
    first!.click();
    await picker.updateComplete;
    const mark = (choice: HTMLElement) => getComputedStyle(choice.querySelector('.mark')!);
    expect(mark(first!).borderTopWidth).not.to.equal(mark(second!).borderTopWidth);
  });

  it('the popup paints only system colours', async () => {
    const popup = await fixture<DispositionPopup>(html`<disposition-popup .adapter=${callCentreAdapter()} subject-id="fc-1"></disposition-popup>`);
    void popup.show();
    await popup.updateComplete;
    await pickerReady(popup.shadowRoot!.querySelector('outcome-picker')!);
    expect(popup.shadowRoot!.querySelector('dialog')!.open).to.be.true;
    expect(nonSystemColours(popup)).to.deep.equal([]);
    popup.hide();
  });

  it('the editor paints only system colours', async () => {
    const editor = await fixture<OutcomeTypeEditor>(
      html`<outcome-type-editor user-role="editor" .adapter=${callCentreAdapter()}></outcome-type-editor>`,
    );
    for (let i = 0; i < 100 && !editor.shadowRoot!.querySelector('[part~="table"]'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(editor.shadowRoot!.querySelector('[part~="table"]'), 'the list rendered').to.exist;
    expect(nonSystemColours(editor)).to.deep.equal([]);
  });
});

describe('forced colors check', () => {
  it('finds the theme colours when colours are not forced (so it can fail)', async () => {
    const picker = await renderPicker();
    const problems = nonSystemColours(picker);
    expect(problems.some((problem) => problem.includes('[part=classification] color')), problems.join('\n')).to.be.true;
  });
});
