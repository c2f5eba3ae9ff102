import { z } from 'zod';
import { requestOriginSchema } from '../../../contract/request-log';

/** /?calls=dashboard shows the dashboard's own calls in the recent requests; the user's are the default. */
export const overviewSearchSchema = z.object({
  calls: requestOriginSchema.optional().catch(undefined),
});
