import { test } from '@playwright/test';
import { connectWithKey, createKey } from './fixtures';

test.use({ viewport: { width: 390, height: 844 } });
test('debug widths', async ({ page, request }) => {
  await connectWithKey(page, await createKey(request, 'scale'));
  const report = async (label: string) => {
    const found = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const r = el.getBoundingClientRect();
        if (r.right > 391 && r.width > 0) {
          const parentOver = el.parentElement && el.parentElement.getBoundingClientRect().right > 391;
          out.push(`${parentOver ? '  ' : '* '}${el.tagName}.${String(el.className).slice(0, 80)} right=${Math.round(r.right)} w=${Math.round(r.width)} text=${(el.textContent ?? '').slice(0, 60)}`);
        }
      }
      return [document.documentElement.scrollWidth, ...out.filter((l) => l.startsWith('*')).slice(0, 20)];
    });
    console.log(label, found.join('\n'));
  };
  await page.getByRole('link', { name: 'Scrape', exact: true }).click();
  await page.getByRole('button', { name: 'Anti-bot block', exact: true }).click();
  await page.getByRole('button', { name: 'Run scrape' }).click();
  await page.getByTestId('guidance-card').waitFor({ timeout: 30000 });
  await report('card');
  await page.getByRole('button', { name: 'Plain article', exact: true }).click();
  await page.keyboard.press('Control+Enter');
  await page.getByRole('tablist', { name: 'Scraped content' }).waitFor({ timeout: 30000 });
  await report('result');
});
