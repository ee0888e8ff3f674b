import { OutcomeAdapterError } from './errors.js';

/** What a paged list does with each page, in order: how many items it held and whether any was new. */
export interface PageSink<Envelope> {
  take(envelope: Envelope, source: string): { count: number; advanced: boolean };
  path: string;
  signal?: AbortSignal | undefined;
}

export interface PagingOptions {
  /** Pages asked for at once right after the first (the window then grows up to `maxInFlight`). Default 8. */
  inFlight?: number | undefined;
  /** The most pages asked for at once, as a long list goes on. Default 32. */
  maxInFlight?: number | undefined;
  /** A ceiling the caller chose; none by default. */
  maxPages?: number | undefined;
}

export type PageFetcher<Envelope> = (query: Record<string, number>, signal: AbortSignal) => Promise<Envelope>;

/** How a backend's list pages (DESIGN: read as the backend describes, e.g. `_skip` or `pageNumber`). */
export interface Paging<Envelope> {
  read(fetchPage: PageFetcher<Envelope>, sink: PageSink<Envelope>): Promise<void>;
}

/** Where pages are, as numbers: an offset (`_skip`) or a page number. */
interface PageScheme<Envelope> {
  first: number;
  query(cursor: number): Record<string, number>;
  /** The cursor of the page after the one at `cursor`, which held `count` items. */
  next(cursor: number, count: number): number;
  /** A guess of the cursor `pages` pages after `cursor` before they came, pages holding `stride` items. */
  ahead(cursor: number, pages: number, stride: number): number;
  more(envelope: Envelope): boolean;
  /** The last page's cursor, when a page announces it (Genesys: `pageCount`): no guess goes past it. */
  last?(envelope: Envelope): number | undefined;
  /** `_skip=200`, for messages and report sources. */
  describe(cursor: number): string;
  /** The field that announces more, for messages: `has_more`. */
  announces: string;
}

/** Pages asked for at once once the first page told their size. */
export const PAGES_IN_FLIGHT = 8;
/** The most pages asked for at once: 32 from the 32nd page on. */
export const MAX_PAGES_IN_FLIGHT = 32;

/**
 * Reads every page of a list: the first alone (it tells how many items a page holds), then up
 * to `inFlight` pages at once at the offsets that size predicts, handed on strictly in order.
 * A list that has already shown many pages likely holds as many more, so the window grows with
 * the pages read — to the largest power of two not above them, up to `maxInFlight` (8 for the
 * first 15 pages, 16 from the 16th, 32 from the 32nd): 10,000 items of 100 take 7 round trips
 * rather than 14, while a short list asks for at most `inFlight` pages it may not have.
 * A page that ends short of the prediction drops the guesses after it and asks again from where
 * it really ended; the last page (nothing more announced) cancels the guesses beyond it. No
 * ceiling on the number of pages: an empty page or one of only known items that still announces
 * more is what stops a list that never ends.
 */
function pagedList<Envelope>(
  scheme: PageScheme<Envelope>,
  { inFlight = PAGES_IN_FLIGHT, maxInFlight = MAX_PAGES_IN_FLIGHT, maxPages = Infinity }: PagingOptions,
): Paging<Envelope> {
  return {
    async read(fetchPage, { take, path, signal }) {
      interface Pending {
        cursor: number;
        controller: AbortController;
        answer: Promise<Envelope>;
      }
      const start = (cursor: number): Pending => {
        const controller = new AbortController();
        const answer = fetchPage(scheme.query(cursor), signal ? AbortSignal.any([signal, controller.signal]) : controller.signal);
        // A guess dropped unread must not surface as an unhandled rejection.
        answer.catch(() => undefined);
        return { cursor, controller, answer };
      };
      const drop = (pending: Pending[]) => {
        for (const page of pending.splice(0)) page.controller.abort();
      };
      const endless = (reason: string) =>
        new OutcomeAdapterError(
          'bad_response',
          `GET ${path} announced more items (${scheme.announces}: true), but ${reason}; stopped rather than page forever.`,
          { retryable: false },
        );
      const window: Pending[] = [];
      let expected = scheme.first;
      let last = Infinity;
      let stride = 0;
      let read = 0;
      try {
        for (;;) {
          if (window[0]?.cursor !== expected) drop(window);
          const width = stride ? Math.max(inFlight, Math.min(maxInFlight, 2 ** Math.floor(Math.log2(read)))) : 1;
          const wanted = Math.min(width, maxPages - read);
          while (window.length < wanted) {
            const cursor = scheme.ahead(expected, window.length, stride);
            if (cursor > last) break;
            window.push(start(cursor));
          }
          const page = window.shift()!;
          const envelope = await page.answer;
          read++;
          const { count, advanced } = take(envelope, `GET ${path}?${scheme.describe(page.cursor)}`);
          last = scheme.last?.(envelope) ?? last;
          if (!scheme.more(envelope)) return;
          if (count === 0) throw endless(`the page at ${scheme.describe(page.cursor)} was empty`);
          if (!advanced) throw endless(`the page at ${scheme.describe(page.cursor)} repeated items already received`);
          if (read >= maxPages) throw endless(`more than ${maxPages} pages were announced`);
          stride ||= count;
          expected = scheme.next(page.cursor, count);
        }
      } finally {
        drop(window);
      }
    },
  };
}

/** Offset paging: `limit` items per page from `skip`, `more` says whether any follow (Close: `_limit`, `_skip`, `has_more`). */
export function offsetPaging<Envelope>(names: { limit: string; skip: string; announces: string }, pageSize: number, more: (envelope: Envelope) => boolean, options: PagingOptions = {}): Paging<Envelope> {
  return pagedList(
    {
      first: 0,
      query: (skip) => ({ [names.limit]: pageSize, [names.skip]: skip }),
      next: (skip, count) => skip + count,
      ahead: (skip, pages, stride) => skip + pages * stride,
      more,
      describe: (skip) => `${names.skip}=${skip}`,
      announces: names.announces,
    },
    options,
  );
}

/**
 * Page-number paging: page `number` of `size` items, `more` from the envelope (e.g. `pageNumber <
 * pageCount`); `lastPage`, when the envelope says how many pages there are, keeps every request
 * within them.
 */
export function pageNumberPaging<Envelope>(
  names: { size: string; number: string; announces: string },
  pageSize: number,
  more: (envelope: Envelope) => boolean,
  first = 1,
  { lastPage, ...options }: PagingOptions & { lastPage?: (envelope: Envelope) => number | undefined } = {},
): Paging<Envelope> {
  return pagedList(
    {
      first,
      query: (number) => ({ [names.size]: pageSize, [names.number]: number }),
      next: (number) => number + 1,
      ahead: (number, pages) => number + pages,
      more,
      ...(lastPage ? { last: lastPage } : {}),
      describe: (number) => `${names.number}=${number}`,
      announces: names.announces,
    },
    options,
  );
}
