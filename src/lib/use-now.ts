import { useSyncExternalStore } from 'react';

/** How often a ticking clock reads the time: no countdown lags the clock by more than this. */
const TICK_MS = 250;

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
/** The page's reading of the clock, shared by every view: one now for all of them. */
let reading: number | null = null;

/**
 * A reading stands until the next tick, or until it is a tick old when nothing ticks: the same value for every read
 * of one render, as useSyncExternalStore needs. It is the clock's own time, not floored to a second: a deadline
 * between two seconds would otherwise read a second later here than where the time is read as it is.
 */
function read(): number {
  const clock = Date.now();
  if (reading === null || Math.abs(clock - reading) >= TICK_MS) reading = clock;
  return reading;
}

function tick() {
  reading = Date.now();
  listeners.forEach((notify) => notify());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(tick, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const noSubscription = () => () => {};

/**
 * The current time (ms), ticking while `active` (countdowns) and still otherwise; in steps of `stepMs` when a caller
 * asks for them. One shared timer and one reading serve every view on the page, so a countdown here and another
 * there of the same deadline (counted with secondsLeft) say the same.
 */
export function useNow(active: boolean, stepMs?: number): number {
  const now = useSyncExternalStore(active ? subscribe : noSubscription, read);
  return stepMs ? Math.floor(now / stepMs) * stepMs : now;
}
