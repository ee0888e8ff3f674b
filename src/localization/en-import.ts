/**
 * English strings of `<outcome-type-editor>`'s import and export. `enImportToolbar` comes with
 * the editor's view (its toolbar buttons); `enImport` with the import view, fetched when the
 * admin first presses Import or Export (src/components/outcome-type-editor/import-view.ts).
 */
export const enImportToolbar = {
  'import.button': 'Import…',
  'import.exportCsv': 'Export CSV',
  'import.exportJson': 'Export JSON',
  'import.unavailable': 'The import and export tools could not be loaded. Check the connection and try again.',
};

export const enImport = {
  'import.title': 'Import outcome types',
  'import.help': 'Choose a CSV or JSON file, such as one exported here, or paste its text. Nothing is saved before you apply the preview.',
  'import.file': 'File',
  'import.paste': 'Or paste CSV or JSON',
  'import.preview': 'Preview',
  'import.reading': 'Reading…',
  'import.readFailed': (reason: string) => `The file could not be read: ${reason}`,
  'import.noRows': 'The file has no outcome types.',
  'import.summary': (create: number, update: number, unchanged: number, invalid: number) =>
    `${create} to create, ${update} to update, ${unchanged} unchanged, ${invalid} invalid.`,
  'import.unknownColumn': (column: string) => `Column “${column}” is not an outcome type field: it is ignored.`,
  'import.show': 'Show',
  'import.show.all': 'All rows',
  'import.kind.create': 'Create',
  'import.kind.update': 'Update',
  'import.kind.unchanged': 'Unchanged',
  'import.kind.invalid': 'Invalid',
  'import.caption': 'Preview of the import',
  'import.column.row': 'Row',
  'import.column.type': 'Outcome type',
  'import.column.result': 'Result',
  'import.column.details': 'Details',
  'import.more': (count: number) => (count === 1 ? 'and 1 more row, not shown.' : `and ${count} more rows, not shown.`),
  'import.change': (field: string, from: string, to: string) => `${field}: ${from} → ${to}`,
  'import.issue.unsupported': 'This backend has no such field to keep the value in.',
  'import.issue.repeats': (row: number) => `Repeats row ${row}.`,
  'import.apply': (count: number) => (count === 1 ? 'Apply 1 change' : `Apply ${count} changes`),
  'import.back': 'Back',
  'import.close': 'Close',
  'import.applying': 'Importing…',
  'import.progress': (done: number, total: number) => `Importing: ${done} of ${total} written.`,
  'import.busy': 'The import is under way: it cannot be closed before it ends.',
  'import.report': (created: number, updated: number) => `Created ${created}, updated ${updated}.`,
  'import.failedCount': (count: number) => (count === 1 ? '1 row failed:' : `${count} rows failed:`),
  'import.failedRow': (row: number, name: string, reason: string) => `Row ${row}, “${name}”: ${reason}`,
  'import.retry': 'Retry failed',
  'import.exported': (count: number, file: string) => `Exported ${count} outcome types to ${file}.`,
};
