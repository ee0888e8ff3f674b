// Issue 13, the picker's side: numbered choices, recents, highlighted search matches, the
// checked row shown wherever it is, classification beside the name (none where the backend has
// none), a loading box that does not collapse, a styled Retry, and the system font.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { OutcomeAdapter } from '../../../src/adapters/adapter.js';
import { OutcomeAdapterError } from '../../../src/adapters/errors.js';
import { MemoryAdapter } from '../../../src/adapters/memory/memory-adapter.js';
import type { OutcomePicker } from '../../../src/components/outcome-picker/outcome-picker.js';
import { rememberRecent } from '../../../src/controllers/recents.js';
import { CALL_CENTRE_OUTCOMES, manyOutcomes } from '../../helpers/sample-outcomes.js';

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

async function ready(picker: OutcomePicker): Promise<OutcomePicker> {
  for (let i = 0; i < 100 && !picker.shadowRoot!.querySelector('[role="radio"], [part~="status"]:not(.loading)'); i++) await frame();
  for (let i = 0; i < 3; i++) {
    await frame();
    await picker.updateComplete;
  }
  return picker;
}

/** Rows (headings and choices) from the top down, as "# Heading" or "name". */
function rows(picker: OutcomePicker): string[] {
  return [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[part~="group"], [role="radio"]')]
    .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
    .map((row) => (row.matches('[part~="group"]') ? `# ${row.textContent!.trim()}` : row.querySelector('[part="name"]')!.textContent!.trim()));
}

function radios(picker: OutcomePicker): HTMLElement[] {
  return [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')].sort(
    (a, b) => Number(a.dataset['position']) - Number(b.dataset['position']),
  );
}

let ids = 0;
function adapterWithId(outcomeTypes = CALL_CENTRE_OUTCOMES): MemoryAdapter {
  return new MemoryAdapter({ outcomeTypes, id: `picker-choices-${Date.now()}-${ids++}` });
}

describe('<outcome-picker> numbered choices (shortcuts)', () => {
  it('shows the digit of each of the first nine rows, hidden from assistive technology, which gets aria-keyshortcuts', async () => {
    const adapter = new MemoryAdapter({ outcomeTypes: manyOutcomes(12) });
    const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" shortcuts .adapter=${adapter}></outcome-picker>`));
    const all = radios(picker);
    for (const [position, row] of all.entries()) {
      const digit = row.querySelector<HTMLElement>('[part~="shortcut"]');
      if (position < 9) {
        expect(digit?.textContent, `row ${position + 1}`).to.equal(String(position + 1));
        expect(digit!.getAttribute('aria-hidden')).to.equal('true');
        expect(row.getAttribute('aria-keyshortcuts')).to.equal(String(position + 1));
        expect(picker.shownOutcomes[position]!.name).to.equal(row.querySelector('[part="name"]')!.textContent);
      } else {
        expect(digit, `row ${position + 1}`).to.equal(null);
        expect(row.hasAttribute('aria-keyshortcuts')).to.be.false;
      }
    }
    await expect(picker).to.be.accessible();
    picker.shortcuts = false;
    await picker.updateComplete;
    expect(picker.shadowRoot!.querySelector('[part~="shortcut"]')).to.equal(null);
    expect(picker.shadowRoot!.querySelector('[aria-keyshortcuts]')).to.equal(null);
  });

  it('leaves digits to whoever shows them: a digit is not type-ahead', async () => {
    const types = [{ key: 'one', name: '1st contact', ordinal: 1 }, { key: 'two', name: '2nd contact', ordinal: 2 }];
    const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" shortcuts .adapter=${new MemoryAdapter({ outcomeTypes: types })}></outcome-picker>`));
    picker.focus();
    await sendKeys({ press: '2' });
    await picker.updateComplete;
    expect(picker.value).to.equal('');
  });
});

describe('<outcome-picker> recents', () => {
  beforeEach(() => localStorage.clear());

  it('shows the N most recent available outcomes first under "Recent", once each, and digits reach them', async () => {
    const adapter = adapterWithId();
    for (const key of ['gone', 'voicemail', 'old_promo', 'do_not_call', 'callback']) rememberRecent(adapter.id, 'agent-7', key);
    rememberRecent(adapter.id, 'someone-else', 'sale');
    const picker = await ready(
      await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" recent="3" recent-key="agent-7" shortcuts .adapter=${adapter}></outcome-picker>`),
    );
    // Most recent first; an archived (old_promo) or unknown (gone) outcome leaves its place to the next.
    expect(rows(picker)).to.deep.equal([
      '# Recent',
      'Call back',
      'Do not call',
      'Left voicemail',
      '# Other outcomes',
      'Sale',
      'Wrong number',
    ]);
    expect(picker.shownOutcomes.map((outcome) => outcome.key)).to.deep.equal(['callback', 'do_not_call', 'voicemail', 'sale', 'wrong_number']);
    expect(radios(picker).map((row) => row.querySelector('[part~="shortcut"]')!.textContent)).to.deep.equal(['1', '2', '3', '4', '5']);
    expect(radios(picker)[0]!.getAttribute('aria-setsize')).to.equal('5');
    await expect(picker).to.be.accessible();
  });

  it('keeps the recents first within groups, and says "Recientes" in Spanish', async () => {
    const adapter = adapterWithId();
    rememberRecent(adapter.id, '', 'do_not_call');
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="es"><outcome-picker aria-label="Resultado" recent="5" group-by="classification" .adapter=${adapter}></outcome-picker></div>`,
    );
    const picker = await ready(wrapper.querySelector('outcome-picker')!);
    expect(rows(picker)).to.deep.equal(['# Recientes', 'Do not call', '# Positivo', 'Sale', '# Negativo', 'Wrong number', '# Neutral', 'Call back', 'Left voicemail']);
  });

  it('reads the recents again when recent or recent-key change, and when another tab records (storage event)', async () => {
    const adapter = adapterWithId();
    rememberRecent(adapter.id, 'a', 'wrong_number');
    const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" recent-key="a" .adapter=${adapter}></outcome-picker>`));
    expect(rows(picker)[0]).to.equal('Sale');
    picker.recent = 2;
    await picker.updateComplete;
    expect(rows(picker).slice(0, 2)).to.deep.equal(['# Recent', 'Wrong number']);
    picker.recentKey = 'b';
    await picker.updateComplete;
    expect(rows(picker)[0]).to.equal('Sale');
    // Another tab records for agent b: the browser tells this one with a storage event.
    rememberRecent(adapter.id, 'b', 'sale');
    window.dispatchEvent(new StorageEvent('storage', { key: `outcome-elements:recent:${adapter.id}:b` }));
    await picker.updateComplete;
    expect(rows(picker).slice(0, 3)).to.deep.equal(['# Recent', 'Sale', '# Other outcomes']);
  });

  it('shows no recent group while searching: matches in their own order', async () => {
    const adapter = adapterWithId([...CALL_CENTRE_OUTCOMES, ...manyOutcomes(20)]);
    rememberRecent(adapter.id, '', 'o3');
    const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" recent="1" .adapter=${adapter}></outcome-picker>`));
    expect(rows(picker).slice(0, 2)).to.deep.equal(['# Recent', 'Outcome 00004']);
    picker.shadowRoot!.querySelector<HTMLInputElement>('[part~="search"]')!.focus();
    await sendKeys({ type: 'outcome 0000' });
    await picker.updateComplete;
    expect(rows(picker)).to.deep.equal(['Outcome 00001', 'Outcome 00002', 'Outcome 00003', 'Outcome 00004', 'Outcome 00005', 'Outcome 00006', 'Outcome 00007', 'Outcome 00008', 'Outcome 00009']);
  });
});

