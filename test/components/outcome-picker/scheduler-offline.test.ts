import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { OutcomePicker } from '../../../src/components/outcome-picker/outcome-picker.js';
import { CALL_CENTRE_OUTCOMES } from '../../helpers/sample-outcomes.js';

// The source through a prefix of this page's own (see FRESH_COPY in web-test-runner.config.mjs):
// Chromium would otherwise hand this page the scheduler an earlier page fetched, without a request.
const FRESH = `/fresh-${crypto.randomUUID()}`;
const SCHEDULER = `${FRESH}/src/components/outcome-picker/scheduler/scheduler.ts`;
await import(/* @vite-ignore */ `${FRESH}/src/define.ts`);
const { MemoryAdapter } = (await import(/* @vite-ignore */ `${FRESH}/src/adapters/index.ts`)) as typeof import('../../../src/adapters/index.js');
const $ = <T extends HTMLElement = HTMLElement>(el: OutcomePicker, selector: string) => el.shadowRoot!.querySelector<T>(selector);

async function until(condition: () => unknown, what: string, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function choose(picker: OutcomePicker, key: string): Promise<void> {
  const position = picker.shownOutcomes.findIndex((outcome) => outcome.key === key);
  picker.shadowRoot!.querySelector<HTMLElement>(`#choice-${position}`)!.click();
  await picker.updateComplete;
}

describe('<outcome-picker> when the scheduler’s code cannot be fetched', () => {
  it('offers the native date-time field, so a follow-up can still be entered, and fetches the scheduler again on the next choice', async () => {
    await executeServerCommand('make-unavailable', { path: SCHEDULER, unavailable: true });
    try {
      await offline();
    } finally {
      // Other test files (pages) share the dev server.
      await executeServerCommand('make-unavailable', { path: SCHEDULER, unavailable: false });
    }
  });
});

async function offline(): Promise<void> {
  const form = await fixture<HTMLFormElement>(html`<form lang="en"><outcome-picker aria-label="Outcome" name="o" time-zone="Europe/Madrid" .adapter=${new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES })}></outcome-picker></form>`);
  const picker = form.querySelector('outcome-picker')!;
  await until(() => $(picker, '[role="radio"]'), 'the choices');
  // The list offers a follow-up outcome: the scheduler is fetched (and fails); its space is kept.
  await until(() => $(picker, 'input[type="datetime-local"]'), 'the native field, kept unseen');
  expect($(picker, '[part="scheduled-at"]')!.hasAttribute('inert')).to.equal(true);

  await choose(picker, 'callback');
  const native = $<HTMLInputElement>(picker, 'input[type="datetime-local"]')!;
  expect(!!native, 'the native field').to.equal(true);
  expect($(picker, '[part="scheduled-at"]')!.hasAttribute('inert'), 'shown').to.equal(false);
  expect(!!$(picker, '[part~="quick-time"]')).to.equal(false);
  expect(picker.validity.valueMissing).to.equal(true);

  native.focus();
  native.value = '2030-03-15T14:30';
  native.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await picker.updateComplete;
  expect(picker.validity.valid).to.equal(true);
  expect(new FormData(form).get('o-scheduled-at')).to.equal('2030-03-15T13:30:00.000Z');
  await expect(picker).to.be.accessible();

  // Once when the list came, once when the agent chose the follow-up outcome: not per render.
  const refused: unknown = await executeServerCommand('make-unavailable', { path: SCHEDULER, unavailable: false });
  expect(refused, 'requests for the scheduler while offline').to.equal(2);

  // Back online: choosing a follow-up outcome again brings the scheduler, with the date kept.
  await choose(picker, 'sale');
  await choose(picker, 'callback');
  picker.scheduledAt = '2030-03-15T13:30:00.000Z';
  await picker.updateComplete;
  expect(!!$(picker, '[part~="quick-time"]'), 'the scheduler').to.equal(true);
  expect($<HTMLInputElement>(picker, '[part~="date-field"]')!.value).to.equal('03/15/2030 2:30 PM');
}
