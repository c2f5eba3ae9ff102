import { Link } from '@tanstack/react-router';
import { maskApiKey } from '../../../contract/auth';
import { useApiKey } from '../../api/credentials-store';

export function KeyBadge() {
  const apiKey = useApiKey();
  return (
    <Link
      to="/settings"
      aria-label={apiKey ? `API key ${maskApiKey(apiKey)}: settings` : 'No API key yet: settings'}
      className="rounded-md border border-slate-300 px-2 py-1 font-mono text-xs text-slate-800"
    >
      {apiKey ? maskApiKey(apiKey) : 'No key yet'}
    </Link>
  );
}