describe('<outcome-picker> search at scale', () => {
  it('wraps the matched text of each name in part="match", accents and case folded', async () => {
    const types = [...manyOutcomes(30), { key: 'llamar', name: 'Llamár más tarde', ordinal: 100 }];
    const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" .adapter=${new MemoryAdapter({ outcomeTypes: types })}></outcome-picker>`));
    picker.shadowRoot!.querySelector<HTMLInputElement>('[part~="search"]')!.focus();
    await sendKeys({ type: 'LLAMAR MAS' });
    await picker.updateComplete;
    const name = radios(picker)[0]!.querySelector('[part="name"]')!;
    expect(name.textContent).to.equal('Llamár más tarde');
    expect([...name.querySelectorAll('[part~="match"]')].map((match) => match.textContent)).to.deep.equal(['Llamár', 'más']);
    await expect(picker).to.be.accessible();
  });

  it('highlights the matches of a search over 10,000 outcomes after End, and finds them all', async () => {
    const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" .adapter=${new MemoryAdapter({ outcomeTypes: manyOutcomes(10_000) })}></outcome-picker>`));
    picker.focus();
    await sendKeys({ press: 'End' });
    await picker.updateComplete;
    expect(picker.value).to.equal('o9999');
    picker.shadowRoot!.querySelector<HTMLInputElement>('[part~="search"]')!.focus();
    await sendKeys({ type: '0999' });
    await picker.updateComplete;
    // "Outcome 00999" and "Outcome 09990"…"Outcome 09999".
    expect(picker.shownOutcomes).to.have.length(11);
    const marks = radios(picker).map((row) => [...row.querySelectorAll('[part~="match"]')].map((match) => match.textContent).join('|'));
    expect(marks.every((mark) => mark === '0999')).to.be.true;
  });

  it('shows the checked row on first render wherever it is in 10,000 outcomes', async () => {
    const picker = await ready(
      await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" value="o9999" .adapter=${new MemoryAdapter({ outcomeTypes: manyOutcomes(10_000) })}></outcome-picker>`),
    );
    expect(picker.selectedOutcome?.key).to.equal('o9999');
    const list = picker.shadowRoot!.querySelector<HTMLElement>('[part~="list"]')!.getBoundingClientRect();
    const checked = picker.shadowRoot!.querySelector<HTMLElement>('[aria-checked="true"]')!.getBoundingClientRect();
    expect(checked.top).to.be.at.least(list.top - 1);
    expect(checked.bottom).to.be.at.most(list.bottom + 1);
    expect(radios(picker).length).to.be.below(60);
  });
});

