/**
 * A list the server answers page by page (issue 9 §2: `{ items, total, nextCursor }`, newest first,
 * keyset cursors). The pages loaded so far make one list: in order, each row once (a refresh may
 * have moved a row between pages), with the total of the newest answer.
 */
export interface Page<T> {
  items: readonly T[];
  total: number;
  nextCursor: string | null;
}

export interface Paged<T> {
  items: T[];
  total: number;
  /** Whether the server has more rows after the last page loaded. */
  hasMore: boolean;
}

export function joinPages<T extends { id: number }>(pages: readonly Page<T>[] | undefined): Paged<T> {
  if (!pages?.length) return { items: [], total: 0, hasMore: false };
  const seen = new Set<number>();
  const items: T[] = [];
  for (const page of pages) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  const last = pages[pages.length - 1]!;
  // The first page is the newest count (a refresh reads the pages from the first on).
  const total = Math.max(pages[0]!.total, items.length);
  return { items, total, hasMore: last.nextCursor !== null };
}

/** TanStack Query's `getNextPageParam`: the cursor of the last page, or undefined at the end. */
export const nextPageParam = <T>(last: Page<T>): string | undefined => last.nextCursor ?? undefined;
