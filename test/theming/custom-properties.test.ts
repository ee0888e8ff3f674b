import { expect } from '@open-wc/testing';
import type { CSSResultOrNative } from 'lit';
import { styles as popupViewStyles } from '../../src/components/disposition-popup/popup-view.styles.js';
import { styles as schedulerStyles } from '../../src/components/outcome-picker/scheduler/scheduler.styles.js';
import { styles as editorViewStyles } from '../../src/components/outcome-type-editor/editor-view.styles.js';
import { styles as importViewStyles } from '../../src/components/outcome-type-editor/import-view.styles.js';
import { ELEMENTS } from '../../src/define.js';
import { tokens } from '../../src/styles/tokens.js';
import { checkCustomProperties, definedProperties, documentedTokens, readProperties, type SheetSet } from './custom-properties.js';

function cssText(style: CSSResultOrNative): string {
  return style instanceof CSSStyleSheet ? [...style.cssRules].map((rule) => rule.cssText).join('\n') : style.cssText;
}

/** Styles an element adopts later, with the code it fetches on demand. */
const ON_DEMAND: Partial<Record<string, readonly CSSResultOrNative[]>> = {
  'outcome-type-editor': [editorViewStyles, importViewStyles],
  'outcome-picker': [schedulerStyles],
  'disposition-popup': [popupViewStyles],
};

/** Every element's finalized styles (the shared tokens included), as the element adopts them. */
function elementSheets(): SheetSet[] {
  return Object.entries(ELEMENTS).map(([tag, element]) => ({
    name: tag,
    cssTexts: [...element.elementStyles, ...(ON_DEMAND[tag] ?? [])].map(cssText),
  }));
}

describe('custom properties', () => {
  let readme = '';

  before(async () => {
    // The test runner's dev server serves the repository root.
    const response = await fetch('/README.md');
    expect(response.ok, 'README.md is served').to.be.true;
    readme = await response.text();
  });

  it('reads what the sheets define and read, nested fallbacks included', () => {
    const text = ':host { --_a: var(--outcome-a, var(--_b, red)); color: var(--_a) } p{--_c:1px}';
    expect([...definedProperties(text)]).to.have.members(['--_a', '--_c']);
    expect([...readProperties(text)]).to.have.members(['--outcome-a', '--_b', '--_a']);
  });

  it('reports a private property read but not defined, defined but not read, and public tokens off the README table', () => {
    const report = checkCustomProperties(
      [
        { name: 'x-one', cssTexts: [':host { --_used: 1px; --_dead: 2px; margin: var(--_used) var(--_typo) var(--outcome-secret, 0) }'] },
        // Defined by x-one only: x-two reading it would get nothing when used alone.
        { name: 'x-two', cssTexts: [':host { padding: var(--_used) var(--outcome-known) }'] },
      ],
      new Set(['--outcome-known', '--outcome-gone']),
    );
    expect(report).to.deep.equal({
      undefinedPrivate: ['x-one: --_typo', 'x-two: --_used'],
      unusedPrivate: ['--_dead'],
      undocumentedPublic: ['--outcome-secret'],
      documentedUnused: ['--outcome-gone'],
    });
  });

  it('finds the documented tokens in the Theming table of a README', () => {
    const sample = '## Elements\n| `--outcome-elsewhere` |\n## Theming\n\n| token | default |\n|---|---|\n| `--outcome-a`, `--outcome-b` | x |\nText `--outcome-prose`\n## Next\n';
    expect([...documentedTokens(sample)]).to.have.members(['--outcome-a', '--outcome-b']);
  });

  it('the shared tokens sheet is part of every element that renders', () => {
    for (const [tag, element] of Object.entries(ELEMENTS)) {
      if (tag === 'outcome-provider') continue; // renders nothing of its own (display: contents)
      expect(element.elementStyles, tag).to.include(tokens);
    }
  });

  it('every element style sheet defines what it reads, reads what it defines, and uses only documented tokens', () => {
    const documented = documentedTokens(readme);
    expect(documented.size, 'tokens in the README Theming table').to.be.greaterThan(10);
    const report = checkCustomProperties(elementSheets(), documented);
    expect(report.undefinedPrivate, 'private properties read but not defined in the element').to.deep.equal([]);
    expect(report.unusedPrivate, 'private properties defined but never read').to.deep.equal([]);
    expect(report.undocumentedPublic, 'public tokens missing from the README Theming table').to.deep.equal([]);
    expect(report.documentedUnused, 'README tokens no element reads').to.deep.equal([]);
  });
});
