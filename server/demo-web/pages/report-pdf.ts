import type { DemoPage } from '../demo-page';
import { tinyPdf } from '../tiny-pdf';

const REPORT_LINES = ['Quarterly report', 'Revenue grew 12 percent in the third quarter.', 'Costs stayed flat.'];

export const reportPdf: DemoPage = {
  path: '/report.pdf',
  description: 'A real one-page PDF: 415 unless the scrape asks for mode "pdf", which extracts its text.',
  register: (app) => {
    const [heading = '', ...rest] = REPORT_LINES;
    const pdf = tinyPdf({
      title: heading,
      lines: [
        { text: heading, size: 24, x: 72, y: 700 },
        ...rest.map((text, index) => ({ text, size: 14, x: 72, y: 660 - index * 24 })),
      ],
    });
    app.get('/report.pdf', async (_request, reply) => reply.type('application/pdf').send(pdf));
  },
};
