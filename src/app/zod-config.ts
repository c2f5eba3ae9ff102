import type { core } from 'zod';

/**
 * zod compiles a parser for each object schema (with `new Function`) the first time it parses one. A server that
 * parses the same shapes all day gains from it; the dashboard parses each shape a few times, so the compiling was the
 * larger cost, paid in the playground's first renders on a slow phone. Not compiling also lets the dashboard run under
 * a content security policy that forbids eval (e2e/strict-csp.spec.ts).
 *
 * zod reads the setting as each schema is built, from the object it keeps on globalThis (and adopts one already
 * there): set there, it needs no zod in the first load (tests/app/first-load.test.ts), where `config()` would.
 */
const host = globalThis as { __zod_globalConfig?: core.$ZodConfig };
host.__zod_globalConfig = { ...host.__zod_globalConfig, jitless: true };
