// The sessions' numbers, apart from their schemas: the error catalog and the pages read them without building a schema.

/** Stored login sessions an account may keep at once (seed: SESSION_LIMIT_REACHED); deleted ones do not count. */
export const SESSION_LIMIT = 50;
/** Failed validations in a row after which a session is marked expired (seed: "repeated validation failures"). */
export const SESSION_MAX_FAILURES = 3;
/** A session expiring sooner than this is flagged "expiring soon" (ours). */
export const SESSION_EXPIRING_SOON_DAYS = 7;
/** Deleted sessions a list shows (ours): the most recently deleted; older ones still answer SESSION_INACTIVE. */
export const SESSION_DELETED_LISTED = 50;
