import { startServer } from './server';

// `npm start -- --no-demo-history`: a new data dir starts with the demo accounts and no history.
await startServer({ demoHistory: !process.argv.includes('--no-demo-history') });
