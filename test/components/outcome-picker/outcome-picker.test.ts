import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { OutcomeAdapter } from '../../../src/adapters/adapter.js';
import { OutcomeAdapterError } from '../../../src/adapters/errors.js';
import { MemoryAdapter } from '../../../src/adapters/memory/memory-adapter.js';
import type { OutcomePicker } from '../../../src/components/outcome-picker/outcome-picker.js';
import { OutcomeStore } from '../../../src/controllers/outcome-store.js';
import { CALL_CENTRE_OUTCOMES, manyOutcomes } from '../../helpers/sample-outcomes.js';

function adapter(outcomeTypes = CALL_CENTRE_OUTCOMES, latencyMs = 0) {
  return new MemoryAdapter({ outcomeTypes, latencyMs });
}

async function ready(picker: OutcomePicker): Promise<OutcomePicker> {
  for (let i = 0; i < 50 && !picker.shadowRoot!.querySelector('[role="radio"], [part~="status"]:not(:empty)'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    await picker.updateComplete;
  }
  await picker.updateComplete;
  return picker;
}

function radios(picker: OutcomePicker): HTMLElement[] {
  return [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')].sort(
    (a, b) => Number(a.dataset['position']) - Number(b.dataset['position']),
  );
}

function names(picker: OutcomePicker): string[] {
  return radios(picker).map((radio) => radio.querySelector('[part="name"]')!.textContent!.trim());
}

function checked(picker: OutcomePicker): string[] {
  return radios(picker)
    .filter((radio) => radio.getAttribute('aria-checked') === 'true')
    .map((radio) => radio.querySelector('[part="name"]')!.textContent!.trim());
}

function dateInput(picker: OutcomePicker): HTMLInputElement | null {
  return picker.shadowRoot!.querySelector('input[type="datetime-local"]');
}

/** What a user typing a date does to the field, as far as the page can tell. */
async function enterDate(picker: OutcomePicker, local: string): Promise<void> {
  const input = dateInput(picker)!;
  input.focus();
  input.value = local;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await picker.updateComplete;
}

function countEvents(target: EventTarget, ...types: string[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(types.map((type) => [type, 0]));
  for (const type of types) target.addEventListener(type, () => counts[type]!++);
  return counts;
}

function localIn(timeZone: string, offsetMs: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(Date.now() + offsetMs);
  const get = (type: string) => parts.find((part) => part.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

describe('<outcome-picker>', () => {
  describe('what it shows', () => {
    it('lists the active outcomes in canonical order as radios, with name and classification', async () => {
      const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" .adapter=${adapter()}></outcome-picker>`));
      expect(names(picker)).to.deep.equal(['Sale', 'Call back', 'Wrong number', 'Do not call', 'Left voicemail']);
      const [sale] = radios(picker);
      expect(sale!.getAttribute('part')).to.equal('choice choice-positive');
      expect(sale!.textContent).to.contain('Positive');
      expect(sale!.getAttribute('aria-posinset')).to.equal('1');
      expect(sale!.getAttribute('aria-setsize')).to.equal('5');
      expect(sale!.getAttribute('aria-description')).to.equal('The customer bought.');
      await expect(picker).to.be.accessible();
    });

    it('filters by kind, category, applies-to and status', async () => {
      const types = [
        ...CALL_CENTRE_OUTCOMES,
        { key: 'demo', name: 'Demo booked', ordinal: 7, appliesTo: ['meetings' as const] },
        { key: 'seen', name: 'Seen', ordinal: 8, category: 'impression' as const },
      ];
      const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" .adapter=${adapter(types)} kind="disposition"></outcome-picker>`));
      expect(names(picker)).to.deep.equal(['Sale', 'Call back', 'Wrong number', 'Do not call', 'Demo booked', 'Seen']);
      picker.setAttribute('applies-to', 'calls');
      picker.setAttribute('category', 'response');
      await picker.updateComplete;
      expect(names(picker)).to.deep.equal(['Sale', 'Call back', 'Wrong number', 'Do not call']);
      picker.removeAttribute('category');
      picker.kind = 'any';
      picker.includeInactive = true;
      await picker.updateComplete;
      expect(names(picker)).to.include.members(['Left voicemail', 'Old promotion']);
    });

    it('groups by classification under headings, each group in canonical order', async () => {
      const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" .adapter=${adapter()} group-by="classification"></outcome-picker>`));
      const rows = [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[part~="group"], [role="radio"]')]
        .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .map((row) => (row.getAttribute('part') === 'group' ? `# ${row.textContent!.trim()}` : row.querySelector('[part="name"]')!.textContent!.trim()));
      expect(rows).to.deep.equal(['# Positive', 'Sale', '# Negative', 'Wrong number', 'Do not call', '# Neutral', 'Call back', 'Left voicemail']);
      await expect(picker).to.be.accessible();
    });

    it('renders hostile names as text, never as markup', async () => {
      const hostile = [
        { key: 'x', name: '<img src=x onerror="window.__pwned=1">', ordinal: 1 },
        { key: 'y', name: '‮evil⁦ ' + 'w'.repeat(300), ordinal: 2, description: '<script>window.__pwned=2</script>' },
      ];
      const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" .adapter=${adapter(hostile)}></outcome-picker>`));
      expect(names(picker)[0]).to.equal('<img src=x onerror="window.__pwned=1">');
      expect(picker.shadowRoot!.querySelector('img, script')).to.equal(null);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      const long = radios(picker)[1]!;
      expect(long.scrollWidth).to.be.at.most(picker.getBoundingClientRect().width + 1);
      expect(long.title).to.contain('w'.repeat(300));
    });

    it('shows loading with aria-busy, then the list', async () => {
      const picker = await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" .adapter=${adapter(CALL_CENTRE_OUTCOMES, 200)}></outcome-picker>`);
      expect(picker.shadowRoot!.querySelector('[part="status"]')!.textContent).to.contain('Loading');
      expect(picker.matches(':state(loading)')).to.be.true;
      await expect(picker).to.be.accessible();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await picker.updateComplete;
      expect(picker.matches(':state(loading)')).to.be.false;
      expect(names(picker)).to.have.length(5);
    });

    it('says so when no outcome is available', async () => {
      const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" .adapter=${adapter([])}></outcome-picker>`));
      expect(picker.shadowRoot!.textContent).to.contain('No outcomes are available.');
      expect(picker.matches(':state(empty)')).to.be.true;
      await expect(picker).to.be.accessible();
    });

    it('shows a load failure with its reason and a retry that works, handing focus to the list', async () => {
      let fail = true;
      const memory = adapter();
      const flaky: OutcomeAdapter = {
        capabilities: memory.capabilities,
        listOutcomeTypes: async () => {
          if (fail) throw new OutcomeAdapterError('network', 'down');
          return memory.listOutcomeTypes();
        },
      };
      const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" .adapter=${flaky}></outcome-picker>`));
      expect(picker.shadowRoot!.textContent).to.contain('The outcomes could not be loaded.');
      expect(picker.shadowRoot!.textContent).to.contain('The server could not be reached.');
      expect(picker.matches(':state(error)')).to.be.true;
      await expect(picker).to.be.accessible();
      fail = false;
      picker.shadowRoot!.querySelector<HTMLButtonElement>('button')!.focus();
      await sendKeys({ press: 'Enter' });
      await ready(picker);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await picker.updateComplete;
      expect(names(picker)).to.have.length(5);
      // The Retry that had focus is gone: the list has it, not <body>.
      expect(picker.shadowRoot!.activeElement?.getAttribute('role')).to.equal('radio');
    });

    it('searches what it shows: names, not the hidden keys', async () => {
      const many = new MemoryAdapter({
        outcomeTypes: Array.from({ length: 30 }, (_, i) => ({ key: `o${i + 1}`, name: `Outcome ${String(i).padStart(2, '0')}` })),
      });
      const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" .adapter=${many}></outcome-picker>`));
      picker.shadowRoot!.querySelector<HTMLInputElement>('[part="search"]')!.focus();
      await sendKeys({ type: 'o2' });
      await picker.updateComplete;
      expect(picker.shownOutcomes, 'o2 is only a key').to.have.length(0);
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: 'outcome 2' });
      await picker.updateComplete;
      expect(picker.shownOutcomes.map((outcome) => outcome.name)).to.deep.equal(['Outcome 02', 'Outcome 12', 'Outcome 20', 'Outcome 21', 'Outcome 22', 'Outcome 23', 'Outcome 24', 'Outcome 25', 'Outcome 26', 'Outcome 27', 'Outcome 28', 'Outcome 29']);
    });

    it('shows a list another element already loaded when it is given that adapter after connecting', async () => {
      const shared = adapter();
      await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="First" .adapter=${shared}></outcome-picker>`));
      const late = await fixture<OutcomePicker>(html`<outcome-picker aria-label="Second"></outcome-picker>`);
      expect(late.shadowRoot!.textContent).to.contain('No data source is connected.');
      late.adapter = shared;
      await late.updateComplete;
      expect(names(late)).to.have.length(5);
    });

    it('shows the last known list with a note of when it was fetched while the backend cannot be reached', async () => {
      const id = `picker-stale-${Math.random()}`;
      const backend = new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES, id });
      // The list is kept on the device in the background after a good load.
      const store = OutcomeStore.for(backend);
      await store.load();
      const { pageLastKnownLists } = await import('../../../src/controllers/last-known-lists.js');
      for (let i = 0; i < 100 && !(await pageLastKnownLists().get(id)); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      const fetchedAt = store.snapshot.fetchedAt!;

      // The next page: the same backend, unreachable.
      const offline: OutcomeAdapter = {
        id,
        capabilities: backend.capabilities,
        listOutcomeTypes: async () => {
          throw new OutcomeAdapterError('network', 'down');
        },
      };
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><outcome-picker aria-label="Resultado" time-zone="Europe/Madrid" .adapter=${offline}></outcome-picker></div>`);
      const picker = await ready(wrapper.querySelector('outcome-picker')!);
      for (let i = 0; i < 50 && !picker.matches(':state(stale)'); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      await picker.updateComplete;
      expect(names(picker)).to.have.length(5);
      const time = new Intl.DateTimeFormat('es', { timeZone: 'Europe/Madrid', hour: '2-digit', minute: '2-digit' }).format(Date.parse(fetchedAt));
      expect(picker.shadowRoot!.querySelector('[part~="stale-note"]')!.textContent).to.equal(`Sin conexión — lista de ${time}`);
      expect(picker.matches(':state(stale)')).to.be.true;
      await expect(picker).to.be.accessible();
      await pageLastKnownLists().delete(id);
    });

    it('speaks Spanish under lang="es"', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="es"><outcome-picker aria-label="Resultado" .adapter=${adapter()} required></outcome-picker></div>`);
      const picker = await ready(wrapper.querySelector('outcome-picker')!);
      expect(radios(picker)[0]!.textContent).to.contain('Positivo');
      expect(picker.validationMessage).to.equal('Elija un resultado.');
    });
  });

  describe('keyboard (APG radio group)', () => {
    it('Tab reaches the group; arrows move and select with wrap-around; input then change per move', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><button type="button">before</button><outcome-picker aria-label="Outcome" name="outcome" .adapter=${adapter()}></outcome-picker></form>`);
      const picker = await ready(form.querySelector('outcome-picker')!);
      const order: string[] = [];
      picker.addEventListener('input', () => order.push(`input:${picker.value}`));
      picker.addEventListener('change', () => order.push(`change:${picker.value}`));
      form.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(picker.shadowRoot!.activeElement?.textContent).to.contain('Sale');
      await sendKeys({ press: 'ArrowDown' });
      await picker.updateComplete;
      expect(picker.value).to.equal('callback');
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      await picker.updateComplete;
      expect(picker.value).to.equal('voicemail');
      expect(checked(picker)).to.deep.equal(['Left voicemail']);
      await new Promise((resolve) => setTimeout(resolve));
      expect(order).to.deep.equal(['input:callback', 'change:callback', 'input:sale', 'change:sale', 'input:voicemail', 'change:voicemail']);
      expect(new FormData(form).get('outcome')).to.equal('voicemail');
    });

    it('Space selects the focused choice; Home and End go to the ends', async () => {
      const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" .adapter=${adapter()}></outcome-picker>`));
      picker.focus();
      await sendKeys({ press: 'Space' });
      await picker.updateComplete;
      expect(picker.value).to.equal('sale');
      await sendKeys({ press: 'End' });
      await picker.updateComplete;
      expect(picker.value).to.equal('voicemail');
      await sendKeys({ press: 'Home' });
      await picker.updateComplete;
      expect(picker.value).to.equal('sale');
    });

    it('type-ahead moves to the next choice starting with the typed letters', async () => {
      const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" .adapter=${adapter()}></outcome-picker>`));
      picker.focus();
      await sendKeys({ type: 'w' });
      await picker.updateComplete;
      expect(picker.value).to.equal('wrong_number');
      // A pause ends the typed prefix, as in a native list.
      await new Promise((resolve) => setTimeout(resolve, 800));
      await sendKeys({ type: 'do' });
      await picker.updateComplete;
      expect(picker.value).to.equal('do_not_call');
    });

    it('Enter submits the owning form', async () => {
      const form = await fixture<HTMLFormElement>(html`<form @submit=${(event: Event) => event.preventDefault()}><outcome-picker aria-label="Outcome" name="o" value="sale" .adapter=${adapter()}></outcome-picker></form>`);
      const picker = await ready(form.querySelector('outcome-picker')!);
      picker.focus();
      setTimeout(() => sendKeys({ press: 'Enter' }));
      const event = (await oneEvent(form, 'submit')) as SubmitEvent;
      expect(event.type).to.equal('submit');
      expect(new FormData(form).get('o')).to.equal('sale');
    });

    it('does nothing while disabled, also through a disabled fieldset', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><fieldset disabled><outcome-picker aria-label="Outcome" name="o" .adapter=${adapter()}></outcome-picker></fieldset></form>`);
      const picker = await ready(form.querySelector('outcome-picker')!);
      radios(picker)[0]!.click();
      await picker.updateComplete;
      expect(picker.value).to.equal('');
      expect(picker.matches(':state(disabled)')).to.be.true;
      expect(radios(picker).every((radio) => radio.tabIndex === -1)).to.be.true;
    });
  });

  describe('form association', () => {
    it('is valueMissing when required, with a localized message shown only after interaction', async () => {
      const form = await fixture<HTMLFormElement>(html`<form novalidate><outcome-picker aria-label="Outcome" name="o" required .adapter=${adapter()}></outcome-picker></form>`);
      const picker = await ready(form.querySelector('outcome-picker')!);
      expect(picker.validity.valueMissing).to.be.true;
      expect(picker.validationMessage).to.equal('Choose an outcome.');
      expect(picker.matches(':state(user-invalid)')).to.be.false;
      expect(picker.shadowRoot!.querySelector('#value-error')).to.equal(null);
      expect(picker.reportValidity()).to.be.false;
      await picker.updateComplete;
      expect(picker.matches(':state(user-invalid)')).to.be.true;
      expect(picker.shadowRoot!.querySelector('#value-error')!.textContent).to.equal('Choose an outcome.');
      await expect(picker).to.be.accessible();
      expect(new FormData(form).has('o')).to.be.false;
    });

    it('restores the value attribute on form.reset()', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><outcome-picker aria-label="Outcome" name="o" value="wrong_number" .adapter=${adapter()}></outcome-picker></form>`);
      const picker = await ready(form.querySelector('outcome-picker')!);
      expect(picker.value).to.equal('wrong_number');
      radios(picker)[0]!.click();
      await picker.updateComplete;
      expect(picker.value).to.equal('sale');
      form.reset();
      await picker.updateComplete;
      expect(picker.value).to.equal('wrong_number');
      expect(new FormData(form).get('o')).to.equal('wrong_number');
    });

    it('fires no input or change on programmatic sets', async () => {
      const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" .adapter=${adapter()}></outcome-picker>`));
      const counts = countEvents(picker, 'input', 'change');
      picker.value = 'sale';
      picker.setAttribute('value', 'callback');
      picker.scheduledAt = new Date(Date.now() + 86_400_000).toISOString();
      await picker.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(counts).to.deep.equal({ input: 0, change: 0 });
      expect(checked(picker)).to.deep.equal(['Sale']);
    });

    it('keeps a value set before the outcomes arrive and applies it when they load', async () => {
      const picker = document.createElement('outcome-picker');
      picker.setAttribute('aria-label', 'Outcome');
      picker.value = 'do_not_call';
      picker.adapter = adapter(CALL_CENTRE_OUTCOMES, 100);
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      host.append(picker);
      expect(picker.value).to.equal('do_not_call');
      await new Promise((resolve) => setTimeout(resolve, 200));
      await picker.updateComplete;
      expect(checked(picker)).to.deep.equal(['Do not call']);
    });

    it('leaves the control empty, says so, and is badInput for a value that names no outcome (a bad value is a state)', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><outcome-picker aria-label="Outcome" name="o" value="gone" required .adapter=${adapter()}></outcome-picker></form>`);
      const picker = await ready(form.querySelector('outcome-picker')!);
      expect(picker.value).to.equal('');
      expect(checked(picker)).to.deep.equal([]);
      expect(picker.shadowRoot!.querySelector('[part="note"]')!.textContent).to.contain('“gone” is not an available outcome');
      expect(picker.validity.badInput).to.be.true;
      expect(picker.validationMessage).to.equal('“gone” is not an available outcome. Choose another.');
      expect(new FormData(form).has('o')).to.be.false;
      radios(picker)[0]!.click();
      await picker.updateComplete;
      expect(picker.validity.valid).to.be.true;
    });
  });

  describe('follow-up date', () => {
    afterEach(() => executeServerCommand('emulate-timezone', { timeZone: 'UTC' }));

    it('appears for outcomes that need it, showing the zone; required, then strictly future', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><outcome-picker aria-label="Outcome" name="o" time-zone="Europe/Madrid" .adapter=${adapter()}></outcome-picker></form>`);
      const picker = await ready(form.querySelector('outcome-picker')!);
      expect(dateInput(picker)).to.equal(null);
      radios(picker)[1]!.click();
      await picker.updateComplete;
      expect(dateInput(picker)).not.to.equal(null);
      expect(picker.shadowRoot!.querySelector('[part="scheduled-at"]')!.textContent).to.contain('Europe/Madrid (GMT+');
      expect(picker.validity.valueMissing).to.be.true;
      expect(picker.validationMessage).to.equal('Choose a date and time for the follow-up.');

      await enterDate(picker, localIn('Europe/Madrid', -3_600_000));
      expect(picker.validity.rangeUnderflow).to.be.true;
      expect(picker.validationMessage).to.match(/^Choose a time after \d{1,2}:\d{2}( [AP]M)? today\.$/);
      await expect(picker).to.be.accessible();

      const future = localIn('Europe/Madrid', 2 * 86_400_000);
      await enterDate(picker, future);
      expect(picker.validity.valid).to.be.true;
      const submitted = new FormData(form);
      expect(submitted.get('o')).to.equal('callback');
      const instant = submitted.get('o-scheduled-at') as string;
      expect(instant).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/);
      expect(picker.scheduledAt).to.equal(instant);
      expect(dateInput(picker)!.value).to.equal(future);
    });

    it('drops the date when the agent switches to an outcome without one', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><outcome-picker aria-label="Outcome" name="o" .adapter=${adapter()}></outcome-picker></form>`);
      const picker = await ready(form.querySelector('outcome-picker')!);
      radios(picker)[1]!.click();
      await picker.updateComplete;
      await enterDate(picker, localIn(picker.effectiveTimeZone, 86_400_000));
      radios(picker)[0]!.click();
      await picker.updateComplete;
      expect([...new FormData(form).keys()]).to.deep.equal(['o']);
      expect(picker.scheduledAt).to.equal('');
    });

    it('rejects a local time skipped by the spring-forward DST gap, with its own message, under emulated New York time', async () => {
      await executeServerCommand('emulate-timezone', { timeZone: 'America/New_York' });
      const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" value="callback" .adapter=${adapter()}></outcome-picker>`));
      expect(picker.effectiveTimeZone).to.equal('America/New_York');
      await enterDate(picker, '2030-03-10T02:30');
      expect(picker.validity.badInput).to.be.true;
      expect(picker.validationMessage).to.contain('does not exist in America/New_York');
      await enterDate(picker, '2030-03-10T03:30');
      expect(picker.validity.valid).to.be.true;
      expect(picker.scheduledAt).to.equal('2030-03-10T07:30:00.000Z');
    });

    it('reads an instant across the fall-back overlap in the zone’s own offset', async () => {
      const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" value="callback" time-zone="Australia/Lord_Howe" .adapter=${adapter()}></outcome-picker>`));
      await enterDate(picker, '2030-04-07T01:45');
      // Lord Howe falls back by 30 minutes at 02:00: 01:45 happens twice; the earlier is UTC+11.
      expect(picker.scheduledAt).to.equal('2030-04-06T14:45:00.000Z');
      await enterDate(picker, '2030-10-06T02:15');
      expect(picker.validity.badInput).to.be.true;
    });
  });

  describe('long lists', () => {
    it('renders only what is visible of 10,000 outcomes, and reaches the last by keyboard', async () => {
      const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" .adapter=${adapter(manyOutcomes(10_000))}></outcome-picker>`));
      expect(radios(picker).length).to.be.below(60);
      expect(radios(picker)[0]!.getAttribute('aria-setsize')).to.equal('10000');
      picker.focus();
      await sendKeys({ press: 'End' });
      await picker.updateComplete;
      expect(picker.value).to.equal('o9999');
      expect(picker.shadowRoot!.activeElement?.textContent).to.contain('Outcome 10000');
      await sendKeys({ press: 'ArrowDown' });
      await picker.updateComplete;
      expect(picker.value).to.equal('o0');
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      await picker.updateComplete;
      expect(picker.value).to.equal('o9998');
      expect(radios(picker).length).to.be.below(60);
      await expect(picker).to.be.accessible();
    });

    it('filters as you type, ignoring accents and case, and moves into the results with ArrowDown', async () => {
      const types = [...manyOutcomes(30), { key: 'llamar', name: 'Llamár más tarde', ordinal: 100 }];
      const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" .adapter=${adapter(types)}></outcome-picker>`));
      const search = picker.shadowRoot!.querySelector<HTMLInputElement>('[part="search"]')!;
      const counts = countEvents(picker, 'input');
      search.focus();
      await sendKeys({ type: 'LLAMAR MAS' });
      await picker.updateComplete;
      expect(names(picker)).to.deep.equal(['Llamár más tarde']);
      expect(counts['input']).to.equal(0);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Space' });
      await picker.updateComplete;
      expect(picker.value).to.equal('llamar');
      search.focus();
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: 'zzz' });
      await picker.updateComplete;
      expect(picker.shadowRoot!.textContent).to.contain('No outcome matches');
    });

    it('keeps the chosen choice reachable by Tab after scrolling far away', async () => {
      const picker = await ready(await fixture<OutcomePicker>(html`<outcome-picker aria-label="Outcome" value="o5000" .adapter=${adapter(manyOutcomes(10_000))}></outcome-picker>`));
      const tabbable = radios(picker).filter((radio) => radio.tabIndex === 0);
      expect(tabbable).to.have.length(1);
      expect(tabbable[0]!.textContent).to.contain('Outcome 05001');
    });
  });

  it('shares one store with every element on the same adapter: a write shows in all', async () => {
    const shared = adapter();
    const wrapper = await fixture<HTMLDivElement>(html`<div><outcome-picker aria-label="A" .adapter=${shared}></outcome-picker><outcome-picker aria-label="B" .adapter=${shared}></outcome-picker></div>`);
    const [a, b] = [...wrapper.querySelectorAll('outcome-picker')];
    await ready(a!);
    await ready(b!);
    await OutcomeStore.for(shared).create({ key: 'new', name: 'Brand new', description: '', classification: 'positive', category: 'response', kind: 'disposition', ordinal: 0, status: 'active', requiresFutureScheduledAt: false });
    await a!.updateComplete;
    await b!.updateComplete;
    expect(names(a!)[0]).to.equal('Brand new');
    expect(names(b!)[0]).to.equal('Brand new');
  });
});
