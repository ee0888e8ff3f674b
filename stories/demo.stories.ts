import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html, LitElement, nothing } from 'lit';
import type { RequestOptions } from '../src/adapters/adapter.js';
import { OutcomeAdapterError } from '../src/adapters/errors.js';
import { MemoryAdapter } from '../src/adapters/memory/memory-adapter.js';
import type { DispositionPopup, NotesMode } from '../src/components/disposition-popup/disposition-popup.js';
import { OutcomeStore } from '../src/controllers/outcome-store.js';
import '../src/define.js';
import type { OutcomeRecord, OutcomeType, RecordedOutcome } from '../src/model/types.js';
import { CALL_CENTRE_OUTCOMES } from '../test/helpers/sample-outcomes.js';

/**
 * The product demo: an agent desktop and a settings page of one call centre, on one
 * MemoryAdapter persisted in localStorage under one key. Both stories use the same adapter
 * instance (one OutcomeStore, so a change in Settings is in the agent's popup at once), and a
 * Storybook tab that shows the other story hears about changes through the `storage` event:
 * MemoryAdapter re-reads the stored copy when another instance wrote it, and the store reloads.
 */
const DEMO_STORAGE_KEY = 'outcome-elements:storybook-demo';

/**
 * The demo's backend, with a switch for an outage: while `offline`, listing and recording fail
 * as an unreachable server does, so the agent desktop can show queueing, Finish later and the
 * pending list.
 */
class DemoAdapter extends MemoryAdapter {
  offline = false;

  override async listOutcomeTypes(options?: RequestOptions): Promise<OutcomeType[]> {
    if (this.offline) throw new OutcomeAdapterError('network', 'The demo backend is offline.');
    return super.listOutcomeTypes(options);
  }

  override async recordOutcome(record: OutcomeRecord, options: RequestOptions & { idempotencyKey: string }): Promise<RecordedOutcome> {
    if (this.offline) throw new OutcomeAdapterError('network', 'The demo backend is offline.');
    return super.recordOutcome(record, options);
  }
}

const demoAdapter = new DemoAdapter({
  storage: localStorage,
  storageKey: DEMO_STORAGE_KEY,
  outcomeTypes: CALL_CENTRE_OUTCOMES,
});

window.addEventListener('storage', (event) => {
  if (event.key === DEMO_STORAGE_KEY) void OutcomeStore.for(demoAdapter).reload().catch(() => undefined);
});

const CALLERS = ['Acme Corp · +1 555 0100', 'Globex · +34 910 000 111', 'Initech · +1 555 0199', 'Umbrella · +44 20 7946 0000'];

/**
 * A story-local list of what the agent recorded: the adapter's records, newest first, with the
 * outcome names from the shared store. Refreshes on every `outcome-recorded` in the document.
 */
class RecordedOutcomes extends LitElement {
  static override properties = { adapter: { attribute: false } };
  static override styles = css`
    :host {
      display: block;
      /* A narrow agent desktop scrolls the log sideways rather than widening the page. */
      overflow-x: auto;
    }
    table {
      inline-size: 100%;
      border-collapse: collapse;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-block-end: 0.5em;
    }
    th,
    td {
      text-align: start;
      padding: 0.3em 0.6em;
      border-block-end: 1px solid color-mix(in srgb, currentColor 25%, transparent);
    }
  `;

