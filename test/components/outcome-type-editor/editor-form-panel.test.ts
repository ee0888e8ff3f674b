import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { RequestOptions } from '../../../src/adapters/adapter.js';
import { MemoryAdapter } from '../../../src/adapters/memory/memory-adapter.js';
import type { OutcomeTypeEditor } from '../../../src/components/outcome-type-editor/outcome-type-editor.js';
import { CLOSE_RULES, SAILOR_RULES } from '../../../src/adapters/rules.js';
import type { OutcomeTypeInput } from '../../../src/model/types.js';
import { frame, mountEditor } from '../../helpers/editor-fixture.js';
import { until } from '../../helpers/fresh-source.js';
import { CALL_CENTRE_OUTCOMES, manyOutcomes } from '../../helpers/sample-outcomes.js';

// Issue 14, point 4: the form beside the list (a modal dialog on narrow hosts), only the
// backend's fields, the key following the name, labels with their controls, and a question
// before unsaved changes are lost. Real keys (sendKeys) and real clicks (sendMouse) throughout.

const $ = <T extends HTMLElement = HTMLElement>(el: OutcomeTypeEditor, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: OutcomeTypeEditor, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const active = (el: OutcomeTypeEditor) => el.shadowRoot!.activeElement as HTMLElement | null;
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const panel = (el: OutcomeTypeEditor) => $<HTMLDialogElement>(el, '[part~="form-panel"]');
const question = (el: OutcomeTypeEditor) => $<HTMLDialogElement>(el, '[part~="discard-dialog"]');
const list = (el: OutcomeTypeEditor) => $(el, '.table-scroll')!;
const shownFields = (el: OutcomeTypeEditor) => $$(el, '[part~="field"]').map((field) => field.getAttribute('part')!.split(' ')[1]!.replace('field-', ''));

function row(el: OutcomeTypeEditor, name: string): HTMLElement {
  const found = $$(el, 'tbody tr').find((candidate) => text(candidate.querySelector('.type-name')) === name);
  if (!found) throw new Error(`No row "${name}"`);
  return found;
}

const control = (el: OutcomeTypeEditor, name: string, part: string) => row(el, name).querySelector<HTMLElement>(`[part~="${part}"]`)!;

/** A real click in the middle of an element (or of a part of it: `at` is a rectangle), scrolled into view first. */
async function click(target: Element, rect?: () => DOMRect): Promise<void> {
  target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const at = rect ? rect() : target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(at.left + at.width / 2), Math.round(at.top + at.height / 2)] });
}

/**
 * A row's Edit as a pointer user reaches it: its own button on one-line rows; on two-line rows
 * (a narrow host, or the list beside an open form) the row menu, then Edit in it.
 */
async function clickEdit(el: OutcomeTypeEditor, name: string): Promise<void> {
  const button = control(el, name, 'edit-button');
  if (button.getClientRects().length) return click(button);
  await click(control(el, name, 'row-menu'));
  await until(() => $(el, '[role="menu"] [data-action="edit"]'), 'the row menu');
  await click($(el, '[role="menu"] [data-action="edit"]')!);
}

/** A MemoryAdapter that counts its writes. */
class Counting extends MemoryAdapter {
  creates = 0;
  updates = 0;

  override createOutcomeType(input: OutcomeTypeInput, options?: RequestOptions) {
    this.creates++;
    return super.createOutcomeType(input, options);
  }

  override updateOutcomeType(id: string, changes: Partial<OutcomeTypeInput>, options?: RequestOptions) {
    this.updates++;
    return super.updateOutcomeType(id, changes, options);
  }
}

let adapters = 0;

/** An editor in a host `width` wide (and of direction `dir`), its list loaded and measured. */
async function editor(options: { width: string; dir?: 'ltr' | 'rtl'; adapter?: MemoryAdapter; outcomeTypes?: ReturnType<typeof manyOutcomes> }) {
  const adapter = options.adapter ?? new Counting({ id: `panel-${++adapters}`, outcomeTypes: options.outcomeTypes ?? CALL_CENTRE_OUTCOMES });
  const { el, host } = await mountEditor(adapter, options.width, options.dir);
  return { el, adapter: adapter as Counting, host };
}

async function formOpen(el: OutcomeTypeEditor): Promise<void> {
  await until(() => panel(el)?.open && $(el, '[part~="form"]'), 'the form');
  await el.updateComplete;
  await frame();
}

async function formClosed(el: OutcomeTypeEditor): Promise<void> {
  await until(() => !$(el, '[part~="form"]'), 'the form to close');
  await el.updateComplete;
}

