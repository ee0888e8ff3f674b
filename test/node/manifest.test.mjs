// The Custom Elements Manifest (custom-elements.json, written by `npm run analyze` as part of the
// build) against README.md's element sections: an element, attribute, property, event, part,
// state or element token that one of them names and the other does not fails here, so the docs
// and the manifest (and the typings and Storybook controls fed by it) cannot drift apart.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readElementRegistry } from '../../scripts/element-registry.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifestPath = `${root}custom-elements.json`;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const readme = readFileSync(`${root}README.md`, 'utf8');

/** The tags of src/elements.ts (which `define` registers): the list the manifest and the README must both cover. */
const definedTags = () => readElementRegistry().map((element) => element.tag).sort();

// ---------------------------------------------------------------------------------------------
// README.md: `## Elements`, an intro that applies to every element, then one `### \`<tag>\``
// section per element.

/** Backticked spans of a piece of Markdown. */
const codeSpans = (text) => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
const isName = (span) => /^[a-z][a-zA-Z0-9-]*$/.test(span);

/** The text after a bold label (`**Parts**:`) up to the next bold label or the end of the bullet. */
function labelled(section, labels) {
  const pattern = new RegExp(`(?:\\*\\*(?:${labels})\\*\\*|^- (?:${labels})):([\\s\\S]*?)(?=\\*\\*[A-Z][a-z]+\\*\\*:|\\n- |\\n\\n|(?![\\s\\S]))`, 'gm');
  return [...section.matchAll(pattern)].map((match) => match[1]).join(' ');
}

/** Names in the first column of the section's property tables (`| attribute / property | …`). */
function tableNames(section) {
  const names = [];
  let inTable = false;
  for (const line of section.split('\n')) {
    if (!line.startsWith('|')) {
      inTable = false;
      continue;
    }
    const first = line.split('|')[1] ?? '';
    if (/attribute|property/i.test(first) && !first.includes('`')) {
      inTable = true; // the header row
      continue;
    }
    if (inTable) names.push(...codeSpans(first).filter(isName));
  }
  return names;
}

function readmeElements() {
  // Code blocks are examples, not documentation of names; their fences would also pair backticks wrongly.
  const prose = readme.replace(/^```[\s\S]*?^```/gm, '');
  const elements = prose.match(/^## Elements\n([\s\S]*?)(?=^## )/m)?.[1];
  assert.ok(elements, 'README.md has no "## Elements" section');
  const [intro, ...rest] = elements.split(/^### /m);
  const sections = new Map();
  for (const section of rest) {
    const tag = section.match(/^`<([a-z-]+)>`/)?.[1];
    if (!tag) continue;
    sections.set(tag, {
      members: new Set(tableNames(section)),
      methods: new Set(codeSpans(section).map((span) => span.match(/^([a-z][a-zA-Z]*)\(\)$/)?.[1]).filter(Boolean)),
      events: new Set(codeSpans(labelled(section, 'Events?')).filter(isName)),
      parts: new Set(codeSpans(labelled(section, 'Parts?')).filter(isName)),
      states: new Set(codeSpans(labelled(section, 'States?')).filter(isName)),
      tokens: new Set(codeSpans(labelled(section, 'Tokens?')).filter((span) => span.startsWith('--'))),
    });
  }
  // Members every element has, documented once above the element sections.
  const common = new Set(codeSpans(intro).flatMap((span) => span.split(/\s*\/\s*/)).filter(isName));
  return { sections, common };
}

// ---------------------------------------------------------------------------------------------
// custom-elements.json

function manifestElements(manifest) {
  const elements = new Map();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName) continue;
      const publicMember = (member) => !member.static && (member.privacy ?? 'public') === 'public';
      const fields = (declaration.members ?? []).filter((member) => member.kind === 'field' && publicMember(member));
      const attributes = declaration.attributes ?? [];
      elements.set(declaration.tagName, {
        attributes: new Set(attributes.map((attribute) => attribute.name)),
        fields: new Set(fields.map((field) => field.name)),
        attributeOf: new Map(attributes.filter((a) => a.fieldName).map((a) => [a.fieldName, a.name])),
        // Lifecycle callbacks (formResetCallback, …) are called by the browser, not by users.
        methods: new Set(
          (declaration.members ?? [])
            .filter((member) => member.kind === 'method' && publicMember(member) && !member.name.endsWith('Callback'))
            .map((member) => member.name),
        ),
        events: new Set((declaration.events ?? []).map((event) => event.name)),
        parts: new Set((declaration.cssParts ?? []).map((part) => part.name)),
        states: new Set((declaration.cssStates ?? []).map((state) => state.name)),
        tokens: new Set((declaration.cssProperties ?? []).map((property) => property.name)),
      });
    }
  }
  return elements;
}

const missing = (from, present) => [...from].filter((name) => !present.has(name)).sort();

