import { z } from 'zod';
import { dollarsToCredits } from './money';
import { scrapeModeSchema, tierOfCap, tierPlan, tierSchema, type Tier } from './pricing';
import { SCRAPE_DEFAULTS as DEFAULTS } from './scrape-defaults';
import {
  pdfFormatSchema,
  scrapeFormatSchema,
  waitUntilSchema,
  type ScrapeFormat,
  type ScrapeRequestFields,
} from './scrape-request';

/**
 * A scrape request as the server reads it: one field per meaning, whichever of the documented places it came
 * from. The defaults of the fields added later let a job stored before them run again.
 */
export const scrapeRequestParsedSchema = z.object({
  url: z.string(),
  mode: scrapeModeSchema,
  formats: z.array(scrapeFormatSchema).optional(),
  sync: z.boolean(),
  timeout: z.number(),
  max_tier: tierSchema,
  /** `cost_controls.force_tier`: this tier only (contract/pricing.ts, requestTierPlan). */
  force_tier: tierSchema.optional(),
  /** `fail_fast`, at the top level or in cost_controls: the plan's first tier only, an error instead of escalating. */
  fail_fast: z.boolean().default(false),
  max_credits: z.number().optional(),
  cache: z.boolean(),
  cache_ttl: z.number(),
  force_refresh: z.boolean(),
  session_id: z.string().optional(),
  cookies: z.record(z.string(), z.string()).optional(),
  wait_for: z.string().optional(),
  wait_until: waitUntilSchema.default('networkidle'),
  include_raw_html: z.boolean().default(false),
  screenshot: z.boolean().default(false),
  pdf_format: pdfFormatSchema.default('markdown'),
  /** Documented fields that asked for something the sandbox does not do: the result's `warning` names them. */
  ignored: z.array(z.string()).default([]),
});
export type ScrapeRequestParsed = z.infer<typeof scrapeRequestParsedSchema>;

type Fields = ScrapeRequestFields;
type Context = z.RefinementCtx<Fields>;

/**
 * Documented fields without meaning in the sandbox, each with what it asks for: a value equal to the public API's
 * default asks for nothing (the Python SDK sends `evidence: false`, `promote_schema_org: true` on every call).
 */
const INERT: [path: string, asks: (value: unknown, request: Fields) => boolean][] = [
  ['method', (value) => value !== 'GET'],
  ['body', () => true],
  ['content_type', () => true],
  ['max_response_bytes', () => true],
  ['location', () => true],
  ['extraction_schema', () => true],
  ['extraction_prompt', () => true],
  ['extraction_profile', () => true],
  ['extraction_model', () => true],
  ['extraction_provider', () => true],
  ['template', () => true],
  ['evidence', (value) => value === true],
  ['promote_schema_org', (value) => value === false],
  ['filter_content', (value) => value === true],
  ['enable_scroll', (value) => value === true],
  ['ocr_language', (value) => value !== 'eng'],
  ['prefer_cost', (value) => value === true],
  ['prefer_speed', (value) => value === true],
  ['cost_controls.prefer_cost', (value) => value === true],
  ['cost_controls.prefer_speed', (value) => value === true],
  ['cost_controls.prefer', (value) => value !== 'balanced'],
  ['cost_controls.time_budget', () => true],
  // The MCP server sets it whenever `formats` holds markdown, which the sandbox produces.
  ['advanced.markdown', (value, request) => value === true && !request.formats?.includes('markdown')],
  ['advanced.generate_pdf', (value) => value === true],
  ['advanced.ocr', (value) => value === true],
  ['advanced.use_proxy', (value) => value === true],
  ['advanced.proxy_country', (value) => value !== null],
  ['advanced.proxy_integration_id', (value) => value !== null],
  ['advanced.use_own_proxy', (value) => value === true],
  ['advanced.use_system_proxy', (value) => value === true],
  ['advanced.remove_cookie_banners', (value) => value === false],
  ['advanced.scroll_to_load', (value) => value === true],
  ['advanced.scroll_count', () => true],
  ['advanced.block_images', (value) => value === true],
  ['advanced.section_filter', () => true],
];

const at = (request: Fields, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], request);

