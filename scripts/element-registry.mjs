// Reads src/elements.ts, the one list of the library's elements, without running it: the element
// modules need a DOM, and the build, the size check and the typings generator run in plain Node.
// TypeScript's own parser reads the `ELEMENTS` object and the imports its classes come from.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../', import.meta.url));
export const REGISTRY_PATH = 'src/elements.ts';

/**
 * @param {string} [projectRoot] the directory holding src/elements.ts
 * @returns {import('./element-registry.d.mts').RegisteredElement[]} in registration order
 */
export function readElementRegistry(projectRoot = root) {
  const file = `${projectRoot.replace(/\/?$/, '/')}${REGISTRY_PATH}`;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const fail = (node, message) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    throw new Error(`${REGISTRY_PATH}:${line + 1}: ${message}`);
  };

  /** imported name → module specifier */
  const imports = new Map();
  let registry;
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause?.namedBindings && ts.isNamedImports(statement.importClause.namedBindings)) {
      for (const binding of statement.importClause.namedBindings.elements) {
        imports.set(binding.name.text, statement.moduleSpecifier.text);
      }
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (declaration.name.getText(source) === 'ELEMENTS') registry = declaration;
      }
    }
  }
  if (!registry) throw new Error(`${REGISTRY_PATH}: no \`export const ELEMENTS = { … } as const\``);
  let literal = registry.initializer;
  while (literal && (ts.isAsExpression(literal) || ts.isSatisfiesExpression(literal) || ts.isParenthesizedExpression(literal))) literal = literal.expression;
  if (!literal || !ts.isObjectLiteralExpression(literal)) fail(registry, 'ELEMENTS must be an object literal of tag → class');

  const elements = [];
  for (const property of literal.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isStringLiteral(property.name) || !ts.isIdentifier(property.initializer)) {
      fail(property, "each entry of ELEMENTS is 'tag-name': ImportedClass");
    }
    const tag = property.name.text;
    const className = property.initializer.text;
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(tag)) fail(property, `'${tag}' is not a custom element name (lower case, with a hyphen)`);
    const specifier = imports.get(className);
    if (!specifier) fail(property, `${className} is not imported by name`);
    if (!/^\.\/components\/.+\.js$/.test(specifier)) fail(property, `${className} must come from a module under ./components/ (found '${specifier}')`);
    // An element is built to dist/<tag>.js; its module's name follows the README's layout.
    const module = posix.join('src', specifier).replace(/\.js$/, '.ts');
    if (module !== `src/components/${tag}/${tag}.ts`) fail(property, `<${tag}> must live in src/components/${tag}/${tag}.ts (found ${module})`);
    elements.push({ tag, className, module });
  }
  const tags = elements.map((element) => element.tag);
  const repeated = tags.filter((tag, index) => tags.indexOf(tag) !== index);
  if (repeated.length) throw new Error(`${REGISTRY_PATH}: ${repeated.join(', ')} listed twice`);
  return elements;
}
