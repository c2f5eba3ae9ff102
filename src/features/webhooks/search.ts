import { z } from 'zod';
import { deliveryStatusSchema } from '../../../contract/webhooks';

/**
 * /webhooks?webhook=…&status=…&delivery=…: the endpoint open in detail, its log's filter, the delivery open in it and the form a link
 * may open live in the URL (the 409's guidance links here). A bad value is dropped, not an error.
 */
export const webhooksSearchSchema = z.object({
  webhook: z.string().max(100).optional().catch(undefined),
  delivery: z.string().max(100).optional().catch(undefined),
  /** The delivery log's status filter. */
  status: deliveryStatusSchema.optional().catch(undefined),
  edit: z.string().max(100).optional().catch(undefined),
  create: z.boolean().optional().catch(undefined),
});
