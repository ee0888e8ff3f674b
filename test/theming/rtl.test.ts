import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CSSResultOrNative } from 'lit';
import type { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { DispositionPopup } from '../../src/components/disposition-popup/disposition-popup.js';
import type { OutcomePicker } from '../../src/components/outcome-picker/outcome-picker.js';
import { ELEMENTS } from '../../src/define.js';
import type { RecordedOutcome } from '../../src/model/types.js';
import { callCentreAdapter, choices, part, pickerReady, renderPicker } from './picker-fixture.js';

function cssText(style: CSSResultOrNative): string {
  return style instanceof CSSStyleSheet ? [...style.cssRules].map((rule) => rule.cssText).join('\n') : style.cssText;
}

/**
 * Declarations that pin a side instead of following the writing direction: `left`/`right`
 * offsets, margins, paddings, borders and radii named by side, floats and text alignment to a
 * side. Their logical forms (`inset-inline-start`, `margin-inline-end`, `text-align: start`…)
 * mirror by themselves under `dir="rtl"`.
 */
const PHYSICAL =
  /(?:^|[{;\s])((?:margin|padding|border)-(?:left|right)(?:-[a-z]+)?|border-(?:top|bottom)-(?:left|right)-radius|left|right|(?:float|clear|text-align)\s*:\s*(?:left|right))\s*:?/g;

function physicalDeclarations(text: string): string[] {
  return [...text.matchAll(PHYSICAL)].map((match) => match[1]!.replace(/\s+/g, ' '));
}

function box(element: Element): DOMRect {
  return element.getBoundingClientRect();
}

describe('right to left', () => {
  it('the physical-property check finds sides pinned in CSS (so it can fail)', () => {
    expect(
      physicalDeclarations('a { margin-left: 1px; padding-inline: 0; right: 0 } b{text-align: left} c { border-top-right-radius: 2px; inset-inline-start: 0 }'),
    ).to.deep.equal(['margin-left', 'right', 'text-align: left', 'border-top-right-radius']);
  });

  it('no element style pins a left or right side', () => {
    const found = Object.entries(ELEMENTS).flatMap(([tag, element]) =>
      element.elementStyles.flatMap((style) => physicalDeclarations(cssText(style)).map((declaration) => `${tag}: ${declaration}`)),
    );
    expect(found).to.deep.equal([]);
  });

  it('the picker mirrors: the radio mark at the inline start (right), the badge at the end (left)', async () => {
    const ltr = await renderPicker((inner) => html`<div dir="ltr" style="inline-size: 24rem">${inner}</div>`);
    const rtl = await renderPicker((inner) => html`<div dir="rtl" style="inline-size: 24rem">${inner}</div>`);
    for (const [picker, dir] of [[ltr, 'ltr'], [rtl, 'rtl']] as const) {
      const row = choices(picker)[0]!;
      const [mark, name, badge] = [row.querySelector('.mark')!, part(row, 'name'), part(row, 'classification')].map(box);
      const order = dir === 'ltr' ? [mark!.left, name!.left, badge!.left] : [-mark!.right, -name!.right, -badge!.right];
      expect(order, `${dir}: mark, name, badge from the inline start`).to.deep.equal([...order].sort((a, b) => a - b));
      // The mark hugs the inline-start edge of the row.
      const rowBox = box(row);
      const gap = dir === 'ltr' ? mark!.left - rowBox.left : rowBox.right - mark!.right;
      expect(gap, `${dir}: mark to the start edge`).to.be.within(0, 16);
    }
  });

  it('the picker stays usable by keyboard under dir="rtl": Tab in, arrows (Left forward, as native radios), Home, End, type-ahead', async () => {
    const picker = await renderPicker((inner) => html`<div dir="rtl"><button>before</button>${inner}</div>`);
    picker.parentElement!.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    const focusedName = () => (picker.shadowRoot!.activeElement as HTMLElement | null)?.querySelector('[part="name"]')?.textContent?.trim();
    expect(focusedName()).to.equal('Sale');
    await sendKeys({ press: 'ArrowDown' });
    await picker.updateComplete;
    expect(picker.value).to.equal('callback');
    // As a native radio group under dir="rtl": Left moves forward, Right back.
    await sendKeys({ press: 'ArrowLeft' });
    await picker.updateComplete;
    const third = picker.value;
    expect(third).not.to.be.oneOf(['sale', 'callback']);
    await sendKeys({ press: 'ArrowRight' });
    await picker.updateComplete;
    expect(picker.value).to.equal('callback');
    await sendKeys({ press: 'End' });
    await picker.updateComplete;
    expect(picker.value).to.equal('voicemail');
    await sendKeys({ press: 'Home' });
    await picker.updateComplete;
    expect(picker.value).to.equal('sale');
    await sendKeys({ press: 'w' });
    await picker.updateComplete;
    expect(picker.value).to.equal('wrong_number');
    expect(focusedName()).to.equal('Wrong number');
  });

  it('the popup mirrors (title at the start, close button at the end) and records by keyboard', async () => {
    const adapter: MemoryAdapter = callCentreAdapter();
    const wrapper = await fixture<HTMLElement>(
      html`<div dir="rtl" lang="es"><disposition-popup .adapter=${adapter} subject-id="rtl-1"></disposition-popup></div>`,
    );
    const popup = wrapper.querySelector<DispositionPopup>('disposition-popup')!;
    const recorded = popup.show();
    await popup.updateComplete;
    const picker = await pickerReady(popup.shadowRoot!.querySelector<OutcomePicker>('outcome-picker')!);
    const dialog = popup.shadowRoot!.querySelector('dialog')!;
    expect(getComputedStyle(dialog).direction).to.equal('rtl');
    const title = box(popup.shadowRoot!.querySelector('h2')!);
    const close = box(popup.shadowRoot!.querySelector('[part~="close-button"]')!);
    expect(close.right, 'the close button is left of the title').to.be.at.most(title.left);
    const submit = box(popup.shadowRoot!.querySelector('[part~="submit"]')!);
    const dialogBox = box(dialog);
    expect(submit.left - dialogBox.left, 'the submit button sits at the inline end (left)').to.be.lessThan(dialogBox.right - submit.right);
    const row = box(choices(picker)[0]!.querySelector('.mark')!);
    expect(dialogBox.right - row.right, 'radio marks at the right').to.be.lessThan(row.left - dialogBox.left);
    // Focus is in the list on open: 3 chooses the third outcome, Enter records it.
    await sendKeys({ press: '3' });
    await picker.updateComplete;
    expect(picker.value).to.equal('wrong_number');
    await sendKeys({ press: 'Enter' });
    const result = (await recorded) as RecordedOutcome;
    expect(result.outcomeKey).to.equal('wrong_number');
    expect(adapter.listRecords().map((record) => record.outcomeKey)).to.deep.equal(['wrong_number']);
  });
});
