import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Command } from 'cmdk';
import { useState } from 'react';
import { ERROR_CODES } from '../../contract/error-codes';
import { useApiKey } from '../api/credentials-store';
import { sessionQueries } from '../api/sessions';
import { Dialog } from '../components/dialog';
import { NAV_ITEMS } from './nav-items';

/** A code answered with several statuses (SESSION_EXPIRED) is one entry: its page lists them all. */
const CODES = [...new Map(ERROR_CODES.map((facts) => [facts.code, facts])).values()];

/** What the API's request ids look like (req_…); a bare UUID is taken as one too, for the real API's sake. */
const REQUEST_ID = /^(req_[\w-]{6,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

const GROUP_CLASS =
  '[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-3 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-slate-700';
const ITEM_CLASS =
  'flex cursor-pointer items-baseline justify-between gap-3 rounded-md px-2 py-1.5 text-sm data-[selected=true]:bg-blue-100 data-[selected=true]:text-blue-900';

/** Ctrl/Cmd-K: any page, any error code's reference, a request by its id, a stored session by its name. */
export function CommandPalette(props: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const navigate = useNavigate();
  const apiKey = useApiKey();
  const [search, setSearch] = useState('');
  // Asked when the palette opens, never before: the sessions cost a call, and most visits never open it.
  const sessions = useQuery({ ...sessionQueries.list(), enabled: props.open && apiKey !== null });
  const requestId = search.trim();

  const go = (to: () => Promise<void>) => {
    props.onOpenChange(false);
    setSearch('');
    void to();
  };

  return (
    <Dialog {...props} title="Go to…">
      <Command label="Command palette" loop className="space-y-2">
        <Command.Input
          value={search}
          onValueChange={setSearch}
          aria-label="Page, error code, request id or session name"
          placeholder="A page, an error code, a request id or a session name"
          className="w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
        />
        <Command.List className="max-h-[55vh] overflow-y-auto" aria-label="Places to go">
          <Command.Empty className="px-2 py-3 text-sm text-slate-700">Nothing matches “{search}”.</Command.Empty>
          {REQUEST_ID.test(requestId) && (
            <Command.Group heading="Request" forceMount className={GROUP_CLASS}>
              <Command.Item
                forceMount
                value={`request ${requestId}`}
                className={ITEM_CLASS}
                onSelect={() => go(() => navigate({ to: '/triage/requests/$id', params: { id: requestId } }))}
              >
                Open request <span className="font-mono">{requestId}</span>
              </Command.Item>
            </Command.Group>
          )}
          <Command.Group heading="Pages" className={GROUP_CLASS}>
            {NAV_ITEMS.map((item) => (
              <Command.Item
                key={item.to}
                value={`page ${item.label}`}
                className={ITEM_CLASS}
                onSelect={() => go(() => navigate({ to: item.to }))}
              >
                {item.label}
              </Command.Item>
            ))}
          </Command.Group>
          <Command.Group heading="Error codes" className={GROUP_CLASS}>
            {CODES.map((facts) => (
              <Command.Item
                key={facts.code}
                value={`code ${facts.code}`}
                keywords={[String(facts.status), facts.category]}
                className={ITEM_CLASS}
                onSelect={() => go(() => navigate({ to: '/errors/$code', params: { code: facts.code } }))}
              >
                <span className="font-mono">{facts.code}</span>
                <span className="text-xs text-slate-700">{facts.status}</span>
              </Command.Item>
            ))}
          </Command.Group>
          {sessions.data && sessions.data.sessions.length > 0 && (
            <Command.Group heading="Stored sessions" className={GROUP_CLASS}>
              {sessions.data.sessions.map((session) => (
                <Command.Item
                  key={session.id}
                  value={`session ${session.name} ${session.id}`}
                  keywords={[session.domain]}
                  className={ITEM_CLASS}
                  onSelect={() => go(() => navigate({ to: '/sessions', search: { session: session.id } }))}
                >
                  {session.name}
                  <span className="text-xs text-slate-700">{session.domain}</span>
                </Command.Item>
              ))}
            </Command.Group>
          )}
        </Command.List>
      </Command>
    </Dialog>
  );
}
