// What a framework template may set and hear on each element, written once for the React and
// Vue declarations next to this file. Types only: nothing here exists at run time.
import type { DispositionPopup, DispositionRequestCloseDetail, OutcomeDeferredDetail, OutcomeQueuedDetail } from '../components/disposition-popup/disposition-popup.js';
import type { OutcomeOutbox, OutcomePendingChangeDetail, OutcomeResumeDetail } from '../components/outcome-outbox/outcome-outbox.js';
import type { OutcomePicker } from '../components/outcome-picker/outcome-picker.js';
import type { OutcomeProvider } from '../components/outcome-provider/outcome-provider.js';
import type { OutcomeTypeChangeDetail, OutcomeTypeEditor } from '../components/outcome-type-editor/outcome-type-editor.js';
import type { RecordedOutcome } from '../model/types.js';
import type { Role } from '../model/vocabulary.js';

/** Attributes every element has (React and Vue set them as attributes: strings). */
interface CommonAttributes {
  'user-role'?: Role;
}

/**
 * Per tag: the writable properties (frameworks set a prop as a property when the element has
 * one, which is how an adapter object arrives as itself) and the attributes by their own names.
 */
export interface OutcomeElementProps {
  'outcome-provider': Partial<Pick<OutcomeProvider, 'adapter' | 'userRole'>> & CommonAttributes & { lang?: string };
  'outcome-picker': Partial<
    Pick<
      OutcomePicker,
      | 'adapter'
      | 'userRole'
      | 'value'
      | 'name'
      | 'required'
      | 'disabled'
      | 'scheduledAt'
      | 'kind'
      | 'category'
      | 'appliesTo'
      | 'includeInactive'
      | 'groupBy'
      | 'timeZone'
      | 'customerTimeZone'
      | 'callableHours'
      | 'maxDaysAhead'
      | 'quickTimes'
      | 'reserveSpace'
      | 'searchThreshold'
      | 'shortcuts'
      | 'recent'
      | 'recentKey'
    >
  > &
    CommonAttributes & {
      'scheduled-at'?: string;
      'applies-to'?: OutcomePicker['appliesTo'];
      'include-inactive'?: boolean;
      'group-by'?: OutcomePicker['groupBy'];
      'time-zone'?: string;
      'customer-time-zone'?: string;
      'callable-hours'?: string;
      'max-days-ahead'?: number | string;
      'reserve-space'?: boolean;
      'search-threshold'?: number | string;
      'recent-key'?: string;
    };
  'disposition-popup': Partial<
    Pick<
      DispositionPopup,
      | 'adapter'
      | 'userRole'
      | 'open'
      | 'subjectId'
      | 'required'
      | 'notes'
      | 'timeout'
      | 'defaultOutcome'
      | 'queue'
      | 'extendBy'
      | 'maxExtensions'
      | 'notesRequiredFor'
      | 'recent'
      | 'recentKey'
      | 'customerTimeZone'
      | 'callableHours'
      | 'maxDaysAhead'
      | 'quickTimes'
    >
  > &
    CommonAttributes & {
      'subject-id'?: string;
      'default-outcome'?: string;
      'extend-by'?: number | string;
      'max-extensions'?: number | string;
      'notes-required-for'?: string;
      'recent-key'?: string;
      'customer-time-zone'?: string;
      'callable-hours'?: string;
      'max-days-ahead'?: number | string;
    };
  'outcome-type-editor': Partial<Pick<OutcomeTypeEditor, 'adapter' | 'userRole'>> & CommonAttributes;
  'outcome-outbox': Partial<Pick<OutcomeOutbox, 'adapter' | 'userRole'>> & CommonAttributes;
}

/**
 * Per tag: the library's own events (the picker's `input` and `change` are native events, which
 * frameworks already type).
 */
export interface OutcomeElementEvents {
  'outcome-provider': Record<never, never>;
  'outcome-picker': Record<never, never>;
  'disposition-popup': {
    'outcome-recorded': CustomEvent<RecordedOutcome>;
    'outcome-queued': CustomEvent<OutcomeQueuedDetail>;
    'outcome-deferred': CustomEvent<OutcomeDeferredDetail>;
    'disposition-request-close': CustomEvent<DispositionRequestCloseDetail>;
    close: Event;
  };
  'outcome-type-editor': { 'outcome-type-change': CustomEvent<OutcomeTypeChangeDetail> };
  'outcome-outbox': {
    'outcome-resume': CustomEvent<OutcomeResumeDetail>;
    'outcome-pending-change': CustomEvent<OutcomePendingChangeDetail>;
  };
}

export type OutcomeTag = keyof OutcomeElementProps;
