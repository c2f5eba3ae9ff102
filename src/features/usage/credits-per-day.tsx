import { useSuspenseQuery } from '@tanstack/react-query';
import { usageReportQueries } from '../../api/usage-report';
import { creditsAndDollars } from './account-period';
import { creditsPerDay, periodTotals, type CreditsDay } from './chart-data';
import { DayTable, type DayColumn } from './day-table';
import { CreditsPerDayChart } from './lazy-charts';
import { useOpenDay, useReportZone } from './zone';

const COLUMNS: DayColumn<CreditsDay>[] = [
  { label: 'Charged', value: (row) => row.charged },
  { label: 'Refunded', value: (row) => row.refunded },
  { label: 'Net', value: (row) => row.net },
];

/** Credits charged and refunded each day of the period: a sentence, the chart, and its table. */
export function CreditsPerDay() {
  const { query } = useReportZone();
  const { data } = useSuspenseQuery(usageReportQueries.days(query));
  const rows = creditsPerDay(data.days);
  const totals = periodTotals(data.days);
  return (
    <div className="space-y-3">
      <p className="text-sm" data-testid="credits-summary">
        From {data.from} to {data.to}: {creditsAndDollars(totals.charged)} charged, {creditsAndDollars(totals.refunded)}{' '}
        refunded, {creditsAndDollars(totals.charged - totals.refunded)} net.
      </p>
      <CreditsPerDayChart rows={rows} pickDay={useOpenDay()} />
      <DayTable caption="Credits per day" columns={COLUMNS} rows={rows} />
    </div>
  );
}
