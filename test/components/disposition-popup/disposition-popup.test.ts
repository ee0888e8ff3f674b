import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import { OutcomeAdapterError } from '../../../src/adapters/errors.js';
import { MemoryAdapter } from '../../../src/adapters/memory/memory-adapter.js';
import { withRecorder } from '../../../src/adapters/with-recorder.js';
import type { DispositionPopup } from '../../../src/components/disposition-popup/disposition-popup.js';
import { pageLastKnownLists } from '../../../src/controllers/last-known-lists.js';
import { Recorder } from '../../../src/controllers/recorder.js';
import type { OutcomeRecord, RecordedOutcome } from '../../../src/model/types.js';
import { RecordingBackend, clearPending, until } from '../../helpers/recording-backend.js';
import { FakeClock, dialog, events, memory, mount, open, part, picker, spoken, tick, updatesAskingForMore, updatesAskedForMoreSinceMount } from './popup-fixture.js';


describe('<disposition-popup>', () => {
  // Each opening, close and edit shows in the update it caused (Lit's dev mode would warn otherwise).
  afterEach(() => expect(updatesAskedForMoreSinceMount()).to.deep.equal([]));

  beforeEach(async () => {
    sessionStorage.clear();
    localStorage.clear();
    // Queued records of earlier tests would be delivered to this test's adapter.
    await clearPending();
  });

  it('records by keyboard alone: focus on the list, digit chooses, Enter records, focus returns', async () => {
    const adapter = memory();
    const { popup, opener } = await mount(html`<button>Hang up</button><disposition-popup subject-id="call-1" .adapter=${adapter}></disposition-popup>`);
    const seen = events(popup, 'outcome-recorded', 'close');
    opener!.focus();
    const [result] = await open(popup);
    expect(dialog(popup).open).to.be.true;
    expect(picker(popup).shadowRoot!.activeElement!.textContent).to.contain('Sale');
    await expect(popup).to.be.accessible();

    await sendKeys({ press: '3' });
    await picker(popup).updateComplete;
    expect(picker(popup).value).to.equal('wrong_number');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Asked to be removed' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Enter' });
    const recorded = await result;
    expect(recorded).to.deep.include({ subjectId: 'call-1', outcomeKey: 'wrong_number', notes: 'Asked to be removed', source: 'agent' });
    expect(adapter.listRecords()).to.have.length(1);
    expect(seen.map((event) => event.type)).to.deep.equal(['outcome-recorded', 'close']);
    expect(dialog(popup).open).to.be.false;
    expect(document.activeElement).to.equal(opener);
  });

  it('focuses the outcome list once outcomes arrive when shown before they did', async () => {
    const { popup } = await mount(html`<disposition-popup subject-id="slow" .adapter=${memory({ latencyMs: 150 })}></disposition-popup>`);
    void popup.show();
    for (let i = 0; i < 60 && picker(popup)?.shadowRoot?.activeElement?.getAttribute('role') !== 'radio'; i++) await tick(10);
    expect(picker(popup).shadowRoot!.activeElement!.textContent).to.contain('Sale');
  });

  it('offers only active dispositions, and says so plainly when there are none', async () => {
    const { popup } = await mount(html`<disposition-popup subject-id="c" .adapter=${memory()}></disposition-popup>`);
    await open(popup);
    expect(picker(popup).shownOutcomes.map((outcome) => outcome.key)).to.deep.equal(['sale', 'callback', 'wrong_number', 'do_not_call']);

    const none = new MemoryAdapter({ outcomeTypes: [{ key: 'vm', name: 'Voicemail', kind: 'action' }] });
    const other = (await mount(html`<disposition-popup required subject-id="c" .adapter=${none}></disposition-popup>`)).popup;
    const result = other.show();
    await tick(50);
    await other.updateComplete;
    expect(part(other, 'hint')!.textContent).to.contain('No disposition outcomes are set up');
    expect(picker(other)).to.equal(null);
    await expect(other).to.be.accessible();
    // Nothing could be recorded, so even a required popup lets the agent go.
    expect(other.hide()).to.be.true;
    expect(await result).to.equal(null);
  });

  it('refuses to close while required, however often Escape is pressed', async () => {
    const { popup } = await mount(html`<disposition-popup required subject-id="c" .adapter=${memory()}></disposition-popup>`);
    const seen = events(popup, 'disposition-request-close', 'close');
    await open(popup);
    for (let press = 0; press < 3; press++) {
      await sendKeys({ press: 'Escape' });
      await tick(20);
    }
    expect(dialog(popup).open).to.be.true;
    expect(popup.open).to.be.true;
    expect(seen).to.deep.equal([
      { type: 'disposition-request-close', detail: { source: 'escape' } },
      { type: 'disposition-request-close', detail: { source: 'escape' } },
      { type: 'disposition-request-close', detail: { source: 'escape' } },
    ]);
    expect(part(popup, 'hint')?.parentElement?.textContent).to.contain('Record an outcome before closing.');
    part(popup, 'close-button')!.click();
    expect(popup.hide()).to.be.false;
    expect(dialog(popup).open).to.be.true;
  });

  it('closes on Escape when not required, resolving show() with null — from the notes too, keeping what was typed', async () => {
    const { popup } = await mount(html`<disposition-popup subject-id="c" .adapter=${memory()}></disposition-popup>`);
    const seen = events(popup, 'disposition-request-close', 'close');
    const [result] = await open(popup);
    popup.shadowRoot!.querySelector('textarea')!.focus();
    await sendKeys({ type: 'Half typed' });
    await sendKeys({ press: 'Escape' });
    expect(await result).to.equal(null);
    expect(seen).to.deep.equal([
      { type: 'disposition-request-close', detail: { source: 'escape' } },
      { type: 'close', detail: undefined },
    ]);
    await open(popup);
    expect(popup.shadowRoot!.querySelector('textarea')!.value).to.equal('Half typed');
    await sendKeys({ press: 'Escape' });
    expect(dialog(popup).open).to.be.false;
  });

  it('lets the host cancel any close request, and names its source', async () => {
    const { popup } = await mount(html`<disposition-popup subject-id="c" .adapter=${memory()}></disposition-popup>`);
    const sources: string[] = [];
    popup.addEventListener('disposition-request-close', (event) => {
      sources.push(event.detail.source);
      event.preventDefault();
    });
    await open(popup);
    part(popup, 'close-button')!.click();
    const box = dialog(popup).getBoundingClientRect();
    dialog(popup).dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: box.left - 5, clientY: box.top - 5 }));
    popup.hide();
    popup.removeAttribute('open');
    await popup.updateComplete;
    expect(sources).to.deep.equal(['close-button', 'backdrop', 'api', 'api']);
    expect(dialog(popup).open).to.be.true;
  });

  describe('submitting', () => {
    it('sends one record for a double click', async () => {
      const adapter = memory({ latencyMs: 80 });
      const { popup } = await mount(html`<disposition-popup subject-id="c" .adapter=${adapter}></disposition-popup>`);
      const seen = events(popup, 'outcome-recorded');
      const [result] = await open(popup);
      await sendKeys({ press: '1' });
      const submit = part(popup, 'submit') as HTMLButtonElement;
      submit.click();
      submit.click();
      await popup.updateComplete;
      expect(submit.getAttribute('aria-disabled')).to.equal('true');
      submit.click();
      await result;
      await tick(100);
      expect(adapter.listRecords()).to.have.length(1);
      expect(seen).to.have.length(1);
    });

    it('keeps every input after a failure, says the record may be stored, retries with the same key, and moves focus to Retry', async () => {
      const keys: string[] = [];
      let failWith: OutcomeAdapterError | null = new OutcomeAdapterError('network', 'offline');
      const adapter = withRecorder(memory(), (record: OutcomeRecord, { idempotencyKey }) => {
        keys.push(idempotencyKey);
        if (failWith) throw failWith;
        return { ...record, id: idempotencyKey, recordedAt: new Date().toISOString() };
      });
      const { popup } = await mount(html`<disposition-popup subject-id="c" notes="required" .adapter=${adapter}></disposition-popup>`);
      const [result] = await open(popup);
      await sendKeys({ press: '4' });
      popup.shadowRoot!.querySelector('textarea')!.focus();
      await sendKeys({ type: 'Angry' });
      (part(popup, 'submit') as HTMLButtonElement).click();
      await until(() => part(popup, 'error') !== null);
      await popup.updateComplete;
      expect(part(popup, 'error')!.textContent).to.contain('May not have been recorded');
      expect(part(popup, 'error')!.textContent).to.contain('The server could not be reached.');
      expect(picker(popup).value).to.equal('do_not_call');
      expect(popup.shadowRoot!.querySelector('textarea')!.value).to.equal('Angry');
      // Focus on the primary action, so Enter retries.
      await tick(10);
      expect(popup.shadowRoot!.activeElement).to.equal(part(popup, 'submit'));
      await expect(popup).to.be.accessible();

      failWith = new OutcomeAdapterError('server', 'boom', { status: 500 });
      await sendKeys({ press: 'Enter' });
      await tick(30);
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);

      // The record may be stored: its notes stay as sent, said next to them.
      const notes = popup.shadowRoot!.querySelector('textarea')!;
      expect(notes.readOnly).to.be.true;
      expect(part(popup, 'hint')!.closest('form')!.textContent).to.contain('kept as first sent');
      failWith = null;
      (part(popup, 'submit') as HTMLButtonElement).click();
      const recorded = await result;
      expect(keys[2]).to.equal(keys[0]);
      expect(recorded!.notes).to.equal('Angry');
    });

    it('renews the key once a refused record is changed: nothing was stored', async () => {
      const keys: string[] = [];
      let failWith: OutcomeAdapterError | null = new OutcomeAdapterError('validation', 'notes too short', { fieldErrors: { notes: 'too short' } });
      const adapter = withRecorder(memory(), (record: OutcomeRecord, { idempotencyKey }) => {
        keys.push(idempotencyKey);
        if (failWith) throw failWith;
        return { ...record, id: idempotencyKey, recordedAt: new Date().toISOString() };
      });
      const { popup } = await mount(html`<disposition-popup subject-id="c" notes="required" .adapter=${adapter}></disposition-popup>`);
      const [result] = await open(popup);
      await sendKeys({ press: '4' });
      popup.shadowRoot!.querySelector('textarea')!.focus();
      await sendKeys({ type: 'Angry' });
      (part(popup, 'submit') as HTMLButtonElement).click();
      await tick(30);
      await popup.updateComplete;
      expect(part(popup, 'error')!.textContent).to.contain('Not recorded');
      expect(popup.shadowRoot!.querySelector('textarea')!.readOnly).to.be.false;
      popup.shadowRoot!.querySelector('textarea')!.focus();
      await sendKeys({ type: ' customer' });
      failWith = null;
      (part(popup, 'submit') as HTMLButtonElement).click();
      const recorded = await result;
      expect(keys[1]).not.to.equal(keys[0]);
      expect(recorded!.notes).to.equal('Angry customer');
    });

    it('shows field errors from a validation failure and offers no queue for it', async () => {
      const adapter = withRecorder(memory(), () => {
        throw new OutcomeAdapterError('validation', 'bad', { status: 400, fieldErrors: { outcomeKey: 'is retired' } });
      });
      const { popup } = await mount(html`<disposition-popup subject-id="c" .adapter=${adapter}></disposition-popup>`);
      await open(popup);
      await sendKeys({ press: '1' });
      await sendKeys({ press: 'Enter' });
      await tick(30);
      await popup.updateComplete;
      expect(part(popup, 'error')!.textContent).to.contain('is retired');
      expect(part(popup, 'queue')).to.equal(null);
      expect(dialog(popup).open).to.be.true;
    });
  });

  describe('outbox', () => {
    it('queues when the backend stays down, then records exactly once after a reload', async () => {
      let down = true;
      const backend = memory();
      const flaky = withRecorder(backend, (record, options) => {
        if (down) throw new OutcomeAdapterError('network', 'unreachable');
        return backend.recordOutcome(record, options);
      });
      const first = await mount(html`<disposition-popup required subject-id="call-7" .adapter=${flaky}></disposition-popup>`);
      const seen = events(first.wrapper, 'outcome-queued', 'outcome-recorded');
      const [result] = await open(first.popup);
      await sendKeys({ press: '1' });
      await sendKeys({ press: 'Enter' });
      await tick(30);
      await first.popup.updateComplete;
      (part(first.popup, 'queue') as HTMLButtonElement).click();
      expect(await result).to.equal(null);
      expect(dialog(first.popup).open).to.be.false;
      expect(seen.map((event) => event.type)).to.deep.equal(['outcome-queued']);
      const queued = (seen[0]!.detail as { idempotencyKey: string }).idempotencyKey;

      // A reload: the element goes away; two new ones (two tabs) come with the backend back.
      first.wrapper.remove();
      down = false;
      const later: CustomEvent<RecordedOutcome>[] = [];
      const listen = (event: Event) => later.push(event as CustomEvent<RecordedOutcome>);
      document.addEventListener('outcome-recorded', listen);
      try {
        await mount(html`<disposition-popup subject-id="other" .adapter=${flaky}></disposition-popup>`);
        await mount(html`<disposition-popup subject-id="another" .adapter=${flaky}></disposition-popup>`);
        for (let i = 0; i < 50 && later.length === 0; i++) await tick(10);
        await tick(50);
      } finally {
        document.removeEventListener('outcome-recorded', listen);
      }
      expect(later).to.have.length(1);
      expect(later[0]!.detail).to.deep.include({ subjectId: 'call-7', outcomeKey: 'sale' });
      expect(backend.listRecords()).to.have.length(1);
      expect(backend.listRecords()[0]!.id).to.be.a('string');
      expect(await Recorder.for(flaky).pending()).to.deep.equal([]);
      expect(queued).to.be.a('string');
    });

    it('records from the last known list when the backend is down: queued, then delivered exactly once when it is back', async () => {
      const id = `popup-stale-${Math.random()}`;
      // An earlier page loaded the list, which the device kept.
      const earlier = await mount(html`<disposition-popup subject-id="warm-up" .adapter=${new RecordingBackend(id)}></disposition-popup>`);
      await open(earlier.popup);
      await until(async () => !!(await pageLastKnownLists().get(id)));
      earlier.wrapper.remove();

      // This page: the same backend, down for the list and for records.
      const backend = new RecordingBackend(id);
      backend.listMode = 'down';
      backend.mode = 'down';
      const { wrapper, popup } = await mount(html`<disposition-popup required subject-id="call-stale" .adapter=${backend}></disposition-popup>`);
      const seen = events(wrapper, 'outcome-queued', 'outcome-recorded');
      const [result] = await open(popup);
      const list = picker(popup);
      await until(() => !!list.shadowRoot!.querySelector('[part~="stale-note"]'));
      expect(list.shadowRoot!.querySelector('[part~="stale-note"]')!.textContent).to.match(/^Offline — list from /);
      expect(list.shownOutcomes.length).to.be.greaterThan(0);
      expect(part(popup, 'finish-later')).to.equal(null);
      await expect(popup).to.be.accessible();

      await sendKeys({ press: '1' });
      await sendKeys({ press: 'Enter' });
      await until(() => !!part(popup, 'queue'));
      (part(popup, 'queue') as HTMLButtonElement).click();
      expect(await result).to.equal(null);
      expect(seen.map((event) => event.type)).to.deep.equal(['outcome-queued']);

      backend.mode = 'up';
      window.dispatchEvent(new Event('online'));
      await until(() => seen.length === 2);
      await Recorder.for(backend).flush();
      await tick(30);
      expect(backend.storedFor('call-stale')).to.have.length(1);
      expect(seen.map((event) => event.type)).to.deep.equal(['outcome-queued', 'outcome-recorded']);
      await pageLastKnownLists().delete(id);
    });

    it('queues once for a double click on "Queue for later"', async () => {
      const backend = memory();
      const down = withRecorder(backend, () => {
        throw new OutcomeAdapterError('network', 'unreachable');
      });
      const { wrapper, popup } = await mount(html`<disposition-popup required subject-id="call-8" .adapter=${down}></disposition-popup>`);
      const seen = events(wrapper, 'outcome-queued');
      const [result] = await open(popup);
      await sendKeys({ press: '1' });
      await sendKeys({ press: 'Enter' });
      await tick(30);
      await popup.updateComplete;
      const queue = part(popup, 'queue') as HTMLButtonElement;
      queue.click();
      queue.click();
      expect(await result).to.equal(null);
      expect(seen).to.have.length(1);
      const entries = await Recorder.for(down).pending();
      expect(entries.filter((entry) => entry.subjectId === 'call-8')).to.have.length(1);
    });

    it('says so and stays open, keeping every input, when the device refuses to queue the record', async () => {
      const down = withRecorder(memory(), () => {
        throw new OutcomeAdapterError('network', 'unreachable');
      });
      const { wrapper, popup } = await mount(html`<disposition-popup required subject-id="call-10" .adapter=${down}></disposition-popup>`);
      const seen = events(wrapper, 'outcome-queued', 'close');
      await open(popup);
      await sendKeys({ press: '1' });
      const chosen = picker(popup).value;
      popup.shadowRoot!.querySelector('textarea')!.focus();
      await sendKeys({ type: 'left a voicemail' });
      popup.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      await tick(30);
      await popup.updateComplete;
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      try {
        (part(popup, 'queue') as HTMLButtonElement).click();
        await tick(30);
        await popup.updateComplete;
      } finally {
        IDBObjectStore.prototype.put = put;
      }
      expect(part(popup, 'error')!.textContent).to.contain('could not keep it for later');
      expect(part(popup, 'queue')).not.to.equal(null);
      await expect(popup).to.be.accessible();
      expect(dialog(popup).open).to.be.true;
      expect(seen).to.deep.equal([]);
      expect(chosen).not.to.equal('');
      expect(picker(popup).value).to.equal(chosen);
      expect(popup.shadowRoot!.querySelector('textarea')!.value).to.equal('left a voicemail');
      expect((await Recorder.for(down).pending()).some((entry) => entry.subjectId === 'call-10')).to.be.false;
    });
  });

  describe('never a trap, never twice', () => {
    async function failOnce(popup: DispositionPopup, key = '1') {
      await sendKeys({ press: key });
      await sendKeys({ press: 'Enter' });
      await until(() => part(popup, 'error') !== null);
      await popup.updateComplete;
    }

    it('offers Finish later when a required popup has no list at all; it closes, fires outcome-deferred and keeps the subject pending', async () => {
      const backend = new RecordingBackend('memory:trap');
      backend.listMode = 'down';
      const { wrapper, popup } = await mount(html`<disposition-popup required subject-id="call-20" .adapter=${backend}></disposition-popup>`);
      const seen = events(wrapper, 'outcome-deferred', 'close');
      const result = popup.show();
      await until(() => part(popup, 'finish-later') !== null);
      await tick(20);
      // Escape is still refused: required means recorded, queued or deferred.
      await sendKeys({ press: 'Escape' });
      expect(dialog(popup).open).to.be.true;
      expect(popup.shadowRoot!.activeElement).to.equal(part(popup, 'finish-later'));
      await expect(popup).to.be.accessible();
      await sendKeys({ press: 'Enter' });
      expect(await result).to.equal(null);
      expect(dialog(popup).open).to.be.false;
      expect(seen).to.deep.equal([{ type: 'outcome-deferred', detail: { subjectId: 'call-20' } }, { type: 'close', detail: undefined }]);
      expect((await Recorder.for(backend).pending()).map((entry) => [entry.subjectId, entry.state])).to.deep.equal([['call-20', 'deferred']]);
    });

    it('stores once when the answer was lost and the countdown then runs out', async () => {
      const clock = new FakeClock();
      const backend = new RecordingBackend('memory:countdown');
      backend.mode = 'lose';
      const { popup } = await mount(html`<disposition-popup subject-id="call-21" timeout="10" default-outcome="do_not_call" .adapter=${backend} .clock=${clock}></disposition-popup>`);
      const [result] = await open(popup);
      await failOnce(popup);
      expect(part(popup, 'error')!.textContent).to.contain('May not have been recorded');
      clock.advance(20_000);
      await tick(30);
      expect(backend.attempts.map((attempt) => attempt.record.outcomeKey)).to.deep.equal(['sale']);
      backend.mode = 'up';
      await sendKeys({ press: 'Enter' });
      expect(await result).to.deep.include({ outcomeKey: 'sale', source: 'agent' });
      expect(backend.storedFor('call-21')).to.have.length(1);
      expect(new Set(backend.attempts.map((attempt) => attempt.key)).size).to.equal(1);
    });

    it('stores once when the answer was lost and the agent chooses another outcome and then the same one again', async () => {
      const backend = new RecordingBackend('memory:rechoose');
      backend.mode = 'lose';
      const { popup } = await mount(html`<disposition-popup subject-id="call-22" .adapter=${backend}></disposition-popup>`);
      const [result] = await open(popup);
      await failOnce(popup);
      picker(popup).focus();
      await sendKeys({ press: '3' });
      await sendKeys({ press: '1' });
      backend.mode = 'up';
      await sendKeys({ press: 'Enter' });
      await result;
      expect(backend.storedFor('call-22')).to.have.length(1);
      expect(new Set(backend.attempts.map((attempt) => attempt.key)).size).to.equal(1);
    });

    it('leaves "Recording…" by the deadline when the recorder never answers, and offers Cancel while it waits', async () => {
      const backend = new RecordingBackend('memory:hung-popup');
      backend.mode = 'hang';
      Recorder.for(backend, { attemptTimeoutMs: 4_000 });
      const { popup } = await mount(html`<disposition-popup required subject-id="call-23" .adapter=${backend}></disposition-popup>`);
      await open(popup);
      await sendKeys({ press: '1' });
      // By keyboard to the record button: it keeps the focus while busy.
      part(popup, 'submit')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => part(popup, 'cancel') !== null, 3_800);
      expect(popup.shadowRoot!.activeElement).to.equal(part(popup, 'submit'));
      expect(part(popup, 'submit')!.getAttribute('aria-disabled')).to.equal('true');
      await sendKeys({ press: 'Enter' });
      expect(backend.attempts).to.have.length(1);
      await expect(popup).to.be.accessible();
      (part(popup, 'cancel') as HTMLButtonElement).click();
      await until(() => part(popup, 'error') !== null);
      expect(part(popup, 'error')!.textContent).to.contain('May not have been recorded');
      expect((part(popup, 'submit') as HTMLButtonElement).disabled).to.be.false;
      expect(part(popup, 'queue')).not.to.equal(null);
    });

    it('times out a hung attempt on its own', async () => {
      const backend = new RecordingBackend('memory:hung-deadline');
      backend.mode = 'hang';
      Recorder.for(backend, { attemptTimeoutMs: 300 });
      const { popup } = await mount(html`<disposition-popup required subject-id="call-24" .adapter=${backend}></disposition-popup>`);
      await open(popup);
      await failOnce(popup);
      expect(part(popup, 'error')!.textContent).to.contain('May not have been recorded');
      expect(part(popup, 'submit')!.textContent).to.contain('Retry');
    });

    it('queues at once and closes with queue="auto" when the backend is unreachable', async () => {
      const backend = new RecordingBackend('memory:auto');
      backend.mode = 'down';
      const { wrapper, popup } = await mount(html`<disposition-popup required queue="auto" subject-id="call-25" .adapter=${backend}></disposition-popup>`);
      const seen = events(wrapper, 'outcome-queued');
      const [result] = await open(popup);
      await sendKeys({ press: '1' });
      await sendKeys({ press: 'Enter' });
      expect(await result).to.equal(null);
      expect(seen).to.have.length(1);
      expect(popup.shadowRoot!.textContent).to.contain('Saved on this device');
      expect((await Recorder.for(backend).pending()).map((entry) => entry.subjectId)).to.deep.equal(['call-25']);
    });

    it('says a record cannot be kept on the device for an adapter without an id, instead of offering Queue', async () => {
      const backend = new RecordingBackend(undefined);
      backend.mode = 'down';
      const { popup } = await mount(html`<disposition-popup required subject-id="call-26" .adapter=${backend}></disposition-popup>`);
      await open(popup);
      await failOnce(popup);
      expect(part(popup, 'queue')).to.equal(null);
      expect(part(popup, 'error')!.textContent).to.contain('has no id');
    });
  });

  describe('draft', () => {
    it('restores outcome, date and notes after a reload, and clears them once recorded', async () => {
      const adapter = memory();
      const first = await mount(html`<disposition-popup subject-id="call-9" .adapter=${adapter}></disposition-popup>`);
      await open(first.popup);
      await sendKeys({ press: '2' });
      await picker(first.popup).updateComplete;
      const later = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 16);
      const dateField = picker(first.popup).shadowRoot!.querySelector<HTMLInputElement>('input[type="datetime-local"]')!;
      dateField.value = later;
      dateField.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await picker(first.popup).updateComplete;
      first.popup.shadowRoot!.querySelector('textarea')!.focus();
      await sendKeys({ type: 'Call after 5' });
      const scheduledAt = picker(first.popup).scheduledAt;
      expect(scheduledAt).not.to.equal('');
      first.wrapper.remove();

      const second = await mount(html`<disposition-popup subject-id="call-9" .adapter=${adapter}></disposition-popup>`);
      const [result] = await open(second.popup);
      expect(picker(second.popup).value).to.equal('callback');
      expect(picker(second.popup).scheduledAt).to.equal(scheduledAt);
      expect(second.popup.shadowRoot!.querySelector('textarea')!.value).to.equal('Call after 5');
      await sendKeys({ press: 'Enter' });
      const recorded = await result;
      expect(recorded).to.deep.include({ outcomeKey: 'callback', scheduledAt, notes: 'Call after 5' });
      expect(sessionStorage.getItem('outcome-elements:draft:call-9')).to.equal(null);
    });
  });

  describe('countdown', () => {
    it('counts down visibly, pauses while typing, and records the default outcome at zero', async () => {
      const clock = new FakeClock();
      const adapter = memory();
      const { popup } = await mount(html`<disposition-popup subject-id="c" timeout="30" default-outcome="do_not_call" .adapter=${adapter} .clock=${clock}></disposition-popup>`);
      const [result] = await open(popup);
      expect(part(popup, 'countdown')!.textContent).to.contain('Time left: 0:30');
      clock.advance(15_000);
      await popup.updateComplete;
      expect(part(popup, 'countdown')!.textContent).to.contain('0:15');
      popup.shadowRoot!.querySelector('textarea')!.focus();
      clock.advance(60_000);
      await popup.updateComplete;
      expect(part(popup, 'countdown')!.textContent).to.contain('0:15');
      expect(part(popup, 'countdown')!.textContent).to.contain('Paused');
      picker(popup).focus();
      clock.advance(6_000);
      await popup.updateComplete;
      expect(popup.shadowRoot!.textContent).to.contain('9 seconds left');
      clock.advance(10_000);
      const recorded = await result;
      expect(recorded).to.deep.include({ outcomeKey: 'do_not_call', source: 'timeout' });
      expect(adapter.listRecords()).to.have.length(1);
    });

    it('stays open saying time is up when there is no default outcome', async () => {
      const clock = new FakeClock();
      const { popup } = await mount(html`<disposition-popup required subject-id="c" timeout="5" .adapter=${memory()} .clock=${clock}></disposition-popup>`);
      await open(popup);
      clock.advance(6_000);
      await popup.updateComplete;
      expect(dialog(popup).open).to.be.true;
      expect(popup.shadowRoot!.textContent).to.contain('Time is up.');
      await expect(popup).to.be.accessible();
    });
  });

  it('opens from the open attribute too, and closes through the request when it is removed', async () => {
    const { popup } = await mount(html`<disposition-popup open subject-id="c" .adapter=${memory()}></disposition-popup>`);
    const seen = events(popup, 'disposition-request-close', 'close');
    for (let i = 0; i < 50 && !picker(popup)?.shadowRoot?.activeElement; i++) await tick(10);
    expect(dialog(popup).open).to.be.true;
    expect(picker(popup).shadowRoot!.activeElement!.getAttribute('role')).to.equal('radio');
    popup.removeAttribute('open');
    await popup.updateComplete;
    await tick(10);
    expect(dialog(popup).open).to.be.false;
    expect(seen).to.deep.equal([
      { type: 'disposition-request-close', detail: { source: 'api' } },
      { type: 'close', detail: undefined },
    ]);
  });

  it('shows each opening and close in the update that made it, and asks for no other once it is done', async () => {
    const clock = new FakeClock();
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const popup = document.createElement('disposition-popup');
    const askedForMore = updatesAskingForMore(popup);
    Object.assign(popup, { adapter: memory(), subjectId: 'call-31', timeout: 30, clock });
    popup.setAttribute('open', '');
    wrapper.append(popup);
    await popup.updateComplete;
    // The first render of an opening already has what the opening brings: the countdown.
    expect(part(popup, 'countdown')?.textContent).to.contain('Time left: 0:30');
    for (let i = 0; i < 50 && !picker(popup)?.shadowRoot?.activeElement; i++) await tick(10);
    await sendKeys({ press: '2' });
    await sendKeys({ press: 'Escape' });
    await popup.updateComplete;
    expect(dialog(popup).open).to.be.false;

    // Opened again, the draft is back in that first render too, the list's choice included.
    void popup.show();
    await popup.updateComplete;
    expect(dialog(popup).open).to.be.true;
    expect(part(popup, 'countdown')?.textContent).to.contain('Time left: 0:30');
    for (let i = 0; i < 50 && picker(popup)?.shadowRoot?.activeElement?.getAttribute('aria-checked') !== 'true'; i++) await tick(10);
    expect(picker(popup).value).to.equal('callback');

    // Taking the attribute away asks to close: refused while required, granted otherwise.
    popup.required = true;
    popup.removeAttribute('open');
    await popup.updateComplete;
    expect(popup.hasAttribute('open')).to.be.true;
    expect(dialog(popup).open).to.be.true;
    expect(spoken(popup)).to.contain('Record an outcome before closing.');
    popup.required = false;
    popup.removeAttribute('open');
    await popup.updateComplete;
    expect(dialog(popup).open).to.be.false;
    expect(askedForMore).to.deep.equal([]);
  });

  it('speaks Spanish under lang="es"', async () => {
    const { popup } = await mount(html`<div lang="es"><disposition-popup subject-id="c" .adapter=${memory()}></disposition-popup></div>`);
    await open(popup);
    expect(popup.shadowRoot!.querySelector('h2')!.textContent).to.equal('Registrar el resultado');
  });
});