describe('<outcome-picker> polish', () => {
  it('shows the classification as icon and word right beside the name, not at the far end', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 40rem"><outcome-picker aria-label="Outcome" .adapter=${new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES })}></outcome-picker></div>`);
    const picker = await ready(wrapper.querySelector('outcome-picker')!);
    const row = radios(picker)[0]!;
    const name = row.querySelector('[part="name"]')!.getBoundingClientRect();
    const classification = row.querySelector('[part~="classification"]')!;
    expect(classification.textContent).to.contain('Positive');
    const box = classification.getBoundingClientRect();
    expect(box.left - name.right, 'gap between name and classification').to.be.within(0, 16);
    expect(row.getBoundingClientRect().right - box.right, 'room left at the end of the row').to.be.above(200);
  });

  it('shows no classification where the backend has none (capabilities.fields.classification absent)', async () => {
    const memory = new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES });
    const { classification: _none, ...fields } = memory.capabilities.fields;
    const close: OutcomeAdapter = {
      id: 'close-like',
      capabilities: { ...memory.capabilities, fields },
      listOutcomeTypes: (options) => memory.listOutcomeTypes(options),
    };
    const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" .adapter=${close}></outcome-picker>`));
    expect(radios(picker)).to.have.length(5);
    expect(picker.shadowRoot!.querySelector('[part~="classification"]')).to.equal(null);
    expect(radios(picker).map((row) => row.getAttribute('part'))).to.deep.equal(['choice', 'choice', 'choice', 'choice', 'choice']);
    expect(picker.shadowRoot!.textContent).not.to.contain('Neutral');
    await expect(picker).to.be.accessible();
  });

  it('keeps the list box while loading: rows of their final height, no collapse', async () => {
    const slow = new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES, latencyMs: 300 });
    const picker = await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" .adapter=${slow}></outcome-picker>`);
    await picker.updateComplete;
    const loading = picker.shadowRoot!.querySelector<HTMLElement>('[part="status"]')!;
    expect(loading.textContent).to.contain('Loading');
    const loadingHeight = loading.getBoundingClientRect().height;
    await new Promise((resolve) => setTimeout(resolve, 400));
    await ready(picker);
    const list = picker.shadowRoot!.querySelector<HTMLElement>('[part~="list"]')!;
    const row = radios(picker)[0]!;
    // Five outcomes: the box the list takes is the box loading took, five rows of the row height.
    expect(list.getBoundingClientRect().height).to.be.closeTo(5 * row.getBoundingClientRect().height + 2, 1);
    expect(loadingHeight).to.be.closeTo(list.getBoundingClientRect().height, 1);
  });

  it('styles Retry as a button of the library, not the browser default', async () => {
    const failing: OutcomeAdapter = {
      capabilities: new MemoryAdapter().capabilities,
      listOutcomeTypes: async () => {
        throw new OutcomeAdapterError('network', 'down');
      },
    };
    const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" .adapter=${failing}></outcome-picker>`));
    const retry = picker.shadowRoot!.querySelector('button')!;
    expect(retry.textContent).to.equal('Retry');
    const style = getComputedStyle(retry);
    expect(style.borderTopLeftRadius).to.equal('6px');
    expect(style.backgroundColor).to.equal('rgb(246, 248, 250)');
    expect(style.fontFamily).to.equal(getComputedStyle(picker).fontFamily);
  });

  it('uses the system UI font on a page that sets none; the token or the page’s own rule sets another', async () => {
    const plain = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" .adapter=${new MemoryAdapter()}></outcome-picker>`));
    expect(getComputedStyle(plain).fontFamily).to.equal('system-ui, sans-serif');
    const themed = await fixture<HTMLDivElement>(html`<div style="--outcome-font-family: monospace"><outcome-picker aria-label="Outcome"></outcome-picker></div>`);
    expect(getComputedStyle(themed.querySelector('outcome-picker')!).fontFamily).to.equal('monospace');
    // A page rule on the element beats the element's own :host rule: "follow the page's font".
    const page = await fixture<HTMLDivElement>(html`<div style="font-family: serif"><outcome-picker aria-label="Outcome" style="font-family: inherit"></outcome-picker></div>`);
    expect(getComputedStyle(page.querySelector('outcome-picker')!).fontFamily).to.equal('serif');
  });
});
