import { z } from 'zod';

/**
 * The router reads each search value as JSON when it can, so `?q=429` arrives as the number 429 and a pasted
 * body typed into the address as an object: both are the text the user meant. A pasted response is long.
 */
const searchText = () =>
  z
    .preprocess(
      (value) => (value === undefined || value === null || typeof value === 'string' ? value : JSON.stringify(value)),
      z.string().max(20_000).optional(),
    )
    .catch(undefined);

/** /errors?q=…: the search lives in the URL, so a link shares it. A bad value is dropped, not an error. */
export const errorsSearchSchema = z.object({
  q: searchText(),
});

/** /errors/:code?status=410 picks one of a code's statuses (SESSION_EXPIRED is 401 and 410). */
export const errorDetailSearchSchema = z.object({
  status: z.coerce.number().int().min(0).max(599).optional().catch(undefined),
  /** The search the reference was left with, so "All errors" goes back to it. */
  q: searchText(),
});
