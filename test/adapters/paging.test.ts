import { expect } from '@open-wc/testing';
import { offsetPaging, pageNumberPaging, PAGES_IN_FLIGHT, type PageFetcher } from '../../src/adapters/paging.js';
import { rejection } from '../helpers/rejection.js';

// The paging engine on its own, over a list held in the test: what it asks for, in which order
// it hands pages on, and where it stops. The adapters' tests run it against the test servers.

interface OffsetPage {
  data: string[];
  has_more: boolean;
}

interface NumberedPage {
  entities: string[];
  pageNumber: number;
  pageCount: number;
}

/** A fetcher over `items`, answering in the reverse order of asking (later pages first). */
function offsetServer(items: readonly string[], shortAt?: number) {
  const asked: Record<string, number>[] = [];
  let waiting: (() => void)[] = [];
  const release = () => {
    const all = waiting.reverse();
    waiting = [];
    for (const answer of all) answer();
  };
  const fetchPage: PageFetcher<OffsetPage> = (query) => {
    asked.push(query);
    const skip = query['_skip']!;
    const limit = skip === shortAt ? 1 : query['_limit']!;
    const page = { data: items.slice(skip, skip + limit), has_more: skip + limit < items.length };
    return new Promise((resolve) => {
      waiting.push(() => resolve(page));
      queueMicrotask(release);
    });
  };
  return { asked, fetchPage };
}

function collect<E>(items: (envelope: E) => string[]) {
  const taken: string[] = [];
  const sources: string[] = [];
  return {
    taken,
    sources,
    take(envelope: E, source: string) {
      const page = items(envelope);
      taken.push(...page);
      sources.push(source);
      return { count: page.length, advanced: true };
    },
  };
}

const letters = Array.from({ length: 26 }, (_, index) => String.fromCharCode(97 + index));

