import { Panel } from '../../components/panel';
import { useKeyPlan } from '../../components/use-key-plan';
import { AlertsPanel } from './alerts-panel';
import { BurstForm } from './burst-form';
import { PlanTable } from './plan-table';
import { RateLimitGauge } from './rate-limit-gauge';
import { RateLimitTimeline } from './rate-limit-timeline';
import { useRateLimitView } from './use-rate-limit-view';

/**
 * The key's rate limits as the one store holds them (the header meter reads the same): the live gauge and its
 * countdown, a timeline of remaining with refusals and resets, the plan table, a forecast, alerts, and a burst
 * button to watch 429s arrive and the meter recover. The history is this browser's, shared with its other tabs.
 */
export function RateLimitsPage() {
  const { samples, window, now, forecast, usage } = useRateLimitView();
  const plan = useKeyPlan() ?? null;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Rate limits</h1>
      <Panel title="Right now">
        <RateLimitGauge window={window} plan={plan} now={now} forecast={forecast} />
      </Panel>
      <Panel title="Send a burst">
        <BurstForm />
      </Panel>
      <Panel title="Timeline">
        <RateLimitTimeline samples={samples} now={now} />
      </Panel>
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title="Plans">
          <PlanTable plan={plan} />
        </Panel>
        <Panel title="Alerts">
          <AlertsPanel window={window} samples={samples} balanceCredits={usage?.balance_credits ?? null} now={now} />
        </Panel>
      </div>
    </div>
  );
}
