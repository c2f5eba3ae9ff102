import type Database from 'better-sqlite3';

/** The page's host as the URL standard parses it (lower case, IDN in punycode), or null for a URL that has none. */
function hostOf(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/**
 * Functions the schema itself calls: the usage roll-ups' triggers (the usage roll-ups' migration) group by host, so every connection
 * must have them before it prepares a write to the request log, and the migration needs them for its back-fill.
 */
export function registerSqlFunctions(db: Database.Database): void {
  db.function('url_host', { deterministic: true }, hostOf);
}
