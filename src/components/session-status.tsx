import type { SessionStatus } from '../../contract/sessions';

/** `invalid` is the API's word for a deleted or disabled session; people read it as inactive (SESSION_INACTIVE). */
export const SESSION_STATUS_LABEL: Record<SessionStatus, string> = {
  active: 'Active',
  expired: 'Expired',
  invalid: 'Inactive',
};

// A shape as well as a colour, so the status reads without colour vision.
const LOOK: Record<SessionStatus, { icon: string; className: string }> = {
  active: { icon: '✓', className: 'text-green-800' },
  expired: { icon: '✕', className: 'text-red-800' },
  invalid: { icon: '⊘', className: 'text-slate-700' },
};

/** A session's status as an icon and its word. */
export function SessionStatusLabel({ status }: { status: SessionStatus }) {
  const { icon, className } = LOOK[status];
  return (
    <span className={`inline-flex items-center gap-1 font-medium whitespace-nowrap ${className}`}>
      <span aria-hidden="true">{icon}</span>
      {SESSION_STATUS_LABEL[status]}
    </span>
  );
}
