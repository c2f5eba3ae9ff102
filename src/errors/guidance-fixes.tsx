import { Link } from '@tanstack/react-router';
import { isBuiltPage, type FixAction, type FixContext } from './catalog-fixes';

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
        {shown.map((fix) => (
          <li key={fix.id}>
            {fix.kind === 'link' ? (
              <FixLink fix={fix} context={props.context} />
            ) : (
              <button
                type="button"
                onClick={() => onFix?.(fix)}
                className="rounded-md border border-blue-700 bg-white px-3 py-1.5 font-medium text-blue-800 hover:bg-blue-50"
              >
                {fix.label}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

const FIX_LINK_CLASS = 'inline-block rounded-md border border-blue-700 px-3 py-1.5 text-blue-800';

function FixLink({ fix, context }: { fix: Extract<FixAction, { kind: 'link' }>; context: FixContext }) {
  if ('search' in fix) {
    return (
      <Link to={fix.to} search={fix.search(context)} className={FIX_LINK_CLASS}>
        {fix.label}
      </Link>
    );
  }
  return (
    isBuiltPage(fix.to) && (
      <Link to={fix.to} className={FIX_LINK_CLASS}>
        {fix.label}
      </Link>
    )
  );
}
