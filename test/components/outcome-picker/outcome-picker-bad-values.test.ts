// Issue 13, item 9: whatever a host or a draft puts in `value`, `scheduled-at` or `time-zone`
// either applies or is a badInput state with a message; rendering, validity and FormData never throw.
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../../src/define.js';
import { MemoryAdapter } from '../../../src/adapters/memory/memory-adapter.js';
import type { OutcomePicker } from '../../../src/components/outcome-picker/outcome-picker.js';
import { CALL_CENTRE_OUTCOMES } from '../../helpers/sample-outcomes.js';

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

async function pickerIn(form: HTMLFormElement): Promise<OutcomePicker> {
  const picker = form.querySelector('outcome-picker')!;
  for (let i = 0; i < 100 && !picker.shadowRoot!.querySelector('[role="radio"]'); i++) await frame();
  await picker.updateComplete;
  return picker;
}

function choices(picker: OutcomePicker): HTMLElement[] {
  return [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')];
}

describe('<outcome-picker> bad values are states, not crashes', () => {
  const adapter = new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES });

  for (const [label, scheduledAt] of [
    ['month 13', '2026-13-01T10:00:00Z'],
    ['minute 60', '2030-01-01T10:60:00Z'],
    ['offset +25:00', '2030-01-01T10:00:00+25:00'],
    ['31 February', '2030-02-31T10:00:00Z'],
    ['no zone', '2030-01-01T10:00:00'],
  ] as const) {
    it(`scheduled-at with ${label} (${scheduledAt}) is badInput; the choices still render and work`, async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><outcome-picker aria-label="Outcome" name="o" value="callback" scheduled-at=${scheduledAt} .adapter=${adapter}></outcome-picker></form>`,
      );
      const picker = await pickerIn(form);
      expect(choices(picker)).to.have.length(5);
      expect(picker.checkValidity()).to.be.false;
      expect(picker.validity.badInput).to.be.true;
      expect(picker.validationMessage).not.to.equal('');
      const data = new FormData(form);
      expect(data.get('o')).to.equal('callback');
      expect(data.has('o-scheduled-at')).to.be.false;
      // Clicks are not ignored.
      choices(picker).find((row) => row.textContent!.includes('Sale'))!.click();
      await picker.updateComplete;
      expect(picker.value).to.equal('sale');
      expect(picker.checkValidity()).to.be.true;
    });
  }

  it('a valid instant with an offset applies, submitted in UTC', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><outcome-picker aria-label="Outcome" name="o" value="callback" scheduled-at="2099-01-02T03:04:05+02:00" .adapter=${adapter}></outcome-picker></form>`,
    );
    const picker = await pickerIn(form);
    expect(picker.checkValidity()).to.be.true;
    expect(new FormData(form).get('o-scheduled-at')).to.equal('2099-01-02T01:04:05.000Z');
  });

  it('time-zone="Mars/Olympus" is badInput naming it while a follow-up applies; irrelevant otherwise', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><outcome-picker aria-label="Outcome" name="o" value="callback" time-zone="Mars/Olympus" scheduled-at="2099-01-01T10:00:00Z" .adapter=${adapter}></outcome-picker></form>`,
    );
    const picker = await pickerIn(form);
    expect(choices(picker)).to.have.length(5);
    expect(picker.validity.badInput).to.be.true;
    expect(picker.validationMessage).to.contain('Mars/Olympus');
    expect(picker.shadowRoot!.textContent).to.contain('Mars/Olympus');
    picker.value = 'sale';
    await picker.updateComplete;
    expect(picker.checkValidity()).to.be.true;
  });

  it('a value that names no outcome is badInput with a message, whatever the string', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><outcome-picker aria-label="Outcome" name="o" value="__proto__" .adapter=${adapter}></outcome-picker></form>`);
    const picker = await pickerIn(form);
    expect(picker.value).to.equal('');
    expect(picker.validity.badInput).to.be.true;
    expect(picker.validationMessage).to.contain('__proto__');
    picker.value = 'constructor';
    await picker.updateComplete;
    expect(picker.selectedOutcome).to.equal(null);
    expect(picker.validity.badInput).to.be.true;
  });

  it('property: arbitrary value, scheduled-at and time-zone never make render, checkValidity, reportValidity or FormData throw', async () => {
    const form = await fixture<HTMLFormElement>(html`<form novalidate><outcome-picker aria-label="Outcome" name="o" required .adapter=${adapter}></outcome-picker></form>`);
    const picker = await pickerIn(form);
    const digits = (length: number, max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(length, '0'));
    // Near-misses of ISO instants, where parsers go wrong, as well as any string.
    const isoish = fc
      .tuple(digits(4, 9999), digits(2, 99), digits(2, 99), digits(2, 99), digits(2, 99), digits(2, 99), fc.constantFrom('Z', '+25:00', '-03:30', '+0100', '', 'z', '+14:00'))
      .map(([y, mo, d, h, mi, s, zone]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.constantFrom('sale', 'callback', '', 'gone')),
        fc.oneof(fc.string(), isoish, fc.constant('')),
        fc.oneof(fc.string(), fc.constantFrom('Europe/Madrid', 'UTC', '+05:30', 'Mars/Olympus', '')),
        async (value, scheduledAt, timeZone) => {
          picker.value = value;
          picker.scheduledAt = scheduledAt;
          picker.timeZone = timeZone;
          await picker.updateComplete;
          expect(choices(picker), 'the choices render').to.have.length(5);
          const valid = picker.checkValidity();
          picker.reportValidity();
          new FormData(form);
          if (!valid) expect(picker.validationMessage, 'an invalid state says why').not.to.equal('');
        },
      ),
      { numRuns: 150 },
    );
  });
});
