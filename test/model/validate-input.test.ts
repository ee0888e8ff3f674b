import { expect } from '@open-wc/testing';
import {
  CLOSE_RULES,
  MEMORY_RULES,
  OUTCOME_TYPES_API_RULES,
  SAILOR_RULES,
  TASK_RESULT_RULES,
} from '../../src/adapters/rules.js';
import { OutcomeTypeSchema } from '../../src/model/schemas.js';
import {
  checkOutcomeTypeInput,
  describeFieldIssue,
  issuesToFieldErrors,
  type FieldIssue,
} from '../../src/model/validate-input.js';

function issues(result: ReturnType<typeof checkOutcomeTypeInput>): Pick<FieldIssue, 'field' | 'code'>[] {
  return result.ok ? [] : result.issues.map(({ field, code }) => ({ field, code }));
}

const systemClick = OutcomeTypeSchema.parse({
  id: 'ot_001', key: 'click', name: 'Click', classification: 'positive', isSystem: true, ordinal: 1,
});
const custom = OutcomeTypeSchema.parse({ id: 'ot_100', key: 'purchased', name: 'Purchased' });

describe('checkOutcomeTypeInput — outcome-types API rules', () => {
  it('requires key and name (POST: 400 for a missing key or name)', () => {
    expect(issues(checkOutcomeTypeInput({ name: 'Sale' }, OUTCOME_TYPES_API_RULES))).to.deep.equal([{ field: 'key', code: 'required' }]);
    expect(issues(checkOutcomeTypeInput({ key: 'sale', name: '   ' }, OUTCOME_TYPES_API_RULES))).to.deep.equal([{ field: 'name', code: 'required' }]);
  });

  it('limits key and name to 1–255 characters', () => {
    const long = 'x'.repeat(256);
    expect(issues(checkOutcomeTypeInput({ key: long, name: 'ok' }, OUTCOME_TYPES_API_RULES))).to.deep.equal([{ field: 'key', code: 'tooLong' }]);
    expect(issues(checkOutcomeTypeInput({ key: 'ok', name: long }, OUTCOME_TYPES_API_RULES))).to.deep.equal([{ field: 'name', code: 'tooLong' }]);
    expect(checkOutcomeTypeInput({ key: 'x'.repeat(255), name: 'x'.repeat(255) }, OUTCOME_TYPES_API_RULES).ok).to.be.true;
  });

  it('fills the documented defaults: neutral, response, ordinal 99, active', () => {
    const result = checkOutcomeTypeInput({ key: 'purchased', name: 'Purchased' }, OUTCOME_TYPES_API_RULES);
    expect(result.ok && result.value).to.deep.include({ classification: 'neutral', category: 'response', ordinal: 99, status: 'active', description: '' });
  });

  it('rejects a negative ordinal and values outside the enums', () => {
    expect(issues(checkOutcomeTypeInput({ key: 'a', name: 'A', ordinal: -1 }, OUTCOME_TYPES_API_RULES))).to.deep.equal([{ field: 'ordinal', code: 'tooSmall' }]);
    expect(issues(checkOutcomeTypeInput({ key: 'a', name: 'A', ordinal: 1.5 }, OUTCOME_TYPES_API_RULES))).to.deep.equal([{ field: 'ordinal', code: 'invalid' }]);
    expect(issues(checkOutcomeTypeInput({ key: 'a', name: 'A', classification: 'great' }, OUTCOME_TYPES_API_RULES))).to.deep.equal([{ field: 'classification', code: 'invalid' }]);
  });

  it('locks key, classification, category and status on system types, and lets name, description and ordinal change', () => {
    for (const changes of [{ key: 'clicked' }, { classification: 'negative' }, { category: 'impression' }, { status: 'paused' }]) {
      const field = Object.keys(changes)[0];
      expect(issues(checkOutcomeTypeInput(changes, OUTCOME_TYPES_API_RULES, systemClick)), field).to.deep.equal([{ field, code: 'locked' }]);
    }
    const allowed = checkOutcomeTypeInput({ name: 'Clicked', description: 'Opened the link', ordinal: 4 }, OUTCOME_TYPES_API_RULES, systemClick);
    expect(allowed.ok && allowed.value).to.deep.equal({ name: 'Clicked', description: 'Opened the link', ordinal: 4 });
  });

  it('lets an update resend a locked field unchanged, and sends only what changes', () => {
    const result = checkOutcomeTypeInput({ key: 'click', name: 'Clicked' }, OUTCOME_TYPES_API_RULES, systemClick);
    expect(result.ok && result.value).to.deep.equal({ name: 'Clicked' });
  });

  it('lets custom types change every field', () => {
    const result = checkOutcomeTypeInput({ key: 'bought', classification: 'positive', status: 'archived' }, OUTCOME_TYPES_API_RULES, custom);
    expect(result.ok && result.value).to.deep.equal({ key: 'bought', classification: 'positive', status: 'archived' });
  });
});

