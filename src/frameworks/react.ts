// React 19 JSX for every tag: `import type {} from 'outcome-elements/react'` once in a project
// (or list it in tsconfig "types"). React 19 sets a prop as a property when the element has one,
// else as an attribute, and listens to `on<event-name>` props on custom elements, with the
// event's name as written (`onoutcome-recorded`); a custom element's native `change` and
// `input` reach the usual `onChange` / `onInput`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { OutcomeElementEvents, OutcomeElementProps, OutcomeTag } from './element-props.js';

/** `on<event-name>` handlers for the library's events, typed by the event. */
export type ReactEventProps<Events> = {
  [Name in keyof Events & string as `on${Name}`]?: (event: Events[Name]) => void;
};

/** The JSX props of one tag: React's for any HTML element, the element's own, and its events. */
export type OutcomeElementReactProps<Tag extends OutcomeTag> = DetailedHTMLProps<
  HTMLAttributes<HTMLElementTagNameMap[Tag]>,
  HTMLElementTagNameMap[Tag]
> &
  OutcomeElementProps[Tag] &
  ReactEventProps<OutcomeElementEvents[Tag]>;

/** Every tag of src/elements.ts as React JSX. */
export type OutcomeIntrinsicElements = { [Tag in OutcomeTag]: OutcomeElementReactProps<Tag> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // Adds every tag without listing them: the tags are those of element-props.ts.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends OutcomeIntrinsicElements {}
  }
}
