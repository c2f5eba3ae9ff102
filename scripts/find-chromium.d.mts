export function findChromium(env?: NodeJS.ProcessEnv): string | null;
export const CHROMIUM_MISSING: string;
export const CHROMIUM_ARGS: string[];