describe('paging', () => {
  it('offsets: the first page alone, then 8 at once, handed on in order, stopping at has_more: false', async () => {
    const server = offsetServer(letters);
    const sink = collect<OffsetPage>((page) => page.data);
    await offsetPaging<OffsetPage>({ limit: '_limit', skip: '_skip', announces: 'has_more' }, 2, (page) => page.has_more).read(server.fetchPage, { ...sink, path: '/x' });
    expect(sink.taken).to.deep.equal(letters);
    expect(sink.sources[1]).to.equal('GET /x?_skip=2');
    const skips = server.asked.map((query) => query['_skip']);
    expect(skips.slice(0, 9)).to.deep.equal([0, 2, 4, 6, 8, 10, 12, 14, 16]);
    expect(new Set(skips).size).to.equal(skips.length);
    // Guesses past the end: at most the rest of the last round, which asks for at most as many
    // pages as the rounds before it plus 7 — here 13 pages of 2: under (2 × 13 + 8) pages.
    expect(Math.max(...(skips as number[]))).to.be.below((2 * 13 + PAGES_IN_FLIGHT) * 2);
  });

  it('offsets: a short page drops the guesses after it and asks again from where it ended', async () => {
    const server = offsetServer(letters, 4);
    const sink = collect<OffsetPage>((page) => page.data);
    await offsetPaging<OffsetPage>({ limit: '_limit', skip: '_skip', announces: 'has_more' }, 2, (page) => page.has_more).read(server.fetchPage, { ...sink, path: '/x' });
    expect(sink.taken).to.deep.equal(letters);
    expect(server.asked.map((query) => query['_skip'])).to.include(5);
  });

  it('page numbers: pages 1 to pageCount, in order', async () => {
    const asked: number[] = [];
    const fetchPage: PageFetcher<NumberedPage> = async (query) => {
      const number = query['pageNumber']!;
      asked.push(number);
      const size = query['pageSize']!;
      return { entities: letters.slice((number - 1) * size, number * size), pageNumber: number, pageCount: Math.ceil(letters.length / size) };
    };
    const sink = collect<NumberedPage>((page) => page.entities);
    await pageNumberPaging<NumberedPage>({ size: 'pageSize', number: 'pageNumber', announces: 'pageNumber < pageCount' }, 5, (page) => page.pageNumber < page.pageCount).read(fetchPage, { ...sink, path: '/codes' });
    expect(sink.taken).to.deep.equal(letters);
    expect(sink.sources[0]).to.equal('GET /codes?pageNumber=1');
    expect(asked.slice(0, 6)).to.deep.equal([1, 2, 3, 4, 5, 6]);
  });

  it('a caller ceiling stops with bad_response, and guesses beyond it are never asked', async () => {
    const server = offsetServer(letters);
    const sink = collect<OffsetPage>((page) => page.data);
    const error = await rejection(
      offsetPaging<OffsetPage>({ limit: '_limit', skip: '_skip', announces: 'has_more' }, 1, (page) => page.has_more, { maxPages: 3 }).read(server.fetchPage, { ...sink, path: '/x' }),
    );
    expect(error.code).to.equal('bad_response');
    expect(error.message).to.contain('more than 3 pages');
    expect(server.asked).to.have.length(3);
  });

  it('a caller abort reaches every page in flight', async () => {
    const controller = new AbortController();
    const signals: AbortSignal[] = [];
    let first = true;
    const fetchPage: PageFetcher<OffsetPage> = (_query, signal) => {
      signals.push(signal);
      if (first) {
        first = false;
        return Promise.resolve({ data: ['a'], has_more: true });
      }
      queueMicrotask(() => controller.abort());
      return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
    };
    const sink = collect<OffsetPage>((page) => page.data);
    let thrown: unknown;
    await offsetPaging<OffsetPage>({ limit: '_limit', skip: '_skip', announces: 'has_more' }, 1, (page) => page.has_more)
      .read(fetchPage, { ...sink, path: '/x', signal: controller.signal })
      .catch((error: unknown) => (thrown = error));
    expect(thrown).to.exist;
    expect(signals).to.have.length(9);
    // The first page had answered; the 8 asked for after it were in flight.
    expect(signals.slice(1).every((signal) => signal.aborted)).to.be.true;
  });

  it('asks for the next round as soon as the last page of a round comes announcing more, before the round is read', async () => {
    const items = Array.from({ length: 40 }, (_, index) => `i${index}`);
    const asked: number[] = [];
    const held = new Map<number, () => void>();
    const fetchPage: PageFetcher<OffsetPage> = (query) => {
      const skip = query['_skip']!;
      asked.push(skip);
      const page = { data: items.slice(skip, skip + 1), has_more: skip + 1 < items.length };
      // The second round (pages 1–8) waits until released; every other page answers at once.
      if (skip < 1 || skip > 8) return Promise.resolve(page);
      return new Promise((resolve) => held.set(skip, () => resolve(page)));
    };
    const sink = collect<OffsetPage>((page) => page.data);
    const reading = offsetPaging<OffsetPage>({ limit: '_limit', skip: '_skip', announces: 'has_more' }, 1, (page) => page.has_more).read(fetchPage, { ...sink, path: '/x' });
    await new Promise((resolve) => setTimeout(resolve));
    expect(asked).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    held.get(8)!();
    await new Promise((resolve) => setTimeout(resolve));
    // Page 8 came while pages 1–7 had not: the third round (16 pages) is already asked for (and,
    // as its last page answered at once announcing more, the fourth).
    expect(asked.slice(9, 25)).to.deep.equal(Array.from({ length: 16 }, (_, index) => 9 + index));
    expect(sink.taken).to.deep.equal(['i0']);
    for (const release of held.values()) release();
    await reading;
    expect(sink.taken).to.deep.equal(items);
  });

  it('asks in rounds, each after the one before was read: 1, 8, 16, 32, then 64 at most', async () => {
    const items = Array.from({ length: 200 }, (_, index) => `i${index}`);
    let inFlight = 0;
    const widest: number[] = [];
    const fetchPage: PageFetcher<OffsetPage> = (query) => {
      inFlight++;
      const skip = query['_skip']!;
      return new Promise((resolve) =>
        setTimeout(() => {
          inFlight--;
          resolve({ data: items.slice(skip, skip + 1), has_more: skip + 1 < items.length });
        }),
      );
    };
    const sink = collect<OffsetPage>((page) => page.data);
    await offsetPaging<OffsetPage>({ limit: '_limit', skip: '_skip', announces: 'has_more' }, 1, (page) => page.has_more).read(fetchPage, {
      ...sink,
      path: '/x',
      take(envelope, source) {
        widest.push(inFlight);
        return sink.take(envelope, source);
      },
    });
    expect(sink.taken).to.deep.equal(items);
    // In flight when each page is taken (itself no longer counted): the rest of its round.
    const rounds = [1, 8, 16, 32, 64, 64, 64];
    const expected = rounds.flatMap((size) => Array.from({ length: size }, (_, index) => size - 1 - index)).slice(0, items.length);
    expect(widest).to.deep.equal(expected);
    expect(Math.max(...widest)).to.equal(63);
  });
});
