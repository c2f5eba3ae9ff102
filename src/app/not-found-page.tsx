import { Link } from '@tanstack/react-router';

export function NotFoundPage() {
  return (
    <section className="space-y-2">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p>
        There is no page at this address. Go to the{' '}
        <Link to="/" className="text-blue-800 underline">
          overview
        </Link>{' '}
        or the{' '}
        <Link to="/errors" className="text-blue-800 underline">
          error reference
        </Link>
        .
      </p>
    </section>
  );
}
