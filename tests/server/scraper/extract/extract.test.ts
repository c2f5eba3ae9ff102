import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type * as ReadabilityModule from '@mozilla/readability';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { extractContent } from '../../../../server/scraper/extract/extract-content';
import { isGarbled } from '../../../../server/scraper/extract/garbled';
import { detectImage } from '../../../../server/scraper/extract/image-type';
import { closeOcr, ocrImage } from '../../../../server/scraper/extract/ocr';
import { extractPdfText } from '../../../../server/scraper/extract/pdf-text';
import { parseDocument } from '../../../../server/scraper/extract/parse-document';
import { visibleText } from '../../../../server/scraper/extract/visible-text';

// Counts Readability runs, so the html-only path can be shown to skip it.
const readabilityRuns = vi.hoisted(() => ({ count: 0 }));
vi.mock('@mozilla/readability', async (importOriginal) => {
  const actual = await importOriginal<typeof ReadabilityModule>();
  class CountingReadability<T> extends actual.Readability<T> {
    constructor(...args: ConstructorParameters<typeof actual.Readability<T>>) {
      readabilityRuns.count += 1;
      super(...args);
    }
  }
  return { ...actual, Readability: CountingReadability };
});

const ARTICLE = `<!doctype html>
<html lang="en"><head>
  <meta charset="utf-8"><title> Brewing Better Coffee &amp; Tea | The Daily Grind </title>
  <style>body { color: #333 }</style>
  <script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "Article", "headline": "Brewing Better Coffee"}, {"@type": "Organization", "name": "The Daily Grind"}]}
  </script>
  <script type="application/ld+json">{ this is not json </script>
</head><body>
  <nav><a href="/">Home</a> · <a href="/archive">Archive</a> · <a href="/about">About</a></nav>
  <article>
    <h1>Brewing Better Coffee</h1>
    <p>Good coffee starts with fresh beans. Buy whole beans roasted within the last few weeks and grind them
      just before brewing, because ground coffee loses its aroma within minutes of meeting the air.</p>
    <p>Water matters as much as the beans. Use filtered water just off the boil, around ninety-three degrees,
      and keep a ratio of roughly sixty grams of coffee to one litre of water for a balanced cup.</p>
    <script>window.trackingSecret = 'LEAKED_SCRIPT_TEXT';</script>
    <noscript>LEAKED_NOSCRIPT_TEXT</noscript>
    <table>
      <thead><tr><th>Method</th><th>Grind</th><th>Time</th></tr></thead>
      <tbody><tr><td>Espresso</td><td>Fine</td><td>25 s</td></tr><tr><td>French press</td><td>Coarse</td><td>4 min</td></tr></tbody>
    </table>
    <p>A tiny helper to scale any recipe you find, written while the kettle heats up for the next cup:</p>
    <pre><code class="language-python">def scale(grams, cups):
    return grams * cups
</code></pre>
    <div itemscope itemtype="https://schema.org/Product">
      <span itemprop="name">Burr Grinder</span> <img itemprop="image" src="/img/grinder.png" alt="">
      <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
        <meta itemprop="price" content="89.00"><span itemprop="priceCurrency">EUR</span>
      </div>
    </div>
  </article>
  <footer>© The Daily Grind</footer>
</body></html>`;
const PAGE_URL = 'https://blog.example/posts/brewing';

type Formats = Record<string, unknown>;