  declare adapter: MemoryAdapter | undefined;
  #unsubscribe: (() => void) | undefined;
  readonly #refresh = (): void => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('outcome-recorded', this.#refresh);
    window.addEventListener('storage', this.#refresh);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('outcome-recorded', this.#refresh);
    window.removeEventListener('storage', this.#refresh);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  protected override willUpdate(): void {
    if (!this.adapter || this.#unsubscribe) return;
    const store = OutcomeStore.for(this.adapter);
    this.#unsubscribe = store.subscribe(this.#refresh);
    void store.load().catch(() => undefined);
  }

  protected override render() {
    if (!this.adapter) return nothing;
    const names = new Map(OutcomeStore.for(this.adapter).snapshot.outcomeTypes.map((type) => [type.key, type.name]));
    const records: RecordedOutcome[] = this.adapter.listRecords().reverse();
    const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });
    return html`<table>
      <caption>Recorded outcomes (${records.length})</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Call</th>
          <th scope="col">Outcome</th>
          <th scope="col">Follow-up</th>
          <th scope="col">Notes</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        ${records.length === 0
          ? html`<tr><td colspan="6">Nothing recorded yet: end a call.</td></tr>`
          : records.map(
              (record) => html`<tr>
                <td>${time.format(new Date(record.recordedAt))}</td>
                <td>${record.subjectId}</td>
                <td>${names.get(record.outcomeKey) ?? record.outcomeKey}</td>
                <td>${record.scheduledAt ? time.format(new Date(record.scheduledAt)) : ''}</td>
                <td>${record.notes ?? ''}</td>
                <td>${record.source}</td>
              </tr>`,
            )}
      </tbody>
    </table>`;
  }
}

const RECORDS_TAG = 'sb-recorded-outcomes';
if (!customElements.get(RECORDS_TAG)) customElements.define(RECORDS_TAG, RecordedOutcomes);

interface DemoArgs {
  /** Popup: refuse to close without a record. */
  required: boolean;
  notes: NotesMode;
  timeout: number;
  defaultOutcome: string;
  /** Settings: the user's role. */
  userRole: 'editor' | 'viewer';
}

let callNumber = 1;

function endCall(event: Event): void {
  const desk = (event.currentTarget as HTMLElement).closest('section')!;
  const popup = desk.querySelector<DispositionPopup>('disposition-popup')!;
  popup.subjectId = `call-${String(callNumber).padStart(4, '0')}`;
  callNumber++;
  const caller = desk.querySelector('[data-caller]')!;
  void popup.show().then(() => {
    caller.textContent = CALLERS[callNumber % CALLERS.length]!;
  });
}

/** Resume from the pending list: the popup opens for that call. */
function resume(event: CustomEvent<{ subjectId: string }>): void {
  const desk = (event.currentTarget as HTMLElement).closest('section')!;
  const popup = desk.querySelector<DispositionPopup>('disposition-popup')!;
  popup.subjectId = event.detail.subjectId;
  void popup.show();
}

function togglePending(event: Event): void {
  const button = event.currentTarget as HTMLButtonElement;
  const panel = button.closest('section')!.querySelector<HTMLElement>('#pending-panel')!;
  panel.hidden = !panel.hidden;
  button.setAttribute('aria-expanded', String(!panel.hidden));
}

function showCount(event: CustomEvent<{ count: number }>): void {
  const badge = (event.currentTarget as HTMLElement).closest('section')!.querySelector('[data-badge]')!;
  badge.textContent = String(event.detail.count);
}

function setOffline(event: Event): void {
  demoAdapter.offline = (event.currentTarget as HTMLInputElement).checked;
  // Back online: the recorder sends what was queued, and the list loads again.
  if (!demoAdapter.offline) window.dispatchEvent(new Event('online'));
}

