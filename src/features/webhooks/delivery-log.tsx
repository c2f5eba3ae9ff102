import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link } from '@tanstack/react-router';
import type { DeliveryStatus } from '../../../contract/webhooks';
import { webhookQueries } from '../../api/webhooks';
import { ColumnHeaders } from '../../components/column-headers';
import { ScrollRegion } from '../../components/scroll-region';
import { formatDateTime } from '../../lib/format';
import { DeliveryStatusLabel } from './delivery-status';

const COLUMNS = [
  { label: 'Sent' },
  { label: 'Event' },
  { label: 'Status' },
  { label: 'Attempts' },
  { label: 'Last answer' },
];
const CELL = 'px-3 py-2 align-top';
const FILTERS: { value: DeliveryStatus | undefined; label: string }[] = [
  { value: undefined, label: 'All' },
  { value: 'delivered', label: 'Delivered' },
  { value: 'pending', label: 'Pending' },
  { value: 'failed', label: 'Failed' },
];

/** The status filter, as links: it lives in the URL. */
export function DeliveryFilter({ status }: { status: DeliveryStatus | undefined }) {
  return (
    <nav aria-label="Delivery status" className="mb-3 flex flex-wrap gap-2 text-sm">
      {FILTERS.map((filter) => (
        <Link
          key={filter.label}
          from="/webhooks"
          to="/webhooks"
          search={(prev) => ({ ...prev, status: filter.value, delivery: undefined })}
          aria-current={status === filter.value ? 'page' : undefined}
          className="rounded-md border border-slate-300 px-2 py-1 text-slate-900 aria-[current=page]:border-slate-900 aria-[current=page]:font-semibold aria-[current=page]:underline"
        >
          {filter.label}
        </Link>
      ))}
    </nav>
  );
}

/** When a delivery stops being pending, the endpoint's success rate and failure count change: read them again. */
function useEndpointRefresh(id: string, pending: number) {
  const queryClient = useQueryClient();
  const before = useRef(pending);
  useEffect(() => {
    if (pending < before.current) {
      void queryClient.invalidateQueries({ queryKey: webhookQueries.lists() });
      void queryClient.invalidateQueries({ queryKey: webhookQueries.detail(id).queryKey, exact: true });
    }
    before.current = pending;
  }, [queryClient, id, pending]);
}

/** An endpoint's latest deliveries, newest first; each opens its attempts, payload and the receiver's answers. */
export function DeliveryLog(props: { id: string; status: DeliveryStatus | undefined; selected: string | undefined }) {
  const { data } = useSuspenseQuery(webhookQueries.deliveries(props.id, props.status));
  useEndpointRefresh(props.id, data.deliveries.filter((delivery) => delivery.status === 'pending').length);
  if (data.deliveries.length === 0) {
    return (
      <p className="text-sm text-slate-700">
        {props.status
          ? 'No delivery has this status.'
          : 'No deliveries yet: send a test event, or run an async scrape.'}
      </p>
    );
  }
  return (
    <ScrollRegion label="Deliveries table">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Deliveries: {data.deliveries.length}</caption>
        <ColumnHeaders columns={COLUMNS} cellClassName="px-3 py-2" />
        <tbody>
          {data.deliveries.map((delivery) => (
            <tr
              key={delivery.id}
              aria-current={props.selected === delivery.id ? 'true' : undefined}
              className="border-b border-slate-100 aria-[current=true]:bg-blue-50"
            >
              <th scope="row" className={`${CELL} font-normal`}>
                <Link
                  from="/webhooks"
                  to="/webhooks"
                  search={(prev) => ({ ...prev, delivery: delivery.id })}
                  className="text-blue-800 underline"
                >
                  {formatDateTime(delivery.created_at)}
                </Link>
              </th>
              <td className={`${CELL} font-mono text-xs`}>
                {delivery.event}
                {delivery.test && <span className="ml-1 font-sans text-slate-700">(test)</span>}
                {delivery.resend_of && <span className="ml-1 font-sans text-slate-700">(resend)</span>}
              </td>
              <td className={CELL}>
                <DeliveryStatusLabel status={delivery.status} />
              </td>
              <td className={CELL}>{delivery.attempt_count}</td>
              <td className={CELL}>{delivery.last_status_code ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