describe('extractContent', () => {
  it('returns the HTML string itself when no formats are asked for', () => {
    const result = extractContent(ARTICLE, PAGE_URL, undefined);
    expect(result).toEqual({ title: 'Brewing Better Coffee & Tea | The Daily Grind', content: ARTICLE });
  });

  it('serves html alone without running Readability', () => {
    readabilityRuns.count = 0;
    const result = extractContent(ARTICLE, PAGE_URL, ['html']);
    expect(result.content).toEqual({ html: ARTICLE });
    expect(readabilityRuns.count).toBe(0);
    extractContent(ARTICLE, PAGE_URL, ['text']);
    expect(readabilityRuns.count).toBe(1);
  });

  it('keys the content by each requested format, in order', () => {
    const { content } = extractContent(ARTICLE, PAGE_URL, ['markdown', 'html', 'json', 'text']);
    expect(Object.keys(content)).toEqual(['markdown', 'html', 'json', 'text']);
  });

  it('gives readable text of the main content, without scripts or navigation', () => {
    const text = (extractContent(ARTICLE, PAGE_URL, ['text']).content as Formats)['text'] as string;
    expect(text).toContain('Good coffee starts with fresh beans. Buy whole beans');
    expect(text).toMatch(/a balanced cup\.\n\nA tiny helper|a balanced cup\.\n\nMethod/);
    expect(text).toContain('Espresso\tFine\t25 s\nFrench press\tCoarse\t4 min');
    expect(text).toContain('def scale(grams, cups):\n    return grams * cups');
    expect(text).not.toMatch(/LEAKED|trackingSecret|color: #333|Archive/);
    // The source's line break and indentation inside the paragraph collapse to one space.
    expect(text).toContain('grind them just before brewing');
  });

  it('gives GitHub-flavoured markdown with the title, a table and a fenced code block', () => {
    const markdown = (extractContent(ARTICLE, PAGE_URL, ['markdown']).content as Formats)['markdown'] as string;
    expect(markdown).toMatch(/^# Brewing Better Coffee/m);
    expect(markdown).toContain('| Method | Grind | Time |\n| --- | --- | --- |\n| Espresso | Fine | 25 s |');
    expect(markdown).toContain('```python\ndef scale(grams, cups):\n    return grams * cups\n```');
    expect(markdown).toContain('![](https://blog.example/img/grinder.png)');
    expect(markdown).not.toMatch(/LEAKED|trackingSecret|<script|Archive/);
  });

  it('gives JSON-LD (graph flattened, bad blocks skipped) and nested microdata', () => {
    const json = (extractContent(ARTICLE, PAGE_URL, ['json']).content as Formats)['json'];
    expect(json).toEqual({
      json_ld: [
        { '@context': 'https://schema.org', '@type': 'Article', headline: 'Brewing Better Coffee' },
        { '@context': 'https://schema.org', '@type': 'Organization', name: 'The Daily Grind' },
      ],
      microdata: [
        {
          type: ['https://schema.org/Product'],
          properties: {
            name: ['Burr Grinder'],
            image: ['https://blog.example/img/grinder.png'],
            offers: [{ type: ['https://schema.org/Offer'], properties: { price: ['89.00'], priceCurrency: ['EUR'] } }],
          },
        },
      ],
    });
    expect(extractContent('<p>plain</p>', PAGE_URL, ['json']).content).toEqual({
      json: { json_ld: [], microdata: [] },
    });
  });

  it('takes the title from <title>, else the first h1, else null', () => {
    expect(extractContent('<html><body><h1>Only &lt;h1&gt;</h1></body></html>', PAGE_URL, ['html']).title).toBe(
      'Only <h1>',
    );
    expect(extractContent('<svg><title>icon</title></svg><p>none</p>', PAGE_URL, undefined).title).toBeNull();
  });
});

describe('visibleText', () => {
  it('is the body text a person sees, without scripts, styles or templates', () => {
    const html =
      '<head><title>T</title></head><body><p>Hello</p><script>var x = 1</script><style>p{}</style>' +
      '<template>tpl</template><noscript>ns</noscript><div hidden>gone</div><p>  big\n  world </p></body>';
    expect(visibleText(parseDocument(html))).toBe('Hello big world');
    const shell = '<html><body><div id="root"></div><script src="/app.js"></script></body></html>';
    expect(visibleText(parseDocument(shell))).toBe('');
  });
});

describe('isGarbled', () => {
  it('is true for random bytes and false for Japanese and emoji HTML', () => {
    expect(isGarbled(randomBytes(4096))).toBe(true);
    const japanese =
      '<html><body><h1>東京の天気 🌸☀️</h1><p>今日は晴れです。明日は雨が降るでしょう。👍🏽</p></body></html>';
    expect(isGarbled(new TextEncoder().encode(japanese.repeat(50)))).toBe(false);
    expect(isGarbled(new Uint8Array(0))).toBe(false);
  });
});

/** A one-page PDF written by hand: Helvetica text, byte-exact xref offsets. */
function makePdf(lines: string[]): Uint8Array {
  const stream = `BT /F1 24 Tf 72 720 Td 30 TL ${lines.map((line) => `(${line}) Tj T*`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

describe('extractPdfText', () => {
  it('reads the text, page count and first line as title of a PDF', async () => {
    const pdf = await extractPdfText(makePdf(['Quarterly Report', 'Revenue grew 12 percent.']));
    expect(pdf).toEqual({ title: 'Quarterly Report', text: 'Quarterly Report\nRevenue grew 12 percent.', pages: 1 });
  });

  it('refuses bytes that are not a PDF with EXTRACTION_FAILED', async () => {
    await expect(extractPdfText(new TextEncoder().encode('<html>nope</html>'))).rejects.toMatchObject({
      code: 'EXTRACTION_FAILED',
    });
    await expect(extractPdfText(new TextEncoder().encode('%PDF-1.7 then garbage'))).rejects.toMatchObject({
      code: 'EXTRACTION_FAILED',
    });
  });
});

describe('ocrImage', () => {
  afterAll(() => closeOcr());
  // A 1×1 white GIF: a readable image with no text on it.
  const blankGif = Uint8Array.from(
    Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64'),
  );

  it('detects image types by their magic bytes', () => {
    expect(detectImage(blankGif)).toBe('gif');
    expect(detectImage(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(detectImage(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(detectImage(new TextEncoder().encode('<html>'))).toBeNull();
  });

  it('returns empty text for an image without text, and fails on bytes that are no image', async () => {
    expect(await ocrImage(blankGif, Date.now() + 15_000)).toBe('');
    await expect(ocrImage(new TextEncoder().encode('not an image'), Date.now() + 15_000)).rejects.toMatchObject({
      code: 'EXTRACTION_FAILED',
    });
  });

  it('fails with TIMEOUT once the deadline has passed', async () => {
    await expect(ocrImage(blankGif, Date.now() - 1)).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))('reads the text of a screenshot, offline', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 800, height: 160 } });
      await page.setContent('<p style="font:48px sans-serif">HELLO SANDBOX 42</p>');
      const png = await page.screenshot();
      expect(detectImage(png)).toBe('png');
      const text = await ocrImage(png, Date.now() + 15_000);
      expect(text).toContain('HELLO');
      expect(text).toContain('SANDBOX');
    } finally {
      await browser.close();
    }
  });
});
