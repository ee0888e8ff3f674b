// The elements inside a real React 19 app (react-dom/client, development build, served as ES
// modules by test/tools/react-for-browser.mjs). React 19 sets a prop as a property when the
// element has one (so an adapter object arrives as itself), listens to `on<event>` props on
// custom elements, and maps a custom element's native `change` to `onChange`.
import { expect, waitUntil } from '@open-wc/testing';
// Default imports: served per module, a CommonJS module has only `module.exports` to give (a
// bundler would also synthesize the named exports).
import React, { type ChangeEvent } from 'react';
import ReactDOM from 'react-dom';
import ReactDOMClient, { type Root } from 'react-dom/client';
import '../../src/define.js';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { OutcomeAdapter } from '../../src/adapters/adapter.js';
import type { OutcomePicker } from '../../src/components/outcome-picker/outcome-picker.js';
import type { RecordedOutcome } from '../../src/model/types.js';
import { CALL_CENTRE_OUTCOMES } from '../helpers/sample-outcomes.js';
import { checkedName, choicesOf, recordFirstOutcome, watchFrameworkComplaints } from './element-checks.js';

const { createElement: h, useState } = React;
const { flushSync } = ReactDOM;
const { createRoot } = ReactDOMClient;

interface DeskProps {
  adapter: OutcomeAdapter;
  onRecorded: (event: CustomEvent<RecordedOutcome>) => void;
}

/** An agent desk as a React user would write it: the outcome is React state, the picker shows it. */
function AgentDesk({ adapter, onRecorded }: DeskProps) {
  const [outcome, setOutcome] = useState('sale');
  const [changes, setChanges] = useState(0);
  return h(
    'outcome-provider',
    { adapter, 'user-role': 'editor' },
    h('span', { id: 'outcome-label' }, 'Call outcome'),
    h('outcome-picker', {
      name: 'outcome',
      kind: 'disposition',
      'aria-labelledby': 'outcome-label',
      value: outcome,
      onChange: (event: ChangeEvent<OutcomePicker>) => {
        setOutcome(event.currentTarget.value);
        setChanges((count) => count + 1);
      },
    }),
    h('output', { id: 'chosen' }, `${outcome} after ${changes} changes`),
    h('button', { id: 'choose-callback', type: 'button', onClick: () => setOutcome('callback') }, 'Call back'),
    h('disposition-popup', { 'subject-id': 'call-42', 'onoutcome-recorded': onRecorded }),
  );
}

describe('in a React 19 app', () => {
  let host: HTMLElement;
  let root: Root;
  let watch: ReturnType<typeof watchFrameworkComplaints>;

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    watch = watchFrameworkComplaints();
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });

  afterEach(() => {
    root.unmount();
    host.remove();
    watch.stop();
    // React reports misuse (an unknown prop, an event handler that is not a function) here.
    expect(watch.complaints).to.deep.equal([]);
  });

  function render(adapter: OutcomeAdapter, onRecorded: DeskProps['onRecorded'] = () => {}) {
    flushSync(() => root.render(h(AgentDesk, { adapter, onRecorded })));
    return {
      provider: host.querySelector('outcome-provider')!,
      picker: host.querySelector('outcome-picker')!,
      popup: host.querySelector('disposition-popup')!,
      chosen: host.querySelector('output')!,
    };
  }

  it('passes the adapter object as a property and strings as attributes', async () => {
    const adapter = new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES });
    const { provider, picker } = render(adapter);
    expect(provider.adapter).to.equal(adapter);
    expect(provider.hasAttribute('adapter')).to.be.false;
    expect(provider.getAttribute('user-role')).to.equal('editor');
    expect(picker.kind).to.equal('disposition');
    const choices = await choicesOf(picker);
    // The adapter's own outcomes, filtered by the `kind` React passed: the active dispositions.
    expect(choices.map((choice) => choice.querySelector('[part~="name"]')!.textContent!.trim())).to.deep.equal([
      'Sale',
      'Call back',
      'Wrong number',
      'Do not call',
    ]);
    expect(picker.effectiveAdapter).to.equal(adapter);
    await expect(picker).to.be.accessible();
  });

  it('controls `value` from React state, in both directions, without change events for its own sets', async () => {
    const { picker, chosen } = render(new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES }));
    const choices = await choicesOf(picker);
    await picker.updateComplete;
    expect(picker.value).to.equal('sale');
    expect(checkedName(picker)).to.equal('Sale');

    // The user chooses: the element's native `change` reaches React's onChange, state follows.
    choices[2]!.click();
    await waitUntil(() => chosen.textContent === 'wrong_number after 1 changes', `React state is "${chosen.textContent}"`);
    expect(picker.value).to.equal('wrong_number');

    // React changes the state: the re-render sets the property, and the element fires no change.
    host.querySelector<HTMLButtonElement>('#choose-callback')!.click();
    await waitUntil(() => picker.value === 'callback', 'React did not set the value');
    await picker.updateComplete;
    expect(checkedName(picker)).to.equal('Call back');
    expect(chosen.textContent).to.equal('callback after 1 changes');
  });

  it('hears a library event through an `on<event>` prop with its typed detail', async () => {
    const adapter = new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES });
    const recorded: RecordedOutcome[] = [];
    const { popup, picker } = render(adapter, (event) => recorded.push(event.detail));
    // Outcomes first: a popup shown before they load does not move focus to the list when they
    // arrive (a popup issue, not React's; reported).
    await choicesOf(picker);
    await recordFirstOutcome(popup);
    await waitUntil(() => recorded.length === 1, 'onoutcome-recorded was not called');
    expect(recorded[0]).to.deep.include({ subjectId: 'call-42', outcomeKey: 'sale', source: 'agent' });
    expect(adapter.listRecords()).to.have.length(1);
  });

  it('unmounts cleanly: the elements leave the document', async () => {
    const { picker } = render(new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES }));
    await choicesOf(picker);
    flushSync(() => root.render(h('p', null, 'gone')));
    expect(host.querySelector('outcome-picker')).to.equal(null);
    expect(picker.isConnected).to.be.false;
  });
});
