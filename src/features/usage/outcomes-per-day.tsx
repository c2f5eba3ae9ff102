import { useSuspenseQuery } from '@tanstack/react-query';
import { USAGE_OUTCOMES } from '../../../contract/usage-report';
import { usageReportQueries } from '../../api/usage-report';
import { formatNumber } from '../../lib/format';
import { OUTCOME_LABELS, outcomesPerDay, periodTotals, type OutcomesDay } from './chart-data';
import { DayTable, type DayColumn } from './day-table';
import { OutcomesPerDayChart } from './lazy-charts';
import { useOpenDay, useReportZone } from './zone';

const COLUMNS: DayColumn<OutcomesDay>[] = [
  ...USAGE_OUTCOMES.map((outcome) => ({ label: OUTCOME_LABELS[outcome], value: (row: OutcomesDay) => row[outcome] })),
  { label: 'All', value: (row) => row.total },
];

/** Scrapes each day by how they ended: a sentence, the stacked chart, and its table. */
export function OutcomesPerDay() {
  const { query } = useReportZone();
  const { data } = useSuspenseQuery(usageReportQueries.days(query));
  const rows = outcomesPerDay(data.days);
  const totals = periodTotals(data.days);
  return (
    <div className="space-y-3">
      <p className="text-sm" data-testid="outcomes-summary">
        {formatNumber(totals.requests)} scrapes:{' '}
        {USAGE_OUTCOMES.map(
          (outcome) => `${formatNumber(totals.outcomes[outcome])} ${OUTCOME_LABELS[outcome].toLowerCase()}`,
        ).join(', ')}
        .
      </p>
      <OutcomesPerDayChart rows={rows} pickDay={useOpenDay()} />
      <DayTable caption="Scrapes per day by outcome" columns={COLUMNS} rows={rows} />
    </div>
  );
}
