/** One page of a list use case. */
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const PAGE = 200;

/**
 * Every record of a list, read page by page through the list use case (so its filters, sort and
 * the reader's scope apply unchanged) and handed on one page at a time: memory stays that of one
 * page whatever the size. The first page is read before the generator is returned, so a bad
 * filter or a refused reader fails the request before any byte is sent.
 */
export async function exportRecords<Q extends object, T>(list: (q: Q & { limit: number; cursor?: string }) => Promise<Page<T>>, query: Q): Promise<AsyncGenerator<T>> {
  const first = await list({ ...query, limit: PAGE });
  async function* all(): AsyncGenerator<T> {
    let page = first;
    for (;;) {
      yield* page.items;
      if (!page.nextCursor) return;
      page = await list({ ...query, limit: PAGE, cursor: page.nextCursor });
    }
  }
  return all();
}
