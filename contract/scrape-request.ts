import { z } from 'zod';
import { groupDigits } from './digits';
import { scrapeModeSchema, tierOfCap, TIER_CAP_ALIASES, TIERS } from './pricing';
import { scrapeCookiesSchema } from './cookies';
import { isCssSelector } from './css-selector';
import { SCRAPE_LIMITS as LIMITS } from './scrape-defaults';

/** The formats the sandbox produces. */
export const scrapeFormatSchema = z.enum(['html', 'text', 'markdown', 'json']);
export type ScrapeFormat = z.infer<typeof scrapeFormatSchema>;
/** Every format the public API documents; those the sandbox does not produce are named in the warning. */
const documentedFormatSchema = z.enum([...scrapeFormatSchema.options, 'json_v2', 'rag', 'content', 'raw']);

export const waitUntilSchema = z.enum(['networkidle', 'domcontentloaded', 'load']);
export type WaitUntil = z.infer<typeof waitUntilSchema>;
export const pdfFormatSchema = z.enum(['markdown', 'text']);

const httpUrl = z
  .string()
  .trim()
  .min(1, 'Enter the URL to scrape')
  .max(LIMITS.urlMaxLength, `A URL is at most ${groupDigits(LIMITS.urlMaxLength)} characters`)
  .refine((value) => {
    try {
      const { protocol } = new URL(value);
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Enter a full http:// or https:// URL');

const CAPS = [...TIERS, ...Object.keys(TIER_CAP_ALIASES)];
/** "1"–"4", 1–4 as a number (the Node SDK), or an alias; always read as the sandbox tier (pricing.ts). */
const tierCap = z
  .union([z.string(), z.number()], { error: `A tier: ${CAPS.map((cap) => `"${cap}"`).join(', ')}` })
  .refine((cap) => tierOfCap(cap) !== null, `A tier: "1" to "4" (also 1–4, "5", "3.5", "1.5", "0.5" or a tier name)`);

const maxCredits = z.number({ error: 'Enter a number of credits' }).positive('More than 0 credits');

const sessionId = z.uuid('A session id is a UUID');

const costControls = z.object({
  max_tier: tierCap.optional(),
  max_credits: maxCredits.optional(),
  /** The Node SDK's cap in dollars, read through contract/money.ts. */
  max_cost_dollars: z.number().positive('More than $0').optional(),
  force_tier: tierCap.optional(),
  prefer_cost: z.boolean().optional(),
  prefer_speed: z.boolean().optional(),
  fail_fast: z.boolean().optional(),
  prefer: z.enum(['cost', 'speed', 'balanced']).optional(),
  time_budget: z.number().min(5).max(300).optional(),
});

const advanced = z.object({
  render_js: z.union([z.boolean(), z.literal('auto')]).optional(),
  screenshot: z.boolean().optional(),
  markdown: z.boolean().optional(),
  generate_pdf: z.boolean().optional(),
  ocr: z.boolean().optional(),
  use_proxy: z.boolean().optional(),
  // The Python SDK sends these two as null when unset.
  proxy_country: z.string().max(8).nullish(),
  proxy_integration_id: z.string().max(200).nullish(),
  use_own_proxy: z.boolean().optional(),
  use_system_proxy: z.boolean().optional(),
  wait_condition: waitUntilSchema.optional(),
  remove_cookie_banners: z.boolean().optional(),
  scroll_to_load: z.boolean().optional(),
  scroll_count: z.number().int().min(1).max(10).optional(),
  block_images: z.boolean().optional(),
  section_filter: z.record(z.string(), z.unknown()).optional(),
  cookies: scrapeCookiesSchema.optional(),
  session_id: sessionId.optional(),
});

/**
 * Every field of POST /scrape that the public API documents (api-facts §2.1.1), each checked: a bad value is a 400
 * at its field, an unknown field is ignored, as the public API does. scrape.ts reads this into one shape.
 */
export const scrapeRequestFieldsSchema = z.object({
  url: httpUrl,
  mode: scrapeModeSchema.optional(),
  formats: z.array(documentedFormatSchema).min(1, 'Pick at least one format').optional(),
  sync: z.boolean().optional(),
  timeout: z
    .number({ error: 'Enter the timeout in seconds' })
    .min(LIMITS.timeoutSeconds.min, `At least ${LIMITS.timeoutSeconds.min} second`)
    .max(LIMITS.timeoutSeconds.max, `At most ${LIMITS.timeoutSeconds.max} seconds`)
    .optional(),
  max_tier: tierCap.optional(),
  max_credits: maxCredits.optional(),
  cache: z.boolean().optional(),
  cache_ttl: z
    .number({ error: 'Enter the cache lifetime in seconds' })
    .min(LIMITS.cacheTtlSeconds.min, `At least ${LIMITS.cacheTtlSeconds.min} seconds`)
    .max(LIMITS.cacheTtlSeconds.max, `At most ${groupDigits(LIMITS.cacheTtlSeconds.max)} seconds`)
    .optional(),
  force_refresh: z.boolean().optional(),
  session_id: sessionId.optional(),
  cookies: scrapeCookiesSchema.optional(),
  wait_for: z
    .string()
    .min(1)
    .max(LIMITS.waitForMaxLength)
    .refine(isCssSelector, 'A CSS selector, like #content or article h1')
    .optional(),
  wait_until: waitUntilSchema.optional(),
  include_raw_html: z.boolean().optional(),
  screenshot: z.boolean().optional(),
  pdf_format: pdfFormatSchema.optional(),
  ocr_language: z
    .string()
    .regex(/^[a-z]{3}(\+[a-z]{3})*$/, 'Tesseract language codes, like eng or eng+fra')
    .optional(),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
  body: z.string().optional(),
  content_type: z
    .enum(['application/json', 'application/x-www-form-urlencoded', 'text/plain', 'application/graphql'])
    .optional(),
  max_response_bytes: z.number().int().min(0).max(52_428_800).optional(),
  location: z
    .object({
      country: z
        .string()
        .regex(/^[A-Z]{2}$/, 'An ISO 3166 country code, like DE')
        .optional(),
      language: z.string().min(2).max(5).optional(),
    })
    .optional(),
  extraction_schema: z.record(z.string(), z.unknown()).optional(),
  extraction_prompt: z.string().max(4000).optional(),
  extraction_profile: z
    .enum([
      'auto',
      'product',
      'article',
      'job_posting',
      'faq',
      'recipe',
      'event',
      'ecommerce_homepage',
      'directory_listing',
    ])
    .optional(),
  extraction_model: z.string().max(200).optional(),
  extraction_provider: z.enum(['openai', 'anthropic', 'openrouter', 'groq']).optional(),
  template: z.string().max(200).optional(),
  evidence: z.boolean().optional(),
  promote_schema_org: z.boolean().optional(),
  filter_content: z.boolean().optional(),
  enable_scroll: z.boolean().optional(),
  prefer_cost: z.boolean().optional(),
  prefer_speed: z.boolean().optional(),
  fail_fast: z.boolean().optional(),
  cost_controls: costControls.optional(),
  advanced: advanced.optional(),
});
export type ScrapeRequestFields = z.infer<typeof scrapeRequestFieldsSchema>;
