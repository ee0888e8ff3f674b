import { expect, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { OutcomeAdapterError } from '../../../src/adapters/errors.js';
import { withRecorder } from '../../../src/adapters/with-recorder.js';
import { recentOutcomes } from '../../../src/controllers/recents.js';
import type { RecordedOutcome } from '../../../src/model/types.js';
import { clearPending } from '../../helpers/recording-backend.js';
import { FakeClock, dialog, events, focused, memory, mount, notesField, open, part, picker, spoken, tick, updatesAskedForMoreSinceMount } from './popup-fixture.js';

/** Presses keys one at a time, as an agent would, and counts them. */
function keyboard() {
  let count = 0;
  return {
    get count() {
      return count;
    },
    async press(key: string) {
      count++;
      await sendKeys({ press: key });
    },
    /** Types text: one key per character (none of those typed here needs Shift). */
    async type(text: string) {
      count += text.length;
      await sendKeys({ type: text });
    },
  };
}

/** The record announced by `outcome-recorded` (waits up to a second for it). */
async function recorded(seen: { type: string; detail: unknown }[]): Promise<RecordedOutcome> {
  for (let i = 0; i < 100 && !seen.some((event) => event.type === 'outcome-recorded'); i++) await tick(10);
  const event = seen.find((item) => item.type === 'outcome-recorded');
  expect(event, 'outcome-recorded').to.exist;
  return event!.detail as RecordedOutcome;
}

/** Waits (up to a second) until a quick choice has focus: the digit of a follow-up outcome moves it there. */
async function quickChoiceFocused(): Promise<void> {
  for (let i = 0; i < 100 && !focused()?.matches('[part~="quick-time"]'); i++) await tick(10);
}

async function ctrlEnter(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'Enter' });
  await sendKeys({ up: 'Control' });
}

