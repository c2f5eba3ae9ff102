import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { sessionListQuerySchema } from '../../../contract/sessions';
import { CODE_INPUT, Field, INPUT_CLASS } from '../../components/form-field';
import { STATUS_FILTERS, type StatusFilter } from './search';

const route = getRouteApi('/sessions');

const STATUS_OPTIONS: { value: StatusFilter | ''; label: string }[] = [
  { value: '', label: 'Every status' },
  { value: 'active', label: 'Active' },
  { value: 'expired', label: 'Expired' },
  { value: 'invalid', label: 'Inactive (deleted)' },
  { value: 'cleanup', label: 'Clean-up candidates: expired and inactive' },
];

/** The list's filters, kept in the URL. The status applies as it is picked; the domain when submitted. */
export function SessionFilters(props: { status: StatusFilter | undefined; domain: string | undefined }) {
  // Keyed by the URL's values, so a link that changes them (the clean-up one) resets the inputs too.
  return <FilterForm key={`${props.status ?? ''}|${props.domain ?? ''}`} {...props} />;
}

function FilterForm({ status, domain }: { status: StatusFilter | undefined; domain: string | undefined }) {
  const navigate = route.useNavigate();
  const [typed, setTyped] = useState(domain ?? '');
  const [error, setError] = useState<string>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = sessionListQuerySchema.shape.domain.safeParse(typed);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    void navigate({ search: (prev) => ({ ...prev, domain: parsed.data || undefined }) });
  };

  return (
    <form
      role="search"
      aria-label="Filter sessions"
      noValidate
      onSubmit={onSubmit}
      className="mb-4 flex flex-wrap items-start gap-3"
    >
      <Field label="Status">
        {(control) => (
          <select
            {...control}
            value={status ?? ''}
            onChange={(event) =>
              void navigate({
                search: (prev) => ({ ...prev, status: STATUS_FILTERS.find((filter) => filter === event.target.value) }),
              })
            }
            className={INPUT_CLASS}
          >
            {STATUS_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Domain" hint="Sessions a URL on this host could use." error={error}>
        {(control) => (
          <input
            {...control}
            {...CODE_INPUT}
            type="search"
            placeholder="example.com"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
        )}
      </Field>
      <div className="flex items-center gap-3 pt-6">
        <button
          type="submit"
          className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50"
        >
          Filter
        </button>
        {(status || domain) && (
          <Link to="/sessions" className="text-sm text-blue-800 underline">
            Clear filters
          </Link>
        )}
      </div>
    </form>
  );
}
