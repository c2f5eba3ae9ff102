import { useEffect, useState } from 'react';
import { BUTTON_CLASS } from '../log/export-buttons';

const SHOWN_MS = 3_000;

/** Copies `text`; the button says "Copied" for a moment, and says so to a screen reader too. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={() => void onCopy()} className={BUTTON_CLASS}>
        {state === 'copied' ? 'Copied' : label}
      </button>
      <span role="status" className="text-sm text-slate-700">
        {state === 'copied'
          ? 'Copied to the clipboard.'
          : state === 'failed'
            ? 'The browser refused to copy; select the text instead.'
            : ''}
      </span>
    </span>
  );
}
