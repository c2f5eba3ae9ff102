import { useState } from 'react';
import { SECONDARY_BUTTON } from './ui';

/** Copies `text`, and says whether it worked (to a screen reader too). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied to the clipboard.');
    } catch {
      setStatus('The browser refused to copy: select the text and copy it.');
    }
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" onClick={() => void copy()} className={SECONDARY_BUTTON}>
        {label}
      </button>
      <span role="status" className="text-sm text-slate-700">
        {status}
      </span>
    </span>
  );
}
