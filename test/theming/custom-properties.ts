/**
 * Which custom properties a set of style sheets defines and reads, and what is wrong with that:
 * a private `--_x` read but defined nowhere in the same element (a typo resolves silently to
 * the fallback or to nothing), one defined but read nowhere (dead), and a public `--outcome-*`
 * that is read but not documented, or documented but read nowhere.
 */

export interface SheetSet {
  /** e.g. the element's tag. */
  name: string;
  cssTexts: readonly string[];
}

export interface CustomPropertyReport {
  /** `"outcome-picker: --_x"` for each private property read by an element that does not define it. */
  undefinedPrivate: string[];
  /** Private properties defined somewhere and read nowhere. */
  unusedPrivate: string[];
  /** Public tokens read by some element but missing from the documentation. */
  undocumentedPublic: string[];
  /** Documented tokens no element reads. */
  documentedUnused: string[];
}

const READ = /var\(\s*(--[\w-]+)/g;
// A declaration: the name follows `{`, `;` or the start of the text, and is followed by `:`.
const DEFINED = /(?:^|[{;])\s*(--[\w-]+)\s*:/g;

export function readProperties(cssText: string): Set<string> {
  return new Set([...cssText.matchAll(READ)].map((match) => match[1]!));
}

export function definedProperties(cssText: string): Set<string> {
  return new Set([...cssText.matchAll(DEFINED)].map((match) => match[1]!));
}

const isPrivate = (name: string) => name.startsWith('--_');
const isPublic = (name: string) => name.startsWith('--outcome-');

export function checkCustomProperties(sets: readonly SheetSet[], documented: ReadonlySet<string>): CustomPropertyReport {
  const undefinedPrivate: string[] = [];
  const allRead = new Set<string>();
  const allDefined = new Set<string>();
  for (const { name, cssTexts } of sets) {
    const read = new Set(cssTexts.flatMap((text) => [...readProperties(text)]));
    const defined = new Set(cssTexts.flatMap((text) => [...definedProperties(text)]));
    for (const property of read) {
      allRead.add(property);
      if (isPrivate(property) && !defined.has(property)) undefinedPrivate.push(`${name}: ${property}`);
    }
    for (const property of defined) allDefined.add(property);
  }
  const publicRead = [...allRead].filter(isPublic);
  return {
    undefinedPrivate: undefinedPrivate.sort(),
    unusedPrivate: [...allDefined].filter((property) => isPrivate(property) && !allRead.has(property)).sort(),
    undocumentedPublic: publicRead.filter((property) => !documented.has(property)).sort(),
    documentedUnused: [...documented].filter((property) => !allRead.has(property)).sort(),
  };
}

/**
 * The tokens README.md documents: every `--outcome-*` named in a table row of its "Theming"
 * section (the one place a host looks them up).
 */
export function documentedTokens(readme: string): Set<string> {
  const start = readme.search(/^## Theming\s*$/m);
  if (start < 0) return new Set();
  const rest = readme.slice(start + 1);
  const end = rest.search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  const rows = section.split('\n').filter((line) => line.trimStart().startsWith('|'));
  return new Set(rows.flatMap((row) => [...row.matchAll(/--outcome-[\w-]+/g)].map((match) => match[0])));
}
