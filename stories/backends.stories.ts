import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html, LitElement, nothing } from 'lit';
import {
  CloseAdapter,
  GenesysAdapter,
  OutcomeTypesApiAdapter,
  SailorAdapter,
  TaskResultTypeAdapter,
  type OutcomeAdapter,
} from '../src/adapters/index.js';
import '../src/define.js';
import { api as closeApi, CLOSE_API_KEY } from '../test/servers/close-api.mjs';
import { CLIENT_ID as GENESYS_CLIENT_ID, CLIENT_SECRET as GENESYS_CLIENT_SECRET, api as genesysApi } from '../test/servers/genesys-api.mjs';
import { api as outcomeTypesApi, TOKENS } from '../test/servers/outcome-types-api.mjs';
import { api as sailorApi, SMART_LISTS, TOKEN as SAILOR_TOKEN } from '../test/servers/sailor-api.mjs';
import { KEYS, api as taskResultsApi } from '../test/servers/task-results-api.mjs';
import { standInFetch } from './support/stand-in-fetch.js';

/** The first credential of a test server that gives what the story needs. */
function credential<T>(table: Readonly<Record<string, T>>, fits: (grant: T) => boolean): string {
  const found = Object.entries(table).find(([, grant]) => fits(grant));
  if (!found) throw new Error('The seed API has no suitable credential.');
  return found[0];
}

/**
 * A story-local readout of the enclosing form's FormData, refreshed on every `change`: what the
 * picker would submit.
 */
class FormDataReadout extends LitElement {
  static override properties = { entries: { state: true } };
  static override styles = css`
    :host {
      display: block;
      margin-block-start: 1rem;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25em 1em;
      margin: 0.25em 0 0;
    }
    dt,
    dd {
      margin: 0;
      font-family: ui-monospace, monospace;
    }
  `;

  declare entries: [string, string][] | undefined;
  #form: HTMLFormElement | null = null;

