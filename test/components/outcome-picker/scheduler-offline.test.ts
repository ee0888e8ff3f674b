import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { OutcomePicker } from '../../../src/components/outcome-picker/outcome-picker.js';
import { FRESH, freshLibrary, refusedRequests, until, whileUnavailable } from '../../helpers/fresh-source.js';
import { CALL_CENTRE_OUTCOMES } from '../../helpers/sample-outcomes.js';

const SCHEDULER = `${FRESH}/src/components/outcome-picker/scheduler/scheduler.ts`;
const { MemoryAdapter } = await freshLibrary();
const $ = <T extends HTMLElement = HTMLElement>(el: OutcomePicker, selector: string) => el.shadowRoot!.querySelector<T>(selector);

async function choose(picker: OutcomePicker, key: string): Promise<void> {
  const position = picker.shownOutcomes.findIndex((outcome) => outcome.key === key);
  picker.shadowRoot!.querySelector<HTMLElement>(`#choice-${position}`)!.click();
  await picker.updateComplete;
}

describe('<outcome-picker> when the scheduler’s code cannot be fetched', () => {
  it('says so with a Retry that fetches it again; a date set by a host or a draft still counts and is submitted', async () => {
    let form!: HTMLFormElement;
    let picker!: OutcomePicker;
    await whileUnavailable(SCHEDULER, async () => {
      form = await fixture<HTMLFormElement>(html`<form lang="en"><outcome-picker aria-label="Outcome" name="o" time-zone="Europe/Madrid" reserve-space .adapter=${new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES })}></outcome-picker></form>`);
      picker = form.querySelector('outcome-picker')!;
      await until(() => $(picker, '[role="radio"]'), 'the choices');
      // The list offers a follow-up outcome: the scheduler is fetched (and fails); its space is kept.
      await until(() => $(picker, '[part="scheduled-at"] button'), 'the retry, kept unseen');
      expect($(picker, '[part="scheduled-at"]')!.hasAttribute('inert')).to.equal(true);
      expect($(picker, '[part="scheduled-at"] [role="alert"]')!.textContent).to.equal('');

      await choose(picker, 'callback');
      const box = $(picker, '[part="scheduled-at"]')!;
      expect(box.hasAttribute('inert'), 'shown').to.equal(false);
      expect(box.querySelector('[role="alert"]')!.textContent).to.equal('The follow-up scheduler could not be loaded. Check the connection and retry.');
      expect(!!$(picker, '[part~="quick-time"]')).to.equal(false);
      expect(picker.validity.valueMissing, 'no date yet').to.equal(true);
      await expect(picker).to.be.accessible();

      // A date a host (or a restored draft) set is checked and submitted without the scheduler.
      picker.scheduledAt = '2030-03-15T13:30:00.000Z';
      await picker.updateComplete;
      expect(picker.validity.valid).to.equal(true);
      expect(new FormData(form).get('o-scheduled-at')).to.equal('2030-03-15T13:30:00.000Z');
      picker.scheduledAt = '2020-01-01T00:00:00Z';
      await picker.updateComplete;
      expect(picker.validity.rangeUnderflow, 'a past date').to.equal(true);
      picker.scheduledAt = '2030-03-15T13:30:00.000Z';
      await picker.updateComplete;

      // The popup's digit path: focus goes to the Retry.
      expect(await picker.focusScheduler()).to.equal(true);
      expect(picker.shadowRoot!.activeElement?.textContent).to.equal('Retry');
      // Retried while still offline: fetched once more, said again.
      await sendKeys({ press: 'Enter' });
      await until(() => $(picker, '[part="scheduled-at"] [role="alert"]')?.textContent, 'the message again');
      // When the list came, when the agent chose the follow-up outcome, and for the Retry: never
      // per render. (Lifts the refusal.)
      expect(await refusedRequests(SCHEDULER), 'requests for the scheduler while offline').to.equal(3);
    });

    // Back online: Retry brings the scheduler, with the date kept and shown in the locale's pattern.
    $(picker, '[part="scheduled-at"] button')!.click();
    await until(() => $(picker, '[part~="quick-time"]'), 'the scheduler');
    await picker.updateComplete;
    expect($<HTMLInputElement>(picker, '[part~="date-field"]')!.value).to.equal('03/15/2030 2:30 PM');
    expect(new FormData(form).get('o-scheduled-at')).to.equal('2030-03-15T13:30:00.000Z');
  });
});
