import type { Page } from 'playwright-core';
import { ScrapeFailure } from '../scrape-failure';
import { findPowChallenge, solvePow } from '../solvers/pow-solver';
import type { TargetGuard } from '../target-guard';
import { readContent, remaining, settle } from './browser-settle';

/** Tier 4: answers a hashcash-style wall the way a solver would, from inside the page, then reads the result. */
export async function answerPowWall(page: Page, deadline: number, guard: TargetGuard): Promise<void> {
  const wall = findPowChallenge(await readContent(page, deadline));
  if (!wall) return;
  const nonce = solvePow(wall.challenge, wall.difficulty, deadline);
  if (nonce === null) throw new ScrapeFailure('TIMEOUT', 'The deadline passed while solving the proof-of-work wall');

  const navigated = page.waitForEvent('framenavigated', {
    predicate: (frame) => frame === page.mainFrame(),
    timeout: remaining(deadline, 'answering the proof-of-work wall'),
  });
  navigated.catch(() => undefined);
  const submitted = await page.evaluate(submitPowForm, { action: wall.action, challenge: wall.challenge, nonce });
  if (submitted) {
    await navigated;
  } else {
    // No form to fill: post the answer through the context, whose cookie jar the page shares, and reload.
    const action = new URL(wall.action, page.url()).href;
    await guard.check(action);
    await page.context().request.post(action, {
      form: { challenge: wall.challenge, nonce },
      maxRedirects: 0,
      failOnStatusCode: false,
      timeout: remaining(deadline, 'answering the proof-of-work wall'),
    });
    await page.reload({ waitUntil: 'commit', timeout: remaining(deadline, 'loading the page') });
  }
  await settle(page, deadline);
}

/**
 * Runs in the page: fills the wall's own form and submits it, as a person's browser would. Playwright sends
 * its source text, so it must not use anything imported here.
 */
function submitPowForm({ action, challenge, nonce }: { action: string; challenge: string; nonce: string }): boolean {
  const target = new URL(action, location.href).href;
  const form = Array.from(document.forms).find(
    (candidate) => candidate.action === target && candidate.elements.namedItem('nonce') instanceof HTMLInputElement,
  );
  if (!form) return false;
  (form.elements.namedItem('nonce') as HTMLInputElement).value = nonce;
  const challengeInput = form.elements.namedItem('challenge');
  if (challengeInput instanceof HTMLInputElement) challengeInput.value = challenge;
  // The prototype's submit: an input named "submit" would shadow form.submit.
  HTMLFormElement.prototype.submit.call(form);
  return true;
}