  readonly #read = (): void => {
    this.entries = this.#form
      ? [...new FormData(this.#form)].map(([name, value]): [string, string] => [name, typeof value === 'string' ? value : value.name])
      : [];
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.#form = this.closest('form');
    this.#form?.addEventListener('change', this.#read);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#form?.removeEventListener('change', this.#read);
    this.#form = null;
  }

  protected override render() {
    const { entries } = this;
    return html`
      <strong>FormData</strong>
      <output aria-live="polite">
        ${entries === undefined
          ? html`<p>Nothing chosen yet: pick an outcome.</p>`
          : entries.length === 0
            ? html`<p>(empty)</p>`
            : html`<dl>${entries.map(([name, value]) => html`<dt>${name}</dt><dd>${value || '""'}</dd>`)}</dl>`}
      </output>
    `;
  }
}

const READOUT_TAG = 'sb-form-data-readout';
if (!customElements.get(READOUT_TAG)) customElements.define(READOUT_TAG, FormDataReadout);

interface Args {
  latencyMs: number;
}

interface Backend {
  /** Unique per story: the label's id. */
  id: string;
  /** Which backend's API the stand-in answers for. */
  standsInFor: string;
  label: string;
  adapter: (latencyMs: number) => OutcomeAdapter;
  note?: string;
}

function renderBackend({ id, standsInFor, label, adapter, note }: Backend, { latencyMs }: Args) {
  const labelId = `${id}-label`;
  return html`
    <section style="font: 14px/1.4 system-ui, sans-serif; max-width: 32rem">
      <p>
        Talks to <strong>${standsInFor}</strong> as a real backend would be talked to: the adapter's
        requests are answered inside this page by a stand-in that follows that API's documentation, so
        no server or account is needed.${note ? html` ${note}` : nothing}
      </p>
      <outcome-provider .adapter=${adapter(latencyMs)} user-role="editor">
        <form @submit=${(event: SubmitEvent) => event.preventDefault()}>
          <label id=${labelId} style="display: block; font-weight: 600; margin-block-end: 0.5rem">${label}</label>
          <outcome-picker aria-labelledby=${labelId} name="outcome" kind="any"></outcome-picker>
          <sb-form-data-readout></sb-form-data-readout>
        </form>
      </outcome-provider>
    </section>
  `;
}

const meta = {
  title: 'Backends',
  args: { latencyMs: 300 },
  argTypes: {
    latencyMs: {
      description: 'Delay of the in-page stand-in before every answer, to show loading.',
      control: { type: 'range', min: 0, max: 3000, step: 100 },
    },
  },
} satisfies Meta<Args>;

export default meta;

type Story = StoryObj<Args>;

/** The outcome-types API: the ten system defaults, for an editor's Bearer token. */
export const OutcomeTypesApi: Story = {
  name: 'Outcome types API',
  render: (args) =>
    renderBackend(
      {
        id: 'outcome-types',
        standsInFor: 'the outcome-types API',
        label: 'Outcome',
        adapter: (latencyMs) =>
          new OutcomeTypesApiAdapter({
            baseUrl: 'https://outcome-types.stand-in.example',
            token: credential(TOKENS, (role) => role === 'editor'),
            fetch: standInFetch(outcomeTypesApi, { latencyMs }),
          }),
      },
      args,
    ),
};

/** Close's outcomes, read page by page with Basic auth (the API key as user name). */
export const Close: Story = {
  render: (args) =>
    renderBackend(
      {
        id: 'close',
        standsInFor: 'the Close outcomes API',
        label: 'Call outcome',
        adapter: (latencyMs) =>
          new CloseAdapter({
            baseUrl: 'https://close.stand-in.example',
            apiKey: CLOSE_API_KEY,
            fetch: standInFetch(closeApi, { latencyMs }),
          }),
      },
      args,
    ),
};

/** Sailor's phone-system outcomes: mostly actions, so the picker offers every kind. */
export const Sailor: Story = {
  render: (args) =>
    renderBackend(
      {
        id: 'sailor',
        standsInFor: 'the Sailor phone-system outcomes API',
        label: 'Call outcome',
        note: 'Sailor documents no Smart List endpoint, so the host lists the workspace’s lists.',
        adapter: (latencyMs) =>
          new SailorAdapter({
            baseUrl: 'https://sailor.stand-in.example',
            token: SAILOR_TOKEN,
            fetch: standInFetch(sailorApi, { latencyMs }),
            listSmartLists: async () => Object.entries(SMART_LISTS).map(([id, name]) => ({ id, name })),
          }),
      },
      args,
    ),
};

/** Task result type configs behind `x-api-key`; RESCHEDULE asks for a future date. */
export const TaskResultTypes: Story = {
  name: 'Task result types',
  render: (args) =>
    renderBackend(
      {
        id: 'task-results',
        standsInFor: 'the task result type configs API',
        label: 'Task result',
        note: 'Choose “Reprogramar visita” (RESCHEDULE) to see the follow-up date field.',
        adapter: (latencyMs) =>
          new TaskResultTypeAdapter({
            baseUrl: 'https://task-results.stand-in.example',
            apiKey: credential(KEYS, (permissions) => permissions.includes('VIEW_ACTIVITIES')),
            resultPath: (taskId) => `/api/integration/tasks/${encodeURIComponent(taskId)}/result`,
            fetch: standInFetch(taskResultsApi, { latencyMs }),
          }),
      },
      args,
    ),
};

/**
 * Genesys Cloud wrap-up codes: the OAuth client-credentials grant at the login host's token
 * endpoint, then the codes page by page with the Bearer token it gave.
 */
export const GenesysCloud: Story = {
  name: 'Genesys Cloud wrap-up codes',
  render: (args) =>
    renderBackend(
      {
        id: 'genesys',
        standsInFor: 'the Genesys Cloud wrap-up codes API',
        label: 'Wrap-up code',
        note: 'Here the stand-in also issues the OAuth token. In a real agent desktop, get the token from your own backend and pass it as auth: { token: () => … }: the client-credentials grant needs a client secret, which belongs on a server.',
        adapter: (latencyMs) => {
          const fetch = standInFetch(genesysApi, { latencyMs });
          return new GenesysAdapter({
            baseUrl: 'https://api.genesys.stand-in.example',
            auth: { clientId: GENESYS_CLIENT_ID, clientSecret: GENESYS_CLIENT_SECRET, tokenUrl: 'https://login.genesys.stand-in.example/oauth/token' },
            fetch,
          });
        },
      },
      args,
    ),
};
