import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { OutcomeAdapter } from '../src/adapters/adapter.js';
import { OutcomeAdapterError } from '../src/adapters/errors.js';
import { MemoryAdapter } from '../src/adapters/memory/memory-adapter.js';
import type { OutcomePicker } from '../src/components/outcome-picker/outcome-picker.js';
import '../src/define.js';
import { CALL_CENTRE_OUTCOMES, manyOutcomes } from '../test/helpers/sample-outcomes.js';

/** Every property of the element (the adapter is the story's), plus the demo adapter's latency. */
interface PickerArgs {
  name: string;
  value: string;
  scheduledAt: string;
  kind: 'any' | 'disposition' | 'action';
  category: '' | 'impression' | 'response';
  appliesTo: '' | 'calls' | 'meetings';
  groupBy: 'none' | 'classification' | 'category';
  required: boolean;
  disabled: boolean;
  includeInactive: boolean;
  timeZone: string;
  searchThreshold: number;
  latencyMs: number;
}

/** One adapter per story and argument set, so that stories do not share a cache. */
function memory(outcomeTypes = CALL_CENTRE_OUTCOMES, latencyMs = 0): MemoryAdapter {
  return new MemoryAdapter({ outcomeTypes, latencyMs });
}

function showForm(event: Event): void {
  const form = (event.currentTarget as HTMLElement).closest('form')!;
  const output = form.querySelector('output')!;
  output.value = JSON.stringify(Object.fromEntries(new FormData(form)), null, 1);
}

function render(args: PickerArgs, adapter: OutcomeAdapter) {
  return html`<form
    style="max-width: 28rem; font: 14px system-ui"
    @change=${showForm}
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      showForm(event);
    }}
  >
    <label id="picker-label" style="display: block; font-weight: 600; margin-block-end: 0.5rem">Call outcome</label>
    <outcome-picker
      aria-labelledby="picker-label"
      name=${args.name}
      .adapter=${adapter}
      kind=${args.kind}
      category=${args.category || nothing}
      applies-to=${args.appliesTo || nothing}
      group-by=${args.groupBy}
      value=${args.value}
      scheduled-at=${args.scheduledAt}
      time-zone=${args.timeZone || nothing}
      search-threshold=${args.searchThreshold}
      ?required=${args.required}
      ?disabled=${args.disabled}
      ?include-inactive=${args.includeInactive}
    ></outcome-picker>
    <p><button>Submit</button> <button type="reset">Reset</button></p>
    <p>FormData: <output></output></p>
  </form>`;
}

const meta: Meta<PickerArgs> = {
  title: 'Elements/outcome-picker',
  component: 'outcome-picker',
  args: {
    name: 'outcome',
    value: '',
    scheduledAt: '',
    kind: 'any',
    category: '',
    appliesTo: '',
    groupBy: 'none',
    required: true,
    disabled: false,
    includeInactive: false,
    timeZone: '',
    searchThreshold: 12,
    latencyMs: 0,
  },
  argTypes: {
    name: { control: 'text', description: 'Form field name: FormData gets `<name>` and `<name>-scheduled-at`.' },
    value: { control: 'text', description: 'Default value (the attribute form.reset() restores)' },
    scheduledAt: { control: 'text', description: 'Follow-up instant (ISO-8601) for outcomes that need one, e.g. 2030-01-02T09:30:00Z' },
    kind: { control: 'inline-radio', options: ['any', 'disposition', 'action'] },
    category: { control: 'inline-radio', options: ['', 'impression', 'response'], description: 'Only this category; empty for all' },
    appliesTo: { control: 'inline-radio', options: ['', 'calls', 'meetings'], description: 'Only outcomes for calls or meetings; empty for all' },
    groupBy: { control: 'inline-radio', options: ['none', 'classification', 'category'] },
    includeInactive: { control: 'boolean', description: 'Offer draft, paused and archived outcomes too' },
    timeZone: { control: 'text', description: 'IANA zone of the follow-up date; empty for the browser’s' },
    searchThreshold: { control: { type: 'number', min: 0 }, description: 'Lists longer than this get a search field' },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 100 }, description: 'MemoryAdapter latency (not an element property)' },
  },
  render: (args) => render(args, memory(CALL_CENTRE_OUTCOMES, args.latencyMs)),
};
export default meta;

type Story = StoryObj<PickerArgs>;

export const CallCentre: Story = {};

export const GroupedByClassification: Story = { args: { groupBy: 'classification' } };

export const WithFollowUpDate: Story = {
  args: { value: 'callback', timeZone: 'Europe/Madrid' },
};

export const Invalid: Story = {
  play: async ({ canvasElement }) => {
    const picker = canvasElement.querySelector<OutcomePicker>('outcome-picker')!;
    await picker.updateComplete;
    picker.reportValidity();
  },
};

export const Loading: Story = {
  render: (args) => render(args, memory(CALL_CENTRE_OUTCOMES, 60 * 60 * 1000)),
};

export const Empty: Story = {
  render: (args) => render(args, memory([])),
};

export const LoadError: Story = {
  render: (args) => {
    let attempts = 0;
    const backend = memory();
    const flaky: OutcomeAdapter = {
      capabilities: backend.capabilities,
      listOutcomeTypes: async () => {
        // The first load fails; Retry succeeds.
        if (attempts++ === 0) throw new OutcomeAdapterError('network', 'Simulated outage');
        return backend.listOutcomeTypes();
      },
    };
    return render(args, flaky);
  },
};

export const TenThousandOutcomes: Story = {
  args: { required: false },
  render: (args) => render(args, memory(manyOutcomes(10_000))),
};

export const Spanish: Story = {
  render: (args) => html`<div lang="es">${render(args, memory())}</div>`,
};
