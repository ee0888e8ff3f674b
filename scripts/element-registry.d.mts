/** One element of src/elements.ts. */
export interface RegisteredElement {
  /** Its tag, and the name of its entry point (dist/<tag>.js, `outcome-elements/<tag>`). */
  tag: string;
  /** The class registered under the tag. */
  className: string;
  /** The module that declares the class, from the project root: src/components/<tag>/<tag>.ts */
  module: string;
}

export const REGISTRY_PATH: string;

/** The elements src/elements.ts lists, in registration order; throws on an entry it cannot read. */
export function readElementRegistry(projectRoot?: string): RegisteredElement[];
