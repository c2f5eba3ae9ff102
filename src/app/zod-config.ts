import { config } from 'zod';

/**
 * zod compiles a parser for each object schema (with `new Function`) the first time it parses one. A server that
 * parses the same shapes all day gains from it; the dashboard parses each shape a few times, so the compiling was the
 * larger cost, paid in the playground's first renders on a slow phone. Without it, the dashboard also runs under a
 * content security policy that forbids eval (e2e/strict-csp.spec.ts). zod reads this as each schema is built, so
 * main.tsx imports this module before anything else.
 */
config({ jitless: true });
