import { findChromium as findConfigured } from '../server/lib/chromium.mjs';

export { CHROMIUM_ARGS, CHROMIUM_MISSING } from '../server/lib/chromium.mjs';

/** For the e2e config and the test runner, which read CHROMIUM_PATH from their own environment. */
export const findChromium = (env = process.env) => findConfigured(env.CHROMIUM_PATH);
