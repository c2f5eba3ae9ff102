import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { requestLogQuerySchema } from '../../../../contract/request-log';
import { CODE_INPUT, Field, INPUT_CLASS } from '../../../components/form-field';
import { BUTTON_CLASS } from './export-buttons';
import { ORIGIN_VIEWS, originView, type FilterName, type OriginView, type RequestLogSearch } from './search';

const route = getRouteApi('/triage/log');
const field = requestLogQuerySchema.shape;
const instant = z.union(
  [z.iso.datetime({ offset: true }), z.iso.date()],
  'A day (2026-11-25) or an instant with its zone (2026-11-25T10:00:00Z)',
);

/** The typed filters, each checked by the contract's own field schema, with its message, before it goes in the URL. */
const TYPED: {
  name: Exclude<FilterName, 'method' | 'path' | 'session'>;
  label: string;
  check: z.ZodType;
  placeholder: string;
}[] = [
  { name: 'q', label: 'Request id or URL text', check: field.q, placeholder: 'req_… or example.com/item' },
  { name: 'code', label: 'Error code', check: field.code, placeholder: 'TIMEOUT' },
  { name: 'status', label: 'HTTP status', check: field.status, placeholder: '403' },
  { name: 'domain', label: 'Target domain', check: field.domain, placeholder: 'example.com' },
  { name: 'since', label: 'From (included)', check: instant, placeholder: '2026-11-25' },
  { name: 'until', label: 'Until (excluded)', check: instant, placeholder: '2026-11-26' },
];
const METHODS = field.method.unwrap().out.options;

type Typed = Record<(typeof TYPED)[number]['name'], string>;
const typedOf = (search: RequestLogSearch): Typed =>
  Object.fromEntries(TYPED.map(({ name }) => [name, search[name] === undefined ? '' : String(search[name])])) as Typed;

/** The log's filters, kept in the URL: typed ones apply on submit, the origin and the method as they are picked. */
export function LogFilters({ search }: { search: RequestLogSearch }) {
  const navigate = route.useNavigate();
  const inUrl = typedOf(search);
  const [typed, setTyped] = useState(inUrl);
  const [errors, setErrors] = useState<Partial<Record<FilterName, string>>>({});
  // A link, Back or Apply that changes the typed filters in the URL resets what the inputs hold. Picking a method or
  // whose calls keeps them: text typed and not yet applied is not lost, and the form is not redrawn under the focus.
  const [shownFor, setShownFor] = useState(() => JSON.stringify(inUrl));
  if (shownFor !== JSON.stringify(inUrl)) {
    setShownFor(JSON.stringify(inUrl));
    setTyped(inUrl);
    setErrors({});
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Partial<RequestLogSearch> = {};
    const found: typeof errors = {};
    for (const { name, check } of TYPED) {
      const text = name === 'code' ? typed[name].trim().toUpperCase() : typed[name].trim();
      if (text === '') continue;
      const parsed = check.safeParse(text);
      if (parsed.success) Object.assign(next, { [name]: parsed.data });
      else found[name] = parsed.error.issues[0]?.message;
    }
    if (next.since && next.until && Date.parse(next.since) >= Date.parse(next.until))
      found.until = 'Until must be later than From';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void navigate({
      search: (prev) => ({ ...prev, ...Object.fromEntries(TYPED.map(({ name }) => [name, undefined])), ...next }),
    });
  };

  return (
    <form role="search" aria-label="Filter the request log" noValidate onSubmit={onSubmit} className="space-y-3">
      <OriginToggle current={originView(search)} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {TYPED.map(({ name, label, placeholder }) => (
          <Field key={name} label={label} error={errors[name]}>
            {(control) => (
              <input
                {...control}
                {...CODE_INPUT}
                type={name === 'q' ? 'search' : 'text'}
                placeholder={placeholder}
                value={typed[name]}
                onChange={(event) => setTyped((prev) => ({ ...prev, [name]: event.target.value }))}
              />
            )}
          </Field>
        ))}
        <Field label="Method">
          {(control) => (
            <select
              {...control}
              value={search.method ?? ''}
              onChange={(event) =>
                void navigate({
                  search: (prev) => ({ ...prev, method: METHODS.find((method) => method === event.target.value) }),
                })
              }
              className={INPUT_CLASS}
            >
              <option value="">Every method</option>
              {METHODS.map((method) => (
                <option key={method}>{method}</option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FixedFilters search={search} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={BUTTON_CLASS}>
          Apply filters
        </button>
        <Link to="/triage/log" search={{ origin: search.origin }} className="text-sm text-blue-800 underline">
          Clear the filters
        </Link>
      </div>
    </form>
  );
}

/** Filters a link sets (a session's requests, one path) but the form has no field for: shown, and removable. */
function FixedFilters({ search }: { search: RequestLogSearch }) {
  const shown = (['path', 'session'] as const).filter((name) => search[name] !== undefined);
  if (shown.length === 0) return null;
  const label = { path: 'Path', session: 'Session' };
  return (
    <ul className="flex flex-wrap gap-2 text-sm">
      {shown.map((name) => (
        <li key={name} className="flex items-center gap-2 rounded-md border border-slate-300 px-2 py-1">
          <span>
            {label[name]}: <code className="font-mono">{search[name]}</code>
          </span>
          <Link
            from="/triage/log"
            to="/triage/log"
            search={(prev) => ({ ...prev, [name]: undefined })}
            className="text-blue-800 underline"
            aria-label={`Remove the ${label[name].toLowerCase()} filter`}
          >
            Remove
          </Link>
        </li>
      ))}
    </ul>
  );
}

const ORIGIN_LABEL: Record<OriginView, string> = {
  user: 'Your calls',
  dashboard: 'The dashboard’s own calls',
  all: 'Both',
};

/** Whose calls: the user's by default; the dashboard marks its own background reads, which support rarely wants. */
function OriginToggle({ current }: { current: OriginView }) {
  const navigate = route.useNavigate();
  return (
    <div role="group" aria-label="Whose calls" className="flex flex-wrap gap-2 text-sm">
      {ORIGIN_VIEWS.map((view) => (
        <button
          key={view}
          type="button"
          aria-pressed={view === current}
          onClick={() => void navigate({ search: (prev) => ({ ...prev, origin: view === 'user' ? undefined : view }) })}
          className="rounded-md border border-slate-300 px-3 py-1 font-medium text-slate-800 aria-pressed:border-blue-700 aria-pressed:bg-blue-50 aria-pressed:text-blue-900"
        >
          {ORIGIN_LABEL[view]}
        </button>
      ))}
    </div>
  );
}
