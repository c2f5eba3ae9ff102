import { Link } from '@tanstack/react-router';
import { maskApiKey } from '../../../contract/auth';
import { useApiKey } from '../../api/credentials-store';

export function KeyBadge() {
  const apiKey = useApiKey();
  return (
    <Link to="/settings" className="rounded-md border border-slate-300 px-2 py-1 font-mono text-xs text-slate-800">
      <span className="sr-only">API key: </span>
      {apiKey ? maskApiKey(apiKey) : 'No key yet'}
    </Link>
  );
}
