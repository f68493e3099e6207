import { describe, expect, it } from 'vitest';
import { joinPages, nextPageParam } from './pages';

const row = (id: number) => ({ id });

describe('joinPages', () => {
  it('nothing loaded yet is an empty list with nothing more', () => {
    expect(joinPages(undefined)).toEqual({ items: [], total: 0, hasMore: false });
    expect(joinPages([])).toEqual({ items: [], total: 0, hasMore: false });
  });

  it('joins the pages in order and tells whether more rows wait on the server', () => {
    const pages = [
      { items: [row(9), row(8)], total: 5, nextCursor: 'c1' },
      { items: [row(7), row(6)], total: 5, nextCursor: 'c2' },
    ];
    expect(joinPages(pages)).toEqual({ items: [row(9), row(8), row(7), row(6)], total: 5, hasMore: true });
    const all = [...pages, { items: [row(5)], total: 5, nextCursor: null }];
    expect(joinPages(all)).toEqual({ items: [9, 8, 7, 6, 5].map(row), total: 5, hasMore: false });
  });

  it('shows a row once when a refresh moved it into the next page, and takes the newest total', () => {
    const pages = [
      { items: [row(10), row(9)], total: 6, nextCursor: 'c1' },
      { items: [row(9), row(8)], total: 5, nextCursor: null },
    ];
    expect(joinPages(pages)).toEqual({ items: [10, 9, 8].map(row), total: 6, hasMore: false });
  });

  it('never tells fewer in all than it shows', () => {
    expect(joinPages([{ items: [row(2), row(1)], total: 1, nextCursor: null }]).total).toBe(2);
  });
});

describe('nextPageParam', () => {
  it('is the cursor of the last page, undefined at the end', () => {
    expect(nextPageParam({ items: [], total: 0, nextCursor: 'abc' })).toBe('abc');
    expect(nextPageParam({ items: [], total: 0, nextCursor: null })).toBeUndefined();
  });
});
