import { Link } from '@tanstack/react-router';
import { isBuiltPage, type FixAction, type FixContext } from './catalog-fixes';

const BUTTON = 'inline-block rounded-md border px-3 py-1.5 font-medium disabled:opacity-60';
/** The first fix is the card's main action; "Try again" and the other fixes are secondary to it. */
const PRIMARY_BUTTON = `${BUTTON} border-blue-800 bg-blue-800 text-white hover:bg-blue-900`;
export const SECONDARY_BUTTON = `${BUTTON} border-blue-700 bg-white text-blue-800 hover:bg-blue-50`;

/**
 * A failure's fixes: links to the pages that fix it (with what they need of the failed request), and, where the
 * page can apply them (`onFix`), the changes to the request. Links to pages not built yet are left out.
 */
export function Fixes(props: {
  fixes: readonly FixAction[];
  onFix: ((fix: FixAction) => void) | undefined;
  context: FixContext;
}) {
  const { onFix } = props;
  const shown = props.fixes.filter((fix) => (fix.kind === 'link' ? isBuiltPage(fix.to) : onFix));
  if (shown.length === 0) return null;
  return (
    <div>
      <p className="font-semibold">Fix it</p>
      <ul className="mt-1 flex flex-wrap gap-2">
        {shown.map((fix, index) => {
          const className = index === 0 ? PRIMARY_BUTTON : SECONDARY_BUTTON;
          return (
            <li key={fix.id}>
              {fix.kind === 'link' ? (
                <FixLink fix={fix} context={props.context} className={className} />
              ) : (
                <button type="button" onClick={() => onFix?.(fix)} className={className}>
                  {fix.label}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function FixLink(props: { fix: Extract<FixAction, { kind: 'link' }>; context: FixContext; className: string }) {
  const { fix, context, className } = props;
  if ('search' in fix) {
    return (
      <Link to={fix.to} search={fix.search(context)} className={className}>
        {fix.label}
      </Link>
    );
  }
  return (
    isBuiltPage(fix.to) && (
      <Link to={fix.to} className={className}>
        {fix.label}
      </Link>
    )
  );
}
