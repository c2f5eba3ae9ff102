/** Scraped text shown as text: React escapes it, nothing in it is ever parsed as markup. */
export function TextView({ text, label }: { text: string; label: string }) {
  if (text.trim() === '') return <p className="text-sm text-slate-700">The {label} is empty.</p>;
  return <pre className="text-xs leading-relaxed break-words whitespace-pre-wrap text-slate-900">{text}</pre>;
}
