import { startTestServer } from '/work/main/tests/support/test-server';
const s = await startTestServer();
const doc = await (await s.call('/openapi.json')).json() as any;
for (const [p, ops] of Object.entries(doc.paths)) console.log(p, Object.keys(ops as object).join(','));
await s.close();
