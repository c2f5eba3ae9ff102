import { Link } from '@tanstack/react-router';

const LINK = 'font-semibold text-blue-800 underline';

/** The three things the dashboard is for, told to a newcomer on the first screen. */
export function FirstSteps() {
  return (
    <section aria-labelledby="first-steps-heading" className="space-y-2">
      <h2 id="first-steps-heading" className="text-lg font-semibold">
        What you can do here
      </h2>
      <ul className="grid gap-2 text-sm sm:grid-cols-3">
        <li className="rounded-md border border-slate-300 bg-white p-3">
          <Link to="/scrape" className={LINK}>
            Scrape a page
          </Link>
          : send a URL, see the result, what it cost and why it failed.
        </li>
        <li className="rounded-md border border-slate-300 bg-white p-3">
          <Link to="/triage" className={LINK}>
            Triage errors
          </Link>
          : paste a failed response or a request id and get what happened, whether it was refunded and what to change.
        </li>
        <li className="rounded-md border border-slate-300 bg-white p-3">
          <Link to="/rate-limits" className={LINK}>
            Watch your limits
          </Link>
          : the rate limit and the balance, live in the header of every page, with their history.
        </li>
      </ul>
      <p className="text-sm text-slate-700">
        Each needs a key; the{' '}
        <Link to="/errors" className="text-blue-800 underline">
          error reference
        </Link>{' '}
        does not.
      </p>
    </section>
  );
}
