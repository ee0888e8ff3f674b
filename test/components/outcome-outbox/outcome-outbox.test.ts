import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import { OutcomeAdapterError } from '../../../src/adapters/errors.js';
import type { RequestOptions } from '../../../src/adapters/adapter.js';
import type { DispositionPopup } from '../../../src/components/disposition-popup/disposition-popup.js';
import type { OutcomeOutbox } from '../../../src/components/outcome-outbox/outcome-outbox.js';
import { Recorder } from '../../../src/controllers/recorder.js';
import type { OutcomeRecord, RecordedOutcome } from '../../../src/model/types.js';
import { RecordingBackend, clearPending, tick, until } from '../../helpers/recording-backend.js';

const record = (subjectId: string, outcomeKey = 'sale'): OutcomeRecord => ({ subjectId, outcomeKey, source: 'agent' });

/** A backend whose record answers wait for the test to open the gate. */
class GatedBackend extends RecordingBackend {
  gate: Promise<void> = Promise.resolve();
  override async recordOutcome(input: OutcomeRecord, options: RequestOptions & { idempotencyKey: string }): Promise<RecordedOutcome> {
    await this.gate;
    return super.recordOutcome(input, options);
  }
}

let ids = 0;
/** A backend of an id no other test uses, whose recorder does not flush on its own during a test. */
function backend<T extends RecordingBackend>(make: (id: string) => T = (id) => new RecordingBackend(id) as T): T {
  const made = make(`memory:outbox-${++ids}-${Date.now()}`);
  Recorder.for(made, { flushIntervalMs: 3_600_000 });
  return made;
}

