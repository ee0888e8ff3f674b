/**
 * Text as search compares it: accents and case folded, so "llamar" finds "Llamár" and
 * "CAFE" finds "café". Pure and DOM-free, so the picker and the editor share it.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();
}

/** True when every word of the query occurs in the text (both folded). */
export function matchesSearch(foldedText: string, foldedQuery: string): boolean {
  return foldedQuery.split(/\s+/).every((word) => foldedText.includes(word));
}
