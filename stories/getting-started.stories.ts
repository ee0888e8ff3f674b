import { ContextConsumer } from '@lit/context';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html, LitElement, nothing } from 'lit';
// A namespace import, so that the story below can be called `MemoryAdapter`
// (story id `getting-started--memory-adapter`) without shadowing the class.
import * as adapters from '../src/adapters/index.js';
import { outcomeContext } from '../src/context.js';
import { OutcomeStore, type StoreSnapshot } from '../src/controllers/outcome-store.js';
import '../src/define.js';

/**
 * A story-local table: takes the adapter from the nearest `<outcome-provider>`, as every outcome
 * element does, and lists what its shared `OutcomeStore` holds.
 */
class OutcomeTypeTable extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: 14px/1.4 system-ui, sans-serif;
    }
    .bar {
      display: flex;
      gap: 1em;
      align-items: center;
    }
    table {
      border-collapse: collapse;
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-block-end: 0.25em;
    }
    th,
    td {
      border: 1px solid #888;
      padding: 0.25em 0.6em;
      text-align: start;
    }
    .error {
      color: #b00020;
    }
  `;

  readonly #provided = new ContextConsumer(this, { context: outcomeContext, subscribe: true });
  #store: OutcomeStore | undefined;
  #unsubscribe: (() => void) | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store = undefined;
  }

  protected override willUpdate(): void {
    const adapter = this.#provided.value?.adapter;
    if (adapter === this.#store?.adapter) return;
    this.#unsubscribe?.();
    this.#store = adapter ? OutcomeStore.for(adapter) : undefined;
    this.#unsubscribe = this.#store?.subscribe(() => this.requestUpdate());
    // A failed load lands in the snapshot, which render() shows.
    this.#store?.load().catch(() => undefined);
  }

  #reload(): void {
    this.#store?.reload().catch(() => undefined);
  }

  #statusText({ status, outcomeTypes, loading }: StoreSnapshot): string {
    if (loading) return 'Loading…';
    if (status === 'error') return 'The outcome types could not be loaded.';
    if (status === 'ready') return outcomeTypes.length ? `${outcomeTypes.length} outcome types.` : 'No outcome types.';
    return '';
  }

  protected override render() {
    if (!this.#store) {
      return html`<p>No adapter: place this inside an outcome-provider that has one.</p>`;
    }
    const snapshot = this.#store.snapshot;
    const { status, outcomeTypes, error, loading } = snapshot;
    return html`
      <div class="bar">
        <button type="button" @click=${this.#reload}>Reload</button>
        <span role="status">${this.#statusText(snapshot)}</span>
      </div>
      ${error ? html`<p class="error" role="alert">${error.code}: ${error.message}</p>` : nothing}
      <p>Store status: ${status} · lang: ${this.#provided.value?.lang ?? 'none'}</p>
      ${outcomeTypes.length === 0
        ? nothing
        : html`
            <table aria-busy=${loading ? 'true' : 'false'}>
              <caption>Outcome types</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key</th>
                  <th scope="col">Classification</th>
                  <th scope="col">Category</th>
                  <th scope="col">Ordinal</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                ${outcomeTypes.map(
                  (type) => html`
                    <tr>
                      <th scope="row">${type.name}</th>
                      <td><code>${type.key}</code></td>
                      <td>${type.classification}</td>
                      <td>${type.category}</td>
                      <td>${type.ordinal}</td>
                      <td>${type.status}</td>
                    </tr>
                  `,
                )}
              </tbody>
            </table>
          `}
    `;
  }
}

const TABLE_TAG = 'sb-outcome-type-table';
if (!customElements.get(TABLE_TAG)) customElements.define(TABLE_TAG, OutcomeTypeTable);

/** `<outcome-provider>`'s properties (the adapter is built from the other two), and the MemoryAdapter's. */
interface Args {
  userRole: 'editor' | 'viewer';
  lang: '' | 'en' | 'es';
  latencyMs: number;
  failureRate: number;
}

/** What the Getting started page says first, above the story. */
const INTRODUCTION = `
Outcome elements are web components for recording and configuring call and task outcomes. Register
them once, give them one adapter that talks to your backend, and use the tags in any page or
framework:

\`\`\`html
<script type="module">
  import 'outcome-elements/define';
  import { MemoryAdapter } from 'outcome-elements/adapters';

  document.querySelector('outcome-provider').adapter = new MemoryAdapter();
</script>

<outcome-provider user-role="editor">
  <outcome-picker name="outcome" aria-label="Call outcome"></outcome-picker>
</outcome-provider>
\`\`\`

Every outcome element inside \`<outcome-provider>\` takes its adapter, user role and language from
it. Below, a table reads the provider's outcome types and a picker offers the same ones; use the
controls to change the role, the language, and the adapter's delay and failure rate.

Then see **Demo** (an agent desktop and its settings page working together), **Elements** (each
element on its own, every property a control) and **Backends** (the adapters for real APIs). The
toolbar switches every story's language, colour scheme and writing direction.
`;

const meta = {
  title: 'Getting started',
  component: 'outcome-provider',
  parameters: { docs: { description: { component: INTRODUCTION } } },
  args: { userRole: 'editor', lang: '', latencyMs: 400, failureRate: 0 },
  argTypes: {
    userRole: {
      description: '`<outcome-provider user-role>`: the role given to every element inside (the adapter can only restrict it).',
      control: 'inline-radio',
      options: ['editor', 'viewer'],
    },
    lang: {
      description: '`<outcome-provider lang>`: the language of the elements inside; empty for the toolbar’s.',
      control: 'inline-radio',
      options: ['', 'en', 'es'],
    },
    latencyMs: {
      description: 'MemoryAdapter `latencyMs`: delay added before every answer, to show loading.',
      control: { type: 'range', min: 0, max: 3000, step: 100 },
    },
    failureRate: {
      description: 'MemoryAdapter `failureRate`: share of calls (0–1) that fail with a `network` error.',
      control: { type: 'range', min: 0, max: 1, step: 0.1 },
    },
  },
  // Every render (e.g. after changing an arg) builds a fresh adapter, so a fresh store and data.
  render: ({ userRole, lang, latencyMs, failureRate }) => {
    const adapter = new adapters.MemoryAdapter({ latencyMs, failureRate });
    return html`
      <outcome-provider .adapter=${adapter} user-role=${userRole} lang=${lang || nothing}>
        <sb-outcome-type-table></sb-outcome-type-table>
        <label id="gs-picker-label" style="display: block; font: 600 14px system-ui; margin-block: 1rem 0.5rem">The same outcomes in a picker</label>
        <outcome-picker aria-labelledby="gs-picker-label" style="max-inline-size: 28rem"></outcome-picker>
      </outcome-provider>
    `;
  },
} satisfies Meta<Args>;

export default meta;

/** The ten system defaults of the embedded adapter, listed through the provider's store. */
export const MemoryAdapter: StoryObj<Args> = {
  name: 'Memory adapter',
};
