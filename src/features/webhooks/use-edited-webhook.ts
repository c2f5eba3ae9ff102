import { useQuery } from '@tanstack/react-query';
import type { Webhook } from '../../../contract/webhooks';
import { webhookQueries } from '../../api/webhooks';

/** The endpoint `?edit=<id>` names, once it is read (the form opens with its values, never half-filled). */
export function useEditedWebhook(id: string | undefined): Webhook | null {
  const { data } = useQuery({ ...webhookQueries.detail(id ?? ''), enabled: id !== undefined });
  return id ? (data?.webhook ?? null) : null;
}