/** Within `outer`'s box, to the pixel. */
function inside(part: Element, outer: Element): boolean {
  const box = part.getBoundingClientRect();
  const frameBox = outer.getBoundingClientRect();
  return box.left >= frameBox.left - 1 && box.right <= frameBox.right + 1;
}

describe('<outcome-type-editor> form beside the list', () => {
  before(async () => {
    await setViewport({ width: 1400, height: 900 });
  });

  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  afterEach(async () => {
    await resetMouse();
  });

  describe('on a wide host (1280 px): a side panel', () => {
    it('opens beside the list, which keeps its scroll position; the edited row is marked; focus goes in and back', async () => {
      const { el, host } = await editor({ width: '1280px', outcomeTypes: manyOutcomes(60) });
      const scroller = list(el);
      const rowHeight = $(el, 'tbody tr')!.offsetHeight;
      scroller.scrollTop = 20 * rowHeight;
      scroller.dispatchEvent(new Event('scroll'));
      await el.updateComplete;
      await frame();
      // The row at the top, whatever height the rows have (two lines while the panel takes room).
      const topRow = () => Math.round(scroller.scrollTop / $(el, 'tbody tr')!.offsetHeight);
      const before = topRow();
      expect(before, 'the list is scrolled').to.equal(20);

      // A real click on a row's Edit button, well down the list.
      const edit = control(el, 'Outcome 00024', 'edit-button');
      await click(edit);
      await formOpen(el);
      const form = panel(el)!;
      expect(form.matches(':modal'), 'not modal: the list stays usable').to.equal(false);
      expect(list(el), 'the same list element, not rebuilt').to.equal(scroller);
      await frame();
      expect(topRow(), 'the same row at the top while the form is open').to.equal(before);
      const marked = row(el, 'Outcome 00024');
      expect(marked.getAttribute('aria-current')).to.equal('true');
      expect(marked.getAttribute('part')!.split(' ')).to.include('row-editing');
      expect($$(el, 'tbody tr[aria-current]'), 'one row marked').to.have.length(1);
      // Beside the list, both inside the host's box.
      expect(form.getBoundingClientRect().left).to.be.at.least(scroller.getBoundingClientRect().right - 1);
      expect(inside(form, host) && inside(scroller, host), 'panel and list inside the host').to.equal(true);
      expect(Math.abs(form.getBoundingClientRect().top - $(el, '[part~="toolbar"]')!.getBoundingClientRect().top), 'side by side, top aligned').to.be.below(2);
      expect(active(el), 'focus in the form').to.equal($(el, '#field-name'));
      await expect(el).to.be.accessible();

      // Nothing changed: Escape closes at once, focus back on the row's Edit button, scroll kept.
      await sendKeys({ press: 'Escape' });
      await formClosed(el);
      expect(question(el), 'no question').to.equal(null);
      await frame();
      expect(topRow(), 'the same row at the top after closing').to.equal(before);
      expect(active(el)).to.equal(control(el, 'Outcome 00024', 'edit-button'));
      expect($$(el, 'tbody tr[aria-current]')).to.have.length(0);
    });

    it('New: focus back on the New button on close; the list is still there and usable meanwhile', async () => {
      const { el } = await editor({ width: '1280px' });
      $(el, '[part~="new-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await formOpen(el);
      expect(active(el)).to.equal($(el, '#field-name'));
      expect($(el, '[part~="table"]'), 'the list stays').to.exist;
      expect(panel(el)!.matches(':modal')).to.equal(false);
      // The list is not inert: its search still works while the form is open.
      const search = $<HTMLInputElement>(el, '#search')!;
      search.focus();
      await sendKeys({ type: 'sale' });
      await el.updateComplete;
      expect($$(el, 'tbody .type-name').map(text)).to.deep.equal(['Sale']);
      $<HTMLButtonElement>(el, '[part~="cancel-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await formClosed(el);
      expect(active(el)).to.equal($(el, '[part~="new-button"]'));
    });
  });

  describe('on a narrow host (360 px): a modal dialog', () => {
    it('opens from New in a modal dialog that fits the window; focus in and back; accessible', async () => {
      const { el, host } = await editor({ width: '360px' });
      $(el, '[part~="new-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await formOpen(el);
      const form = panel(el)!;
      expect(form.matches(':modal')).to.equal(true);
      expect(active(el)).to.equal($(el, '#field-name'));
      const box = form.getBoundingClientRect();
      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(window.innerWidth);
      expect(form.scrollWidth, 'no sideways scrolling').to.be.at.most(form.clientWidth + 1);
      expect(inside(list(el), host), 'the list behind it, inside the host').to.equal(true);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await formClosed(el);
      expect(active(el)).to.equal($(el, '[part~="new-button"]'));
    });

    it('opens from a row menu’s Edit, and focus goes back to that row menu', async () => {
      const { el } = await editor({ width: '360px' });
      const menuButton = control(el, 'Call back', 'row-menu');
      expect(menuButton.getClientRects().length, 'the row menu, not inline buttons').to.be.greaterThan(0);
      menuButton.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => $(el, '[role="menu"]'), 'the menu');
      await el.updateComplete;
      expect(text(active(el))).to.equal('Edit');
      await sendKeys({ press: 'Enter' });
      await formOpen(el);
      expect(panel(el)!.matches(':modal')).to.equal(true);
      expect(row(el, 'Call back').getAttribute('aria-current')).to.equal('true');
      await sendKeys({ press: 'Escape' });
      await formClosed(el);
      expect(active(el)).to.equal(control(el, 'Call back', 'row-menu'));
    });

    it('moves an open form between the panel and the dialog when the host is resized, focus kept', async () => {
      const { el, host } = await editor({ width: '1280px' });
      await click(control(el, 'Sale', 'edit-button'));
      await formOpen(el);
      expect(panel(el)!.matches(':modal')).to.equal(false);
      host.style.width = '360px';
      await until(() => panel(el)!.matches(':modal'), 'the dialog');
      expect(active(el)).to.equal($(el, '#field-name'));
      host.style.width = '1280px';
      await until(() => !panel(el)!.matches(':modal') && panel(el)!.open, 'the panel');
      expect(active(el)).to.equal($(el, '#field-name'));
    });
  });

  describe('the key follows the name', () => {
    it('as a slug while creating, until the admin edits the key; a format hint says so', async () => {
      const { el } = await editor({ width: '1280px' });
      await click($(el, '[part~="new-button"]')!);
      await formOpen(el);
      const key = $<HTMLInputElement>(el, '#field-key')!;
      expect(text($(el, '#field-key-hint'))).to.contain('Lowercase letters, digits and _').and.contain('filled in from the name until you change it');
      expect(key.getAttribute('aria-describedby')).to.contain('field-key-hint');
      await sendKeys({ type: 'Llamada más tarde!' });
      await el.updateComplete;
      expect(key.value).to.equal('llamada_mas_tarde');
      // The admin edits the key: from then on it is theirs.
      await sendKeys({ press: 'Tab' });
      expect(active(el)).to.equal(key);
      await sendKeys({ type: 'later' });
      await el.updateComplete;
      expect(key.value).to.equal('later');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ press: 'End' });
      await sendKeys({ type: ' hoy' });
      await el.updateComplete;
      expect(key.value, 'no longer follows').to.equal('later');
    });

    it('does not follow on an existing type, whose hint gives the format only', async () => {
      const { el } = await editor({ width: '1280px' });
      await click(control(el, 'Sale', 'edit-button'));
      await formOpen(el);
      await sendKeys({ press: 'End' });
      await sendKeys({ type: ' again' });
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#field-key')!.value).to.equal('sale');
      expect(text($(el, '#field-key-hint'))).to.contain('Lowercase letters, digits and _').and.not.contain('from the name');
    });

    it('refuses a key already in the list before sending: on the key field, no request', async () => {
      const { el, adapter } = await editor({ width: '1280px' });
      await click($(el, '[part~="new-button"]')!);
      await formOpen(el);
      await sendKeys({ type: 'Sale' });
      // Leaving the name checks the key it brought.
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(text($(el, '#field-key-error'))).to.equal('Another outcome type already uses this.');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(adapter.creates, 'no request').to.equal(0);
      expect(active(el)).to.equal($(el, '#field-key'));
      expect($(el, '#field-key')!.getAttribute('aria-invalid')).to.equal('true');
      // "Sale again" is another key: saved beside "sale", not over it.
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ press: 'End' });
      await sendKeys({ type: ' again' });
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#field-key')!.value).to.equal('sale_again');
      await sendKeys({ press: 'Enter' });
      await formClosed(el);
      expect(adapter.creates).to.equal(1);
      const keys = (await adapter.listOutcomeTypes()).map((type) => type.key);
      expect(keys).to.include('sale').and.include('sale_again');
    });
  });

  describe('only the backend’s fields', () => {
    it('MemoryAdapter with Sailor’s rules shows exactly Sailor’s fields; with Close’s, Close’s', async () => {
      const sailor = await editor({ width: '1280px', adapter: new MemoryAdapter({ id: 'panel-sailor-rules', rules: SAILOR_RULES, outcomeTypes: CALL_CENTRE_OUTCOMES }) });
      await click($(sailor.el, '[part~="new-button"]')!);
      await formOpen(sailor.el);
      expect(shownFields(sailor.el)).to.deep.equal(['name', 'kind', 'ordinal', 'destination', 'webhookUrl']);
      await expect(sailor.el).to.be.accessible();
      sailor.host.remove();

      const close = await editor({ width: '1280px', adapter: new MemoryAdapter({ id: 'panel-close-rules', rules: CLOSE_RULES, outcomeTypes: CALL_CENTRE_OUTCOMES }) });
      await click($(close.el, '[part~="new-button"]')!);
      await formOpen(close.el);
      expect(shownFields(close.el)).to.deep.equal(['name', 'description', 'autoAppliedOn', 'appliesTo']);
    });
  });

  describe('labels with their controls', () => {
    for (const dir of ['ltr', 'rtl'] as const) {
      it(`the follow-up checkbox sits in its label, box on the start side, one line (${dir}); clicking the text toggles it`, async () => {
        const { el } = await editor({ width: '1280px', dir });
        await click($(el, '[part~="new-button"]')!);
        await formOpen(el);
        const box = $<HTMLInputElement>(el, '#field-requiresFutureScheduledAt')!;
        const label = box.closest('label')!;
        expect(label, 'the box is inside its label').to.exist;
        expect(box.labels![0]).to.equal(label);
        expect(text(label)).to.equal('Needs a follow-up date');
        const words = [...label.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim())!;
        const range = document.createRange();
        range.selectNodeContents(words);
        label.scrollIntoView({ block: 'nearest' });
        const wordsBox = range.getBoundingClientRect();
        const boxRect = box.getBoundingClientRect();
        const middle = boxRect.top + boxRect.height / 2;
        expect(middle, 'box and text on one line').to.be.within(wordsBox.top, wordsBox.bottom);
        if (dir === 'ltr') expect(boxRect.right).to.be.at.most(wordsBox.left);
        else expect(boxRect.left).to.be.at.least(wordsBox.right);
        expect(box.checked).to.equal(false);
        await click(label, () => range.getBoundingClientRect());
        await el.updateComplete;
        expect(box.checked, 'a click on the words toggles the box').to.equal(true);
      });
    }
  });

  describe('unsaved changes: asked before they are lost', () => {
    it('Cancel asks “Discard changes to “Sale”?”; Keep editing goes back; Discard closes, nothing sent', async () => {
      const { el, adapter } = await editor({ width: '1280px' });
      await click(control(el, 'Sale', 'edit-button'));
      await formOpen(el);
      await sendKeys({ press: 'End' });
      await sendKeys({ type: ' (VIP)' });
      await el.updateComplete;
      const cancel = $<HTMLButtonElement>(el, '[part~="cancel-button"]')!;
      await click(cancel);
      await until(() => question(el)?.open, 'the question');
      const ask = question(el)!;
      expect(ask.matches(':modal')).to.equal(true);
      expect(ask.getAttribute('role')).to.equal('alertdialog');
      expect(text(ask.querySelector('#discard-title'))).to.equal('Discard changes to “Sale”?');
      expect(active(el), 'Keep editing has focus: the safe choice').to.equal($(el, '[part~="keep-editing"]'));
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Enter' });
      await until(() => !question(el)?.open, 'the question to close');
      await el.updateComplete;
      expect($(el, '[part~="form"]'), 'still editing').to.exist;
      expect(active(el), 'back where the admin was').to.equal(cancel);
      expect($<HTMLInputElement>(el, '#field-name')!.value).to.equal('Sale (VIP)');

      await sendKeys({ press: 'Enter' });
      await until(() => question(el)?.open, 'the question again');
      await sendKeys({ press: 'Tab' });
      expect(active(el)).to.equal($(el, '[part~="confirm-discard"]'));
      await sendKeys({ press: 'Enter' });
      await formClosed(el);
      expect(active(el)).to.equal(control(el, 'Sale', 'edit-button'));
      expect(adapter.updates, 'nothing sent').to.equal(0);
      expect($$(el, 'tbody .type-name').map(text)).to.include('Sale').and.not.include('Sale (VIP)');
    });

    it('Escape asks too; Escape in the question keeps editing', async () => {
      const { el } = await editor({ width: '1280px' });
      await click($(el, '[part~="new-button"]')!);
      await formOpen(el);
      await sendKeys({ type: 'Half typed' });
      await sendKeys({ press: 'Escape' });
      await until(() => question(el)?.open, 'the question');
      expect(text(question(el)!.querySelector('#discard-title'))).to.equal('Discard the new outcome type?');
      await sendKeys({ press: 'Escape' });
      await until(() => !question(el)?.open, 'the question to close');
      await el.updateComplete;
      expect($(el, '[part~="form"]'), 'still editing').to.exist;
      expect(active(el)).to.equal($(el, '#field-name'));
      await sendKeys({ press: 'Escape' });
      await until(() => question(el)?.open, 'the question again');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await formClosed(el);
      expect(active(el)).to.equal($(el, '[part~="new-button"]'));
    });

    it('another row’s Edit asks, then opens that row; with nothing changed it switches at once', async () => {
      const { el } = await editor({ width: '1280px' });
      await click(control(el, 'Sale', 'edit-button'));
      await formOpen(el);
      // Unchanged: straight to the other row's form.
      await clickEdit(el, 'Call back');
      await until(() => text($(el, '[part~="form-title"]')) === 'Edit “Call back”', 'the other form');
      expect(question(el)?.open ?? false).to.equal(false);
      expect(row(el, 'Call back').getAttribute('aria-current')).to.equal('true');
      expect(row(el, 'Sale').hasAttribute('aria-current')).to.equal(false);
      // Changed: asked first.
      $<HTMLInputElement>(el, '#field-name')!.focus();
      await sendKeys({ press: 'End' });
      await sendKeys({ type: ' soon' });
      await clickEdit(el, 'Wrong number');
      await until(() => question(el)?.open, 'the question');
      expect(text(question(el)!.querySelector('#discard-title'))).to.equal('Discard changes to “Call back”?');
      await click($(el, '[part~="confirm-discard"]')!);
      await until(() => text($(el, '[part~="form-title"]')) === 'Edit “Wrong number”', 'the other form');
      await el.updateComplete;
      expect(row(el, 'Wrong number').getAttribute('aria-current')).to.equal('true');
      expect(active(el)).to.equal($(el, '#field-name'));
      // New with changes asks as well; Keep editing stays.
      await sendKeys({ type: 'x' });
      await click($(el, '[part~="new-button"]')!);
      await until(() => question(el)?.open, 'the question for New');
      await click($(el, '[part~="keep-editing"]')!);
      await until(() => !question(el)?.open, 'the question to close');
      expect(text($(el, '[part~="form-title"]'))).to.equal('Edit “Wrong number”');
      // Unchanged Cancel: no question.
      $<HTMLInputElement>(el, '#field-name')!.focus();
      await sendKeys({ press: 'Backspace' });
      await el.updateComplete;
      await click($(el, '[part~="cancel-button"]')!);
      await formClosed(el);
      expect(question(el)).to.equal(null);
    });

    it('the question is accessible over the modal dialog of a narrow host', async () => {
      const { el } = await editor({ width: '360px' });
      $(el, '[part~="new-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await formOpen(el);
      await sendKeys({ type: 'Draft' });
      await sendKeys({ press: 'Escape' });
      await until(() => question(el)?.open, 'the question');
      expect(panel(el)!.matches(':modal') && question(el)!.matches(':modal')).to.equal(true);
      const box = question(el)!.getBoundingClientRect();
      expect(box.left >= 0 && box.right <= window.innerWidth, 'fits the window').to.equal(true);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await until(() => !question(el)?.open, 'the question to close');
      expect(active(el)).to.equal($(el, '#field-name'));
    });
  });

  describe('right to left', () => {
    it('at 1280 px: the panel on the left of the list, both inside the host', async () => {
      const { el, host } = await editor({ width: '1280px', dir: 'rtl' });
      await click(control(el, 'Sale', 'edit-button'));
      await formOpen(el);
      const form = panel(el)!;
      expect(form.matches(':modal')).to.equal(false);
      expect(form.getBoundingClientRect().right).to.be.at.most(list(el).getBoundingClientRect().left + 1);
      expect(inside(form, host) && inside(list(el), host), 'panel and list inside the host').to.equal(true);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
      await expect(el).to.be.accessible();
    });

    it('at 360 px: the dialog fits the window, the list inside the host', async () => {
      const { el, host } = await editor({ width: '360px', dir: 'rtl' });
      $(el, '[part~="new-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await formOpen(el);
      const form = panel(el)!;
      expect(form.matches(':modal')).to.equal(true);
      const box = form.getBoundingClientRect();
      expect(box.left >= 0 && box.right <= window.innerWidth).to.equal(true);
      expect(form.scrollWidth).to.be.at.most(form.clientWidth + 1);
      expect(inside(list(el), host)).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });
});