describe('custom-elements.json', () => {
  let manifest;
  let elements;
  let docs;

  before(() => {
    assert.ok(existsSync(manifestPath), 'custom-elements.json is missing: run `npm run analyze` (part of `npm run build`)');
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    elements = manifestElements(manifest);
    docs = readmeElements();
  });

  test('package.json "customElements" points at it, and the package ships it', () => {
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.ok(pkg.files.includes('custom-elements.json'), '"files" must list custom-elements.json');
  });

  test('has every element of src/elements.ts, defined on the define module', () => {
    const tags = definedTags();
    assert.ok(tags.length >= 4, `src/elements.ts names too few tags: ${tags}`);
    assert.deepEqual([...elements.keys()].sort(), tags);
    const definitions = manifest.modules
      .flatMap((module) => (module.exports ?? []).filter((item) => item.kind === 'custom-element-definition').map((item) => `${module.path} ${item.name}`))
      .sort();
    assert.deepEqual(definitions, tags.map((tag) => `dist/define.js ${tag}`));
  });

  test('its modules are the entry points the package ships: the JavaScript, with its declarations', () => {
    const entries = Object.values(pkg.exports).filter((target) => typeof target === 'object' && target.default);
    for (const module of manifest.modules) {
      const entry = entries.find((target) => target.default === `./${module.path}`);
      assert.ok(entry, `${module.path} is no entry point of package.json "exports"`);
      assert.equal(module.typeDefinitionPath, entry.types.replace(/^\.\//, ''), `${module.path}: declarations`);
      for (const file of [module.path, module.typeDefinitionPath]) {
        assert.ok(existsSync(`${root}${file}`), `${file} is not built (run \`npm run build\`)`);
      }
    }
    const paths = manifest.modules.map((module) => module.path);
    for (const tag of definedTags()) assert.ok(paths.includes(`dist/${tag}.js`), `no module for <${tag}>`);
  });

  test('every reference names a module of the manifest or another package', () => {
    const paths = new Set(manifest.modules.map((module) => module.path));
    const dangling = [];
    const visit = (value) => {
      if (Array.isArray(value)) return value.forEach(visit);
      if (!value || typeof value !== 'object') return;
      for (const [key, child] of Object.entries(value)) {
        if (['superclass', 'inheritedFrom', 'declaration', 'mixins', 'references'].includes(key)) {
          for (const reference of [child].flat()) {
            if (reference.module && !reference.package && !paths.has(reference.module)) dangling.push(`${key} ${reference.name} → ${reference.module}`);
          }
        }
        visit(child);
      }
    };
    visit(manifest.modules);
    assert.deepEqual([...new Set(dangling)], []);
    // The base classes the elements inherit from are declared on the main entry, which exports them.
    const main = manifest.modules.find((module) => module.path === 'dist/index.js');
    assert.deepEqual(main?.declarations.map((declaration) => declaration.name).sort(), ['OutcomeElement', 'OutcomeFormElement']);
  });

  test('README.md has a section for every element and for nothing else', () => {
    assert.deepEqual([...docs.sections.keys()].sort(), [...elements.keys()].sort());
  });

  test('every event is typed', () => {
    const untyped = [...manifest.modules]
      .flatMap((module) => module.declarations ?? [])
      .filter((declaration) => declaration.tagName)
      .flatMap((declaration) => (declaration.events ?? []).filter((event) => !event.type?.text).map((event) => `${declaration.tagName} ${event.name}`));
    assert.deepEqual(untyped, []);
  });

  for (const tag of definedTags()) {
    describe(`<${tag}>`, () => {
      const both = () => ({ element: elements.get(tag), section: docs.sections.get(tag) });

      test('every attribute and property the README names exists', () => {
        const { element, section } = both();
        const known = new Set([...element.attributes, ...element.fields, ...element.methods]);
        assert.deepEqual(missing(section.members, known), []);
      });

      test('every attribute and public property is in the README (its section or the Elements intro)', () => {
        const { element, section } = both();
        const documented = new Set([...section.members, ...docs.common]);
        assert.deepEqual(missing(element.attributes, documented), [], 'attributes missing from README.md');
        // A property is documented by its own name or by its attribute's.
        const undocumented = [...element.fields].filter(
          (field) => !documented.has(field) && !documented.has(element.attributeOf.get(field)),
        );
        assert.deepEqual(undocumented.sort(), [], 'properties missing from README.md');
      });

      test('every public method is in the README, and the README names no other', () => {
        const { element, section } = both();
        assert.deepEqual(missing(element.methods, section.methods), [], 'methods missing from README.md');
        const known = new Set([...element.methods, ...element.fields]);
        assert.deepEqual(missing(section.methods, known), [], 'methods the element does not have');
      });

      for (const kind of ['events', 'parts', 'states']) {
        test(`${kind}: the README and the manifest name the same`, () => {
          const { element, section } = both();
          assert.deepEqual(missing(element[kind], section[kind]), [], `${kind} missing from README.md`);
          assert.deepEqual(missing(section[kind], element[kind]), [], `${kind} missing from the manifest (JSDoc)`);
        });
      }

      test("the element's own tokens: named in its section exactly when in the manifest", () => {
        const { element, section } = both();
        assert.deepEqual(missing(element.tokens, section.tokens), [], 'tokens missing from README.md');
        assert.deepEqual(missing(section.tokens, element.tokens), [], 'tokens missing from the manifest (JSDoc)');
      });
    });
  }
});

describe('the README parser', () => {
  // Guards against a parser that finds nothing and so can never fail.
  test('finds the names the README is known to document', () => {
    const { sections } = readmeElements();
    assert.ok(sections.get('outcome-picker')?.members.has('scheduled-at'));
    assert.ok(sections.get('outcome-picker')?.parts.has('choice'));
    assert.ok(sections.get('outcome-picker')?.states.has('user-invalid'));
    assert.ok(sections.get('outcome-picker')?.methods.has('checkValidity'));
    assert.ok(sections.get('disposition-popup')?.events.has('disposition-request-close'));
    assert.ok(sections.get('disposition-popup')?.tokens.has('--outcome-popup-backdrop'));
  });
});
