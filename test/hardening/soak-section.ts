// Faults soak, one worker per tab: dispositions recorded through real <disposition-popup>s, one
// after another, against the runner's server that resets, stalls and answers 500/503/429 at
// random. After a failure an agent retries once or queues the record at once; every tab delivers
// the shared outbox now and then while the others record. Every popup must end closed, its draft
// cleared, its promise settled. Tabs use two adapters with different ids on the one origin (their
// submit paths differ, so the server tells which one a record came through): a record queued
// through one must never be sent through the other.
import { TaskResultTypeAdapter } from '../../src/adapters/task-results/task-result-type-adapter.js';
import type { DispositionPopup } from '../../src/components/disposition-popup/disposition-popup.js';
import type { OutcomePicker } from '../../src/components/outcome-picker/outcome-picker.js';
import { OutcomeStore } from '../../src/controllers/outcome-store.js';
import { pagePendingStore } from '../../src/controllers/pending-store.js';
import type { RecordedOutcome } from '../../src/model/types.js';
import { key, settled, shadow, sleep, stage, until } from './harness.js';

const DRAFT_PREFIX = 'outcome-elements:draft:';

/** The two backends of the soak: the same server, told apart by the submit path (`B~` for B). */
export type SoakBackend = 'A' | 'B';
export const SUBMIT_PREFIX: Record<SoakBackend, string> = { A: '', B: 'B~' };

/** subjectId → how many `outcome-recorded` events this tab saw for it. */
const acknowledged = new Map<string, number>();
document.addEventListener('outcome-recorded', (event) => {
  const { subjectId } = (event as CustomEvent<RecordedOutcome>).detail;
  acknowledged.set(subjectId, (acknowledged.get(subjectId) ?? 0) + 1);
});

function soakAdapter(backend: SoakBackend): TaskResultTypeAdapter {
  return new TaskResultTypeAdapter({
    id: `soak-${backend}`,
    baseUrl: location.origin,
    apiKey: 'task-key',
    resultPath: (id) => `/api/integration/tasks/${SUBMIT_PREFIX[backend]}${id}/result`,
    // Short enough to fit CI: a stalled request is abandoned after 400 ms and retried.
    timeoutMs: 400,
    // One retry inside the adapter, so that the agent's own retries and the outbox get used.
    retries: 1,
    retryDelayMs: 20,
    maxRetryDelayMs: 100,
    maxRetryAfterMs: 1000,
  });
}

let adapter: TaskResultTypeAdapter | undefined;

async function ready(backend: SoakBackend): Promise<TaskResultTypeAdapter> {
  adapter ??= soakAdapter(backend);
  const store = OutcomeStore.for(adapter);
  // The list itself meets the faults too: an agent presses Retry until it arrives.
  for (let attempt = 0; store.snapshot.status !== 'ready'; attempt++) {
    await store.reload().catch(() => sleep(20));
    if (attempt > 50) throw new Error('the outcome list never arrived');
  }
  return adapter;
}

export interface SoakReport {
  attempted: string[];
  recordedAtOnce: number;
  queued: number;
  retries: number;
  wrongEndings: string[];
}

/** Records `count` dispositions for subjects `<prefix>-<n>` through one popup each. */
export async function soakWorker(prefix: string, count: number, backend: SoakBackend): Promise<SoakReport> {
  const root = stage();
  const adapter = await ready(backend);
  const report: SoakReport = { attempted: [], recordedAtOnce: 0, queued: 0, retries: 0, wrongEndings: [] };
  // One popup per tab, opened for call after call, as an agent desktop keeps it.
  const popup = document.createElement('disposition-popup') as DispositionPopup;
  popup.adapter = adapter;
  root.append(popup);
  let queued = false;
  popup.addEventListener('outcome-queued', () => (queued = true));
  for (let index = 0; index < count; index++) {
    const subjectId = `${prefix}-${index}`;
    report.attempted.push(subjectId);
    popup.subjectId = subjectId;
    popup.required = true;
    queued = false;
    await settled(popup);
    const result = popup.show();
    const dialog = shadow(popup, 'dialog')!;
    const picker = await until(() => shadow<OutcomePicker>(popup, 'outcome-picker'), 'the popup picker');
    await until(() => shadow(picker, '[role="radio"]'), 'the popup choices');
    // Digits 1, 2 and 4 are answers without a date; 3 (RESCHEDULE) needs one.
    const digit = ['1', '2', '3', '4'][index % 4]!;
    key(dialog, digit);
    await settled(popup);
    if (digit === '3') {
      picker.scheduledAt = new Date(Date.now() + 86_400_000 + index * 60_000).toISOString();
      picker.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await settled(picker);
    }
    key(dialog, 'Enter');
    for (let failures = 0; popup.open; ) {
      await until(() => !popup.open || (popup.matches(':state(failed)') && !popup.matches(':state(submitting)')), 'an answer', 10_000);
      if (!popup.open) break;
      failures++;
      // Half the agents retry once before queueing the record for later; the others queue at once.
      if (failures <= 1 && index % 2 === 1) {
        report.retries++;
        shadow<HTMLButtonElement>(popup, '[part~="submit"]')!.click();
      } else {
        const queue = shadow<HTMLButtonElement>(popup, '[part~="queue"]');
        if (!queue) {
          report.wrongEndings.push(`${subjectId}: failed for good: ${shadow(popup, '[part~="error"]')?.textContent}`);
          popup.required = false;
          popup.hide();
          break;
        }
        queue.click();
      }
      await sleep(0);
    }
    const recorded = await result;
    // The network comes back now and then: every tab flushes the shared outbox while the others
    // are still recording and queueing, which is when two tabs could deliver one entry twice.
    if (index % 10 === 9) window.dispatchEvent(new Event('online'));
    if (queued) report.queued++;
    else if (recorded?.subjectId === subjectId) report.recordedAtOnce++;
    else report.wrongEndings.push(`${subjectId}: resolved with ${JSON.stringify(recorded)} and nothing queued`);
    if (popup.open || shadow<HTMLDialogElement>(popup, 'dialog')!.open) report.wrongEndings.push(`${subjectId}: still open`);
    if (sessionStorage.getItem(`${DRAFT_PREFIX}${adapter.id}:${subjectId}`) !== null) report.wrongEndings.push(`${subjectId}: draft left behind`);
  }
  return report;
}

/** Entries of every adapter still in the outbox (shared by every tab of the origin). */
async function outboxStates(): Promise<string[]> {
  return ((await pagePendingStore().all()) as { state?: string }[]).map((entry) => entry.state ?? 'unreadable');
}

export async function outboxPending(): Promise<number> {
  return (await outboxStates()).filter((state) => state === 'queued').length;
}

export async function outboxRejected(): Promise<number> {
  return (await outboxStates()).filter((state) => state !== 'queued').length;
}

/**
 * Lets the tab's popup deliver the outbox (it flushes on `online`, as after a network outage)
 * until nothing is pending, then waits for the deliveries to be announced.
 */
export async function drainOutbox(timeoutMs = 20_000): Promise<number> {
  const popup = document.querySelector('disposition-popup');
  if (!popup) throw new Error('no popup to deliver the outbox');
  const end = performance.now() + timeoutMs;
  let rounds = 0;
  while ((await outboxPending()) > 0 && performance.now() < end) {
    rounds++;
    window.dispatchEvent(new Event('online'));
    await sleep(250);
  }
  await sleep(500);
  return rounds;
}

export function acknowledgedCounts(): Record<string, number> {
  return Object.fromEntries(acknowledged);
}
