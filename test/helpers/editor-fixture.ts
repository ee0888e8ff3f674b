import { fixture, html } from '@open-wc/testing';
import type { OutcomeAdapter } from '../../src/adapters/adapter.js';
import type { OutcomeTypeEditor } from '../../src/components/outcome-type-editor/outcome-type-editor.js';
import { until } from './fresh-source.js';

/** One frame painted, then the tasks it queued. */
export const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/**
 * An editor (role editor) in a host `width` wide and of direction `dir`, its list loaded and its
 * rows measured (measured row heights settle in one more update).
 */
export async function mountEditor(adapter: OutcomeAdapter, width: string, dir = 'ltr'): Promise<{ el: OutcomeTypeEditor; host: HTMLDivElement }> {
  const host = await fixture<HTMLDivElement>(html`<div dir=${dir} style="width: ${width}"></div>`);
  const el = document.createElement('outcome-type-editor');
  el.adapter = adapter;
  el.userRole = 'editor';
  host.append(el);
  await until(() => el.shadowRoot?.querySelector('[part~="table"]'), 'the list', 5000);
  await el.updateComplete;
  await frame();
  await el.updateComplete;
  return { el, host };
}
