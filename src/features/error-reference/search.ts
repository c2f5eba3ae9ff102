import { z } from 'zod';

/** /errors?q=…: the search lives in the URL, so a link shares it. A bad value is dropped, not an error. */
export const errorsSearchSchema = z.object({
  q: z.string().max(200).optional().catch(undefined),
});

/** /errors/:code?status=410 picks one of a code's statuses (SESSION_EXPIRED is 401 and 410). */
export const errorDetailSearchSchema = z.object({
  status: z.coerce.number().int().min(0).max(599).optional().catch(undefined),
});
