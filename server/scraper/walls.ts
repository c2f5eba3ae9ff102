import { toFlatText } from './extract/html-to-text';
import { extractJsonLd } from './extract/json-ld';

export type WallCode = 'BLOCKED_BY_ANTIBOT' | 'CHALLENGE_DETECTED' | 'REQUIRES_AUTH' | 'PAYWALL_DETECTED';

/** What the classifier knows of a page before it looks for a wall. */
interface PageShape {
  document: Document;
  /** The visible text of the body. */
  text: string;
  status: number;
}

/**
 * A wall is a page whose content is the wall: short, no article, its title or main heading the wall's own
 * message. An article about walls has the same words and more besides, so words alone never make a wall.
 */
const WALL_SIZED_CHARS = 600;

/** The messages anti-bot vendors put in a wall's title or heading, matched at its start. */
const ANTIBOT_HEADING =
  /^(access denied|(please )?verify (that )?you are (a )?human|are you (a )?(robot|human)|attention required|pardon our interruption|one more step|bot protection|press (&|and) hold)\b/;
/** A browser challenge's title or heading: the page that runs a script, then reloads. */
const CHALLENGE_HEADING = /^(just a moment|checking (if the site connection is secure|your browser)|please wait while)/;
const SIGN_IN = /\b(sign[ -]?in|log[ -]?in)\b/;
const SUBSCRIBE = /\b(subscribe|subscription|subscriber)/;

/** Markup only a wall carries: a proof-of-work challenge, CAPTCHA widgets, known interstitials. */
const POW_MARKUP = 'meta[name="pow-challenge" i]';
const CAPTCHA_MARKUP =
  '.g-recaptcha, .h-captcha, .cf-turnstile, #px-captcha, iframe[src*="/recaptcha/"], iframe[src*="hcaptcha.com"], iframe[src*="captcha-delivery.com"]';
const CHALLENGE_MARKUP =
  '#challenge-form, #challenge-running, #cf-challenge-running, script[src*="/cdn-cgi/challenge-platform/"]';

/** The wall a page is, if it is one, checked in the order a person would: anti-bot, challenge, login, paywall. */
export function wallOf(page: PageShape): WallCode | null {
  const { document } = page;
  // Each query walks the whole document: the headings are read only for a page short enough to be a wall, and the
  // two kinds of wall markup are looked for in one walk (a page rarely has either).
  let read: string[] | undefined;
  const headings = () => (read ??= headingsOf(document));
  const headed = (pattern: RegExp) => headings().some((heading) => pattern.test(heading));
  const wallSized = page.text.length < WALL_SIZED_CHARS && !document.querySelector('article');

  if (document.querySelector(`${POW_MARKUP}, ${CHALLENGE_MARKUP}`)) {
    return document.querySelector(POW_MARKUP) ? 'BLOCKED_BY_ANTIBOT' : 'CHALLENGE_DETECTED';
  }
  if (wallSized && document.querySelector('script') && (headed(CHALLENGE_HEADING) || asksForCookies(document))) {
    return 'CHALLENGE_DETECTED';
  }
  if (page.status === 401 || (wallSized && isSignInForm(document, headings()))) return 'REQUIRES_AUTH';
  if (wallSized && (document.querySelector(CAPTCHA_MARKUP) || headed(ANTIBOT_HEADING))) return 'BLOCKED_BY_ANTIBOT';
  if (isPaywall(document)) return 'PAYWALL_DETECTED';
  return null;
}

/** The title and the top headings, lower case: where a wall says what it is. */
function headingsOf(document: Document): string[] {
  const candidates = [document.querySelector('title'), ...document.querySelectorAll('h1, h2')].slice(0, 4);
  return candidates.map((element) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase());
}

/** Cloudflare's fallback for clients without scripts: a challenge's, not an application's (which wants scripts only). */
const asksForCookies = (document: Document) =>
  [...document.querySelectorAll('noscript')].some((element) =>
    /enable javascript and cookies/i.test(element.textContent ?? ''),
  );

/** A password form that says it signs in, in its headings or its own buttons. */
function isSignInForm(document: Document, headings: string[]): boolean {
  const form = document.querySelector('input[type="password" i]')?.closest('form');
  if (!form) return false;
  const buttons = [...form.querySelectorAll('button, input[type="submit" i]')].map(
    (button) => `${button.textContent ?? ''} ${button.getAttribute('value') ?? ''}`,
  );
  return [...headings, ...buttons].some((text) => SIGN_IN.test(text.toLowerCase()));
}

/**
 * The publisher's own markup (schema.org's isAccessibleForFree: false, which Google asks paywalled pages for),
 * or a visible paywall element that asks the reader to subscribe. Markup quoted in an article is text, not either.
 */
function isPaywall(document: Document): boolean {
  const notFree = (value: unknown) =>
    value === false || (typeof value === 'string' && value.trim().toLowerCase() === 'false');
  if (extractJsonLd(document).some((node) => notFree(node.isAccessibleForFree))) return true;
  return [...document.querySelectorAll('[class*="paywall" i]')].some((element) => {
    const isPaywallClass = [...element.classList].some((name) => /(^|[-_])paywall($|[-_])/i.test(name));
    if (!isPaywallClass) return false;
    const text = toFlatText(element);
    return text !== '' && text.length < 400 && SUBSCRIBE.test(text.toLowerCase());
  });
}
