import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { OutcomeAdapterError } from '../src/adapters/errors.js';
import type { OutcomeOutbox } from '../src/components/outcome-outbox/outcome-outbox.js';
import { memoryStore } from '../src/controllers/idb-store.js';
import type { StoredEntry } from '../src/controllers/pending-store.js';
import { Recorder } from '../src/controllers/recorder.js';
import '../src/define.js';
import { RecordingBackend } from '../test/helpers/recording-backend.js';

type PendingState = 'queued' | 'retrying' | 'refused' | 'deferred';

interface OutboxArgs {
  /** Wrap-ups put in the recorder's pending list, one per state, as a popup would. */
  states: PendingState[];
}

/** One wrap-up per state, with the outcome it would record (none for a deferred one). */
const SEEDS: Record<PendingState, { subjectId: string; outcomeKey: string }> = {
  queued: { subjectId: 'call-0412', outcomeKey: 'sale' },
  retrying: { subjectId: 'call-0413', outcomeKey: 'callback' },
  refused: { subjectId: 'call-0414', outcomeKey: 'do_not_call' },
  deferred: { subjectId: 'call-0415', outcomeKey: '' },
};

let stories = 0;

/**
 * Seeds through the recorder alone: queue (and one failed attempt for retrying, a refusal for
 * refused) and defer. The recorder keeps this story's list in memory, and flushes once an
 * hour, so a queued record stays queued until Retry now.
 */
async function seed(outbox: OutcomeOutbox, backend: RecordingBackend, states: PendingState[]): Promise<void> {
  while (!outbox.isConnected) await new Promise((resolve) => setTimeout(resolve, 10));
  await outbox.updateComplete;
  const recorder = Recorder.for(backend);
  // The flush the outbox started on connect is over: nothing seeded now is sent before asked.
  await recorder.flush();
  for (const state of (['queued', 'retrying', 'refused', 'deferred'] as const).filter((name) => states.includes(name))) {
    const { subjectId, outcomeKey } = SEEDS[state];
    if (state === 'deferred') {
      await recorder.defer(subjectId);
      continue;
    }
    const [queued] = await recorder.queue({ subjectId, outcomeKey, source: 'agent' });
    if (state === 'queued' || !queued) continue;
    backend.mode = state === 'refused' ? new OutcomeAdapterError('validation', 'This outcome is no longer accepted for this call.') : 'down';
    await recorder.retry(queued.idempotencyKey).catch(() => undefined);
    backend.mode = 'up';
  }
}

function outboxStory(args: OutboxArgs) {
  const backend = new RecordingBackend(`memory:story-outbox-${++stories}`);
  Recorder.for(backend, { pending: memoryStore<StoredEntry>('idempotencyKey'), flushIntervalMs: 3_600_000 });
  const outbox = document.createElement('outcome-outbox');
  outbox.adapter = backend;
  const log = (text: string) => {
    const item = document.createElement('li');
    item.textContent = text;
    outbox.parentElement?.querySelector('ol')?.prepend(item);
  };
  outbox.addEventListener('outcome-resume', (event) => log(`outcome-resume: open a popup for ${event.detail.subjectId}`));
  outbox.addEventListener('outcome-pending-change', (event) => log(`outcome-pending-change: ${event.detail.count} pending`));
  void seed(outbox, backend, args.states);
  return html`<section style="font: 14px system-ui; max-inline-size: 36rem; display: grid; gap: 1rem">
    ${outbox}
    <div>
      <h3 style="margin: 0 0 0.25rem; font-size: 1em">Events</h3>
      <ol style="margin: 0"></ol>
    </div>
  </section>`;
}

const meta: Meta<OutboxArgs> = {
  title: 'Elements/outcome-outbox',
  component: 'outcome-outbox',
  args: { states: ['queued', 'retrying', 'refused', 'deferred'] },
  argTypes: {
    states: {
      control: 'check',
      options: ['queued', 'retrying', 'refused', 'deferred'],
      description: 'Example wrap-ups to list, one per state (not an element property)',
    },
  },
  render: outboxStory,
};
export default meta;

type Story = StoryObj<OutboxArgs>;

/** One wrap-up in each state: Retry now on records, Resume and Discard on the deferred one. */
export const AllStates: Story = {};

export const Empty: Story = { args: { states: [] } };

/** Kept on the device, never tried yet: Retry now sends it (no Discard: it is never thrown away). */
export const Queued: Story = { args: { states: ['queued'] } };

/** Tried once and failed (the backend was down): the last error shows; Retry now succeeds here. */
export const Retrying: Story = { args: { states: ['retrying'] } };

/** The backend refused the record: Retry now, or Discard after a confirmation that names it. */
export const Refused: Story = { args: { states: ['refused'] } };

/** Finished later from a popup with no list: Resume fires outcome-resume for the host. */
export const Deferred: Story = { args: { states: ['deferred'] } };
