// Checked by `tsc` (npm run typecheck), never run: the React JSX and Vue global-component
// declarations that consumers get from `outcome-elements/react` and `outcome-elements/vue` accept
// correct usage, and reject wrong usage (each @ts-expect-error fails the check if it is not needed).
import type { GlobalComponents } from 'vue';
import type {} from '../../src/frameworks/react.js';
import type {} from '../../src/frameworks/vue.js';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { OutcomePicker } from '../../src/components/outcome-picker/outcome-picker.js';
import type { RecordedOutcome } from '../../src/model/types.js';

const adapter = new MemoryAdapter();

export function AgentDesk({ outcome, onOutcome }: { outcome: string; onOutcome: (key: string) => void }) {
  return (
    <outcome-provider adapter={adapter} user-role="editor" lang="es">
      <outcome-picker
        name="outcome"
        kind="disposition"
        group-by="classification"
        value={outcome}
        required
        ref={(picker: OutcomePicker | null) => void picker?.checkValidity()}
        onChange={(event) => onOutcome(event.currentTarget.value)}
      />
      <disposition-popup
        subject-id="call-1"
        required
        timeout={45}
        onoutcome-recorded={(event) => console.log(event.detail.outcomeKey satisfies string)}
        ondisposition-request-close={(event) => event.detail.source === 'escape' && event.preventDefault()}
      />
      <outcome-type-editor userRole="viewer" onoutcome-type-change={(event) => event.detail.action} />
      <outcome-outbox
        onoutcome-resume={(event) => console.log(event.detail.subjectId satisfies string)}
        onoutcome-pending-change={(event) => console.log(event.detail.count satisfies number)}
      />
    </outcome-provider>
  );
}

export function Mistakes() {
  return (
    <>
      {/* @ts-expect-error: not a kind */}
      <outcome-picker kind="dispositions" />
      {/* @ts-expect-error: an adapter is an object, not a string */}
      <outcome-provider adapter="memory" />
      {/* @ts-expect-error: the detail is a RecordedOutcome */}
      <disposition-popup onoutcome-recorded={(event: CustomEvent<number>) => event.detail} />
      {/* @ts-expect-error: not a role */}
      <outcome-type-editor user-role="admin" />
      {/* @ts-expect-error: the detail is { subjectId } */}
      <outcome-outbox onoutcome-resume={(event: CustomEvent<number>) => event.detail} />
    </>
  );
}

// Vue: what Volar checks in templates, read from the same declarations.
type VueProps<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

export const vuePicker: VueProps<'outcome-picker'> = { kind: 'action', 'group-by': 'category', adapter, value: 'sale' };
export const vuePopup: VueProps<'disposition-popup'> = {
  'subject-id': 'call-1',
  onOutcomeRecorded: (event: CustomEvent<RecordedOutcome>) => event.detail.subjectId,
  onDispositionRequestClose: (event) => event.detail.source,
};
export const vuePopupDeferred: VueProps<'disposition-popup'> = { onOutcomeDeferred: (event) => event.detail.subjectId };
export const vueOutbox: VueProps<'outcome-outbox'> = { onOutcomeResume: (event) => event.detail.subjectId, onOutcomePendingChange: (event) => event.detail.count };
// @ts-expect-error: not a grouping
export const vueWrongGroup: VueProps<'outcome-picker'> = { 'group-by': 'colour' };
// @ts-expect-error: the detail is a RecordedOutcome
export const vueWrongHandler: VueProps<'disposition-popup'> = { onOutcomeRecorded: (event: CustomEvent<number>) => event.detail };
