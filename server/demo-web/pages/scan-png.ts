import { readFileSync } from 'node:fs';
import type { DemoPage } from '../demo-page';

export const scanPng: DemoPage = {
  path: '/scan.png',
  description: 'A 900×200 PNG of black-on-white text: 415 unless the scrape asks for mode "ocr".',
  register: (app) => {
    const image = readFileSync(new URL('../assets/scan.png', import.meta.url));
    app.get('/scan.png', async (_request, reply) => reply.type('image/png').send(image));
  },
};
