import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  CloseAdapter,
  OutcomeTypesApiAdapter,
  SailorAdapter,
  TaskResultTypeAdapter,
  type OutcomeAdapter,
} from '../src/adapters/index.js';
import { MemoryAdapter } from '../src/adapters/memory/memory-adapter.js';
import { CLOSE_RULES, SAILOR_RULES } from '../src/adapters/rules.js';
import '../src/define.js';
import { CALL_CENTRE_OUTCOMES, manyOutcomes } from '../test/helpers/sample-outcomes.js';
import { api as closeApi, CLOSE_API_KEY } from '../test/servers/close-api.mjs';
import { api as outcomeTypesApi, TOKENS } from '../test/servers/outcome-types-api.mjs';
import { api as sailorApi, SMART_LISTS, TOKEN as SAILOR_TOKEN } from '../test/servers/sailor-api.mjs';
import { KEYS, api as taskResultsApi } from '../test/servers/task-results-api.mjs';
import { standInFetch } from './support/stand-in-fetch.js';

interface EditorArgs {
  userRole: 'editor' | 'viewer';
  latencyMs: number;
}

/** The first credential of a seed API that gives what the story needs. */
function credential<T>(table: Readonly<Record<string, T>>, fits: (grant: T) => boolean): string {
  const found = Object.entries(table).find(([, grant]) => fits(grant));
  if (!found) throw new Error('The seed API has no suitable credential.');
  return found[0];
}

/** A settings page; its language, direction and scheme are the toolbar's. */
function page(adapter: OutcomeAdapter, { userRole }: EditorArgs, note: string) {
  return html`<section style="font: 14px/1.4 system-ui, sans-serif; max-width: 80rem">
    <p>${note}</p>
    <outcome-type-editor
      .adapter=${adapter}
      user-role=${userRole}
      @outcome-type-change=${(event: HTMLElementEventMap['outcome-type-change']) => console.info('outcome-type-change', event.detail)}
    ></outcome-type-editor>
  </section>`;
}

const meta: Meta<EditorArgs> = {
  title: 'Elements/outcome-type-editor',
  component: 'outcome-type-editor',
  args: { userRole: 'editor', latencyMs: 300 },
  argTypes: {
    userRole: { control: 'inline-radio', options: ['editor', 'viewer'], description: 'The user’s role; the adapter’s can only restrict it.' },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 100 }, description: 'Delay before every answer, to show progress.' },
  },
};
export default meta;

type Story = StoryObj<EditorArgs>;

/** The embedded adapter: every field of the canonical model, the outcome-types rules. */
export const Memory: Story = {
  render: (args) =>
    page(
      new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES, latencyMs: args.latencyMs }),
      args,
      'MemoryAdapter: every canonical field. Try reordering with the arrows or the drag handle, and deleting a type.',
    ),
};

/**
 * The embedded adapter with Sailor's rules: the form Sailor's admins get (name 1–120, kind,
 * order, Smart List movement, webhook URL required for actions), stored in memory.
 */
export const MemoryWithSailorRules: Story = {
  name: 'Memory with Sailor rules',
  render: (args) =>
    page(
      new MemoryAdapter({ id: 'memory:story-sailor-rules', rules: SAILOR_RULES, outcomeTypes: CALL_CENTRE_OUTCOMES, latencyMs: args.latencyMs }),
      args,
      'MemoryAdapter({ rules: SAILOR_RULES }): exactly Sailor’s fields, checked by Sailor’s rules, no server needed. Make an action without a webhook URL to see the rule.',
    ),
};

/** The embedded adapter with Close's rules: name, description and voicemail-drop; no order, no status. */
export const MemoryWithCloseRules: Story = {
  name: 'Memory with Close rules',
  render: (args) =>
    page(
      new MemoryAdapter({ id: 'memory:story-close-rules', rules: CLOSE_RULES, outcomeTypes: CALL_CENTRE_OUTCOMES, latencyMs: args.latencyMs }),
      args,
      'MemoryAdapter({ rules: CLOSE_RULES }): exactly Close’s fields; applies-to is derived, so read only.',
    ),
};

/**
 * An admin with thousands of types: only the rows in view are in the page, so opening,
 * searching, scrolling with End and reordering stay immediate.
 */
export const TenThousandTypes: Story = {
  name: '10,000 types',
  render: (args) =>
    page(
      new MemoryAdapter({ id: 'memory:story-10000', outcomeTypes: manyOutcomes(10_000), latencyMs: args.latencyMs }),
      args,
      '10,000 outcome types. Search, press End in the list, or move the last one to the top: about 14 rows are ever in the page.',
    ),
};