describe('checkOutcomeTypeInput — Sailor rules', () => {
  const base = { name: 'Interested', kind: 'disposition', destination: { type: 'none' } };

  it('limits outcome_name to 1–120 characters', () => {
    expect(issues(checkOutcomeTypeInput({ ...base, name: 'x'.repeat(121) }, SAILOR_RULES))).to.deep.equal([{ field: 'name', code: 'tooLong' }]);
    expect(checkOutcomeTypeInput({ ...base, name: 'x'.repeat(120) }, SAILOR_RULES).ok).to.be.true;
    expect(issues(checkOutcomeTypeInput({ ...base, name: '' }, SAILOR_RULES))).to.deep.equal([{ field: 'name', code: 'required' }]);
  });

  it('requires webhook_url for action outcomes, on create and when an update turns one into an action', () => {
    expect(issues(checkOutcomeTypeInput({ ...base, kind: 'action' }, SAILOR_RULES))).to.deep.equal([{ field: 'webhookUrl', code: 'required' }]);
    expect(checkOutcomeTypeInput({ ...base, kind: 'action', webhookUrl: 'https://example.com/hook' }, SAILOR_RULES).ok).to.be.true;
    const disposition = OutcomeTypeSchema.parse({ id: 's1', key: 's1', name: 'N', kind: 'disposition' });
    expect(issues(checkOutcomeTypeInput({ kind: 'action' }, SAILOR_RULES, disposition))).to.deep.equal([{ field: 'webhookUrl', code: 'required' }]);
  });

  it('accepts only http and https webhook URLs', () => {
    const result = checkOutcomeTypeInput({ ...base, kind: 'action', webhookUrl: 'javascript:alert(1)' }, SAILOR_RULES);
    expect(issues(result)[0]).to.deep.equal({ field: 'webhookUrl', code: 'invalid' });
  });

  it('rejects a smart_list destination without a list id, and a removal that names both all and lists', () => {
    expect(issues(checkOutcomeTypeInput({ ...base, destination: { type: 'smart_list' } }, SAILOR_RULES))[0]?.field).to.equal('destination');
    const both = { type: 'remove_from_smart_list', all: true, listIds: ['l1'] };
    expect(issues(checkOutcomeTypeInput({ ...base, destination: both }, SAILOR_RULES))[0]?.field).to.equal('destination');
  });

  it('does not send fields Sailor does not have', () => {
    const result = checkOutcomeTypeInput({ ...base, key: 'k', description: 'd', classification: 'positive' }, SAILOR_RULES);
    expect(result.ok && Object.keys(result.value).sort()).to.deep.equal(['destination', 'kind', 'name', 'ordinal']);
  });
});

describe('checkOutcomeTypeInput — Close and task-result rules', () => {
  it('Close: name required, type custom or vm-dropped, applies_to never written', () => {
    expect(issues(checkOutcomeTypeInput({ description: 'x' }, CLOSE_RULES))).to.deep.equal([{ field: 'name', code: 'required' }]);
    expect(checkOutcomeTypeInput({ name: 'Voicemail', autoAppliedOn: 'voicemail-drop' }, CLOSE_RULES).ok).to.be.true;
    expect(issues(checkOutcomeTypeInput({ name: 'N', appliesTo: ['calls'] }, CLOSE_RULES))).to.deep.equal([{ field: 'appliesTo', code: 'readOnly' }]);
  });

  it('task results: nothing is writable', () => {
    const existing = OutcomeTypeSchema.parse({ id: 'RESCHEDULE', key: 'RESCHEDULE', name: 'Reprogramar visita' });
    expect(issues(checkOutcomeTypeInput({ name: 'Other' }, TASK_RESULT_RULES, existing))).to.deep.equal([{ field: 'name', code: 'readOnly' }]);
  });

  it('memory: the whole canonical model is editable', () => {
    expect(Object.keys(MEMORY_RULES.fields)).to.include.members(['key', 'name', 'kind', 'requiresFutureScheduledAt', 'destination', 'webhookUrl']);
  });
});

describe('issue wording', () => {
  it('says in English what is wrong, keyed by canonical field', () => {
    const result = checkOutcomeTypeInput({ key: '', name: 'x'.repeat(300) }, OUTCOME_TYPES_API_RULES);
    expect(result.ok).to.be.false;
    if (result.ok) return;
    expect(issuesToFieldErrors(result.issues)).to.deep.equal({ key: 'is required', name: 'must be at most 255 characters' });
    expect(describeFieldIssue({ field: 'webhookUrl', code: 'required', because: 'action' })).to.equal('is required for action outcomes');
  });
});

describe('clearing a field in an update', () => {
  const action = OutcomeTypeSchema.parse({ id: 's1', key: 's1', name: 'Call me', kind: 'disposition', webhookUrl: 'https://example.com/hook' });

  it('sends an optional field given as undefined as cleared', () => {
    const result = checkOutcomeTypeInput({ webhookUrl: undefined }, SAILOR_RULES, action);
    expect(result.ok).to.be.true;
    expect(result.ok && 'webhookUrl' in result.value && result.value.webhookUrl === undefined).to.be.true;
  });

  it('refuses to clear a required field, and a field a cross-field rule needs', () => {
    expect(issues(checkOutcomeTypeInput({ name: undefined }, SAILOR_RULES, action))).to.deep.equal([{ field: 'name', code: 'required' }]);
    const actionType = OutcomeTypeSchema.parse({ ...action, kind: 'action' });
    expect(issues(checkOutcomeTypeInput({ webhookUrl: undefined }, SAILOR_RULES, actionType))).to.deep.equal([{ field: 'webhookUrl', code: 'required' }]);
  });

  it('does not let undefined override a create’s defaults', () => {
    const result = checkOutcomeTypeInput({ key: 'k', name: 'N', classification: undefined }, OUTCOME_TYPES_API_RULES);
    expect(result.ok && result.value.classification).to.equal('neutral');
  });
});
