import { expect, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { DispositionPopup } from '../../../src/components/disposition-popup/disposition-popup.js';
import { composite, contrastRatio, formatRgb, shownBackground } from '../../theming/css-colors.js';
import { RecordingBackend, clearPending } from '../../helpers/recording-backend.js';
import { FakeClock, dialog, memory, mount, notesField, open, part, picker, spoken, tick, updatesAskedForMoreSinceMount } from './popup-fixture.js';

function countdown(popup: DispositionPopup): HTMLElement {
  return part(popup, 'countdown')!;
}

function bar(popup: DispositionPopup): HTMLProgressElement {
  return part(popup, 'countdown-bar') as HTMLProgressElement;
}

async function advance(popup: DispositionPopup, clock: FakeClock, ms: number): Promise<void> {
  clock.advance(ms);
  await popup.updateComplete;
}

describe('<disposition-popup> countdown', () => {
  // Each opening, close and edit shows in the update it caused (Lit's dev mode would warn otherwise).
  afterEach(() => expect(updatesAskedForMoreSinceMount()).to.deep.equal([]));

  beforeEach(async () => {
    sessionStorage.clear();
    localStorage.clear();
    await clearPending();
  });

  it('shows the time as text and as a progress bar, and from the start what happens at 0:00', async () => {
    const clock = new FakeClock();
    const { popup } = await mount(html`<disposition-popup subject-id="c1" timeout="60" default-outcome="do_not_call" .adapter=${memory()} .clock=${clock}></disposition-popup>`);
    await open(popup);
    const timer = countdown(popup).querySelector('[role="timer"]')!;
    expect(timer.textContent).to.contain('Time left: 1:00');
    expect(bar(popup).max).to.equal(60);
    expect(bar(popup).value).to.equal(60);
    expect(bar(popup).getAttribute('aria-labelledby')).to.equal(timer.id);
    expect(countdown(popup).textContent).to.contain('At 0:00: Do not call will be recorded.');
    await expect(popup).to.be.accessible();
  });

  it('says what happens without a default outcome: nothing is recorded, the popup waits', async () => {
    const clock = new FakeClock();
    const { popup } = await mount(html`<disposition-popup subject-id="c2" timeout="30" .adapter=${memory()} .clock=${clock}></disposition-popup>`);
    await open(popup);
    expect(countdown(popup).textContent).to.contain('At 0:00 nothing is recorded for you');
  });

  for (const lang of ['en', 'es'] as const) {
    it(`changes colour at half time and at 10 s, and says so politely at 30 s and 10 s (${lang})`, async () => {
      const clock = new FakeClock();
      const { popup } = await mount(
        html`<div lang=${lang}><disposition-popup subject-id="c3" timeout="60" default-outcome="do_not_call" .adapter=${memory()} .clock=${clock}></disposition-popup></div>`,
      );
      await open(popup);
      const stage = () => countdown(popup).getAttribute('part');
      expect(stage()).to.equal('countdown');
      await advance(popup, clock, 25_000);
      expect(stage()).to.equal('countdown');
      expect(spoken(popup)).not.to.match(/\d/);
      await advance(popup, clock, 5_000);
      expect(stage()).to.equal('countdown countdown-half');
      expect(bar(popup).value).to.equal(30);
      expect(spoken(popup)).to.contain(lang === 'en' ? '30 seconds left. At 0:00: Do not call will be recorded.' : 'Quedan 30 segundos. Al llegar a 0:00 se registrará: Do not call.');
      await expect(popup).to.be.accessible();
      await advance(popup, clock, 19_000);
      expect(stage()).to.equal('countdown countdown-half');
      await advance(popup, clock, 1_000);
      expect(stage()).to.equal('countdown countdown-urgent');
      expect(spoken(popup)).to.contain(lang === 'en' ? '10 seconds left' : 'Quedan 10 segundos');
      await expect(popup).to.be.accessible();
    });
  }

  it('extends by the button and by +, as often as max-extensions allows, never from a text field', async () => {
    const clock = new FakeClock();
    const { popup } = await mount(html`<disposition-popup subject-id="c4" timeout="20" default-outcome="do_not_call" .adapter=${memory()} .clock=${clock}></disposition-popup>`);
    await open(popup);
    await advance(popup, clock, 12_000);
    expect(countdown(popup).getAttribute('part')).to.equal('countdown countdown-urgent');
    const extend = part(popup, 'extend') as HTMLButtonElement;
    expect(extend.textContent!.trim()).to.equal('Add 30 s (2 left)');
    expect(extend.getAttribute('aria-keyshortcuts')).to.equal('+');
    expect(part(popup, 'hint')!.textContent).to.contain('+ for more time');

    extend.click();
    await popup.updateComplete;
    expect(countdown(popup).textContent).to.contain('Time left: 0:38');
    expect(spoken(popup)).to.contain('Time left: 0:38.');
    // The bar's whole is the time given so far.
    expect(bar(popup).max).to.equal(50);
    expect(countdown(popup).getAttribute('part')).to.equal('countdown');
    expect(part(popup, 'extend')!.textContent!.trim()).to.equal('Add 30 s (1 left)');

    // `+` typed in the notes is text, not a command.
    notesField(popup).focus();
    await sendKeys({ type: '+1' });
    expect(notesField(popup).value).to.equal('+1');
    picker(popup).focus();
    await sendKeys({ press: '+' });
    await popup.updateComplete;
    expect(countdown(popup).textContent).to.contain('Time left: 1:08');
    expect(part(popup, 'extend')!.getAttribute('aria-disabled')).to.equal('true');
    expect(part(popup, 'hint')!.textContent).not.to.contain('+ for more time');
    await expect(popup).to.be.accessible();

    await sendKeys({ press: '+' });
    await popup.updateComplete;
    expect(countdown(popup).textContent).to.contain('Time left: 1:08');
    expect(spoken(popup)).to.contain('No more time can be added.');
  });

  it('takes extend-by and max-extensions; with max-extensions="0" there is no Extend at all', async () => {
    const clock = new FakeClock();
    const { popup } = await mount(html`<disposition-popup subject-id="c5" timeout="30" extend-by="15" max-extensions="1" .adapter=${memory()} .clock=${clock}></disposition-popup>`);
    await open(popup);
    expect(part(popup, 'extend')!.textContent!.trim()).to.equal('Add 15 s (1 left)');
    await sendKeys({ press: '+' });
    await popup.updateComplete;
    expect(countdown(popup).textContent).to.contain('Time left: 0:45');
    await sendKeys({ press: '+' });
    await popup.updateComplete;
    expect(countdown(popup).textContent).to.contain('Time left: 0:45');

    const none = (await mount(html`<disposition-popup subject-id="c6" timeout="30" max-extensions="0" .adapter=${memory()} .clock=${clock}></disposition-popup>`)).popup;
    await open(none);
    expect(part(none, 'extend')).to.equal(null);
    await sendKeys({ press: '+' });
    await none.updateComplete;
    expect(countdown(none).textContent).to.contain('Time left: 0:30');
  });

  it('continues the same countdown after a reload, extensions included, and records the default at its deadline', async () => {
    const clock = new FakeClock();
    const adapter = memory();
    const first = await mount(html`<disposition-popup subject-id="call-r" timeout="60" default-outcome="do_not_call" .adapter=${adapter} .clock=${clock}></disposition-popup>`);
    await open(first.popup);
    await advance(first.popup, clock, 20_000);
    await sendKeys({ press: '+' });
    await first.popup.updateComplete;
    expect(countdown(first.popup).textContent).to.contain('Time left: 1:10');
    first.wrapper.remove();

    // The page reloads 5 s later: the same subject and adapter continue the same countdown.
    clock.advance(5_000);
    const second = await mount(html`<disposition-popup subject-id="call-r" timeout="60" default-outcome="do_not_call" .adapter=${adapter} .clock=${clock}></disposition-popup>`);
    const [result] = await open(second.popup);
    expect(countdown(second.popup).textContent).to.contain('Time left: 1:05');
    expect(part(second.popup, 'extend')!.textContent!.trim()).to.equal('Add 30 s (1 left)');
    expect(bar(second.popup).max).to.equal(90);
    await advance(second.popup, clock, 65_000);
    expect(await result).to.deep.include({ outcomeKey: 'do_not_call', source: 'timeout' });
    expect(adapter.listRecords()).to.have.length(1);
  });

  it('keeps time paused across a reload while the agent was typing', async () => {
    const clock = new FakeClock();
    const adapter = memory();
    const first = await mount(html`<disposition-popup subject-id="call-p" timeout="60" .adapter=${adapter} .clock=${clock}></disposition-popup>`);
    await open(first.popup);
    await advance(first.popup, clock, 10_000);
    notesField(first.popup).focus();
    await advance(first.popup, clock, 30_000);
    expect(countdown(first.popup).textContent).to.contain('Time left: 0:50');
    expect(countdown(first.popup).textContent).to.contain('Paused while you type.');
    first.wrapper.remove();
    const second = await mount(html`<disposition-popup subject-id="call-p" timeout="60" .adapter=${adapter} .clock=${clock}></disposition-popup>`);
    await open(second.popup);
    expect(countdown(second.popup).textContent).to.contain('Time left: 0:50');
  });

  it('stops once the agent has submitted, and does not start again after a reload', async () => {
    const clock = new FakeClock();
    const backend = new RecordingBackend('memory:countdown-stop');
    backend.mode = 'down';
    const first = await mount(html`<disposition-popup subject-id="call-s" timeout="30" default-outcome="do_not_call" .adapter=${backend} .clock=${clock}></disposition-popup>`);
    await open(first.popup);
    await sendKeys({ press: '1' });
    await sendKeys({ press: 'Enter' });
    for (let i = 0; i < 50 && !part(first.popup, 'error'); i++) await tick(10);
    expect(countdown(first.popup)).to.equal(null);
    first.wrapper.remove();
    const second = await mount(html`<disposition-popup subject-id="call-s" timeout="30" default-outcome="do_not_call" .adapter=${backend} .clock=${clock}></disposition-popup>`);
    await open(second.popup);
    expect(countdown(second.popup)).to.equal(null);
    clock.advance(60_000);
    await tick(20);
    expect(backend.attempts.map((attempt) => attempt.record.source)).to.deep.equal(['agent']);
    expect(dialog(second.popup).open).to.be.true;
  });

  it('starts afresh when the popup is opened again after it was closed', async () => {
    const clock = new FakeClock();
    const { popup } = await mount(html`<disposition-popup subject-id="call-o" timeout="30" .adapter=${memory()} .clock=${clock}></disposition-popup>`);
    await open(popup);
    await advance(popup, clock, 20_000);
    popup.hide();
    await open(popup);
    expect(countdown(popup).textContent).to.contain('Time left: 0:30');
  });

  describe('contrast (WCAG AA, 4.5:1)', () => {
    afterEach(() => emulateMedia({}));

    for (const scheme of ['light', 'dark'] as const) {
      it(`the time, what happens at 0:00 and Extend at every stage, ${scheme} scheme`, async () => {
        await emulateMedia({ colorScheme: scheme });
        const clock = new FakeClock();
        const { popup } = await mount(
          html`<div style="color-scheme: light dark; background: Canvas"><disposition-popup subject-id="c7" timeout="60" default-outcome="do_not_call" .adapter=${memory()} .clock=${clock}></disposition-popup></div>`,
        );
        await open(popup);
        const failing: string[] = [];
        const surface = composite(getComputedStyle(dialog(popup)).backgroundColor);
        expect(contrastRatio(surface, composite('#fff')) > 10, 'the scheme took effect').to.equal(scheme === 'dark');
        for (const [stage, ms] of [['calm', 0], ['half', 30_000], ['urgent', 20_000]] as const) {
          await advance(popup, clock, ms);
          const texts = [...countdown(popup).querySelectorAll<HTMLElement>('p, button')];
          expect(texts.length, stage).to.equal(3);
          for (const element of texts) {
            const text = composite(getComputedStyle(element).color);
            const background = shownBackground(element, 'Canvas');
            const ratio = contrastRatio(text, background);
            if (ratio < 4.5) failing.push(`${stage}: "${element.textContent!.trim()}" ${formatRgb(text)} on ${formatRgb(background)} = ${ratio.toFixed(2)}`);
          }
        }
        expect(failing).to.deep.equal([]);
        popup.hide();
      });
    }
  });

  it('paints only system colours under forced colours', async () => {
    await executeServerCommand('emulate-media-features', { features: [{ name: 'forced-colors', value: 'active' }] });
    try {
      expect(matchMedia('(forced-colors: active)').matches, 'forced colours emulated').to.be.true;
      const clock = new FakeClock();
      const { popup } = await mount(html`<disposition-popup subject-id="c8" timeout="60" default-outcome="do_not_call" .adapter=${memory()} .clock=${clock}></disposition-popup>`);
      await open(popup);
      await advance(popup, clock, 50_000);
      const probe = document.createElement('span');
      document.body.append(probe);
      const system = new Set(
        ['Canvas', 'CanvasText', 'LinkText', 'GrayText', 'Highlight', 'HighlightText', 'ButtonFace', 'ButtonText', 'ButtonBorder', 'Field', 'FieldText', 'Mark'].map((name) => {
          probe.style.color = name;
          return formatRgb(composite(getComputedStyle(probe).color));
        }),
      );
      probe.remove();
      const problems: string[] = [];
      for (const element of [countdown(popup), ...countdown(popup).querySelectorAll('*')]) {
        const style = getComputedStyle(element);
        const label = element.getAttribute('part') ?? element.localName;
        for (const [what, value] of [['color', style.color], ['background', style.backgroundColor], ['border', style.borderTopColor]] as const) {
          const colour = composite(value);
          if (colour.a > 0 && !system.has(formatRgb(colour))) problems.push(`${label} ${what} ${formatRgb(colour)}`);
        }
      }
      expect(problems).to.deep.equal([]);
    } finally {
      await executeServerCommand('emulate-media-features', { features: [] });
    }
  });
});
