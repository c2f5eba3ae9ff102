export { CHROMIUM_ARGS, CHROMIUM_MISSING } from '../server/lib/chromium.mjs';
export function findChromium(env?: NodeJS.ProcessEnv): string | null;
