import { PLAN_LIMITS, PLANS, type Plan } from '../../../contract/plans';

/** The seed's plan table, the account's plan marked in words (and weight), not by colour alone. */
export function PlanTable({ plan }: { plan: Plan | null }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Rate limits of each plan</caption>
      <thead>
        <tr className="border-b border-slate-200">
          <th scope="col" className="py-1 pr-4">
            Plan
          </th>
          <th scope="col" className="py-1 pr-4 text-right">
            Requests a minute
          </th>
          <th scope="col" className="py-1 pr-4 text-right">
            Burst a second
          </th>
        </tr>
      </thead>
      <tbody>
        {PLANS.map((one) => {
          const mine = one === plan;
          return (
            <tr
              key={one}
              className={mine ? 'bg-sky-50 font-semibold' : undefined}
              data-testid={mine ? 'your-plan' : undefined}
            >
              <th scope="row" className="py-1 pr-4 font-[inherit]">
                {PLAN_LIMITS[one].label}
                {mine && <span> (your plan)</span>}
              </th>
              <td className="py-1 pr-4 text-right tabular-nums">{PLAN_LIMITS[one].perMinute}</td>
              <td className="py-1 pr-4 text-right tabular-nums">{PLAN_LIMITS[one].burstPerSecond}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
