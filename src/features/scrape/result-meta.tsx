import type { ReactNode } from 'react';
import type { ScrapeResult } from '../../../contract/scrape';
import { TIER_FACTS, type Tier } from '../../../contract/pricing';
import { credits, formatDateTime, formatNumber } from '../../lib/format';
import { ColumnHeaders } from '../../components/column-headers';

const OUTCOME = {
  success: { mark: '✓', text: 'Succeeded' },
  failed: { mark: '✗', text: 'Failed' },
  skipped: { mark: '–', text: 'Skipped' },
} as const;
const OUTCOME_CLASS = { success: 'text-green-800', failed: 'text-red-800', skipped: 'text-slate-600' } as const;

const tierText = (tier: Tier | null) => (tier ? `Tier ${tier} (${TIER_FACTS[tier].name})` : 'None (served from cache)');

const TIMELINE_COLUMNS = [
  { label: 'Tier' },
  { label: 'Result' },
  { label: 'Credits', align: 'right' },
  { label: 'Time (ms)', align: 'right' },
  { label: 'Error' },
] as const;

/** What the scrape cost and how it got there. Scraped strings (URL, title) are shown as text, never as links. */
export function ResultMeta({ result }: { result: ScrapeResult }) {
  const { billing } = result;
  return (
    <div className="space-y-4 text-sm">
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1">
        <Fact term="Target status">HTTP {result.status_code}</Fact>
        <Fact term="Final URL">
          <code className="font-mono break-all">{result.final_url}</code>
        </Fact>
        <Fact term="Title">{result.title ?? <span className="text-slate-600">No title</span>}</Fact>
        <Fact term="Cached">
          {!result.cached
            ? 'No'
            : result.cached_at && result.expires_at
              ? `Yes: stored ${formatDateTime(result.cached_at)}, served until ${formatDateTime(result.expires_at)}`
              : 'Yes'}
        </Fact>
        <Fact term="Tier used">{tierText(billing.tier_used)}</Fact>
        <Fact term="Credits">{credits(billing.total_credits)}</Fact>
        <Fact term="Request id">
          <code className="font-mono break-all">{result.request_id}</code>
        </Fact>
      </dl>
      {billing.escalations.length > 0 && (
        <table className="w-full border-collapse text-left text-xs">
          <caption className="mb-1 text-left text-sm font-semibold">Escalation timeline</caption>
          <ColumnHeaders columns={TIMELINE_COLUMNS} cellClassName="py-1 pr-3" />
          <tbody>
            {billing.escalations.map((step, index) => (
              <tr key={`${step.tier}-${index}`} className="border-b border-slate-200 align-top">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {tierText(step.tier)}
                </th>
                <td className={`py-1 pr-3 font-medium ${OUTCOME_CLASS[step.result]}`}>
                  <span aria-hidden="true">{OUTCOME[step.result].mark}</span> {OUTCOME[step.result].text}
                </td>
                <td className="py-1 pr-3 text-right tabular-nums">{formatNumber(step.credits)}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{formatNumber(step.duration_ms)}</td>
                <td className="py-1 font-mono break-all">{step.error ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-semibold">{term}</dt>
      <dd>{children}</dd>
    </>
  );
}
