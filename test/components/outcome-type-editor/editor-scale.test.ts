import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import { MemoryAdapter } from '../../../src/adapters/memory/memory-adapter.js';
import type { OutcomeTypeEditor } from '../../../src/components/outcome-type-editor/outcome-type-editor.js';
import { OutcomeStore } from '../../../src/controllers/outcome-store.js';
import { frame, mountEditor } from '../../helpers/editor-fixture.js';
import { until } from '../../helpers/fresh-source.js';
import { CALL_CENTRE_OUTCOMES, manyOutcomes } from '../../helpers/sample-outcomes.js';

const $ = <T extends HTMLElement = HTMLElement>(el: OutcomeTypeEditor, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: OutcomeTypeEditor, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const rows = (el: OutcomeTypeEditor) => $$(el, 'tbody tr');
const names = (el: OutcomeTypeEditor) => $$(el, 'tbody .type-name').map((name) => name.textContent!.trim());
const rowOf = (el: OutcomeTypeEditor, name: string) => rows(el).find((row) => row.querySelector('.type-name')!.textContent!.trim() === name);
const active = (el: OutcomeTypeEditor) => el.shadowRoot!.activeElement as HTMLElement | null;

let adapters = 0;

/** An editor in a host of `width` (and direction), its list loaded. */
type Seed = NonNullable<ConstructorParameters<typeof MemoryAdapter>[0]>['outcomeTypes'];

async function editor(outcomeTypes: Seed, width = '800px', dir = 'ltr') {
  const adapter = new MemoryAdapter({ id: `scale-${++adapters}`, ...(outcomeTypes ? { outcomeTypes } : {}) });
  return { ...(await mountEditor(adapter, width, dir)), adapter };
}

async function scrollList(el: OutcomeTypeEditor, top: number): Promise<void> {
  const list = $(el, '.table-scroll')!;
  list.scrollTop = top;
  list.dispatchEvent(new Event('scroll'));
  await el.updateComplete;
}

describe('<outcome-type-editor> at scale', () => {
  it('renders the rows in view only at 10,000 types, with grid semantics that count every row', async () => {
    const { el } = await editor(manyOutcomes(10000));
    const table = $(el, '[part~="table"]')!;
    expect(table.getAttribute('role')).to.equal('grid');
    expect(table.getAttribute('aria-rowcount')).to.equal('10001');
    expect(rows(el).length, 'rows in the DOM').to.be.within(5, 60);
    expect(rows(el)[0]!.getAttribute('aria-rowindex')).to.equal('2');
    // Far down the list: the rows there, numbered as in the whole list, still few.
    await scrollList(el, 5000 * rows(el)[0]!.offsetHeight);
    expect(names(el)).to.include('Outcome 05001');
    expect(rows(el).length, 'rows in the DOM after scrolling').to.be.within(5, 60);
    expect(rowOf(el, 'Outcome 05001')!.getAttribute('aria-rowindex')).to.equal('5002');
    await expect(el).to.be.accessible();
  });

  it('search reaches any type of 10,000, accent- and case-insensitively', async () => {
    const { el } = await editor(manyOutcomes(10000));
    const search = $<HTMLInputElement>(el, '#search')!;
    for (const query of ['OUTCOME 09999', 'outcome 00001', 'o7777']) {
      search.value = query;
      search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(names(el), query).to.have.length(1);
    }
    expect(names(el)).to.deep.equal(['Outcome 07778']);
    expect($(el, '[part~="table"]')!.getAttribute('aria-rowcount')).to.equal('2');
  });

  it('keeps keyboard focus on its row across scrolling away and a write to it', async () => {
    const { el } = await editor(manyOutcomes(10000));
    rows(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const focused = active(el)!;
    expect(focused.querySelector('.type-name')!.textContent, 'the third row').to.equal('Outcome 00003');
    const id = focused.dataset['id']!;
    const next = rowOf(el, 'Outcome 00004')!.dataset['id'];
    expect(focused.tabIndex).to.equal(0);
    await scrollList(el, 8000 * focused.offsetHeight);
    expect(names(el)).to.include('Outcome 08001');
    expect(active(el), 'the focused row, scrolled away').to.equal(focused);
    expect(focused.isConnected).to.equal(true);
    // A write to the focused type: the row is updated in place.
    await OutcomeStore.for(el.adapter!).update(id, { name: 'Outcome 00003 renamed' });
    await el.updateComplete;
    expect(active(el)).to.equal(focused);
    expect(focused.querySelector('.type-name')!.textContent).to.equal('Outcome 00003 renamed');
    // Down from there goes on from its place in the list, brought back into view.
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(active(el)!.dataset['id']).to.equal(next);
    await expect(el).to.be.accessible();
  });

  it('re-renders only the row of a type that a write changed, through listeners on the list, not on rows', async () => {
    const { el } = await editor(manyOutcomes(10000));
    const body = $(el, 'tbody')!;
    const changed = new Set<string>();
    const watch = new MutationObserver((records) => {
      for (const record of records) {
        const node = record.target instanceof Element ? record.target : record.target.parentElement;
        changed.add(node?.closest<HTMLElement>('tr')?.dataset['id'] ?? `outside:${node?.localName}`);
      }
    });
    watch.observe(body, { subtree: true, childList: true, characterData: true, attributes: true });
    const id = rowOf(el, 'Outcome 00005')!.dataset['id']!;
    await OutcomeStore.for(el.adapter!).update(id, { name: 'Outcome 00005 renamed' });
    await el.updateComplete;
    await frame();
    watch.disconnect();
    expect([...changed]).to.deep.equal([id]);
    // Delegated: a click on a row's button is handled by the list.
    rowOf(el, 'Outcome 00005 renamed')!.querySelector<HTMLElement>('[part~="delete-button"]')!.click();
    await until(() => $<HTMLDialogElement>(el, 'dialog')!.open, 'the delete dialog');
    expect($(el, '#delete-title')!.textContent).to.contain('Outcome 00005 renamed');
    $<HTMLDialogElement>(el, 'dialog')!.close();
  });

  for (const dir of ['ltr', 'rtl']) {
    for (const width of [360, 800, 1280]) {
      it(`cuts off no action at ${width} px, ${dir}`, async () => {
        const { el } = await editor(
          CALL_CENTRE_OUTCOMES.map((type) => ({ ...type, name: `${type.name} with a rather longer name than usual` })),          `${width}px`,
          dir,
        );
        const box = el.getBoundingClientRect();
        const actions = $$(el, 'tbody button').filter((button) => button.getClientRects().length);
        expect(actions.length, 'visible actions').to.be.greaterThan(0);
        for (const action of actions) {
          const rect = action.getBoundingClientRect();
          const what = `${action.getAttribute('part')} of ${action.closest('tr')!.dataset['id']}`;
          expect(rect.left, `${what}: left`).to.be.at.least(box.left - 0.5);
          expect(rect.right, `${what}: right`).to.be.at.most(box.right + 0.5);
        }
        for (const row of rows(el)) {
          const rect = row.getBoundingClientRect();
          expect(rect.left >= box.left - 0.5 && rect.right <= box.right + 0.5, 'row within the host').to.equal(true);
        }
        // Seven columns (the outcome-types rules): one line per row from 72rem, two below it.
        const narrow = width < 72 * 16;
        expect($$(el, '[part~="row-menu"]').some((menu) => menu.getClientRects().length), 'row menus').to.equal(narrow);
        expect($$(el, '[part~="edit-button"]').some((edit) => edit.getClientRects().length), 'inline buttons').to.equal(!narrow);
        // Two-line rows show every column's value whole where there is room for it, not cut.
        if (narrow && width >= 800) {
          for (const summary of $$(el, 'tbody .summary')) expect(summary.scrollWidth, summary.textContent!).to.be.at.most(summary.clientWidth + 1);
        }
        expect($(el, '.table-scroll')!.scrollWidth, 'no sideways scrolling').to.be.at.most($(el, '.table-scroll')!.clientWidth + 1);
        await expect(el).to.be.accessible();
      });
    }
  }

  it('shows short headers, and locked fields with a drawn lock whose reason is its accessible name', async () => {
    const { el } = await editor(undefined, '1280px');
    const headers = $$(el, 'thead th').map((th) => th.textContent!.trim());
    expect(headers).to.include('Follow-up').and.not.include('Needs a follow-up date');
    const locks = [...rowOf(el, 'Click')!.querySelectorAll<HTMLElement>('.lock-icon')];
    expect(locks.length, 'key, classification, category, status').to.equal(4);
    expect(locks.every((lock) => lock.getAttribute('role') === 'img' && lock.getAttribute('aria-label') === 'Locked on system outcome types' && lock.querySelector('svg'))).to.equal(true);
    expect(el.shadowRoot!.textContent).to.not.contain('🔒');
    await expect(el).to.be.accessible();
    // The form's locked fields: the same drawn lock in the hint, the label still above its control.
    rowOf(el, 'Click')!.querySelector<HTMLButtonElement>('[part~="edit-button"]')!.click();
    await until(() => $(el, '[part~="form"]'), 'the form');
    expect(el.shadowRoot!.textContent).to.not.contain('🔒');
    const keyField = $(el, '[part~="field-key"]')!;
    expect(keyField.querySelector('[part~="hint"] .lock-icon svg'), 'drawn lock in the key hint').to.not.equal(null);
    const label = keyField.querySelector('label')!.getBoundingClientRect();
    const input = keyField.querySelector('input')!.getBoundingClientRect();
    expect(input.top, 'control below its label').to.be.at.least(label.bottom - 1);
    await expect(el).to.be.accessible();
  });

  it('offers a row menu on narrow hosts, operable by keyboard (APG menu button)', async () => {
    const { el } = await editor(CALL_CENTRE_OUTCOMES, '360px');
    const button = rowOf(el, 'Call back')!.querySelector<HTMLButtonElement>('[part~="row-menu"]')!;
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    expect(button.getAttribute('aria-label')).to.equal('Actions for Call back');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const menu = $(el, '[role="menu"]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(menu.matches(':popover-open')).to.equal(true);
    const item = () => active(el)!.textContent!.trim();
    expect(item()).to.equal('Edit');
    await sendKeys({ press: 'ArrowDown' });
    expect(item()).to.equal('Delete');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(item(), 'wraps to the last').to.equal('Move down');
    await sendKeys({ press: 'Home' });
    expect(item()).to.equal('Edit');
    // The menu is in view and inside the window.
    const rect = menu.getBoundingClientRect();
    expect(rect.top >= 0 && rect.bottom <= innerHeight && rect.left >= 0 && rect.right <= innerWidth).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '[role="menu"]'), 'closed').to.equal(null);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(active(el), 'focus back on the button').to.equal(button);

    // Up opens it on the last item; choosing Move down moves the type, and focus stays on its menu button.
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(item()).to.equal('Move down');
    await sendKeys({ press: 'Enter' });
    await until(() => names(el).indexOf('Call back') === 2, 'the move');
    await until(() => active(el)?.matches('[part~="row-menu"]'), 'focus on the menu button');
    expect(active(el)!.closest('tr')!.querySelector('.type-name')!.textContent).to.equal('Call back');
    await expect(el).to.be.accessible();
  });
});