function agentDesktop(args: DemoArgs) {
  return html`<section style="font: 14px/1.4 system-ui, sans-serif; display: grid; gap: 1rem; max-inline-size: 52rem">
    <header style="display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 0.5rem 1rem">
      <h1 style="font-size: 1.25rem; margin: 0">Agent desktop</h1>
      <span style="display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem">
        <span>Signed in as Maria · team Outbound</span>
        <button type="button" aria-expanded="false" aria-controls="pending-panel" @click=${togglePending}>
          Pending wrap-ups
          <span
            data-badge
            style="display: inline-block; min-inline-size: 1.5em; padding: 0 0.4em; border-radius: 1em; background: CanvasText; color: Canvas; font-weight: 600; text-align: center"
            >0</span
          >
        </button>
      </span>
    </header>
    <p style="margin: 0">
      End the call to record its outcome. The outcomes come from <strong>Demo › Settings</strong>: change one there
      (here, or in another tab) and it is in the popup. During a simulated outage a record can be queued for later;
      <strong>Pending wrap-ups</strong> lists it (and any wrap-up finished later), with Retry now, Resume and Discard.
    </p>
    <div
      role="group"
      aria-label="Current call"
      style="display: flex; align-items: center; gap: 1rem; padding: 0.75rem 1rem; border: 1px solid color-mix(in srgb, currentColor 30%, transparent); border-radius: 8px"
    >
      <span style="flex: 1"><strong>On call with</strong> <span data-caller>${CALLERS[0]}</span></span>
      <button type="button" @click=${endCall}>End call</button>
    </div>
    <label style="justify-self: start"><input type="checkbox" .checked=${demoAdapter.offline} @change=${setOffline} /> Simulate an outage (the backend is unreachable)</label>
    <outcome-provider .adapter=${demoAdapter} user-role="viewer">
      <div id="pending-panel" hidden style="padding: 0.75rem 1rem; border: 1px solid color-mix(in srgb, currentColor 30%, transparent); border-radius: 8px">
        <h2 style="font-size: 1rem; margin: 0 0 0.5rem">Pending wrap-ups</h2>
        <outcome-outbox @outcome-resume=${resume} @outcome-pending-change=${showCount}></outcome-outbox>
      </div>
      <disposition-popup
        ?required=${args.required}
        notes=${args.notes}
        timeout=${args.timeout}
        default-outcome=${args.defaultOutcome}
      ></disposition-popup>
    </outcome-provider>
    <sb-recorded-outcomes .adapter=${demoAdapter}></sb-recorded-outcomes>
  </section>`;
}

function settings(args: DemoArgs) {
  // Block layout: the editor's wide table may overflow the section, never push the page wider.
  return html`<section style="font: 14px/1.4 system-ui, sans-serif; max-inline-size: 60rem">
    <h1 style="font-size: 1.25rem; margin: 0 0 1rem">Settings · Call outcomes</h1>
    <p style="margin: 0 0 1rem">
      The outcome types agents choose from at the end of a call. Changes are saved in this browser
      (localStorage, key <code>${DEMO_STORAGE_KEY}</code>) and appear in <strong>Demo › Agent desktop</strong>.
    </p>
    <outcome-type-editor .adapter=${demoAdapter} user-role=${args.userRole}></outcome-type-editor>
  </section>`;
}

const meta: Meta<DemoArgs> = {
  title: 'Demo',
  args: { required: true, notes: 'optional', timeout: 0, defaultOutcome: '', userRole: 'editor' },
  argTypes: {
    required: { control: 'boolean', description: '`<disposition-popup required>`: no closing without a record.', table: { category: 'disposition-popup' } },
    notes: { control: 'inline-radio', options: ['off', 'optional', 'required'], table: { category: 'disposition-popup' } },
    timeout: { control: { type: 'number', min: 0 }, description: 'After-call-work seconds; 0 for none.', table: { category: 'disposition-popup' } },
    defaultOutcome: { control: 'text', description: 'Key recorded with source "timeout" when time is up.', table: { category: 'disposition-popup' } },
    userRole: { control: 'inline-radio', options: ['editor', 'viewer'], table: { category: 'outcome-type-editor' } },
  },
};
export default meta;

type Story = StoryObj<DemoArgs>;

/** A call ends, the popup asks for the outcome, the record joins the list below. */
export const AgentDesktop: Story = {
  name: 'Agent desktop',
  argTypes: { userRole: { table: { disable: true } } },
  render: agentDesktop,
};

/** The administrator's page: the same outcomes, editable. */
export const Settings: Story = {
  argTypes: {
    required: { table: { disable: true } },
    notes: { table: { disable: true } },
    timeout: { table: { disable: true } },
    defaultOutcome: { table: { disable: true } },
  },
  render: settings,
};
