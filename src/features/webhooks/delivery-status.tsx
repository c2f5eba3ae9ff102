import type { DeliveryStatus } from '../../../contract/webhooks';
import { formatPercent } from '../../lib/format';

// A shape as well as a colour, so the status reads without colour vision.
const LOOK: Record<DeliveryStatus, { icon: string; label: string; className: string }> = {
  delivered: { icon: '✓', label: 'Delivered', className: 'text-green-800' },
  pending: { icon: '…', label: 'Pending', className: 'text-amber-900' },
  failed: { icon: '✕', label: 'Failed', className: 'text-red-800' },
};

export function DeliveryStatusLabel({ status }: { status: DeliveryStatus }) {
  const { icon, label, className } = LOOK[status];
  return (
    <span className={`inline-flex items-center gap-1 font-medium whitespace-nowrap ${className}`}>
      <span aria-hidden="true">{icon}</span>
      {label}
    </span>
  );
}

export function ActiveLabel({ active }: { active: boolean }) {
  return active ? (
    <span className="inline-flex items-center gap-1 font-medium text-green-800">
      <span aria-hidden="true">●</span>Enabled
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 font-medium text-slate-700">
      <span aria-hidden="true">○</span>Disabled
    </span>
  );
}

/** Delivered ÷ finished of the latest deliveries, with the counts it comes from. */
export function SuccessRate({ stats }: { stats: { delivered: number; failed: number; success_rate: number | null } }) {
  if (stats.success_rate === null) return <span className="text-slate-700">No deliveries yet</span>;
  return (
    <span>
      {formatPercent(stats.success_rate)}{' '}
      <span className="text-slate-700">
        ({stats.delivered} of {stats.delivered + stats.failed})
      </span>
    </span>
  );
}
