import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import fc from 'fast-check';
import type { TemplateResult } from 'lit';
import '../../../src/define.js';
import { MemoryAdapter } from '../../../src/adapters/memory/memory-adapter.js';
import type { OutcomePicker } from '../../../src/components/outcome-picker/outcome-picker.js';
import type { QuickTime } from '../../../src/model/quick-times.js';
import { instantToLocalDateTime, localDateTimeToInstant } from '../../../src/model/zoned-time.js';
import { CALL_CENTRE_OUTCOMES } from '../../helpers/sample-outcomes.js';

const MINUTE = 60_000;
const adapter = () => new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES });

const $ = <T extends HTMLElement = HTMLElement>(picker: OutcomePicker, selector: string) =>
  picker.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends HTMLElement = HTMLElement>(picker: OutcomePicker, selector: string) => [
  ...picker.shadowRoot!.querySelectorAll<T>(selector),
];
const dateField = (picker: OutcomePicker) => $<HTMLInputElement>(picker, '[part~="date-field"]')!;
const quickTimes = (picker: OutcomePicker) => $$<HTMLButtonElement>(picker, '[part~="quick-time"]');
const deepActive = (): Element | null => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

async function until(condition: () => unknown, what: string, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A form with a picker; resolves once the choices are shown and the scheduler's code is here. */
async function mount(template: TemplateResult): Promise<{ form: HTMLFormElement; picker: OutcomePicker }> {
  const root = await fixture<HTMLElement>(template);
  const picker = root.querySelector('outcome-picker')!;
  await until(() => picker.shadowRoot?.querySelector('[role="radio"]'), 'the choices');
  // The scheduler shows when a follow-up outcome is chosen, or (unseen) with reserve-space.
  if (picker.reserveSpace || picker.selectedOutcome?.requiresFutureScheduledAt) {
    await until(() => picker.shadowRoot!.querySelector('[part="scheduled-at"].scheduler'), 'the scheduler');
  }
  await picker.updateComplete;
  return { form: root.querySelector('form') ?? (root as HTMLFormElement), picker };
}

/** Chooses "Call back" (the second row) by keyboard, and waits for its scheduler. */
async function chooseCallBackByKeyboard(picker: OutcomePicker): Promise<void> {
  picker.focus();
  await sendKeys({ press: 'Home' });
  await sendKeys({ press: 'ArrowDown' });
  await picker.updateComplete;
  expect(picker.value).to.equal('callback');
}

function countEvents(target: EventTarget, ...types: string[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(types.map((type) => [type, 0]));
  for (const type of types) target.addEventListener(type, () => counts[type]!++);
  return counts;
}

function instant(local: string, zone: string): string {
  const result = localDateTimeToInstant(local, zone);
  if (!result.ok) throw new Error(`${local} in ${zone}: ${result.reason}`);
  return result.instant;
}

/** Only the date field, and nothing else in the picker, says it is invalid. */
function expectOnlyDateFieldMarked(picker: OutcomePicker): void {
  const marked = $$(picker, '[aria-invalid="true"]');
  expect(marked.map((element) => element.getAttribute('part') ?? element.id)).to.deep.equal(['date-field']);
  const list = $(picker, '[part~="list"]')!;
  const field = dateField(picker);
  expect(getComputedStyle(list).borderTopColor, 'the list is not marked').not.to.equal(getComputedStyle(field).borderTopColor);
  expect($(picker, '#scheduled-at-error')!.textContent).to.equal(picker.validationMessage);
}

describe('<outcome-picker> follow-up scheduler', () => {
  afterEach(() => executeServerCommand('emulate-timezone', { timeZone: 'UTC' }));

  describe('quick choices', () => {
    it('by keyboard: focus moves to the first, arrows move, Enter sets the time (not submitting), Enter again submits', async () => {
      const { form, picker } = await mount(html`<form lang="en"><outcome-picker aria-label="Outcome" name="o" time-zone="Europe/Madrid" .adapter=${adapter()}></outcome-picker></form>`);
      const submitted = countEvents(form, 'submit');
      form.addEventListener('submit', (event) => event.preventDefault());
      await chooseCallBackByKeyboard(picker);
      const events = countEvents(picker, 'input', 'change');

      expect(await picker.focusScheduler()).to.equal(true);
      const labels = quickTimes(picker).map((button) => button.textContent!.trim());
      expect(labels.slice(0, 3)).to.deep.equal(['In 1 hour', 'In 2 hours', 'Tomorrow 9:00 AM']);
      expect(deepActive()).to.equal(quickTimes(picker)[0]);
      // One tab stop: the row is a toolbar with a roving tabindex.
      expect(quickTimes(picker).map((button) => button.tabIndex)).to.deep.equal(labels.map((_, at) => (at === 0 ? 0 : -1)));

      const before = Date.now();
      await sendKeys({ press: 'Enter' });
      await picker.updateComplete;
      const after = Date.now();
      const set = Date.parse(picker.scheduledAt);
      expect(set).to.be.within(Math.ceil((before + 3_600_000) / MINUTE) * MINUTE, Math.ceil((after + 3_600_000) / MINUTE) * MINUTE);
      expect(submitted.submit, 'Enter on a quick choice sets the time only').to.equal(0);
      expect(quickTimes(picker)[0]!.getAttribute('aria-pressed')).to.equal('true');
      expect(events).to.deep.equal({ input: 1, change: 1 });
      expect(picker.validity.valid).to.equal(true);
      expect(new FormData(form).get('o-scheduled-at')).to.equal(new Date(set).toISOString());

      // Arrows move without setting; Enter sets the focused one.
      await sendKeys({ press: 'ArrowRight' });
      expect(deepActive()).to.equal(quickTimes(picker)[1]);
      expect(picker.scheduledAt).to.equal(new Date(set).toISOString());
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Enter' });
      await picker.updateComplete;
      const tomorrow = instantToLocalDateTime(Date.now() + 86_400_000, 'Europe/Madrid').slice(0, 10);
      expect(picker.scheduledAt).to.equal(instant(`${tomorrow}T09:00`, 'Europe/Madrid'));
      expect(events).to.deep.equal({ input: 2, change: 2 });
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      expect(deepActive(), 'wraps around').to.equal(quickTimes(picker).at(-1));
      await sendKeys({ press: 'Home' });
      expect(deepActive()).to.equal(quickTimes(picker)[0]);

      // Enter on the choice that set the time submits, as Enter does in the list.
      await sendKeys({ press: 'Enter' });
      await picker.updateComplete;
      expect(submitted.submit).to.equal(0);
      await sendKeys({ press: 'Enter' });
      expect(submitted.submit).to.equal(1);
    });

    it('in right-to-left text, Left moves forward', async () => {
      const { picker } = await mount(html`<div dir="rtl" lang="en"><outcome-picker aria-label="Outcome" value="callback" .adapter=${adapter()}></outcome-picker></div>`);
      await picker.focusScheduler();
      await sendKeys({ press: 'ArrowLeft' });
      expect(deepActive()).to.equal(quickTimes(picker)[1]);
      await sendKeys({ press: 'ArrowRight' });
      expect(deepActive()).to.equal(quickTimes(picker)[0]);
    });

    it('are configurable, computed in the customer’s zone, and leave out those outside the callable hours or beyond the last day', async () => {
      const zone = 'America/Chicago';
      const quick: QuickTime[] = [
        { label: 'Tonight 22:30', compute: (now) => Date.parse(instant(`${instantToLocalDateTime(now.getTime(), zone).slice(0, 10)}T22:30`, zone)) + 86_400_000 },
        { at: '10:00', days: 1 },
        { at: '10:00', days: 5 },
        { label: 'Broken', compute: () => { throw new Error('no'); } },
        { after: { minutes: 90 } },
      ];
      const { picker } = await mount(html`<div lang="en"><outcome-picker aria-label="Outcome" value="callback" customer-time-zone=${zone} callable-hours="00:00-24:00" max-days-ahead="3" .quickTimes=${quick} .adapter=${adapter()}></outcome-picker></div>`);
      expect(quickTimes(picker).map((button) => button.textContent!.trim())).to.deep.equal(['Tonight 22:30', 'Tomorrow 10:00 AM', 'In 90 minutes']);
      picker.callableHours = '08:00-21:00';
      await picker.updateComplete;
      const labels = quickTimes(picker).map((button) => button.textContent!.trim());
      expect(labels).to.include('Tomorrow 10:00 AM');
      expect(labels).not.to.include('Tonight 22:30');
      quickTimes(picker).find((button) => button.textContent!.includes('Tomorrow'))!.click();
      await picker.updateComplete;
      const tomorrow = instantToLocalDateTime(Date.now() + 86_400_000, zone).slice(0, 10);
      expect(picker.scheduledAt).to.equal(instant(`${tomorrow}T10:00`, zone));
      picker.maxDaysAhead = 0;
      await picker.updateComplete;
      expect(quickTimes(picker).map((button) => button.textContent!.trim())).not.to.include('Tomorrow 10:00 AM');
    });
  });

  describe('typed date and time', () => {
    it('in American English: mm/dd/yyyy on a 12-hour clock; Enter submits when good, says what is wrong otherwise', async () => {
      const { form, picker } = await mount(html`<form lang="en-US"><outcome-picker aria-label="Outcome" name="o" value="callback" time-zone="America/New_York" .adapter=${adapter()}></outcome-picker></form>`);
      const submitted = countEvents(form, 'submit');
      form.addEventListener('submit', (event) => event.preventDefault());
      const field = dateField(picker);
      expect(field.placeholder).to.equal('mm/dd/yyyy hh:mm am');
      const events = countEvents(picker, 'input', 'change');
      field.focus();
      await sendKeys({ type: '3/15/2030 2:30' });
      await picker.updateComplete;
      expect(events.input).to.equal('3/15/2030 2:30'.length);
      expect(picker.validity.badInput).to.equal(true);
      // Typing is not yet an error: it shows at Enter.
      expect(field.getAttribute('aria-invalid')).to.equal('false');
      await sendKeys({ press: 'Enter' });
      await picker.updateComplete;
      expect(submitted.submit).to.equal(0);
      expect(picker.validationMessage).to.equal('Add AM or PM to the time.');
      expectOnlyDateFieldMarked(picker);
      expect(events.change).to.equal(1);

      await sendKeys({ type: 'p' });
      await picker.updateComplete;
      expect(picker.validity.valid).to.equal(true);
      expect(field.getAttribute('aria-invalid'), 'a fixed error goes at once').to.equal('false');
      expect(picker.scheduledAt).to.equal('2030-03-15T18:30:00.000Z');
      await sendKeys({ press: 'Enter' });
      expect(submitted.submit).to.equal(1);
      expect(new FormData(form).get('o-scheduled-at')).to.equal('2030-03-15T18:30:00.000Z');
      expect(events.change).to.equal(2);
      // What was typed stays as typed.
      expect(field.value).to.equal('3/15/2030 2:30p');

      field.select();
      await sendKeys({ type: '31/12/2030 9:00 am' });
      await sendKeys({ press: 'Enter' });
      await picker.updateComplete;
      expect(picker.validationMessage).to.equal('Enter the date and time as mm/dd/yyyy hh:mm am.');
      expect(submitted.submit).to.equal(1);
    });

    it('in Spanish: dd/mm/aaaa on a 24-hour clock, with any separator; a value set otherwise shows in that pattern', async () => {
      const { picker } = await mount(html`<div lang="es"><outcome-picker aria-label="Resultado" value="callback" time-zone="Europe/Madrid" .adapter=${adapter()}></outcome-picker></div>`);
      const field = dateField(picker);
      expect(field.placeholder).to.equal('dd/mm/aaaa hh:mm');
      for (const text of ['15/03/2030 14:30', '15-3-2030 14.30', '15.3.2030 1430', '15 3 30 14 30']) {
        field.select();
        await sendKeys({ type: text });
        await picker.updateComplete;
        expect(picker.scheduledAt, text).to.equal('2030-03-15T13:30:00.000Z');
      }
      field.select();
      await sendKeys({ type: '15/03/2030' });
      await sendKeys({ press: 'Enter' });
      await picker.updateComplete;
      expect(picker.validationMessage).to.equal('Añada la hora tras la fecha: dd/mm/aaaa hh:mm.');
      expectOnlyDateFieldMarked(picker);

      picker.scheduledAt = '2030-07-01T07:05:00.000Z';
      await picker.updateComplete;
      expect(field.value).to.equal('01/07/2030 09:05');
      expect($(picker, '[part~="zones"]')!.textContent).to.contain('9:05');
    });

    for (const [lang, typed, local] of [
      ['en', '3/15 2:30p', '03-15T14:30'],
      ['es', '15/3 14:30', '03-15T14:30'],
    ] as const) {
      it(`takes a short typed time in ${lang}: from the first quick choice, Tab, ${typed.length} characters and Enter`, async () => {
        const { form, picker } = await mount(html`<form lang=${lang}><outcome-picker aria-label="Outcome" name="o" value="callback" time-zone="Europe/Madrid" .adapter=${adapter()}></outcome-picker></form>`);
        const submitted = countEvents(form, 'submit');
        form.addEventListener('submit', (event) => event.preventDefault());
        await picker.focusScheduler();
        await sendKeys({ press: 'Tab' });
        expect(deepActive()).to.equal(dateField(picker));
        await sendKeys({ type: typed });
        await sendKeys({ press: 'Enter' });
        expect(submitted.submit).to.equal(1);
        // No year: the next 15 March.
        const today = instantToLocalDateTime(Date.now(), 'Europe/Madrid').slice(0, 10);
        const year = Number(today.slice(0, 4)) + (today.slice(5) > '03-15' ? 1 : 0);
        expect(new FormData(form).get('o-scheduled-at')).to.equal(instant(`${year}-${local}`, 'Europe/Madrid'));
      });
    }

    it('follows the whole lang: en-GB is day-first on a 24-hour clock, in English words', async () => {
      const { picker } = await mount(html`<div lang="en-GB"><outcome-picker aria-label="Outcome" value="callback" time-zone="Europe/London" .adapter=${adapter()}></outcome-picker></div>`);
      expect(dateField(picker).placeholder).to.equal('dd/mm/yyyy hh:mm');
      expect(quickTimes(picker).map((button) => button.textContent!.trim())).to.include('Tomorrow 09:00');
      dateField(picker).focus();
      await sendKeys({ type: '15/3/2030 14:30' });
      await picker.updateComplete;
      expect(picker.scheduledAt).to.equal('2030-03-15T14:30:00.000Z');
    });

    it('keeps the native calendar one button away', async () => {
      const { picker } = await mount(html`<div lang="en"><outcome-picker aria-label="Outcome" value="callback" time-zone="Europe/Madrid" .adapter=${adapter()}></outcome-picker></div>`);
      const calendar = $<HTMLInputElement>(picker, 'input[type="datetime-local"]')!;
      let opened = 0;
      calendar.showPicker = () => void opened++;
      $(picker, '[part~="calendar-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(opened).to.equal(1);
      const events = countEvents(picker, 'input', 'change');
      calendar.value = '2030-03-15T14:30';
      calendar.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      calendar.dispatchEvent(new Event('change', { bubbles: true }));
      await picker.updateComplete;
      expect(picker.scheduledAt).to.equal('2030-03-15T13:30:00.000Z');
      expect(dateField(picker).value).to.equal('03/15/2030 2:30 PM');
      expect(events).to.deep.equal({ input: 1, change: 1 });
    });
  });

  describe('customer time zone', () => {
    it('shows the time in both zones, right on each side of the days the clocks change in Chicago and in Madrid', async () => {
      // The agent is in Madrid (the browser's zone); the customer in Chicago. In 2030 Chicago moves
      // to daylight time on 10 March, Madrid on 31 March: in between, they are 6 hours apart, not 7.
      await executeServerCommand('emulate-timezone', { timeZone: 'Europe/Madrid' });
      const { picker } = await mount(html`<div lang="en"><outcome-picker aria-label="Outcome" value="callback" customer-time-zone="America/Chicago" .adapter=${adapter()}></outcome-picker></div>`);
      expect(picker.effectiveTimeZone).to.equal('Europe/Madrid');
      expect(picker.followUpTimeZone).to.equal('America/Chicago');
      const zones = () => $(picker, '[part~="zones"]')!.textContent!.replace(/\s+/g, ' ').trim();
      expect(zones()).to.match(/^Times are the customer's: America\/Chicago \(GMT−[56]\)$/);
      const field = dateField(picker);
      const cases: [string, string, RegExp][] = [
        ['3/8/2030 9:00 am', '2030-03-08T15:00:00.000Z', /^Fri, Mar 8,(?: 2030,)? 9:00\sAM for the customer \(America\/Chicago\) · 4:00\sPM your time$/],
        ['3/12/2030 9:00 am', '2030-03-12T14:00:00.000Z', /^Tue, Mar 12,(?: 2030,)? 9:00\sAM for the customer \(America\/Chicago\) · 3:00\sPM your time$/],
        ['4/2/2030 9:00 am', '2030-04-02T14:00:00.000Z', /^Tue, Apr 2,(?: 2030,)? 9:00\sAM for the customer \(America\/Chicago\) · 4:00\sPM your time$/],
        ['3/9/2030 8:30 pm', '2030-03-10T02:30:00.000Z', /^Sat, Mar 9,(?: 2030,)? 8:30\sPM for the customer \(America\/Chicago\) · Sun, Mar 10,(?: 2030,)? 3:30\sAM your time$/],
      ];
      for (const [typed, expected, shown] of cases) {
        field.select();
        await sendKeys({ type: typed });
        await picker.updateComplete;
        expect(picker.scheduledAt, typed).to.equal(expected);
        expect(zones(), typed).to.match(shown);
      }
      // 02:30 on 10 March does not exist in Chicago: its own message, naming the customer's zone.
      field.select();
      await sendKeys({ type: '3/10/2030 2:30 am' });
      await sendKeys({ press: 'Enter' });
      await picker.updateComplete;
      expect(picker.validity.badInput).to.equal(true);
      expect(picker.validationMessage).to.contain('does not exist in America/Chicago');
      expectOnlyDateFieldMarked(picker);
    });

    it('says so in Spanish, on a 24-hour clock', async () => {
      await executeServerCommand('emulate-timezone', { timeZone: 'Europe/Madrid' });
      const { picker } = await mount(html`<div lang="es"><outcome-picker aria-label="Resultado" value="callback" customer-time-zone="America/Chicago" .adapter=${adapter()}></outcome-picker></div>`);
      dateField(picker).focus();
      await sendKeys({ type: '12/3/2030 9:00' });
      await picker.updateComplete;
      // The year is shown when it is not this year's.
      expect($(picker, '[part~="zones"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^mar, 12 mar(?: 2030)?, 09:00 para el cliente \(America\/Chicago\) · 15:00 para usted$/);
    });
  });

  describe('rules', () => {
    it('checks the callable hours in the customer’s zone, with its own state and message', async () => {
      const { picker } = await mount(html`<div lang="en"><outcome-picker aria-label="Outcome" value="callback" customer-time-zone="America/Chicago" callable-hours="08:00-21:00" .adapter=${adapter()}></outcome-picker></div>`);
      dateField(picker).focus();
      await sendKeys({ type: '3/12/2030 10:30 pm' });
      await sendKeys({ press: 'Enter' });
      await picker.updateComplete;
      expect(picker.validity.customError).to.equal(true);
      expect(picker.validity.rangeOverflow).to.equal(false);
      expect(picker.validationMessage).to.match(/^The customer's local time would be 10:30\sPM; calls are allowed 8:00\sAM–9:00\sPM\.$/);
      expectOnlyDateFieldMarked(picker);
      await expect(picker).to.be.accessible();
      dateField(picker).select();
      await sendKeys({ type: '3/12/2030 9:00 pm' });
      await picker.updateComplete;
      expect(picker.validity.valid).to.equal(true);
    });

    it('in Spanish too', async () => {
      const { picker } = await mount(html`<div lang="es"><outcome-picker aria-label="Resultado" value="callback" customer-time-zone="America/Chicago" callable-hours="08:00-21:00" .adapter=${adapter()}></outcome-picker></div>`);
      dateField(picker).focus();
      await sendKeys({ type: '12/3/2030 22:30' });
      await sendKeys({ press: 'Enter' });
      await picker.updateComplete;
      expect(picker.validationMessage).to.equal('La hora local del cliente sería 22:30; se permite llamar en este horario: 08:00–21:00.');
      await expect(picker).to.be.accessible();
    });

    it('checks the last day with max-days-ahead (rangeOverflow), in calendar days of the customer’s zone', async () => {
      const zone = 'America/Chicago';
      const { picker } = await mount(html`<div lang="en"><outcome-picker aria-label="Outcome" value="callback" customer-time-zone=${zone} max-days-ahead="14" .adapter=${adapter()}></outcome-picker></div>`);
      const day = (days: number) => instantToLocalDateTime(Date.now() + days * 86_400_000, zone).slice(0, 10);
      picker.scheduledAt = instant(`${day(15)}T10:00`, zone);
      await picker.updateComplete;
      expect(picker.checkValidity()).to.equal(false);
      await picker.updateComplete;
      expect(picker.validity.rangeOverflow).to.equal(true);
      expect(picker.validationMessage).to.match(/^Choose a time no later than \w{3} \d{1,2}, \d{4} \(at most 14 days ahead\)\.$/);
      expectOnlyDateFieldMarked(picker);
      picker.scheduledAt = instant(`${day(14)}T23:30`, zone);
      await picker.updateComplete;
      expect(picker.validity.valid).to.equal(true);
    });

    it('makes a setting it cannot read a badInput state with a message, never a throw; good settings apply again', async () => {
      const { picker } = await mount(html`<div lang="en"><outcome-picker aria-label="Outcome" value="callback" callable-hours="office hours" .adapter=${adapter()}></outcome-picker></div>`);
      picker.scheduledAt = new Date(Date.now() + 86_400_000).toISOString();
      await picker.updateComplete;
      expect(picker.validity.badInput).to.equal(true);
      expect(picker.validationMessage).to.equal('The callable-hours setting “office hours” cannot be read, so follow-up times cannot be checked. Ask an administrator to correct it.');
      expect(quickTimes(picker).length, 'the scheduler still works').to.be.greaterThan(0);
      for (const [name, value] of [['customer-time-zone', 'Mars/Olympus'], ['max-days-ahead', 'soon']] as const) {
        picker.removeAttribute('callable-hours');
        picker.removeAttribute('customer-time-zone');
        picker.removeAttribute('max-days-ahead');
        picker.setAttribute(name, value);
        await picker.updateComplete;
        expect(picker.validity.badInput, name).to.equal(true);
        expect(picker.validationMessage, name).to.contain(`The ${name} setting “${value}” cannot be read`);
      }
      picker.checkValidity();
      await picker.updateComplete;
      // The agent cannot fix the host's setting: the message shows, no field is marked.
      expect($(picker, '#scheduled-at-error')!.textContent).to.equal(picker.validationMessage);
      expect($$(picker, '[aria-invalid="true"]')).to.have.length(0);
      await expect(picker).to.be.accessible();
      picker.setAttribute('max-days-ahead', '30');
      await picker.updateComplete;
      expect(picker.validity.valid).to.equal(true);
    });

    it('never throws whatever callable-hours, customer-time-zone and max-days-ahead a host supplies', async () => {
      const { picker } = await mount(html`<div lang="en"><outcome-picker aria-label="Outcome" value="callback" .adapter=${adapter()}></outcome-picker></div>`);
      picker.scheduledAt = new Date(Date.now() + 86_400_000).toISOString();
      const errors: unknown[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.error);
      window.addEventListener('error', onError);
      const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('08:00-21:00', '21-8', 'America/Chicago', 'UTC', '+05:30', '0', '14', '-1', '1e9'));
      try {
        await fc.assert(
          fc.asyncProperty(fc.option(text), fc.option(text), fc.option(text), async (hours, zone, days) => {
            for (const [name, value] of [['callable-hours', hours], ['customer-time-zone', zone], ['max-days-ahead', days]] as const) {
              if (value === null) picker.removeAttribute(name);
              else picker.setAttribute(name, value);
            }
            await picker.updateComplete;
            const valid = picker.checkValidity();
            const flags = ['badInput', 'customError', 'rangeOverflow', 'rangeUnderflow', 'valueMissing'] as const;
            expect(valid || flags.some((flag) => picker.validity[flag])).to.equal(true);
            expect(valid || picker.validationMessage.length > 0).to.equal(true);
            expect(picker.shadowRoot!.querySelector('[part="scheduled-at"]')).not.to.equal(null);
          }),
          { numRuns: 150 },
        );
      } finally {
        window.removeEventListener('error', onError);
      }
      expect(errors).to.deep.equal([]);
    });
  });

  describe('layout and accessibility', () => {
    for (const width of ['40rem', '20rem']) {
      it(`with reserve-space keeps its space at ${width}: nothing moves when it appears, when a time is set, or when an error shows`, async () => {
        const { picker } = await mount(html`<div lang="en" style="width: ${width}"><outcome-picker aria-label="Outcome" value="sale" customer-time-zone="America/Chicago" callable-hours="08:00-21:00" time-zone="Europe/Madrid" reserve-space .adapter=${adapter()}></outcome-picker><p id="after">After</p></div>`);
        const after = () => document.getElementById('after')!.getBoundingClientRect().top;
        const height = picker.getBoundingClientRect().height;
        const top = after();
        const scheduler = $(picker, '[part="scheduled-at"]')!;
        expect(scheduler.hasAttribute('inert')).to.equal(true);
        expect(getComputedStyle(scheduler).visibility).to.equal('hidden');

        $$(picker, '[role="radio"]')[1]!.click();
        await picker.updateComplete;
        expect($(picker, '[part="scheduled-at"]')!.hasAttribute('inert')).to.equal(false);
        expect(picker.getBoundingClientRect().height).to.equal(height);
        expect(after()).to.equal(top);

        quickTimes(picker)[0]!.click();
        await picker.updateComplete;
        expect(after(), 'a quick choice set').to.equal(top);
        picker.scheduledAt = '';
        await picker.updateComplete;
        picker.checkValidity();
        await picker.updateComplete;
        expect($(picker, '#scheduled-at-error')!.textContent).to.equal('Choose a date and time for the follow-up.');
        expect(after(), 'valueMissing').to.equal(top);
        expectOnlyDateFieldMarked(picker);
        // The longest: both zones, on different days, and the callable-hours message.
        dateField(picker).focus();
        await sendKeys({ type: '3/9/2030 10:30 pm' });
        await sendKeys({ press: 'Enter' });
        await picker.updateComplete;
        expect(picker.validity.customError).to.equal(true);
        expect(after(), 'outside the callable hours').to.equal(top);

        $$(picker, '[role="radio"]')[0]!.click();
        await picker.updateComplete;
        expect(after()).to.equal(top);
      });
    }

    it('without reserve-space takes no space until a follow-up outcome is chosen, then shows the scheduler', async () => {
      const { picker } = await mount(html`<div lang="en"><outcome-picker aria-label="Outcome" value="sale" time-zone="Europe/Madrid" .adapter=${adapter()}></outcome-picker><p id="after">After</p></div>`);
      const list = $(picker, '[part="list"]')!;
      const after = () => document.getElementById('after')!.getBoundingClientRect().top;
      expect($(picker, '[part="scheduled-at"]'), 'nothing rendered').to.equal(null);
      expect(Math.round(after() - list.getBoundingClientRect().bottom), 'no gap under the list').to.be.below(40);
      const top = after();
      $$(picker, '[role="radio"]')[1]!.click();
      await picker.updateComplete;
      expect(quickTimes(picker).length).to.be.above(0);
      expect(after(), 'the scheduler takes its space now').to.be.above(top + 60);
    });

    for (const lang of ['en', 'es']) {
      it(`is accessible in every state (${lang})`, async () => {
        const { picker } = await mount(html`<div lang=${lang}><outcome-picker aria-label="Outcome" value="sale" customer-time-zone="America/Chicago" callable-hours="08:00-21:00" .adapter=${adapter()}></outcome-picker></div>`);
        await expect(picker, 'reserved').to.be.accessible();
        $$(picker, '[role="radio"]')[1]!.click();
        await picker.updateComplete;
        await expect(picker, 'empty').to.be.accessible();
        picker.checkValidity();
        await picker.updateComplete;
        await expect(picker, 'valueMissing').to.be.accessible();
        quickTimes(picker).at(-1)!.click();
        await picker.updateComplete;
        await expect(picker, 'quick choice set').to.be.accessible();
        dateField(picker).select();
        await sendKeys({ type: '12/3/2030 2:30' });
        await sendKeys({ press: 'Enter' });
        await picker.updateComplete;
        expect(picker.validity.valid).to.equal(false);
        await expect(picker, 'typed, invalid').to.be.accessible();
        picker.disabled = true;
        await picker.updateComplete;
        await expect(picker, 'disabled').to.be.accessible();
      });
    }
  });
});
