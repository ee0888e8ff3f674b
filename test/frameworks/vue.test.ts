// The elements inside a real Vue 3 app, templates compiled in the browser by Vue's full build
// with the custom-element compiler option, as a Vue user without a build step would have it.
import { expect, waitUntil } from '@open-wc/testing';
import { createApp, nextTick, type App } from 'vue/dist/vue.esm-browser.js';
import '../../src/define.js';
import { ELEMENTS } from '../../src/define.js';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { OutcomePicker } from '../../src/components/outcome-picker/outcome-picker.js';
import type { RecordedOutcome } from '../../src/model/types.js';
import { CALL_CENTRE_OUTCOMES } from '../helpers/sample-outcomes.js';
import { checkedName, choicesOf, recordFirstOutcome, watchFrameworkComplaints } from './element-checks.js';

const TEMPLATE = `
  <outcome-provider :adapter.prop="adapter" user-role="editor">
    <span id="outcome-label">Call outcome</span>
    <outcome-picker id="bound" name="outcome" kind="disposition" aria-labelledby="outcome-label"
      :value="outcome" @change="onChange"></outcome-picker>
    <outcome-picker id="modelled" name="again" kind="disposition" aria-label="Same outcome, v-model"
      v-model="modelled"></outcome-picker>
    <output id="chosen">{{ outcome }} after {{ changes }} changes</output>
    <output id="modelled-value">{{ modelled }}</output>
    <button id="choose-callback" type="button" @click="outcome = 'callback'">Call back</button>
    <disposition-popup subject-id="call-7" @outcome-recorded="onRecorded"></disposition-popup>
  </outcome-provider>`;

describe('in a Vue 3 app', () => {
  let host: HTMLElement;
  let app: App;
  let watch: ReturnType<typeof watchFrameworkComplaints>;
  let adapter: MemoryAdapter;
  let recorded: RecordedOutcome[];

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    watch = watchFrameworkComplaints();
    adapter = new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES });
    recorded = [];
    host = document.createElement('div');
    document.body.append(host);
    app = createApp({
      template: TEMPLATE,
      // The adapter is handed over as it is, not inside reactive state: a reactive proxy of it
      // would be a different object to the elements (and to its private fields).
      setup: () => ({ adapter, onRecorded: (event: CustomEvent<RecordedOutcome>) => recorded.push(event.detail) }),
      data: () => ({ outcome: 'sale', changes: 0, modelled: 'do_not_call' }),
      methods: {
        onChange(this: { outcome: string; changes: number }, event: Event) {
          this.outcome = (event.target as OutcomePicker).value;
          this.changes += 1;
        },
      },
    });
    // Without it Vue would try to resolve the tags as Vue components and warn.
    app.config.compilerOptions.isCustomElement = (tag) => tag in ELEMENTS;
    app.mount(host);
  });

  afterEach(() => {
    app.unmount();
    host.remove();
    watch.stop();
    expect(watch.complaints).to.deep.equal([]);
  });

  const picker = (id: string) => host.querySelector<OutcomePicker>(`#${id}`)!;
  const text = (id: string) => host.querySelector(`#${id}`)!.textContent;

  it('binds the adapter object with .prop and strings as attributes', async () => {
    const provider = host.querySelector('outcome-provider')!;
    expect(provider.adapter).to.equal(adapter);
    expect(provider.hasAttribute('adapter')).to.be.false;
    expect(provider.getAttribute('user-role')).to.equal('editor');
    const choices = await choicesOf(picker('bound'));
    expect(choices.map((choice) => choice.querySelector('[part~="name"]')!.textContent!.trim())).to.deep.equal([
      'Sale',
      'Call back',
      'Wrong number',
      'Do not call',
    ]);
    expect(picker('bound').effectiveAdapter).to.equal(adapter);
    await expect(picker('bound')).to.be.accessible();
  });

  it('binds `value` one way and hears @change, without change events for its own sets', async () => {
    const bound = picker('bound');
    const choices = await choicesOf(bound);
    await bound.updateComplete;
    expect(bound.value).to.equal('sale');
    expect(checkedName(bound)).to.equal('Sale');

    choices[2]!.click();
    await waitUntil(() => text('chosen') === 'wrong_number after 1 changes', `Vue state is "${text('chosen')}"`);

    host.querySelector<HTMLButtonElement>('#choose-callback')!.click();
    await nextTick();
    expect(bound.value).to.equal('callback');
    await bound.updateComplete;
    expect(checkedName(bound)).to.equal('Call back');
    expect(text('chosen')).to.equal('callback after 1 changes');
  });

  it('works with v-model (the `value` property and the native `input` event)', async () => {
    const modelled = picker('modelled');
    const choices = await choicesOf(modelled);
    await modelled.updateComplete;
    expect(checkedName(modelled)).to.equal('Do not call');
    choices[1]!.click();
    await waitUntil(() => text('modelled-value') === 'callback', `v-model holds "${text('modelled-value')}"`);
  });

  it('hears a library event with @outcome-recorded', async () => {
    // Outcomes first: a popup shown before they load does not move focus to the list when they
    // arrive (a popup issue, not Vue's; reported).
    await choicesOf(picker('bound'));
    await recordFirstOutcome(host.querySelector('disposition-popup')!);
    await waitUntil(() => recorded.length === 1, '@outcome-recorded was not called');
    expect(recorded[0]).to.deep.include({ subjectId: 'call-7', outcomeKey: 'sale', source: 'agent' });
    expect(adapter.listRecords()).to.have.length(1);
  });
});
