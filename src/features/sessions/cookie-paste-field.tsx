import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field, INPUT_CLASS } from '../../components/form-field';
import { formatDateTime, formatRelative } from '../../lib/format';
import { FORMAT_LABEL, type CookieParse, type DroppedCookie } from './parse-cookies';

export const SUBMIT_BUTTON = 'rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800';

const PASTE_HINT =
  'Any of: name=value; name2=value2 · a copied Cookie: header · JSON {"name": "value"} · a cookie-export ' +
  'extension’s JSON · a Netscape cookies.txt. Cookies of other domains are left out.';

/**
 * The big box cookies are pasted into; its error is the paste's, or the contract's about a cookie. `register` is
 * called as the box renders, so the form meets its fields in page order and focuses the first one in error.
 */
export function CookiePasteField(props: { register: () => UseFormRegisterReturn; error: string | undefined }) {
  return (
    <Field label="Cookies" hint={PASTE_HINT} error={props.error}>
      {(control) => (
        <textarea
          {...control}
          rows={6}
          spellCheck={false}
          autoComplete="off"
          className={`${INPUT_CLASS} font-mono`}
          {...props.register()}
        />
      )}
    </Field>
  );
}

const DROP_REASON: Record<DroppedCookie['reason'], string> = {
  'other-domain': 'another domain',
  expired: 'already expired',
  repeated: 'repeated name, the first one kept',
};

/** What the paste was read as, before anything is saved: names, count, earliest expiry, what was left out. */
export function CookiePreview(props: {
  parse: CookieParse | null;
  now: number;
  /** Whether an expiry was typed, which then wins over the cookies' own. */
  expiryTyped: boolean;
  /** What an empty paste means: nothing to save yet, or keep the stored cookies. */
  emptyText: string;
  /** Offered while no domain is typed: use a site the pasted cookies name. */
  onUseSite?: ((site: string) => void) | undefined;
}) {
  const headingId = useId();
  const { parse, now } = props;
  const paste = parse?.ok ? parse.paste : null;
  const count = paste?.names.length ?? 0;
  const summary =
    parse === null
      ? props.emptyText
      : !parse.ok
        ? `Could not read the paste: ${parse.message}`
        : `Read as ${FORMAT_LABEL[parse.paste.format]}: ${count} ${count === 1 ? 'cookie' : 'cookies'} to save` +
          (parse.paste.dropped.length > 0 ? `, ${parse.paste.dropped.length} left out.` : '.');

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-2 rounded-md border border-slate-300 bg-slate-50 p-3 text-sm"
    >
      <h3 id={headingId} className="font-semibold">
        Before saving
      </h3>
      <p aria-live="polite" data-testid="cookie-summary">
        {summary}
      </p>
      {paste && count > 0 && (
        <ul aria-label="Cookie names" className="flex flex-wrap gap-1">
          {paste.names.map((name) => (
            <li key={name} className="rounded border border-slate-300 bg-white px-1.5 font-mono">
              {name}
            </li>
          ))}
        </ul>
      )}
      {paste && (
        <p>
          {paste.earliestExpiry
            ? `Earliest expiry: ${formatDateTime(paste.earliestExpiry)} (${formatRelative(paste.earliestExpiry, now)})` +
              (props.expiryTyped ? '; the expiry you typed is used instead.' : ', used as the session’s expiry.')
            : 'None of these cookies says when it expires.'}
        </p>
      )}
      {paste && paste.dropped.length > 0 && (
        <div>
          <p className="font-medium">Left out</p>
          <ul className="list-disc pl-5">
            {paste.dropped.map((cookie, index) => (
              <li key={`${cookie.name}-${index}`}>
                <code className="font-mono">{cookie.name}</code>
                {cookie.domain && ` (${cookie.domain})`}: {DROP_REASON[cookie.reason]}
              </li>
            ))}
          </ul>
        </div>
      )}
      {paste && props.onUseSite && paste.sites.length > 0 && (
        <div className="flex flex-wrap items-center gap-2">
          <span>These cookies are for:</span>
          {paste.sites.slice(0, 3).map((site) => (
            <button
              key={site}
              type="button"
              onClick={() => props.onUseSite?.(site)}
              className="rounded-md border border-blue-700 bg-white px-2 py-1 font-medium text-blue-800"
            >
              Use {site} as the domain
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
