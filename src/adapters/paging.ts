import { OutcomeAdapterError } from './errors.js';

/** What a paged list does with each page, in order: how many items it held and whether any was new. */
export interface PageSink<Envelope> {
  take(envelope: Envelope, source: string): { count: number; advanced: boolean };
  path: string;
  signal?: AbortSignal | undefined;
}

export interface PagingOptions {
  /** Pages asked for at once right after the first (each round then doubles, up to `maxInFlight`). Default 8. */
  inFlight?: number | undefined;
  /** The most pages asked for at once, as a long list goes on. Default 64. */
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
/** The most pages asked for at once: the fifth round on. */
export const MAX_PAGES_IN_FLIGHT = 64;

/**
 * Reads every page of a list in rounds, handed on strictly in order: the first page alone (it
 * tells how many items a page holds), then `inFlight` pages at once at the offsets that size
 * predicts, and each round twice the one before, up to `maxInFlight` — a list that has already
 * shown many pages likely holds as many more. A round is asked for as soon as the last page of
 * the round before has come announcing more, while that round is still being read: 10,000 items
 * of 100 take 5 round trips (1, 8, 16, 32 and 64 pages) where a steady 8 took 13, and what is
 * asked for beyond a list's end is at most the rest of its last round (21 pages there), while a
 * short list asks for at most `inFlight` pages it may not have.
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
      let expected = scheme.first;
      let last = Infinity;
      let stride = 0;
      let read = 0;
      /** Pages read, in flight or taken: not dropped. */
      let asked = 0;
      /** Pages the next round asks for: the first alone (it tells how many items a page holds). */
      let round = 1;
      const window: Pending[] = [];
      /** The page being read: out of the window, still in flight until it comes. */
      let current: Pending | undefined;
      let done = false;
      const start = (cursor: number): Pending => {
        asked++;
        const controller = new AbortController();
        if (signal?.aborted) controller.abort(signal.reason);
        const answer = fetchPage(scheme.query(cursor), controller.signal);
        // A guess dropped unread must not surface as an unhandled rejection.
        answer.catch(() => undefined);
        return { cursor, controller, answer };
      };
      const drop = (pending: Pending[]) => {
        for (const page of pending.splice(0)) {
          page.controller.abort();
          asked--;
        }
      };
      const endless = (reason: string) =>
        new OutcomeAdapterError(
          'bad_response',
          `GET ${path} announced more items (${scheme.announces}: true), but ${reason}; stopped rather than page forever.`,
          { retryable: false },
        );
      /** Asks for the next round: the pages `skip`, `skip + 1`… after the one at `from`. */
      const askRound = (from: number, skip: number) => {
        const wanted = Math.min(round, maxPages - asked);
        let tail: Pending | undefined;
        for (let ahead = 0; ahead < wanted; ahead++) {
          const cursor = scheme.ahead(from, skip + ahead, stride);
          if (cursor > last) break;
          window.push((tail = start(cursor)));
        }
        round = Math.min(maxInFlight, round === 1 ? inFlight : round * 2);
        // The round after is asked for once this one's last page has come announcing more, while
        // the pages before it are still being read; not after the first page, whose size is unknown.
        const end = tail;
        end?.answer.then(
          (envelope) => {
            if (!done && stride && window.at(-1) === end && scheme.more(envelope)) askRound(end.cursor, 1);
          },
          () => undefined,
        );
      };
      // The caller's abort reaches every page in flight (one listener, not a combined signal per page).
      const abortAll = () => {
        for (const page of current ? [current, ...window] : window) page.controller.abort(signal!.reason);
      };
      signal?.addEventListener('abort', abortAll);
      try {
        for (;;) {
          if (window[0]?.cursor !== expected) drop(window);
          if (window.length === 0) askRound(expected, 0);
          const page = (current = window.shift()!);
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
        done = true;
        signal?.removeEventListener('abort', abortAll);
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
