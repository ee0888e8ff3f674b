import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/define.js';
import { MemoryAdapter } from '../../src/adapters/memory/memory-adapter.js';
import type { OutcomePicker } from '../../src/components/outcome-picker/outcome-picker.js';
import { CALL_CENTRE_OUTCOMES } from '../helpers/sample-outcomes.js';

export function callCentreAdapter(): MemoryAdapter {
  return new MemoryAdapter({ outcomeTypes: CALL_CENTRE_OUTCOMES });
}

/** Waits until the picker shows its choices (or a status), as a user would. */
export async function pickerReady(picker: OutcomePicker): Promise<OutcomePicker> {
  for (let i = 0; i < 100 && !picker.shadowRoot!.querySelector('[role="radio"], [part~="status"]:not(:empty)'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    await picker.updateComplete;
  }
  await picker.updateComplete;
  return picker;
}

/** A call-centre picker inside `wrap` (a template with one `outcome-picker` in it). */
export async function renderPicker(wrap: (picker: TemplateResult) => TemplateResult = (picker) => picker): Promise<OutcomePicker> {
  const adapter = callCentreAdapter();
  const root = await fixture<HTMLElement>(
    wrap(html`<outcome-picker aria-label="Call outcome" .adapter=${adapter}></outcome-picker>`),
  );
  const picker = root.localName === 'outcome-picker' ? (root as OutcomePicker) : root.querySelector('outcome-picker')!;
  return pickerReady(picker);
}

export function choices(picker: OutcomePicker): HTMLElement[] {
  return [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')].sort(
    (a, b) => Number(a.dataset['position']) - Number(b.dataset['position']),
  );
}

export function part(element: HTMLElement, name: string): HTMLElement {
  const found = element.querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!found) throw new Error(`no part "${name}" in ${element.localName} ${element.getAttribute("part") ?? ""}`);
  return found;
}
