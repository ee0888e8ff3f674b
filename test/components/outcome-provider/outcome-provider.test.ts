import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { MemoryAdapter } from '../../../src/adapters/memory/memory-adapter.js';
import { defineOutcomeElements } from '../../../src/define.js';
import { OutcomeProvider } from '../../../src/components/outcome-provider/outcome-provider.js';
import type { ProbeElement } from '../../helpers/probe-elements.js';
import '../../helpers/probe-elements.js';

function read(probe: ProbeElement, id: string): string {
  return probe.shadowRoot!.getElementById(id)!.textContent!.trim();
}

async function settled(probe: ProbeElement): Promise<void> {
  await probe.outcomes.store?.load().catch(() => undefined);
  await probe.updateComplete;
}

describe('<outcome-provider>', () => {
  it('is registered by define, idempotently', () => {
    expect(customElements.get('outcome-provider')).to.equal(OutcomeProvider);
    expect(() => defineOutcomeElements()).not.to.throw();
  });

  it('gives its adapter to descendants, which load through the shared store', async () => {
    const adapter = new MemoryAdapter();
    const element = await fixture<OutcomeProvider>(html`
      <outcome-provider .adapter=${adapter} user-role="editor">
        <div><probe-element></probe-element></div>
      </outcome-provider>`);
    const probe = element.querySelector('probe-element')!;
    await settled(probe);
    expect(probe.effectiveAdapter).to.equal(adapter);
    expect(read(probe, 'count')).to.equal('10');
    expect(read(probe, 'role')).to.equal('editor');
    await expect(element).to.be.accessible();
  });

  it('lets an element’s own adapter win over the provider’s', async () => {
    const own = new MemoryAdapter({ outcomeTypes: [{ key: 'only', name: 'Only' }] });
    const element = await fixture<OutcomeProvider>(html`
      <outcome-provider .adapter=${new MemoryAdapter()}><probe-element .adapter=${own}></probe-element></outcome-provider>`);
    const probe = element.querySelector('probe-element')!;
    await settled(probe);
    expect(read(probe, 'count')).to.equal('1');
  });

  it('switches descendants to a new adapter when the provider gets one', async () => {
    const element = await fixture<OutcomeProvider>(html`
      <outcome-provider .adapter=${new MemoryAdapter()}><probe-element></probe-element></outcome-provider>`);
    const probe = element.querySelector('probe-element')!;
    await settled(probe);
    element.adapter = new MemoryAdapter({ outcomeTypes: [{ key: 'a', name: 'A' }, { key: 'b', name: 'B' }] });
    await element.updateComplete;
    await probe.updateComplete;
    await settled(probe);
    expect(read(probe, 'count')).to.equal('2');
  });

  it('nests: an inner provider keeps the outer adapter and overrides role and language', async () => {
    const adapter = new MemoryAdapter();
    const element = await fixture<OutcomeProvider>(html`
      <outcome-provider .adapter=${adapter} user-role="editor" lang="en">
        <outcome-provider user-role="viewer" lang="es"><probe-element></probe-element></outcome-provider>
      </outcome-provider>`);
    const probe = element.querySelector('probe-element')!;
    await settled(probe);
    expect(probe.effectiveAdapter).to.equal(adapter);
    expect(read(probe, 'role')).to.equal('viewer');
    expect(read(probe, 'locale')).to.equal('es');
    expect(read(probe, 'retry')).to.equal('Reintentar');
  });

  it('takes the more restrictive of the user role and the adapter role; viewer by default', async () => {
    const element = await fixture<OutcomeProvider>(html`
      <outcome-provider .adapter=${new MemoryAdapter({ role: 'viewer' })} user-role="editor">
        <probe-element></probe-element>
      </outcome-provider>`);
    const probe = element.querySelector('probe-element')!;
    await settled(probe);
    expect(read(probe, 'role')).to.equal('viewer');
    const lone = await fixture<ProbeElement>(html`<probe-element .adapter=${new MemoryAdapter()}></probe-element>`);
    await settled(lone);
    expect(read(lone, 'role')).to.equal('viewer');
  });

  it('re-localizes when the nearest lang changes, through shadow roots', async () => {
    const host = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const probe = document.createElement('probe-element');
    shadow.append(probe);
    await probe.updateComplete;
    expect(read(probe, 'retry')).to.equal('Retry');
    host.setAttribute('lang', 'es-MX');
    await new Promise((resolve) => setTimeout(resolve));
    await probe.updateComplete;
    expect(read(probe, 'locale')).to.equal('es');
    expect(read(probe, 'retry')).to.equal('Reintentar');
  });

  it('shows nothing of its own: its children lay out as if it were not there', async () => {
    const element = await fixture<OutcomeProvider>(html`<outcome-provider><span>child</span></outcome-provider>`);
    expect(getComputedStyle(element).display).to.equal('contents');
  });
});
