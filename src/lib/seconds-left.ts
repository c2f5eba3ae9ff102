/**
 * The whole seconds from `now` until `deadline` (both in ms), rounded up as a countdown reads them: "1 s" until the
 * very moment, then 0. Every countdown of a retry or a reset counts with this, from useNow's reading, so two views of
 * one deadline never read a second apart.
 */
export const secondsLeft = (deadline: number, now: number): number => Math.max(0, Math.ceil((deadline - now) / 1000));