function parts(outbox: OutcomeOutbox, name: string): HTMLElement[] {
  return [...outbox.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

function part(outbox: OutcomeOutbox, name: string): HTMLElement | null {
  return outbox.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

const entries = (outbox: OutcomeOutbox) => parts(outbox, 'entry');
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const announced = (outbox: OutcomeOutbox) => text(outbox.shadowRoot!.querySelector('[role="status"]'));

/** Mounts an outbox and waits until it has read the list and its first flush is over. */
async function mount(adapter: RecordingBackend, template = html`<outcome-outbox .adapter=${adapter}></outcome-outbox>`): Promise<OutcomeOutbox> {
  const wrapper = await fixture<HTMLDivElement>(html`<div>${template}</div>`);
  const outbox = wrapper.querySelector('outcome-outbox')!;
  await until(() => part(outbox, 'status') === null);
  await Recorder.for(adapter).flush();
  return outbox;
}

/** Puts one wrap-up of each asked state in the recorder's pending list, as the popup would. */
async function seed(adapter: RecordingBackend, state: 'queued' | 'retrying' | 'refused' | 'deferred', subjectId: string, outcomeKey = 'sale'): Promise<string> {
  const recorder = Recorder.for(adapter);
  if (state === 'deferred') {
    await recorder.defer(subjectId);
    return `deferred:${adapter.id}:${subjectId}`;
  }
  const [queued] = await recorder.queue(record(subjectId, outcomeKey));
  const id = queued!.idempotencyKey;
  if (state === 'queued') return id;
  const mode = adapter.mode;
  adapter.mode = state === 'refused' ? new OutcomeAdapterError('validation', 'Unknown outcome.') : 'down';
  await recorder.retry(id).catch(() => undefined);
  adapter.mode = mode;
  return id;
}

describe('<outcome-outbox>', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    localStorage.clear();
    await clearPending();
  });

  it('says plainly that nothing is pending, count 0 and no :state(has-pending)', async () => {
    const outbox = await mount(backend());
    expect(text(part(outbox, 'empty'))).to.equal('No wrap-ups are pending.');
    expect(part(outbox, 'list')).to.equal(null);
    expect(outbox.count).to.equal(0);
    expect(outbox.matches(':state(has-pending)')).to.be.false;
    await expect(outbox).to.be.accessible();
  });

  it('shows every state with subject, outcome name, age and last error, and is axe clean in each', async () => {
    const adapter = backend();
    const outbox = await mount(adapter);
    const expected: [string, string, RegExp][] = [
      ['queued', 'entry entry-queued', /^call-q · Sale Waiting to be sent · now$/],
      ['retrying', 'entry entry-queued entry-retrying', /^call-r · Call back Sending again after 1 failed attempt · now Last error: The server could not be reached\.$/],
      ['refused', 'entry entry-refused', /^call-x · Wrong number Refused by the server · now Last error: Some values are not valid\. Unknown outcome\.$/],
      ['deferred', 'entry entry-deferred', /^call-d · No outcome chosen yet To finish later · now$/],
    ];
    const keys = { queued: 'sale', retrying: 'callback', refused: 'wrong_number', deferred: '' } as const;
    for (const [index, [state, partName, pattern]] of expected.entries()) {
      const subject = `call-${state === 'refused' ? 'x' : state[0]}`;
      await seed(adapter, state as keyof typeof keys, subject, keys[state as keyof typeof keys]);
      await until(() => entries(outbox)[index]?.getAttribute('part') === partName);
      const entry = entries(outbox)[index]!;
      const details = entry.querySelectorAll('p');
      expect([...details].map((p) => text(p)).join(' '), state).to.match(pattern);
      expect(entry.querySelector('time')!.getAttribute('datetime'), state).to.match(/^\d{4}-\d\d-\d\dT/);
      expect(outbox.count).to.equal(index + 1);
      expect(outbox.matches(':state(has-pending)')).to.be.true;
      await expect(outbox, state).to.be.accessible();
    }
    // Actions by state: Retry now for records, Resume for deferred, Discard for refused and deferred only.
    const actions = entries(outbox).map((entry) => [...entry.querySelectorAll('button')].map((button) => button.getAttribute('part')));
    expect(actions).to.deep.equal([
      ['retry-button'],
      ['retry-button'],
      ['retry-button', 'discard-button'],
      ['resume-button', 'discard-button'],
    ]);
    // Each action is described by its entry (the same words on every row are told apart).
    const retry = part(outbox, 'retry-button')!;
    expect(text(outbox.shadowRoot!.getElementById(retry.getAttribute('aria-describedby')!))).to.equal('call-q · Sale');
  });

  it('Retry now sends a queued record once by keyboard, shows progress, announces it and keeps focus in the list', async () => {
    const adapter = backend((id) => new GatedBackend(id));
    const outbox = await mount(adapter);
    await seed(adapter, 'queued', 'call-1');
    await seed(adapter, 'deferred', 'call-2');
    await until(() => entries(outbox).length === 2);
    let open!: () => void;
    adapter.gate = new Promise((resolve) => (open = resolve));
    part(outbox, 'retry-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => text(part(outbox, 'retry-button')) === 'Sending…');
    expect(part(outbox, 'retry-button')!.getAttribute('aria-disabled')).to.equal('true');
    expect(outbox.shadowRoot!.activeElement).to.equal(part(outbox, 'retry-button'));
    await expect(outbox).to.be.accessible();
    // A second press while it is sending sends nothing more.
    await sendKeys({ press: 'Enter' });
    open();
    await until(() => entries(outbox).length === 1);
    await until(() => announced(outbox) === 'call-1: recorded.');
    expect(adapter.storedFor('call-1')).to.have.length(1);
    expect(adapter.attempts).to.have.length(1);
    expect(outbox.count).to.equal(1);
    // The entry that had focus is gone: focus is on the one now in its place, not on <body>.
    await until(() => outbox.shadowRoot!.activeElement === part(outbox, 'resume-button'));
  });

  it('Retry now that fails says why and keeps the record', async () => {
    const adapter = backend();
    const outbox = await mount(adapter);
    await seed(adapter, 'queued', 'call-3');
    await until(() => entries(outbox).length === 1);
    adapter.mode = 'down';
    part(outbox, 'retry-button')!.click();
    await until(() => announced(outbox).startsWith('call-3: not sent.'));
    expect(announced(outbox)).to.equal('call-3: not sent. The server could not be reached.');
    await until(() => entries(outbox)[0]!.getAttribute('part') === 'entry entry-queued entry-retrying');
    expect(text(part(outbox, 'error'))).to.equal('Last error: The server could not be reached.');
    expect(adapter.stored.size).to.equal(0);
    expect(outbox.count).to.equal(1);
  });

  it('Discard asks in a dialog naming the wrap-up; Keep it keeps it and returns focus; confirming removes it', async () => {
    const adapter = backend();
    const outbox = await mount(adapter);
    await seed(adapter, 'refused', 'call-4', 'wrong_number');
    await seed(adapter, 'queued', 'call-5');
    await until(() => entries(outbox).length === 2);
    const dialog = outbox.shadowRoot!.querySelector('dialog')!;

    part(outbox, 'discard-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => dialog.open);
    expect(text(dialog.querySelector('#discard-title'))).to.equal('Discard the wrap-up of call-4?');
    expect(text(dialog.querySelector('#discard-text'))).to.equal('The outcome “Wrong number” for call-4 will never be recorded. This cannot be undone.');
    expect(text(part(outbox, 'confirm-discard'))).to.equal('Discard call-4');
    // The safe choice has focus.
    expect(text(outbox.shadowRoot!.activeElement)).to.equal('Keep it');
    await expect(outbox).to.be.accessible();

    await sendKeys({ press: 'Enter' });
    await until(() => !dialog.open);
    expect(outbox.count).to.equal(2);
    await until(() => outbox.shadowRoot!.activeElement === part(outbox, 'discard-button'));

    // Escape cancels too.
    await sendKeys({ press: 'Enter' });
    await until(() => dialog.open);
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open);
    expect(outbox.count).to.equal(2);

    await sendKeys({ press: 'Enter' });
    await until(() => dialog.open);
    await sendKeys({ press: 'Tab' });
    expect(outbox.shadowRoot!.activeElement).to.equal(part(outbox, 'confirm-discard'));
    await sendKeys({ press: 'Enter' });
    await until(() => !dialog.open && entries(outbox).length === 1);
    await until(() => announced(outbox) !== '');
    expect(text(entries(outbox)[0]!.querySelector('.subject'))).to.equal('call-5');
    expect((await Recorder.for(adapter).pending()).map((entry) => entry.subjectId)).to.deep.equal(['call-5']);
    // Focus goes to the entry now in its place.
    await until(() => outbox.shadowRoot!.activeElement === part(outbox, 'retry-button'));
  });

  it('discarding the last wrap-up leaves focus on the empty message', async () => {
    const adapter = backend();
    const outbox = await mount(adapter);
    await seed(adapter, 'deferred', 'call-6');
    await until(() => entries(outbox).length === 1);
    part(outbox, 'discard-button')!.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = outbox.shadowRoot!.querySelector('dialog')!;
    await until(() => dialog.open);
    expect(text(dialog.querySelector('#discard-text'))).to.equal('call-6 leaves your pending list with no outcome recorded. This cannot be undone.');
    part(outbox, 'confirm-discard')!.click();
    await until(() => part(outbox, 'empty') !== null);
    await until(() => outbox.shadowRoot!.activeElement === part(outbox, 'empty'));
    expect(outbox.matches(':state(has-pending)')).to.be.false;
  });

  it('Resume fires outcome-resume with the subject id, bubbling out of the shadow root', async () => {
    const adapter = backend();
    const outbox = await mount(adapter);
    await seed(adapter, 'deferred', 'call-7');
    await until(() => entries(outbox).length === 1);
    const heard: unknown[] = [];
    document.addEventListener('outcome-resume', (event) => heard.push((event as CustomEvent).detail), { once: true });
    part(outbox, 'resume-button')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(heard).to.deep.equal([{ subjectId: 'call-7' }]);
    // Resuming does not settle it: only recording (or queueing) for the subject does.
    expect(outbox.count).to.equal(1);
  });

  it('follows changes made through the recorder after it rendered: count, :state(has-pending), polite announcement, outcome-pending-change', async () => {
    const adapter = backend();
    const outbox = await mount(adapter);
    const counts: number[] = [];
    outbox.addEventListener('outcome-pending-change', (event) => counts.push(event.detail.count));
    const recorder = Recorder.for(adapter);
    await recorder.defer('call-8');
    await until(() => outbox.count === 1);
    expect(outbox.matches(':state(has-pending)')).to.be.true;
    await until(() => announced(outbox) === '1 wrap-up pending');
    expect(outbox.shadowRoot!.querySelector('[role="status"]')!.closest('[aria-live="assertive"]')).to.equal(null);
    await recorder.queue(record('call-9'));
    await until(() => outbox.count === 2);
    await until(() => announced(outbox) === '2 wrap-ups pending');
    // Recording for a deferred subject settles it.
    await recorder.record(record('call-8'));
    await until(() => outbox.count === 1);
    await recorder.retry((await recorder.pending())[0]!.id);
    await until(() => outbox.count === 0);
    expect(outbox.matches(':state(has-pending)')).to.be.false;
    await until(() => announced(outbox) === 'No wrap-ups pending');
    expect(counts).to.deep.equal([1, 2, 1, 0]);
  });

  it('takes the adapter from the nearest provider', async () => {
    const adapter = backend();
    await Recorder.for(adapter).defer('call-10');
    const outbox = await mount(adapter, html`<outcome-provider .adapter=${adapter}><outcome-outbox></outcome-outbox></outcome-provider>`);
    await until(() => entries(outbox).length === 1);
    expect(text(entries(outbox)[0]!.querySelector('.subject'))).to.equal('call-10');
  });

  it('speaks Spanish under lang="es"', async () => {
    const adapter = backend();
    await seed(adapter, 'deferred', 'llamada-1');
    const outbox = await mount(adapter, html`<div lang="es"><outcome-outbox .adapter=${adapter}></outcome-outbox></div>`);
    await until(() => entries(outbox).length === 1);
    expect(text(entries(outbox)[0]!.querySelector('.meta'))).to.equal('Para terminar más tarde · ahora');
    expect(text(part(outbox, 'resume-button'))).to.equal('Retomar');
    expect(part(outbox, 'list')!.getAttribute('aria-label')).to.equal('Cierres pendientes');
    await expect(outbox).to.be.accessible();
  });

  it('a required popup with no list: Finish later closes it, fires outcome-deferred, the outbox lists the subject, Resume fires outcome-resume', async () => {
    const adapter = backend();
    adapter.listMode = 'down';
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <outcome-outbox .adapter=${adapter}></outcome-outbox>
      <disposition-popup required subject-id="call-20" .adapter=${adapter}></disposition-popup>
    </div>`);
    const outbox = wrapper.querySelector('outcome-outbox')!;
    const popup = wrapper.querySelector<DispositionPopup>('disposition-popup')!;
    const heard: { type: string; detail: unknown }[] = [];
    for (const type of ['outcome-deferred', 'outcome-resume']) wrapper.addEventListener(type, (event) => heard.push({ type, detail: (event as CustomEvent).detail }));
    await until(() => part(outbox, 'empty') !== null);

    const closed = popup.show();
    const finishLater = () => popup.shadowRoot!.querySelector<HTMLElement>('[part~="finish-later"]');
    await until(() => finishLater() !== null);
    await tick(20);
    expect(popup.shadowRoot!.activeElement).to.equal(finishLater());
    await sendKeys({ press: 'Enter' });
    expect(await closed).to.equal(null);
    expect(popup.shadowRoot!.querySelector('dialog')!.open).to.be.false;
    expect(heard).to.deep.equal([{ type: 'outcome-deferred', detail: { subjectId: 'call-20' } }]);

    await until(() => entries(outbox).length === 1);
    expect(entries(outbox)[0]!.getAttribute('part')).to.equal('entry entry-deferred');
    expect(text(entries(outbox)[0]!.querySelector('.subject'))).to.equal('call-20');
    expect(outbox.count).to.equal(1);
    await expect(outbox).to.be.accessible();
    part(outbox, 'resume-button')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(heard[1]).to.deep.equal({ type: 'outcome-resume', detail: { subjectId: 'call-20' } });
  });

  it('leaves the recorder when removed: no more reads, and nothing left running', async () => {
    const adapter = backend();
    const outbox = await mount(adapter);
    const recorder = Recorder.for(adapter);
    let reads = 0;
    const pending = recorder.pending.bind(recorder);
    recorder.pending = () => {
      reads++;
      return pending();
    };
    outbox.remove();
    await recorder.defer('call-30');
    await tick(50);
    expect(reads).to.equal(0);
    recorder.pending = pending;
  });
});
