import { getRouteApi } from '@tanstack/react-router';
import { ERROR_CODES, type RefundPolicy } from '../../../contract/error-codes';
import { Field, INPUT_CLASS } from '../../components/form-field';
import { usePageSearch } from '../../lib/route-search';
import { usageSearchSchema } from './search';

const route = getRouteApi('/usage');
const codesWhere = (policy: RefundPolicy) =>
  [...new Set(ERROR_CODES.filter((facts) => facts.refund === policy).map((facts) => facts.code))].sort();
// A refund is what the policy gives these codes, or a mismatch for the second group; codes never charged, or with no
// scrape credits at stake, cannot show up here.
const CODE_GROUPS = [
  { label: 'Refunded by the policy', codes: codesWhere('refunded') },
  { label: 'Not refunded by the policy (a refund is a mismatch)', codes: codesWhere('not-refunded') },
];
const LISTED = new Set<string>(CODE_GROUPS.flatMap((group) => group.codes));

/** The refund history's filters, kept in the URL: a code, mismatches only, and the day a chart opened. */
export function RefundFilters() {
  const navigate = route.useNavigate();
  const { code, mismatch, day } = usePageSearch(route, usageSearchSchema);
  return (
    <div role="search" aria-label="Filter refunds" className="flex flex-wrap items-end gap-4">
      <Field label="Code">
        {(control) => (
          <select
            {...control}
            value={code ?? ''}
            onChange={(event) =>
              void navigate({
                search: (prev) => ({ ...prev, code: event.target.value || undefined }),
                resetScroll: false,
              })
            }
            className={INPUT_CLASS}
          >
            <option value="">Every code</option>
            {/* A link may name any code: it stays selectable rather than the select showing the wrong one. */}
            {code && !LISTED.has(code) && <option value={code}>{code}</option>}
            {CODE_GROUPS.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.codes.map((one) => (
                  <option key={one} value={one}>
                    {one}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <label className="flex items-center gap-2 pb-2 text-sm">
        <input
          type="checkbox"
          checked={mismatch ?? false}
          onChange={(event) =>
            void navigate({
              search: (prev) => ({ ...prev, mismatch: event.target.checked || undefined }),
              resetScroll: false,
            })
          }
        />
        Only refunds the policy does not expect
      </label>
      {day && (
        <p className="pb-2 text-sm">
          Only {day}.{' '}
          <button
            type="button"
            className="text-blue-800 underline"
            onClick={() => void navigate({ search: (prev) => ({ ...prev, day: undefined }), resetScroll: false })}
          >
            Show every day
          </button>
        </p>
      )}
    </div>
  );
}
