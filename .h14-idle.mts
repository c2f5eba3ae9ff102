import { sandboxIdleMiB } from './bench/idle-memory';
for (let i = 0; i < 2; i++) console.log(process.cwd(), JSON.stringify(await sandboxIdleMiB()));
