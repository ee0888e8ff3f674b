import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import { GenesysAdapter } from '../../../src/adapters/genesys/genesys-adapter.js';
import type { OutcomeTypeChangeDetail, OutcomeTypeEditor } from '../../../src/components/outcome-type-editor/outcome-type-editor.js';
import { mountEditor } from '../../helpers/editor-fixture.js';
import { until } from '../../helpers/fresh-source.js';
import { seedServer } from '../../helpers/seed-server.js';

// The editor on Genesys Cloud wrap-up codes (test/servers/genesys-api.mjs), by keyboard alone.

const server = await seedServer<{ codes: { id: string; name: string; description?: string }[] }>('genesys');

const genesys = () =>
  new GenesysAdapter({
    baseUrl: server.url,
    auth: { clientId: 'genesys-test-client', clientSecret: 'genesys-test-secret', tokenUrl: `${server.url}/oauth/token` },
    retries: 0,
  });

const $ = (el: OutcomeTypeEditor, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: OutcomeTypeEditor, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const names = (el: OutcomeTypeEditor) => $$(el, 'tbody .type-name').map((cell) => cell.textContent!.trim());
const focused = (el: OutcomeTypeEditor) => el.shadowRoot!.activeElement;
const shownFields = (el: OutcomeTypeEditor) => $$(el, '[part~="field"]').map((field) => field.getAttribute('part')!.split(' ')[1]!.replace('field-', ''));

function rowButton(el: OutcomeTypeEditor, name: string, part: string): HTMLElement {
  const row = $$(el, 'tbody tr').find((candidate) => candidate.querySelector('.type-name')!.textContent!.trim() === name);
  if (!row) throw new Error(`No row "${name}" in ${names(el).join(', ')}`);
  return row.querySelector<HTMLElement>(`[part~="${part}"]`)!;
}

function events(el: OutcomeTypeEditor): OutcomeTypeChangeDetail[] {
  const seen: OutcomeTypeChangeDetail[] = [];
  el.addEventListener('outcome-type-change', (event) => seen.push(event.detail));
  return seen;
}

const stored = async () => (await server.state()).codes;

describe('<outcome-type-editor> on Genesys Cloud wrap-up codes', () => {
  beforeEach(() => server.reset());

  it('lists the codes and shows exactly the Genesys fields: name and description', async () => {
    const { el } = await mountEditor(genesys(), '1280px');
    expect(names(el)).to.include.members(['Payment Taken', 'Wrong Number']);
    expect(names(el)).to.have.length(12);
    $(el, '[part~="new-button"]')!.click();
    await until(() => $(el, '[part~="form"]'), 'the form');
    await el.updateComplete;
    expect(shownFields(el)).to.deep.equal(['name', 'description']);
    await expect(el).to.be.accessible();
  });

  it('creates, renames and deletes a code by keyboard alone', async () => {
    const { el } = await mountEditor(genesys(), '1280px');
    const seen = events(el);

    $(el, '[part~="new-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '[part~="form"]'), 'the form');
    await el.updateComplete;
    expect(focused(el)).to.equal($(el, '#field-name'));
    await sendKeys({ type: 'Follow-up Required' });
    await sendKeys({ press: 'Enter' });
    await until(() => !$(el, '[part~="form"]'), 'the form to close');
    expect(names(el)).to.include('Follow-up Required');
    expect((await stored()).filter((code) => code.name === 'Follow-up Required')).to.have.length(1);

    rowButton(el, 'Follow-up Required', 'edit-button').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '[part~="form"]'), 'the form');
    await el.updateComplete;
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' (VIP)' });
    await sendKeys({ press: 'Enter' });
    await until(() => !$(el, '[part~="form"]'), 'the form to close');
    await until(() => names(el).includes('Follow-up Required (VIP)'), 'the rename');
    expect((await stored()).map((code) => code.name)).to.include('Follow-up Required (VIP)');

    await el.updateComplete;
    rowButton(el, 'Follow-up Required (VIP)', 'delete-button').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog')?.hasAttribute('open'), 'the dialog');
    expect(focused(el)!.textContent!.trim(), 'Cancel has focus: the safe choice').to.equal('Cancel');
    for (let tab = 0; tab < 3 && focused(el) !== $(el, '[part~="confirm-delete"]'); tab++) await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, '[part~="confirm-delete"]'));
    await sendKeys({ press: 'Enter' });
    await until(() => !names(el).includes('Follow-up Required (VIP)'), 'the deletion');
    expect((await stored()).map((code) => code.name)).not.to.include('Follow-up Required (VIP)');
    expect(seen.map((detail) => [detail.action, detail.outcomeType.name])).to.deep.equal([
      ['created', 'Follow-up Required'],
      ['updated', 'Follow-up Required (VIP)'],
      ['deleted', 'Follow-up Required (VIP)'],
    ]);
  });

  it('shows a name the server says is taken (in another case) on the name field, and keeps the form', async () => {
    const { el } = await mountEditor(genesys(), '1280px');
    $(el, '[part~="new-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '[part~="form"]'), 'the form');
    await el.updateComplete;
    await sendKeys({ type: 'wrong NUMBER' });
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '#field-name-error')?.textContent?.trim(), 'the name error');
    expect($(el, '#field-name-error')!.textContent).to.contain('already used');
    expect($(el, '[part~="form"]')).to.exist;
    expect(focused(el)).to.equal($(el, '#field-name'));
    expect(await stored()).to.have.length(12);
  });
});
