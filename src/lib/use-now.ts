import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((notify) => notify()), 250);
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
 * The current time in whole seconds (as ms), or in steps of `stepMs`, ticking while `active` (countdowns) and still
 * otherwise. One shared timer serves every countdown on the page, and every view reads the same time: two countdowns
 * of one deadline (secondsLeft) agree. Floored, a countdown may say a second more than is left, never one less, so
 * nothing is offered early; the time to the millisecond would re-render every ticking view four times a second
 * (measured: `/scrape` connected, its blocking time in Lighthouse 106–127 ms → 163–308 ms in three alternated pairs).
 */
export function useNow(active: boolean, stepMs = 1000): number {
  const step = useSyncExternalStore(active ? subscribe : noSubscription, () => Math.floor(Date.now() / stepMs));
  return step * stepMs;
}
