// What the framework tests look at: the elements' rendered choices, the popup's keyboard flow,
// and the console (React and Vue report misuse there, not by throwing).
import { waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DispositionPopup } from '../../src/components/disposition-popup/disposition-popup.js';
import type { OutcomePicker } from '../../src/components/outcome-picker/outcome-picker.js';

/** The picker's radios, once its outcomes have rendered. */
export async function choicesOf(picker: OutcomePicker): Promise<HTMLElement[]> {
  await waitUntil(() => picker.shadowRoot?.querySelector('[role="radio"]'), 'the picker rendered no choices', { timeout: 3000 });
  return [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')];
}

/** The name of the choice the picker shows as checked, or null. */
export function checkedName(picker: OutcomePicker): string | null {
  const checked = picker.shadowRoot?.querySelector('[role="radio"][aria-checked="true"] [part~="name"]');
  return checked?.textContent?.trim() ?? null;
}

/** Opens the popup, chooses its first outcome by keyboard and records it. */
export async function recordFirstOutcome(popup: DispositionPopup): Promise<void> {
  void popup.show();
  await waitUntil(
    () => popup.shadowRoot?.querySelector('outcome-picker')?.shadowRoot?.activeElement?.getAttribute('role') === 'radio',
    'the popup did not focus its outcome list',
    { timeout: 3000 },
  );
  await sendKeys({ press: '1' });
  await sendKeys({ press: 'Enter' });
}

/**
 * Collects what frameworks say about misuse from the moment it is called until `stop()`: every
 * console.error (React) and Vue's warnings (Lit's own dev-mode notice is not a complaint).
 */
export function watchFrameworkComplaints(): { complaints: string[]; stop: () => void } {
  const complaints: string[] = [];
  const { error, warn } = console;
  console.error = (...args: unknown[]) => {
    complaints.push(args.map(String).join(' '));
    error.apply(console, args);
  };
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (text.startsWith('[Vue warn]')) complaints.push(text);
    warn.apply(console, args);
  };
  return {
    complaints,
    stop: () => {
      console.error = error;
      console.warn = warn;
    },
  };
}
