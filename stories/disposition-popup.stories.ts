import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { MemoryAdapter } from '../src/adapters/memory/memory-adapter.js';
import type { DispositionPopup } from '../src/components/disposition-popup/disposition-popup.js';
import '../src/define.js';
import type { RecordedOutcome } from '../src/model/types.js';
import { CALL_CENTRE_OUTCOMES } from '../test/helpers/sample-outcomes.js';

/** Every property of the element (the adapter is the story's), plus the demo adapter's behaviour. */
interface PopupArgs {
  open: boolean;
  subjectId: string;
  required: boolean;
  notes: 'off' | 'optional' | 'required';
  timeout: number;
  defaultOutcome: string;
  extendBy: number;
  maxExtensions: number;
  notesRequiredFor: string;
  recent: number;
  recentKey: string;
  customerTimeZone: string;
  callableHours: string;
  maxDaysAhead: string;
  latencyMs: number;
  failureRate: number;
}

/** The end of a call: hang up, the popup opens, the record lands in the log below. */
function endOfCall(args: PopupArgs) {
  const adapter = new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES, latencyMs: args.latencyMs, failureRate: args.failureRate, id: 'memory:stories' });
  let call = 1;
  const log = (text: string, root: HTMLElement) => {
    const list = root.querySelector('ol')!;
    const item = document.createElement('li');
    item.textContent = text;
    list.prepend(item);
  };
  const hangUp = (event: Event) => {
    const root = (event.currentTarget as HTMLElement).closest('section')!;
    const popup = root.querySelector<DispositionPopup>('disposition-popup')!;
    popup.subjectId = `call-${call++}`;
    void popup.show();
  };
  return html`<section style="font: 14px system-ui">
    <p>Latency ${args.latencyMs} ms, failure rate ${Math.round(args.failureRate * 100)} %: a failed record keeps every input and offers Retry or Queue for later.</p>
    <button @click=${hangUp}>Hang up</button>
    <disposition-popup
      .adapter=${adapter}
      ?open=${args.open}
      subject-id=${args.subjectId}
      ?required=${args.required}
      notes=${args.notes}
      timeout=${args.timeout}
      default-outcome=${args.defaultOutcome}
      extend-by=${args.extendBy}
      max-extensions=${args.maxExtensions}
      notes-required-for=${args.notesRequiredFor}
      recent=${args.recent}
      recent-key=${args.recentKey}
      customer-time-zone=${args.customerTimeZone || nothing}
      callable-hours=${args.callableHours || nothing}
      max-days-ahead=${args.maxDaysAhead || nothing}
      @outcome-recorded=${(event: CustomEvent<RecordedOutcome>) =>
        log(`Recorded ${event.detail.outcomeKey} for ${event.detail.subjectId} (${event.detail.source})`, (event.currentTarget as HTMLElement).closest('section')!)}
      @outcome-queued=${(event: CustomEvent<{ record: { outcomeKey: string; subjectId: string } }>) =>
        log(`Queued ${event.detail.record.outcomeKey} for ${event.detail.record.subjectId}`, (event.currentTarget as HTMLElement).closest('section')!)}
    ></disposition-popup>
    <h3>Log</h3>
    <ol></ol>
  </section>`;
}

const meta: Meta<PopupArgs> = {
  title: 'Elements/disposition-popup',
  component: 'disposition-popup',
  args: {
    open: false,
    subjectId: 'call-0',
    required: true,
    notes: 'optional',
    timeout: 0,
    defaultOutcome: '',
    extendBy: 30,
    maxExtensions: 2,
    notesRequiredFor: '',
    recent: 0,
    recentKey: '',
    customerTimeZone: '',
    callableHours: '',
    maxDaysAhead: '',
    latencyMs: 400,
    failureRate: 0,
  },
  argTypes: {
    open: { control: 'boolean', description: 'Open on render (Hang up calls show() with the next call id)' },
    subjectId: { control: 'text', description: 'The call or task recorded for; drafts are kept per subject' },
    required: { control: 'boolean', description: 'Refuse to close until an outcome is recorded or queued' },
    notes: { control: 'inline-radio', options: ['off', 'optional', 'required'] },
    timeout: { control: { type: 'number', min: 0 }, description: 'After-call-work seconds' },
    defaultOutcome: { control: 'text', description: 'Recorded with source "timeout" at zero (and said from the start)' },
    extendBy: { control: { type: 'number', min: 0 }, description: 'Seconds Extend (and the + key) adds' },
    maxExtensions: { control: { type: 'number', min: 0 }, description: 'How often the agent may extend' },
    notesRequiredFor: { control: 'text', description: 'Outcome keys (space-separated) that need notes' },
    recent: { control: { type: 'number', min: 0 }, description: "The agent's N most recent outcomes first" },
    recentKey: { control: 'text', description: 'Whose recents (e.g. the agent id)' },
    customerTimeZone: { control: 'text', description: "The customer's IANA time zone, for follow-ups" },
    callableHours: { control: 'text', description: 'e.g. 08:00-21:00, in the customer zone' },
    maxDaysAhead: { control: 'text', description: 'Latest follow-up day, in days from today' },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 100 }, description: 'MemoryAdapter latency (not an element property)' },
    failureRate: { control: { type: 'range', min: 0, max: 1, step: 0.1 }, description: 'MemoryAdapter failure rate (not an element property)' },
  },
  render: endOfCall,
};
export default meta;

type Story = StoryObj<PopupArgs>;

export const EndOfCall: Story = {};

/** Open from the start: the dialog as the agent sees it when a call ends. */
export const Open: Story = { args: { open: true, subjectId: 'call-open', latencyMs: 0 } };

export const UnreliableBackend: Story = { args: { failureRate: 0.6, latencyMs: 800 } };

export const AfterCallWorkCountdown: Story = { args: { timeout: 30, defaultOutcome: 'do_not_call', required: false, extendBy: 30, maxExtensions: 2 } };

/** Notes only for the outcomes that need them; the agent's recent outcomes first. */
export const NotesForSomeOutcomes: Story = { args: { notesRequiredFor: 'do_not_call wrong_number', recent: 3, recentKey: 'agent-17' } };

export const NotesRequired: Story = { args: { notes: 'required' } };
