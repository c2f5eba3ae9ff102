import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { webhookQueries } from '../../api/webhooks';
import { ColumnHeaders } from '../../components/column-headers';
import { ScrollRegion } from '../../components/scroll-region';
import { ActiveLabel, SuccessRate } from './delivery-status';

const COLUMNS = [{ label: 'Endpoint' }, { label: 'Events' }, { label: 'Status' }, { label: 'Recent success rate' }];
const CELL = 'px-3 py-2 align-top';

/** Every endpoint of the account; a name opens its details and delivery log. */
export function WebhookTable({ selected }: { selected: string | undefined }) {
  const { data } = useSuspenseQuery(webhookQueries.list());
  if (data.webhooks.length === 0) {
    return <p className="text-sm text-slate-700">No webhooks yet: add one with New webhook.</p>;
  }
  return (
    <ScrollRegion label="Webhooks table">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Webhooks: {data.webhooks.length}</caption>
        <ColumnHeaders columns={COLUMNS} cellClassName="px-3 py-2" />
        <tbody>
          {data.webhooks.map((webhook) => (
            <tr
              key={webhook.id}
              aria-current={selected === webhook.id ? 'true' : undefined}
              className="border-b border-slate-100 aria-[current=true]:bg-blue-50"
            >
              <th scope="row" className={`${CELL} font-medium`}>
                <Link
                  from="/webhooks"
                  to="/webhooks"
                  search={{ webhook: webhook.id }}
                  className="block text-blue-800 underline"
                >
                  {webhook.name ?? webhook.url}
                </Link>
                {webhook.name && <span className="block font-mono text-xs font-normal break-all">{webhook.url}</span>}
              </th>
              <td className={`${CELL} font-mono text-xs`}>{webhook.events.join(', ')}</td>
              <td className={CELL}>
                <ActiveLabel active={webhook.is_active} />
              </td>
              <td className={CELL}>
                <SuccessRate stats={webhook.stats} />
                {webhook.failure_count > 0 && (
                  <span className="block text-xs text-red-800">
                    {webhook.failure_count} failed {webhook.failure_count === 1 ? 'delivery' : 'deliveries'} in a row
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
