export function findChromium(configured: string | undefined): string | null;
export const CHROMIUM_MISSING: string;
export const CHROMIUM_ARGS: string[];
