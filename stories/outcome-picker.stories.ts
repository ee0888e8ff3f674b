import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { OutcomeAdapter } from '../src/adapters/adapter.js';
import { OutcomeAdapterError } from '../src/adapters/errors.js';
import { MemoryAdapter } from '../src/adapters/memory-adapter.js';
import type { OutcomePicker } from '../src/components/outcome-picker/outcome-picker.js';
import '../src/define.js';
import { CALL_CENTRE_OUTCOMES, manyOutcomes } from '../test/helpers/sample-outcomes.js';

interface PickerArgs {
  kind: 'any' | 'disposition' | 'action';
  groupBy: 'none' | 'classification' | 'category';
  required: boolean;
  disabled: boolean;
  includeInactive: boolean;
  value: string;
  timeZone: string;
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
      name="outcome"
      .adapter=${adapter}
      kind=${args.kind}
      group-by=${args.groupBy}
      value=${args.value}
      time-zone=${args.timeZone}
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
  args: {
    kind: 'any',
    groupBy: 'none',
    required: true,
    disabled: false,
    includeInactive: false,
    value: '',
    timeZone: '',
    latencyMs: 0,
  },
  argTypes: {
    kind: { control: 'inline-radio', options: ['any', 'disposition', 'action'] },
    groupBy: { control: 'inline-radio', options: ['none', 'classification', 'category'] },
    value: { control: 'text', description: 'Default value (the attribute form.reset() restores)' },
    timeZone: { control: 'text', description: 'IANA zone of the follow-up date; empty for the browser’s' },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 100 } },
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
