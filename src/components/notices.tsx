import { useNoticeStore } from './notice-store';

/** Notices in a polite live region, so screen readers hear them without losing their place. */
export function Notices() {
  const notices = useNoticeStore((state) => state.notices);
  const dismiss = useNoticeStore((state) => state.noticeDismissed);
  return (
    <div role="status" aria-live="polite" className="space-y-2">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className="flex items-start justify-between gap-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950"
        >
          <p>
            <span className="font-semibold">{notice.tone === 'warning' ? 'Heads up: ' : 'Note: '}</span>
            {notice.text}
          </p>
          <button type="button" className="underline" onClick={() => dismiss(notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
