import fp from 'fastify-plugin';

/**
 * The sandbox's notion of now. Production code asks the clock, never Date.now(),
 * so tests of expiry and rate-limit windows can move time with POST /sandbox/clock.
 */
export interface Clock {
  now(): number;
  advance(seconds: number): void;
}

function createClock(): Clock {
  let offsetMs = 0;
  return {
    now: () => Date.now() + offsetMs,
    advance: (seconds) => {
      offsetMs += seconds * 1000;
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    clock: Clock;
  }
}

export default fp(
  async (app) => {
    app.decorate('clock', createClock());
  },
  { name: 'clock' },
);
