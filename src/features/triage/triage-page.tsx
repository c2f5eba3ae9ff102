import { Link } from '@tanstack/react-router';
import { Decoder } from './decoder';
import { ErrorsView } from './errors-view';

/** Support's first stop: decode what the customer pasted, see which failures are common, open the log. */
export function TriagePage() {
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Triage</h1>
        <p className="max-w-3xl text-slate-700">
          Paste what a customer sent to see what happened, whether it was refunded and should have been, and when a
          retry is safe; or start from the failures below.{' '}
          <Link to="/triage/log" className="text-blue-800 underline">
            Search the request log
          </Link>
          .
        </p>
      </div>
      <Decoder />
      <ErrorsView />
    </div>
  );
}
