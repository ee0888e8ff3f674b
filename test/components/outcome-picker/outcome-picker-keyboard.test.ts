// The W3C APG radio-group checks of issue 13, with real keys, at 10 and at 10,000 outcomes:
// where Tab enters after a scripted value and after form.reset(), what Space checks, and that
// Tab and Shift+Tab keep working when the chosen row is scrolled out of view.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import { MemoryAdapter } from '../../../src/adapters/memory/memory-adapter.js';
import type { OutcomePicker } from '../../../src/components/outcome-picker/outcome-picker.js';
import { manyOutcomes } from '../../helpers/sample-outcomes.js';

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/** Lets scroll events, re-renders and focus moves run their course. */
async function settle(picker: OutcomePicker): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await frame();
    await picker.updateComplete;
  }
}

interface Setup {
  form: HTMLFormElement;
  picker: OutcomePicker;
  before: HTMLButtonElement;
  after: HTMLButtonElement;
  list: HTMLElement;
}

async function setup(count: number, value?: string): Promise<Setup> {
  const adapter = new MemoryAdapter({ outcomeTypes: manyOutcomes(count) });
  const form = await fixture<HTMLFormElement>(html`<form>
    <button type="button" id="before">before</button>
    <outcome-picker aria-label="Outcome" name="o" value=${value ?? ''} .adapter=${adapter}></outcome-picker>
    <button type="button" id="after">after</button>
  </form>`);
  const picker = form.querySelector('outcome-picker')!;
  for (let i = 0; i < 100 && !picker.shadowRoot!.querySelector('[role="radio"]'); i++) await frame();
  await settle(picker);
  return {
    form,
    picker,
    before: form.querySelector<HTMLButtonElement>('#before')!,
    after: form.querySelector<HTMLButtonElement>('#after')!,
    list: picker.shadowRoot!.querySelector<HTMLElement>('[part~="list"]')!,
  };
}

/** The row that has focus inside the picker, or null when focus is elsewhere. */
function focusedRow(picker: OutcomePicker): HTMLElement | null {
  const active = picker.shadowRoot!.activeElement as HTMLElement | null;
  return document.activeElement === picker && active?.getAttribute('role') === 'radio' ? active : null;
}

function row(picker: OutcomePicker, position: number): HTMLElement | null {
  return picker.shadowRoot!.querySelector<HTMLElement>(`[role="radio"][data-position="${position}"]`);
}

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

/** Tab from the control just before the list (the search field of a long list, else `before`). */
async function tabIntoList({ picker, before }: Setup): Promise<void> {
  const search = picker.shadowRoot!.querySelector<HTMLInputElement>('[part~="search"]');
  if (search) search.focus();
  else before.focus();
  await sendKeys({ press: 'Tab' });
  await settle(picker);
}

async function scrollListTo(setup: Setup, top: number): Promise<void> {
  setup.list.scrollTop = top;
  await settle(setup.picker);
}

for (const count of [10, 10_000]) {
  const last = count - 1;

  describe(`<outcome-picker> APG radio group with ${count.toLocaleString('en')} outcomes`, () => {
    it('Tab enters at the checked row after a script set the value, not at the row last moved to', async () => {
      const s = await setup(count);
      await tabIntoList(s);
      await sendKeys({ press: 'End' });
      await settle(s.picker);
      expect(focusedRow(s.picker)?.dataset['position']).to.equal(String(last));
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(s.after);

      s.picker.value = 'o3';
      await settle(s.picker);
      await shiftTab();
      await settle(s.picker);
      const entered = focusedRow(s.picker);
      expect(entered?.dataset['position'], 'Shift+Tab enters at the checked row').to.equal('3');
      expect(entered?.getAttribute('aria-checked')).to.equal('true');
      expect(s.picker.value).to.equal('o3');
    });

    it('after form.reset() (no default) Tab enters at the first row', async () => {
      const s = await setup(count);
      await tabIntoList(s);
      await sendKeys({ press: 'End' });
      await sendKeys({ press: 'ArrowUp' });
      await settle(s.picker);
      expect(s.picker.value).to.equal(`o${last - 1}`);
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(s.after);

      s.form.reset();
      await settle(s.picker);
      expect(s.picker.value).to.equal('');
      await shiftTab();
      await settle(s.picker);
      expect(focusedRow(s.picker)?.dataset['position'], 'Shift+Tab enters at the first row').to.equal('0');
      expect(s.picker.value, 'entering does not choose').to.equal('');
    });

    it('Space checks the row that has focus, however it got focus', async () => {
      const s = await setup(count, 'o1');
      expect(s.picker.value).to.equal('o1');
      // A screen reader (or a script, or a pointer) puts focus on a row directly.
      row(s.picker, 4)!.focus();
      await sendKeys({ press: 'Space' });
      await settle(s.picker);
      expect(s.picker.value).to.equal('o4');
      expect(row(s.picker, 4)!.getAttribute('aria-checked')).to.equal('true');
      expect(row(s.picker, 1)!.getAttribute('aria-checked')).to.equal('false');
    });

    it('Tab enters at the chosen row scrolled out of view, and focus stays on it', async () => {
      const s = await setup(count, `o${last}`);
      await scrollListTo(s, 0);
      await tabIntoList(s);
      const entered = focusedRow(s.picker);
      expect(entered?.dataset['position'], 'focus is on the chosen row, not on <body>').to.equal(String(last));
      expect(entered?.getAttribute('aria-checked')).to.equal('true');
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(s.after);
    });

    it('Shift+Tab enters at the chosen row scrolled out of view, and focus stays on it', async () => {
      const s = await setup(count, `o${last}`);
      await scrollListTo(s, 0);
      s.after.focus();
      await shiftTab();
      await settle(s.picker);
      const entered = focusedRow(s.picker);
      expect(entered?.dataset['position'], 'focus is on the chosen row, not on <body>').to.equal(String(last));
      expect(entered?.getAttribute('aria-checked')).to.equal('true');
    });

    it('the focused row is the same node after it is scrolled out of view; Tab and Shift+Tab leave and come back to it', async () => {
      const s = await setup(count, 'o2');
      await tabIntoList(s);
      const focused = focusedRow(s.picker)!;
      expect(focused.dataset['position']).to.equal('2');
      await scrollListTo(s, s.list.scrollHeight);
      expect(focusedRow(s.picker), 'the focused node was neither replaced nor reused for another row').to.equal(focused);
      expect(focused.dataset['position']).to.equal('2');
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(s.after);
      await shiftTab();
      await settle(s.picker);
      expect(focusedRow(s.picker)?.dataset['position']).to.equal('2');
      await shiftTab();
      await settle(s.picker);
      expect(focusedRow(s.picker), 'Shift+Tab leaves the group').to.equal(null);
      expect(document.activeElement).not.to.equal(document.body);
    });
  });
}
