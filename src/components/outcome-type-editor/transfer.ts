import { html, nothing, type TemplateResult } from 'lit';
import { onDemand } from '../../controllers/on-demand.js';
import { OutcomeStore } from '../../controllers/outcome-store.js';
import type { ImportFormat } from '../../model/import-plan.js';
import type { Msg } from './field-text.js';
import type { ImportView } from './import-view.js';
import type { OutcomeTypeEditor } from './outcome-type-editor.js';

// The editor's Import and Export buttons, and the import dialog once it exists. Small and part
// of the editor's view; everything else (planning, the dialog, the runner of writes, export) is
// in import-view.ts, fetched when the admin first presses one of the buttons.

type ImportKit = typeof import('./import-view.js');
const importKit = onDemand(() => import('./import-view.js'));

interface Transfer {
  view?: ImportView;
  /** The import code could not be fetched (offline): said, and tried again on the next press. */
  unavailable: boolean;
  /** Said in the toolbar's live region: an export, a run that ended with the dialog closed. */
  said: string;
}

const transfers = new WeakMap<OutcomeTypeEditor, Transfer>();

function transferOf(host: OutcomeTypeEditor): Transfer {
  let transfer = transfers.get(host);
  if (!transfer) transfers.set(host, (transfer = { unavailable: false, said: '' }));
  return transfer;
}

/** The import code and its strings, added to the element's own. */
async function kitFor(host: OutcomeTypeEditor, transfer: Transfer): Promise<ImportKit | undefined> {
  try {
    const kit = await importKit.load();
    const element = host.constructor as typeof OutcomeTypeEditor;
    if (!Object.hasOwn(element.messages, 'import.title')) element.messages = { ...element.messages, ...kit.messages };
    transfer.unavailable = false;
    return kit;
  } catch {
    transfer.unavailable = true;
    host.requestUpdate();
    return undefined;
  }
}

function say(host: OutcomeTypeEditor, transfer: Transfer, text: string): void {
  transfer.said = '';
  host.requestUpdate();
  void host.updateComplete.then(() => {
    transfer.said = text;
    host.requestUpdate();
  });
}

async function openImport(host: OutcomeTypeEditor, msg: Msg): Promise<void> {
  const transfer = transferOf(host);
  const kit = await kitFor(host, transfer);
  if (!kit) return;
  transfer.view ??= new kit.ImportView(host, { msg, say: (text) => say(host, transfer, text) });
  transfer.view.open();
}

async function exportAs(host: OutcomeTypeEditor, msg: Msg, format: ImportFormat): Promise<void> {
  const transfer = transferOf(host);
  const adapter = host.effectiveAdapter;
  const kit = await kitFor(host, transfer);
  if (!kit || !adapter) return;
  const types = OutcomeStore.for(adapter).snapshot.outcomeTypes;
  const fileName = kit.exportList(types, format);
  say(host, transfer, msg('import.exported', types.length, fileName));
}

/** Import (editors whose backend creates or updates) and Export (everyone), for the toolbar. */
export function renderTransferButtons(host: OutcomeTypeEditor, msg: Msg): TemplateResult {
  const transfer = transferOf(host);
  const adapter = host.effectiveAdapter;
  const capabilities = adapter?.capabilities;
  const canImport =
    host.effectiveRole === 'editor' &&
    !!capabilities &&
    ((capabilities.create && !!adapter.createOutcomeType) || (capabilities.update && !!adapter.updateOutcomeType));
  return html`${canImport
      ? html`<button type="button" part="import-button" aria-haspopup="dialog" @click=${() => void openImport(host, msg)}>${msg('import.button')}</button>`
      : nothing}
    <button type="button" part="export-button" data-format="csv" @click=${() => void exportAs(host, msg, 'csv')}>${msg('import.exportCsv')}</button>
    <button type="button" part="export-button" data-format="json" @click=${() => void exportAs(host, msg, 'json')}>${msg('import.exportJson')}</button>
    <span class="visually-hidden" role="status">${transfer.said}</span>
    ${transfer.unavailable ? html`<p part="form-error" role="alert">${msg('import.unavailable')}</p>` : nothing}`;
}

/** The import dialog, once Import was pressed: rendered after the element's other content. */
export function renderImportDialog(host: OutcomeTypeEditor): TemplateResult | typeof nothing {
  return transfers.get(host)?.view?.render() ?? nothing;
}
