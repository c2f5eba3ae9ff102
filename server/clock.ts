/**
 * The sandbox's notion of now. Production code asks the clock, never Date.now(),
 * so tests of expiry and rate-limit windows can move time with POST /sandbox/clock.
 */
export interface Clock {
  now(): number;
  advance(seconds: number): void;
}

export function createClock(): Clock {
  let offsetMs = 0;
  return {
    now: () => Date.now() + offsetMs,
    advance: (seconds) => {
      offsetMs += seconds * 1000;
    },
  };
}
