/** Stored login sessions an account may keep at once (seed: SESSION_LIMIT_REACHED); deleted ones do not count. */
export const SESSION_LIMIT = 50;
