import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../../src/define.js';
import { MemoryAdapter } from '../../../src/adapters/memory-adapter.js';
import type { OutcomePicker } from '../../../src/components/outcome-picker/outcome-picker.js';
import { OutcomeStore } from '../../../src/controllers/outcome-store.js';
import { CALL_CENTRE_OUTCOMES } from '../../helpers/sample-outcomes.js';

// What a host or a restored draft may hand the picker: a bad value is a state with a message,
// never an exception from rendering, validity or FormData (issue 13, item 9).
describe('<outcome-picker> with bad values', () => {
  const adapter = new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES, id: 'memory:bad-values' });

  async function form(): Promise<{ form: HTMLFormElement; picker: OutcomePicker }> {
    await OutcomeStore.for(adapter).load();
    const element = await fixture<HTMLFormElement>(html`<form><outcome-picker aria-label="Outcome" name="outcome" .adapter=${adapter}></outcome-picker></form>`);
    const picker = element.querySelector('outcome-picker')!;
    await picker.updateComplete;
    return { form: element, picker };
  }

  it('shows the choices and says badInput for a follow-up date that is not an instant', async () => {
    const { form: owner, picker } = await form();
    for (const bad of ['2026-13-01T10:00:00Z', '2027-01-01T10:60:00Z', '2027-01-01T10:00:00+25:00', 'tomorrow']) {
      picker.value = 'callback';
      picker.scheduledAt = bad;
      await picker.updateComplete;
      expect(picker.shadowRoot!.querySelectorAll('[role="radio"]').length, bad).to.be.greaterThan(0);
      expect(picker.checkValidity(), bad).to.be.false;
      expect(picker.validity.badInput, bad).to.be.true;
      expect(picker.validationMessage, bad).to.not.equal('');
      const data = new FormData(owner);
      expect(data.get('outcome'), bad).to.equal('callback');
      expect(data.get('outcome-scheduled-at'), bad).to.equal(null);
    }
  });

  it('never throws, whatever strings value, scheduled-at and time-zone get (property test)', async () => {
    const { form: owner, picker } = await form();
    const keys = CALL_CENTRE_OUTCOMES.map((outcome) => outcome.key);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...keys), fc.string()),
        fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), fc.constant('2026-13-01T10:00:00Z')),
        fc.oneof(fc.string(), fc.constantFrom('Europe/Madrid', 'America/Chicago', 'Mars/Olympus')),
        async (value, scheduledAt, timeZone) => {
          picker.value = value;
          picker.scheduledAt = scheduledAt;
          picker.timeZone = timeZone;
          await picker.updateComplete;
          picker.checkValidity();
          void picker.validationMessage;
          new FormData(owner);
        },
      ),
      { numRuns: 150 },
    );
  });
});
