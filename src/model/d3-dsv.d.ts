// d3-dsv ships no types; import-plan.ts loads it on demand and uses only this function.
declare module 'd3-dsv' {
  /** RFC 4180 records as arrays of cells; quoted cells may hold commas, quotes and line breaks. */
  export function csvParseRows(text: string): string[][];
}
