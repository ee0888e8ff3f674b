// Vue 3 global components for every tag, so that Volar / vue-tsc check templates:
// `import type {} from 'outcome-elements/vue'` once in a project. Vue still needs
// `compilerOptions.isCustomElement` to leave the tags to the browser. `@outcome-recorded` is the
// `onOutcomeRecorded` prop to Vue's type checker, as for any element.
import type { EmitFn, HTMLAttributes } from 'vue';
import type { OutcomeElementEvents, OutcomeElementProps, OutcomeTag } from './element-props.js';

type CamelCase<Name extends string> = Name extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : Name;

/** `on<EventName>` props for the library's events, typed by the event. */
export type VueEventProps<Events> = {
  [Name in keyof Events & string as `on${Capitalize<CamelCase<Name>>}`]?: (event: Events[Name]) => void;
};

/** One tag as a Vue component type: the element instance, its props and its events. */
export type OutcomeElementVueComponent<Tag extends OutcomeTag> = new () => HTMLElementTagNameMap[Tag] & {
  $props: HTMLAttributes & OutcomeElementProps[Tag] & VueEventProps<OutcomeElementEvents[Tag]>;
  $emit: EmitFn<{ [Name in keyof OutcomeElementEvents[Tag]]: (event: OutcomeElementEvents[Tag][Name]) => void }>;
};

/** Every tag of src/elements.ts as a Vue global component. */
export type OutcomeGlobalComponents = { [Tag in OutcomeTag]: OutcomeElementVueComponent<Tag> };

declare module 'vue' {
  // Adds every tag without listing them: the tags are those of element-props.ts.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends OutcomeGlobalComponents {}
}
