/** The sandbox's public test keys, from the demo accounts themselves, so tests and sandbox cannot drift apart. */
export { DEMO_KEY } from '../../server/db/demo-accounts';