/**
 * Reads a request into one shape. Where a meaning has two places (top level and `cost_controls` or `advanced`):
 * caps are all kept, so the tighter one wins; `render_js` turns mode auto into js; a wait other than networkidle
 * wins; cookies are merged (the top level's win a name), and two different session ids are refused.
 */
export function normaliseScrapeRequest(request: Fields, ctx: Context): ScrapeRequestParsed {
  const { cost_controls: costs = {}, advanced = {} } = request;
  const issue = (path: string, message: string) =>
    ctx.issues.push({ code: 'custom', message, input: at(request, path), path: path.split('.') });

  const caps = (['max_tier', 'cost_controls.max_tier'] as const).flatMap((path) => {
    const cap = at(request, path) as string | number | undefined;
    return cap === undefined ? [] : [{ path, tier: tierOfCap(cap)! }];
  });
  const cap = caps.reduce<{ path: string; tier: Tier } | undefined>(
    (low, next) => (low && low.tier <= next.tier ? low : next),
    undefined,
  );
  const forced = costs.force_tier === undefined ? undefined : tierOfCap(costs.force_tier)!;
  if (forced && cap && forced > cap.tier) {
    issue('cost_controls.force_tier', `force_tier ${forced} is above ${cap.path} ${cap.tier}: pin a lower tier`);
  }
  // A pinned tier with no cap is its own cap: the result's max_tier says how far the request could go.
  const maxTier = cap?.tier ?? forced ?? DEFAULTS.max_tier;

  let mode = request.mode ?? DEFAULTS.mode;
  if (advanced.render_js === true) {
    if (mode === 'auto') mode = 'js';
    else if (mode !== 'js')
      issue('advanced.render_js', `render_js runs the page in a browser: it cannot read mode ${mode}`);
  }
  if (forced && tierPlan(mode, forced).at(-1) !== forced) {
    const fits = mode === 'js' ? '3 or 4' : '1 or 2';
    issue('cost_controls.force_tier', `mode ${mode} never runs at tier ${forced}: pin tier ${fits}`);
  } else if (mode === 'js' && maxTier < '3') {
    issue(cap?.path ?? 'max_tier', 'mode js runs in the browser: allow tier 3 or 4');
  }

  if (request.session_id && advanced.session_id && request.session_id !== advanced.session_id) {
    issue('advanced.session_id', 'Two different session ids: send one');
  }
  const cookies = advanced.cookies || request.cookies ? { ...advanced.cookies, ...request.cookies } : undefined;

  const budgets = [
    request.max_credits,
    costs.max_credits,
    costs.max_cost_dollars && dollarsToCredits(costs.max_cost_dollars),
  ];
  const limits = budgets.filter((budget): budget is number => budget !== undefined);

  const produced = request.formats?.filter(
    (format): format is ScrapeFormat => scrapeFormatSchema.safeParse(format).success,
  );
  const unproduced = (request.formats ?? []).filter((format) => !scrapeFormatSchema.safeParse(format).success);
  const ignored = [
    ...INERT.filter(([path, asks]) => at(request, path) !== undefined && asks(at(request, path), request)).map(
      ([path]) => path,
    ),
    ...unproduced.map((format) => `formats: ${format}`),
  ];

  return {
    url: request.url,
    mode,
    // Only formats the sandbox does not produce: the page itself, as when none are asked for.
    formats: produced?.length ? [...new Set(produced)] : undefined,
    sync: request.sync ?? DEFAULTS.sync,
    timeout: request.timeout ?? DEFAULTS.timeout,
    max_tier: maxTier,
    force_tier: forced,
    fail_fast: request.fail_fast === true || costs.fail_fast === true,
    max_credits: limits.length > 0 ? Math.min(...limits) : undefined,
    cache: request.cache ?? DEFAULTS.cache,
    cache_ttl: request.cache_ttl ?? DEFAULTS.cache_ttl,
    force_refresh: request.force_refresh ?? DEFAULTS.force_refresh,
    session_id: request.session_id ?? advanced.session_id,
    cookies,
    wait_for: request.wait_for,
    wait_until:
      [request.wait_until, advanced.wait_condition].find((wait) => wait && wait !== 'networkidle') ?? 'networkidle',
    include_raw_html: request.include_raw_html ?? false,
    screenshot: request.screenshot === true || advanced.screenshot === true,
    pdf_format: request.pdf_format ?? 'markdown',
    ignored,
  };
}