/**
 * Two admins on one Sailor account, each with an editor of their own: save a change in one,
 * then save a different change to the same type in the other — the second is told what the
 * first did and chooses, instead of silently undoing it.
 */
export const TwoAdmins: Story = {
  name: 'Two admins (conflicting edits)',
  render: (args) => {
    const fetch = standInFetch(sailorApi, { latencyMs: args.latencyMs });
    const smartLists = async () => Object.entries(SMART_LISTS).map(([id, name]) => ({ id, name }));
    const admin = () => new SailorAdapter({ baseUrl: 'https://sailor.stand-in.example', token: SAILOR_TOKEN, fetch, listSmartLists: smartLists });
    return html`<div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(min(22rem, 100%), 1fr)); gap: 1rem">
      ${page(admin(), args, 'Admin A: open a type and save a new name.')}
      ${page(admin(), args, 'Admin B: open the same type (before A saves) and save another change.')}
    </div>`;
  },
};

/** A narrow host (a phone, a side bar): the form opens in a modal dialog instead of beside the list. */
export const NarrowHost: Story = {
  name: 'Narrow host (form in a dialog)',
  render: (args) =>
    html`<div style="max-width: 22.5rem">
      ${page(
        new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES, latencyMs: args.latencyMs }),
        args,
        'Below 56rem the form opens in a modal dialog; rows take two lines and their actions move into a menu.',
      )}
    </div>`,
};

/** The same page for a viewer: the list, no write controls. */
export const Viewer: Story = {
  args: { userRole: 'viewer' },
  render: Memory.render!,
};

/** The outcome-types API: ten system defaults with locked key, classification, category and status. */
export const OutcomeTypesApi: Story = {
  name: 'Outcome types API',
  render: (args) =>
    page(
      new OutcomeTypesApiAdapter({
        baseUrl: 'https://outcome-types.stand-in.example',
        token: credential(TOKENS, (role) => role === 'editor'),
        fetch: standInFetch(outcomeTypesApi, { latencyMs: args.latencyMs }),
      }),
      args,
      'The outcome-types API, answered inside this page by a stand-in (no server needed). Edit “Click” to see the locked fields; create one with the key “click” to see the duplicate rule.',
    ),
};

/** Close: name, description and the voicemail-drop type; applies-to is derived, so read only. */
export const Close: Story = {
  render: (args) =>
    page(
      new CloseAdapter({
        baseUrl: 'https://close.stand-in.example',
        apiKey: CLOSE_API_KEY,
        fetch: standInFetch(closeApi, { latencyMs: args.latencyMs }),
      }),
      args,
      'The Close outcomes API, answered inside this page by a stand-in. Close has no order and no status, so there is no reordering or status filter.',
    ),
};

/** Sailor: kinds, destination recipes with the host's Smart Lists, webhook URL required for actions. */
export const Sailor: Story = {
  render: (args) =>
    page(
      new SailorAdapter({
        baseUrl: 'https://sailor.stand-in.example',
        token: SAILOR_TOKEN,
        fetch: standInFetch(sailorApi, { latencyMs: args.latencyMs }),
        listSmartLists: async () => Object.entries(SMART_LISTS).map(([id, name]) => ({ id, name })),
      }),
      args,
      'The Sailor phone-system outcomes API, answered inside this page by a stand-in; the host lists the Smart Lists. Make an action without a webhook URL to see the rule.',
    ),
};

/** Sailor without a Smart List source: list ids are typed by hand; an unknown one is refused by the server. */
export const SailorTypedListIds: Story = {
  name: 'Sailor (typed list ids)',
  render: (args) =>
    page(
      new SailorAdapter({
        baseUrl: 'https://sailor.stand-in.example',
        token: SAILOR_TOKEN,
        fetch: standInFetch(sailorApi, { latencyMs: args.latencyMs }),
      }),
      args,
      `No listSmartLists: type a list id (e.g. ${Object.keys(SMART_LISTS)[0]}); any other id gets destination_not_found on the field.`,
    ),
};

/** Task result types: read only, managed elsewhere. */
export const TaskResultTypes: Story = {
  name: 'Task result types (read only)',
  render: (args) =>
    page(
      new TaskResultTypeAdapter({
        baseUrl: 'https://task-results.stand-in.example',
        apiKey: credential(KEYS, (permissions) => permissions.includes('VIEW_ACTIVITIES')),
        resultPath: (taskId) => `/api/integration/tasks/${encodeURIComponent(taskId)}/result`,
        fetch: standInFetch(taskResultsApi, { latencyMs: args.latencyMs }),
      }),
      args,
      'The task result type configs API, answered inside this page by a stand-in: the list only, with a note that it is managed elsewhere.',
    ),
};