describe('<disposition-popup> keyboard and validation', () => {
  // Each opening, close and edit shows in the update it caused (Lit's dev mode would warn otherwise).
  afterEach(() => expect(updatesAskedForMoreSinceMount()).to.deep.equal([]));

  beforeEach(async () => {
    sessionStorage.clear();
    localStorage.clear();
    await clearPending();
  });

  describe('keystrokes, a contract (DESIGN.md: plain 2; follow-up with a quick choice 3–4; typed ≤ 14)', () => {
    for (const lang of ['en', 'es'] as const) {
      it(`a plain outcome: digit, Enter — 2 keys from show() to outcome-recorded (${lang})`, async () => {
        const adapter = memory();
        const { popup } = await mount(html`<div lang=${lang}><disposition-popup subject-id="k1" .adapter=${adapter}></disposition-popup></div>`);
        const seen = events(popup, 'outcome-recorded');
        const keys = keyboard();
        await open(popup);
        expect(part(popup, 'hint')!.textContent).to.contain(lang === 'en' ? 'Press 1–9 to choose, Enter to record.' : 'Pulse 1–9 para elegir e Intro para registrar.');
        await keys.press('3');
        await keys.press('Enter');
        const record = await recorded(seen);
        expect(record).to.deep.include({ subjectId: 'k1', outcomeKey: 'wrong_number', source: 'agent' });
        expect(keys.count).to.equal(2);
        expect(adapter.listRecords()).to.have.length(1);
      });

      it(`a follow-up: digit, Enter (first quick choice), Enter — 3 keys (${lang})`, async () => {
        const adapter = memory();
        const { popup } = await mount(html`<div lang=${lang}><disposition-popup subject-id="k2" .adapter=${adapter}></disposition-popup></div>`);
        const seen = events(popup, 'outcome-recorded');
        const keys = keyboard();
        await open(popup);
        const before = Date.now();
        await keys.press('2');
        // The digit chose "Call back" and moved on to the first quick choice ("In 1 hour").
        await quickChoiceFocused();
        expect(focused()?.matches('[part~="quick-time"]'), 'focus on the first quick choice').to.be.true;
        await keys.press('Enter');
        await keys.press('Enter');
        const record = await recorded(seen);
        expect(record).to.deep.include({ outcomeKey: 'callback', source: 'agent' });
        const inOneHour = Date.parse(record.scheduledAt!) - before;
        expect(inOneHour).to.be.within(59 * 60_000, 62 * 60_000);
        expect(keys.count).to.equal(3);
      });

      it(`a follow-up with another quick choice: digit, →, Enter, Enter — 4 keys (${lang})`, async () => {
        const adapter = memory();
        const { popup } = await mount(html`<div lang=${lang}><disposition-popup subject-id="k3" .adapter=${adapter}></disposition-popup></div>`);
        const seen = events(popup, 'outcome-recorded');
        const keys = keyboard();
        await open(popup);
        const before = Date.now();
        await keys.press('2');
        await quickChoiceFocused();
        await keys.press('ArrowRight');
        expect(focused()?.textContent, 'the second quick choice').to.equal(lang === 'en' ? 'In 2 hours' : 'Dentro de 2 horas');
        await keys.press('Enter');
        await keys.press('Enter');
        const record = await recorded(seen);
        expect(record).to.deep.include({ outcomeKey: 'callback', source: 'agent' });
        expect(Date.parse(record.scheduledAt!) - before).to.be.within(119 * 60_000, 122 * 60_000);
        expect(keys.count).to.equal(4);
      });

      it(`a typed follow-up: digit, Tab, the date and time, Enter — 13 keys, within 14 (${lang})`, async () => {
        const adapter = memory();
        const { popup } = await mount(html`<div lang=${lang}><disposition-popup subject-id="k4" .adapter=${adapter}></disposition-popup></div>`);
        const seen = events(popup, 'outcome-recorded');
        const keys = keyboard();
        await open(popup);
        await keys.press('2');
        await quickChoiceFocused();
        await keys.press('Tab');
        expect(focused()?.matches('[part~="date-field"]'), 'focus in the date field').to.be.true;
        // The locale's own pattern, the year left out (the next 15 March): 12-hour in en, 24-hour in es.
        await keys.type(lang === 'en' ? '3/15 2:30p' : '15/3 14:30');
        await keys.press('Enter');
        const record = await recorded(seen);
        expect(record).to.deep.include({ outcomeKey: 'callback', source: 'agent' });
        const at = new Date(record.scheduledAt!);
        expect([at.getMonth() + 1, at.getDate(), at.getHours(), at.getMinutes()]).to.deep.equal([3, 15, 14, 30]);
        expect(keys.count).to.equal(13);
      });
    }
  });

  describe('while recording', () => {
    it('keeps focus where it was (never <body>) and what was chosen, whatever keys follow', async () => {
      const adapter = memory({ latencyMs: 400 });
      const { popup } = await mount(html`<div lang="en"><disposition-popup subject-id="r1" .adapter=${adapter}></disposition-popup></div>`);
      const seen = events(popup, 'outcome-recorded');
      await open(popup);
      await sendKeys({ press: '3' });
      await sendKeys({ press: 'Enter' });
      await popup.updateComplete;
      expect(part(popup, 'submit')!.textContent!.trim()).to.equal('Recording…');
      const row = focused();
      expect(row?.getAttribute('role'), 'focus stays on the chosen row').to.equal('radio');
      // Arrows, Space, a digit: the record being sent stays as sent, and so does the list.
      for (const key of ['ArrowDown', ' ', '1']) await sendKeys({ press: key });
      expect(picker(popup).value).to.equal('wrong_number');
      expect(focused(), 'still the row').to.equal(row);
      const record = await recorded(seen);
      expect(record.outcomeKey).to.equal('wrong_number');
    });

    it('keeps focus in the notes (read-only while sending) after Ctrl+Enter', async () => {
      const adapter = memory({ latencyMs: 400 });
      const { popup } = await mount(html`<div lang="en"><disposition-popup subject-id="r2" .adapter=${adapter}></disposition-popup></div>`);
      const seen = events(popup, 'outcome-recorded');
      await open(popup);
      await sendKeys({ press: '3' });
      notesField(popup).focus();
      await sendKeys({ type: 'Left a message' });
      await ctrlEnter();
      await popup.updateComplete;
      expect(focused()).to.equal(notesField(popup));
      expect(notesField(popup).readOnly).to.equal(true);
      await sendKeys({ type: ' more' });
      expect((await recorded(seen)).notes).to.equal('Left a message');
    });
  });

  describe('layout', () => {
    for (const [lang, width] of [['en', 1280], ['es', 360]] as const) {
      it(`nothing above the list or at the Record button moves when an outcome or a quick choice is chosen (${lang}, ${width} px)`, async () => {
        await setViewport({ width, height: 780 });
        try {
          const { popup } = await mount(html`<div lang=${lang}><disposition-popup subject-id="l-${lang}" .adapter=${memory()}></disposition-popup></div>`);
          await open(popup);
          const top = (name: string) => Math.round(part(popup, name)!.getBoundingClientRect().top);
          const before = { header: Math.round(popup.shadowRoot!.querySelector('h2')!.getBoundingClientRect().top), submit: top('submit') };
          await sendKeys({ press: '2' });
          await quickChoiceFocused();
          const header = () => Math.round(popup.shadowRoot!.querySelector('h2')!.getBoundingClientRect().top);
          expect(header(), 'the header after choosing').to.equal(before.header);
          expect(top('submit'), 'Record after choosing').to.equal(before.submit);
          const quickTimes = picker(popup).shadowRoot!.querySelector('[part~="quick-times"]')!;
          const rows = quickTimes.getBoundingClientRect().height;
          await sendKeys({ press: 'ArrowRight' });
          await sendKeys({ press: 'Enter' });
          await picker(popup).updateComplete;
          expect(quickTimes.getBoundingClientRect().height, 'setting a quick choice never rewraps them').to.equal(rows);
          expect(top('submit'), 'Record after a quick choice').to.equal(before.submit);
          const submit = part(popup, 'submit')!.getBoundingClientRect();
          const box = dialog(popup).getBoundingClientRect();
          expect(submit.bottom, 'Record is in view').to.be.at.most(box.bottom);
        } finally {
          await setViewport({ width: 800, height: 600 });
        }
      });
    }
  });

  describe('notes', () => {
    it('Ctrl+Enter in the notes records when valid', async () => {
      const adapter = memory();
      const { popup } = await mount(html`<disposition-popup subject-id="n1" .adapter=${adapter}></disposition-popup>`);
      const [result] = await open(popup);
      await sendKeys({ press: '1' });
      notesField(popup).focus();
      await sendKeys({ type: 'Paid by card' });
      await sendKeys({ press: 'Enter' });
      await tick(20);
      expect(dialog(popup).open, 'plain Enter is a new line').to.be.true;
      await ctrlEnter();
      expect(await result).to.deep.include({ outcomeKey: 'sale', notes: 'Paid by card\n' });
    });

    it('notes-required-for: required for those outcomes only, said next to the field (no browser bubble), focus on it', async () => {
      const adapter = memory();
      const { popup } = await mount(html`<disposition-popup subject-id="n2" notes-required-for="do_not_call wrong_number" .adapter=${adapter}></disposition-popup>`);
      const [result] = await open(popup);
      const label = () => popup.shadowRoot!.querySelector('label[for="notes"]')!.textContent!.trim();
      expect(label()).to.equal('Notes (optional)');
      await sendKeys({ press: '4' });
      await popup.updateComplete;
      expect(label()).to.equal('Notes');
      expect(notesField(popup).getAttribute('aria-required')).to.equal('true');
      // The library checks, not the browser: no native constraint to show a bubble for.
      expect(notesField(popup).required).to.be.false;
      let invalidEvents = 0;
      notesField(popup).addEventListener('invalid', () => invalidEvents++);
      await sendKeys({ press: 'Enter' });
      await tick(20);
      expect(dialog(popup).open).to.be.true;
      expect(adapter.listRecords()).to.have.length(0);
      const error = part(popup, 'error')!;
      expect(error.id).to.equal('notes-error');
      expect(error.textContent).to.equal('Write a note to record this outcome.');
      expect(notesField(popup).getAttribute('aria-invalid')).to.equal('true');
      expect(notesField(popup).getAttribute('aria-describedby')).to.contain('notes-error');
      expect(focused()).to.equal(notesField(popup));
      expect(invalidEvents).to.equal(0);
      // Only the field at fault is marked: the outcome list is fine.
      expect(picker(popup).matches(':state(user-invalid)')).to.be.false;
      await expect(popup).to.be.accessible();

      // Spaces are no note.
      await sendKeys({ type: '   ' });
      await ctrlEnter();
      await tick(20);
      expect(adapter.listRecords()).to.have.length(0);
      await sendKeys({ type: 'Asked' });
      expect(part(popup, 'error')).to.equal(null);
      await ctrlEnter();
      expect(await result).to.deep.include({ outcomeKey: 'do_not_call', notes: '   Asked' });
    });

    it('an outcome not listed in notes-required-for records without notes', async () => {
      const adapter = memory();
      const { popup } = await mount(html`<disposition-popup subject-id="n3" notes-required-for="do_not_call" .adapter=${adapter}></disposition-popup>`);
      const [result] = await open(popup);
      await sendKeys({ press: '1' });
      await sendKeys({ press: 'Enter' });
      expect(await result).to.deep.include({ outcomeKey: 'sale' });
    });

    it('with no outcome chosen, says so next to the list and puts focus on it (nothing else marked)', async () => {
      const adapter = memory();
      const { popup } = await mount(html`<disposition-popup subject-id="n4" .adapter=${adapter}></disposition-popup>`);
      await open(popup);
      notesField(popup).focus();
      await ctrlEnter();
      await tick(30);
      expect(adapter.listRecords()).to.have.length(0);
      expect(picker(popup).shadowRoot!.textContent).to.contain('Choose an outcome.');
      expect(focused()?.getAttribute('role')).to.equal('radio');
      expect(notesField(popup).getAttribute('aria-invalid')).to.equal('false');
      await expect(popup).to.be.accessible();
    });

    it('Escape in the notes asks to close; a required popup refuses, says so, and keeps what was typed', async () => {
      const { popup } = await mount(html`<disposition-popup required subject-id="n5" .adapter=${memory()}></disposition-popup>`);
      const seen = events(popup, 'disposition-request-close', 'close');
      await open(popup);
      notesField(popup).focus();
      await sendKeys({ type: 'Not sure yet' });
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'Escape' });
      await tick(20);
      expect(seen).to.deep.equal([
        { type: 'disposition-request-close', detail: { source: 'escape' } },
        { type: 'disposition-request-close', detail: { source: 'escape' } },
      ]);
      expect(dialog(popup).open).to.be.true;
      expect(spoken(popup)).to.contain('Record an outcome before closing.');
      expect(notesField(popup).value).to.equal('Not sure yet');
      expect(focused()).to.equal(notesField(popup));
      await expect(popup).to.be.accessible();
    });
  });

  describe('recents', () => {
    it('remembers what the agent recorded, per adapter and recent-key, and shows it first next time', async () => {
      const adapter = memory({ id: 'memory:recents' });
      const first = await mount(html`<disposition-popup subject-id="r1" recent="3" recent-key="agent-7" .adapter=${adapter}></disposition-popup>`);
      const [result] = await open(first.popup);
      expect(picker(first.popup).recent).to.equal(3);
      expect(picker(first.popup).recentKey).to.equal('agent-7');
      await sendKeys({ press: '4' });
      await sendKeys({ press: 'Enter' });
      await result;
      expect(recentOutcomes('memory:recents', 'agent-7', 3)).to.deep.equal(['do_not_call']);
      expect(recentOutcomes('memory:recents', '', 3)).to.deep.equal([]);

      // Digit 1 now reaches the outcome this agent records most.
      const second = await mount(html`<disposition-popup subject-id="r2" recent="3" recent-key="agent-7" .adapter=${adapter}></disposition-popup>`);
      const [again] = await open(second.popup);
      expect(picker(second.popup).shownOutcomes[0]!.key).to.equal('do_not_call');
      await sendKeys({ press: '1' });
      await sendKeys({ press: 'Enter' });
      expect(await again).to.deep.include({ outcomeKey: 'do_not_call' });
    });

    it('remembers a queued record, and not what the countdown recorded', async () => {
      const clock = new FakeClock();
      const backend = memory({ id: 'memory:recents-2' });
      let down = true;
      const flaky = withRecorder(backend, (record, options) => {
        if (down) throw new OutcomeAdapterError('network', 'unreachable');
        return backend.recordOutcome(record, options);
      });
      const { popup } = await mount(html`<disposition-popup subject-id="r3" timeout="30" default-outcome="do_not_call" .adapter=${flaky} .clock=${clock}></disposition-popup>`);
      const [result] = await open(popup);
      await sendKeys({ press: '3' });
      await sendKeys({ press: 'Enter' });
      for (let i = 0; i < 50 && !part(popup, 'queue'); i++) await tick(10);
      (part(popup, 'queue') as HTMLButtonElement).click();
      expect(await result).to.equal(null);
      expect(recentOutcomes('memory:recents-2', '', 3)).to.deep.equal(['wrong_number']);

      down = false;
      const other = (await mount(html`<disposition-popup subject-id="r4" timeout="5" default-outcome="do_not_call" .adapter=${flaky} .clock=${clock}></disposition-popup>`)).popup;
      const [timedOut] = await open(other);
      clock.advance(6_000);
      expect(await timedOut).to.deep.include({ outcomeKey: 'do_not_call', source: 'timeout' });
      expect(recentOutcomes('memory:recents-2', '', 3)).to.deep.equal(['wrong_number']);
    });
  });

  it('hands its follow-up settings to its picker, and asks it to show the digits', async () => {
    const quickTimes = [{ after: { hours: 3 } }];
    const { popup } = await mount(
      html`<disposition-popup
        subject-id="p1"
        customer-time-zone="America/Chicago"
        callable-hours="08:00-21:00"
        max-days-ahead="14"
        .quickTimes=${quickTimes}
        .adapter=${memory()}
      ></disposition-popup>`,
    );
    await open(popup);
    const list = picker(popup) as unknown as Record<string, unknown>;
    expect(list['customerTimeZone']).to.equal('America/Chicago');
    expect(list['callableHours']).to.equal('08:00-21:00');
    expect(String(list['maxDaysAhead'])).to.equal('14');
    expect(list['quickTimes']).to.equal(quickTimes);
    expect(list['shortcuts']).to.equal(true);
  });
});
