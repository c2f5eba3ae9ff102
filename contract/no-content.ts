import { z } from 'zod';

/** The answer of a DELETE (a stored session, a webhook): 204, no body. */
export const noContentSchema = z.undefined();
