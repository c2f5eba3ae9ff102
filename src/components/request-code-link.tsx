import { Link } from '@tanstack/react-router';

/** A logged request's outcome: its error code, linked to the code's guidance at that status, or "OK". */
export function RequestCodeLink({ code, status }: { code: string | null; status: number }) {
  if (!code) return <>OK</>;
  return (
    <Link to="/errors/$code" params={{ code }} search={{ status }} className="font-mono text-red-800 underline">
      {code}
    </Link>
  );
}
