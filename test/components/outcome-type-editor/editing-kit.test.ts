import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import type { OutcomeAdapter } from '../../../src/adapters/adapter.js';
import { MemoryAdapter } from '../../../src/adapters/memory/memory-adapter.js';
import type { OutcomeTypeEditor } from '../../../src/components/outcome-type-editor/outcome-type-editor.js';
import { MEMORY_RULES } from '../../../src/adapters/rules.js';
import type { OutcomeTypeInput } from '../../../src/model/types.js';
import { until } from '../../helpers/fresh-source.js';

// Its own page (one file = one page), so what the editor fetches is seen from the start.
const fetched = (name: string) => performance.getEntriesByType('resource').some((entry) => entry.name.includes(name));
const $ = <T extends HTMLElement = HTMLElement>(el: OutcomeTypeEditor, selector: string) => el.shadowRoot!.querySelector<T>(selector);

async function mount(adapter: OutcomeAdapter, role: 'viewer' | 'editor'): Promise<OutcomeTypeEditor> {
  const el = await fixture<OutcomeTypeEditor>(html`<outcome-type-editor .adapter=${adapter} user-role=${role}></outcome-type-editor>`);
  await until(() => $(el, '[part~="table"]'), 'the list');
  await el.updateComplete;
  return el;
}

describe('<outcome-type-editor> editing kit', () => {
  it('is never fetched for a viewer; an editor fetches it ahead and the form opens on the first click', async () => {
    const viewer = await mount(new MemoryAdapter(), 'viewer');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fetched('/outcome-type-editor/editing-kit.ts'), 'fetched for a viewer').to.be.false;
    expect(fetched('/outcome-type-editor/form-fields.ts'), 'fetched for a viewer').to.be.false;
    viewer.remove();

    const editor = await mount(new MemoryAdapter(), 'editor');
    await until(() => fetched('/outcome-type-editor/editing-kit.ts'), 'the editing kit');
    $(editor, '[part~="new-button"]')!.click();
    await editor.updateComplete;
    expect($(editor, '[part~="form"]'), 'the form, after updateComplete').to.exist;
    expect($(editor, '#field-name-hint')!.textContent).to.contain('1–255 characters.');
    await expect(editor).to.be.accessible();
  });

  it('checks the cross-field rules a host adapter declares before anything is sent', async () => {
    const memory = new MemoryAdapter();
    const sent: unknown[] = [];
    const host: OutcomeAdapter = {
      capabilities: {
        ...memory.capabilities,
        // The host's backend: actions must say what they are for.
        crossField: [{ field: 'description', code: 'required', because: 'action', applies: (input) => input.kind === 'action' }],
      },
      listOutcomeTypes: (options) => memory.listOutcomeTypes(options),
      createOutcomeType: (input: OutcomeTypeInput, options) => {
        sent.push(input);
        return memory.createOutcomeType(input, options);
      },
    };
    expect(host.capabilities.fields).to.equal(MEMORY_RULES.fields);
    const el = await mount(host, 'editor');
    $(el, '[part~="new-button"]')!.click();
    await el.updateComplete;
    const set = async (field: string, value: string) => {
      const control = $<HTMLInputElement>(el, `#field-${field}`)!;
      control.value = value;
      control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      control.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
    };
    await set('key', 'callback');
    await set('name', 'Call back');
    await set('kind', 'action');
    expect($(el, '#field-description-hint')!.textContent).to.contain('Required for action outcomes.');
    $(el, '[part~="save-button"]')!.click();
    await el.updateComplete;
    expect($(el, '#field-description-error')!.textContent!.trim()).to.equal('Required for action outcomes.');
    expect(sent).to.deep.equal([]);
    await set('description', 'Books the follow-up call');
    $(el, '[part~="save-button"]')!.click();
    await until(() => sent.length === 1, 'the create');
    expect(sent[0]).to.deep.include({ kind: 'action', description: 'Books the follow-up call' });
  });
});
