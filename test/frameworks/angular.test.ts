// The elements inside a real Angular 21 app: a standalone component with CUSTOM_ELEMENTS_SCHEMA,
// bootstrapped without zone.js, its template compiled in the browser by @angular/compiler (JIT).
// An app built with the Angular CLI compiles the same template ahead of time; JIT needs no build
// step in front of the test runner, which serves Angular's ES modules as they are. The schema is
// what that ahead-of-time compiler needs to accept the tags; at run time Angular (development
// mode, as here) would report an unknown element or property on the console, which fails a test.
import '@angular/compiler';
import {
  Component,
  CUSTOM_ELEMENTS_SCHEMA,
  inject,
  InjectionToken,
  provideZonelessChangeDetection,
  signal,
  type ApplicationRef,
} from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { OutcomeAdapter } from '../../src/adapters/adapter.js';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { OutcomePicker } from '../../src/components/outcome-picker/outcome-picker.js';
import type { RecordedOutcome } from '../../src/model/types.js';
import { CALL_CENTRE_OUTCOMES } from '../helpers/sample-outcomes.js';
import { checkedName, choicesOf, recordFirstOutcome, watchFrameworkComplaints } from './element-checks.js';

/** The app's adapter, provided as an Angular app would provide a service. */
const OUTCOME_ADAPTER = new InjectionToken<OutcomeAdapter>('the outcome adapter');

/** An agent desk as an Angular user would write it: the outcome is a signal, the picker shows it. */
@Component({
  selector: 'agent-desk',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <outcome-provider [adapter]="adapter" user-role="editor">
      <span id="outcome-label">Call outcome</span>
      <outcome-picker name="outcome" kind="disposition" aria-labelledby="outcome-label"
        [value]="outcome()" (change)="onChange($event)"></outcome-picker>
      <output id="chosen">{{ outcome() }} after {{ changes() }} changes</output>
      <button id="choose-do-not-call" type="button" (click)="outcome.set('do_not_call')">Do not call</button>
      <disposition-popup [subjectId]="callId" (outcome-recorded)="onRecorded($event)"></disposition-popup>
      <p id="recorded">{{ recorded().length }} recorded{{ recorded().length ? ': ' + recorded()[0]!.outcomeKey : '' }}</p>
    </outcome-provider>
  `,
})
class AgentDesk {
  readonly adapter = inject(OUTCOME_ADAPTER);
  readonly callId = 'call-8';
  readonly outcome = signal('sale');
  readonly changes = signal(0);
  readonly recorded = signal<RecordedOutcome[]>([]);

  onChange(event: Event): void {
    this.outcome.set((event.target as OutcomePicker).value);
    this.changes.update((count) => count + 1);
  }

  onRecorded(event: CustomEvent<RecordedOutcome>): void {
    this.recorded.update((list) => [...list, event.detail]);
  }
}

describe('in an Angular 21 app', () => {
  let app: ApplicationRef;
  let desk: AgentDesk;
  let host: HTMLElement;
  let adapter: MemoryAdapter;
  let watch: ReturnType<typeof watchFrameworkComplaints>;

  beforeEach(async () => {
    sessionStorage.clear();
    localStorage.clear();
    watch = watchFrameworkComplaints();
    adapter = new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES });
    host = document.createElement('agent-desk');
    document.body.append(host);
    app = await bootstrapApplication(AgentDesk, {
      providers: [provideZonelessChangeDetection(), { provide: OUTCOME_ADAPTER, useValue: adapter }],
    });
    desk = app.components[0]!.instance as AgentDesk;
  });

  afterEach(() => {
    if (!app.destroyed) app.destroy();
    host.remove();
    watch.stop();
    // Angular reports an unknown element or property (NG0303, NG0304) here in development mode.
    expect(watch.complaints).to.deep.equal([]);
  });

  const picker = () => host.querySelector('outcome-picker')!;
  const text = (selector: string) => host.querySelector(selector)!.textContent!.trim();

  it('binds the adapter object with [adapter] and strings as attributes', async () => {
    const provider = host.querySelector('outcome-provider')!;
    expect(provider.adapter).to.equal(adapter);
    expect(provider.adapter).to.equal(desk.adapter);
    expect(provider.hasAttribute('adapter')).to.be.false;
    expect(provider.getAttribute('user-role')).to.equal('editor');
    expect(host.querySelector('disposition-popup')!.subjectId).to.equal('call-8');
    const choices = await choicesOf(picker());
    expect(choices.map((choice) => choice.querySelector('[part~="name"]')!.textContent!.trim())).to.deep.equal([
      'Sale',
      'Call back',
      'Wrong number',
      'Do not call',
    ]);
    expect(picker().effectiveAdapter).to.equal(adapter);
    await expect(picker()).to.be.accessible();
  });

  it('binds [value] one way and hears (change): a key press reaches the component and its text', async () => {
    await choicesOf(picker());
    await picker().updateComplete;
    expect(picker().value).to.equal('sale');
    expect(checkedName(picker())).to.equal('Sale');
    expect(text('#chosen')).to.equal('sale after 0 changes');

    // The agent presses ↓ in the list: the element's native `change` reaches (change).
    picker().focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => text('#chosen') === 'callback after 1 changes', `Angular shows "${text('#chosen')}"`);
    expect(desk.outcome()).to.equal('callback');
    expect(checkedName(picker())).to.equal('Call back');

    // The component changes its signal: [value] sets the property, and the element fires no change.
    host.querySelector<HTMLButtonElement>('#choose-do-not-call')!.click();
    await waitUntil(() => picker().value === 'do_not_call', 'Angular did not set the value');
    await picker().updateComplete;
    expect(checkedName(picker())).to.equal('Do not call');
    expect(text('#chosen')).to.equal('do_not_call after 1 changes');
    expect(desk.changes()).to.equal(1);
  });

  it('hears a library event with (outcome-recorded), its detail included', async () => {
    // Outcomes first: the popup focuses its list once they are there.
    await choicesOf(picker());
    await recordFirstOutcome(host.querySelector('disposition-popup')!);
    await waitUntil(() => text('#recorded') === '1 recorded: sale', `Angular shows "${text('#recorded')}"`);
    expect(desk.recorded()[0]).to.deep.include({ subjectId: 'call-8', outcomeKey: 'sale', source: 'agent' });
    expect(adapter.listRecords()).to.have.length(1);
  });

  it('takes the elements out of the document when the app is destroyed', async () => {
    const element = picker();
    await choicesOf(element);
    app.destroy();
    // Booleans, not elements: chai's message for an unexpected element can stall the page.
    expect(host.isConnected, 'the component is in the document').to.equal(false);
    expect(element.isConnected, 'the picker is in the document').to.equal(false);
  });
});
