/** Page numbers from query strings, shared by every paginated list (loaders and the Pagination component). */

/** A `page` query parameter as a page number: 1 unless it is a whole number from 1 up to `max`. */
export function pageNumber(value: string | null, max = 100_000): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : 1;
}

/** How many pages `total` items fill at `size` a page (at least 1). */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The zero-based [from, to] range of a page, as PostgREST's `.range()` wants it. */
export function rangeOf(page: number, size: number): [number, number] {
  const from = (page - 1) * size;
  return [from, from + size - 1];
}
