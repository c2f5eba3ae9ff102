import { Dialog } from '../components/dialog';
import { SHORTCUTS } from './shortcuts';

const onMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function HelpDialog(props: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog {...props} title="Keyboard shortcuts">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.what} className="contents">
            <dt className="whitespace-nowrap">
              {(onMac ? shortcut.mac : shortcut.keys).map((key, index) => (
                <span key={key}>
                  {index > 0 && ' + '}
                  <kbd className="rounded border border-slate-400 bg-slate-100 px-1.5 py-0.5 font-mono text-xs">
                    {key}
                  </kbd>
                </span>
              ))}
            </dt>
            <dd>{shortcut.what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
