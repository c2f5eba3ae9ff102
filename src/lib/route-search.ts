import { useMemo } from 'react';
import type { z } from 'zod';

/**
 * A route's search validator that types the URL's params by its page's schema and leaves them as the URL has them.
 * The page reads them through usePageSearch, with the schema that loads with the page: so the router, which is in
 * the first load, carries no schema (nor zod), and no page ever reads a value its schema would not accept.
 */
export const checkedByPage =
  <Schema extends z.ZodType>() =>
  (search: z.input<Schema>): z.output<Schema> =>
    search as z.output<Schema>;

/** The page's search params through its own schema: a bad value is dropped (the schemas `.catch` it), not an error. */
export function usePageSearch<Schema extends z.ZodType>(
  route: { useSearch: () => unknown },
  schema: Schema,
): z.output<Schema> {
  const search = route.useSearch();
  return useMemo(() => schema.parse(search), [schema, search]);
}
