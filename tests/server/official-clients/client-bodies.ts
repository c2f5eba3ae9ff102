/**
 * What the official AlterLab clients put on the wire, copied from their code (issue 9). Sources:
 * - PY   RapierCraft/AlterLab-SDK@766a5b8 python/alterlab/client.py (Python SDK 2.0.0)
 * - NODE RapierCraft/AlterLab-SDK@766a5b8 node/src/index.ts (Node SDK 2.0.0)
 * - MCP  RapierCraft/alterlab-mcp-server@589c112 src/client.ts, src/tools/*.ts (package 1.8.0)
 * `file:line` marks where the client builds the value. Bodies are returned as the JSON that leaves
 * the client, so tests can compare them with literals.
 */
type Json = Record<string, unknown>;
type PyTier = '1' | '2' | '3' | '4' | '5';

// ── Python SDK v2 ───────────────────────────────────────────────────────────────────────────────

/** client.py:449-453 (_get_client), on every call, GETs included; Accept/Accept-Encoding are httpx's own. */
export const PY_HEADERS = {
  'User-Agent': 'AlterLab-Python-SDK/2.0.0',
  'Content-Type': 'application/json',
  Accept: '*/*',
  'Accept-Encoding': 'gzip, deflate',
};

/** AdvancedOptions(...).to_dict() (client.py:152-163 defaults, 175-190): every key, the two ids as null. */
export const pyAdvanced = (set: Json = {}): Json => ({
  render_js: false,
  screenshot: false,
  markdown: false,
  generate_pdf: false,
  ocr: false,
  use_proxy: false,
  use_own_proxy: false,
  use_system_proxy: false,
  proxy_integration_id: null,
  proxy_country: null,
  wait_condition: 'networkidle',
  remove_cookie_banners: true,
  ...set,
});

/** CostControls(max_tier=…).to_dict() (client.py:211-225): the three flags always, max_tier when set. */
export const pyCostControls = (maxTier?: PyTier): Json => ({
  prefer_cost: false,
  prefer_speed: false,
  fail_fast: false,
  ...(maxTier && { max_tier: maxTier }),
});

export interface PyScrapeArgs {
  mode?: 'auto' | 'html' | 'js' | 'pdf' | 'ocr';
  sync?: boolean;
  advanced?: Json;
  cost_controls?: Json;
  include_raw_html?: boolean;
  formats?: string[];
  wait_until?: string;
  wait_for?: string;
  extraction_profile?: string;
}

/** _build_scrape_payload (client.py:629-706) with scrape()'s defaults (client.py:712-737). */
export function pyScrapePayload(url: string, args: PyScrapeArgs = {}): Json {
  const mode = args.mode ?? 'auto';
  const payload: Json = {
    // client.py:657-668: always sent
    url,
    mode,
    sync: args.sync ?? true,
    cache: false,
    force_refresh: false,
    include_raw_html: args.include_raw_html ?? false,
    timeout: 120, // `timeout or self.timeout`, DEFAULT_TIMEOUT = 120 (client.py:406, 664)
    evidence: false,
    promote_schema_org: true,
    wait_until: args.wait_until ?? 'networkidle',
  };
  if (args.advanced) payload.advanced = args.advanced; // client.py:673-674
  if (args.cost_controls) payload.cost_controls = args.cost_controls; // client.py:676-677
  if (args.formats?.length) payload.formats = args.formats; // client.py:679-680
  if (args.extraction_profile) payload.extraction_profile = args.extraction_profile; // client.py:688-689
  if (args.wait_for) payload.wait_for = args.wait_for; // client.py:691-692
  if (mode === 'pdf') payload.pdf_format = 'markdown'; // client.py:700-701 (scrape_pdf's default format)
  if (mode === 'ocr') payload.ocr_language = 'eng'; // client.py:703-704
  return payload;
}

/** estimate_cost (client.py:914-919): url and mode, advanced/cost_controls when given. */
export const pyEstimatePayload = (url: string, costControls?: Json): Json => ({
  url,
  mode: 'auto',
  ...(costControls && { cost_controls: costControls }),
});

// ── Node SDK ────────────────────────────────────────────────────────────────────────────────────

/** makeRequest (index.ts:443-447); VERSION = '2.0.0' (index.ts:16). */
export const NODE_HEADERS = { 'Content-Type': 'application/json', 'User-Agent': 'alterlab-node/2.0.0' };

const toSnakeCase = (str: string) => str.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
/** Verbatim from index.ts:389-400: nested objects are converted, arrays are not. */
function toSnakeCaseKeys(obj: Json): Json {
  const result: Json = {};
  for (const [key, value] of Object.entries(obj)) {
    result[toSnakeCase(key)] =
      value && typeof value === 'object' && !Array.isArray(value) ? toSnakeCaseKeys(value as Json) : value;
  }
  return result;
}
/** Verbatim from index.ts:402-419: every answer is handed to the caller in camelCase. */
export function toCamelCaseKeys(obj: unknown): unknown {
  if (Array.isArray(obj)) return obj.map((item) => toCamelCaseKeys(item));
  if (obj && typeof obj === 'object') {
    return Object.fromEntries(
      Object.entries(obj).map(([key, value]) => [
        key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()),
        toCamelCaseKeys(value),
      ]),
    );
  }
  return obj;
}

export interface NodeScrapeOptions {
  mode?: string;
  sync?: boolean;
  /** AdvancedOptions (index.ts:43-74), camelCase. */
  advanced?: Json;
  /** CostControls (index.ts:79-88): maxTier is a number or a tier name, plus prefer, failFast, maxCostDollars. */
  costControls?: Json;
  formats?: string[];
}

/** scrape() (index.ts:583-606), then toSnakeCaseKeys (index.ts:448). `advanced` is spread onto the TOP level. */
export function nodeScrapeBody(url: string, options: NodeScrapeOptions = {}): Json {
  const body: Json = { url, mode: options.mode || 'auto', sync: options.sync !== false };
  if (options.advanced) Object.assign(body, options.advanced);
  if (options.costControls) body.costControls = options.costControls;
  if (options.formats) body.formats = options.formats;
  return toSnakeCaseKeys(body);
}

/** scrapeAsync() (index.ts:722-733): always sync: false. */
export const nodeScrapeAsyncBody = (url: string, mode = 'auto'): Json => ({ url, mode, sync: false });

// ── MCP server ──────────────────────────────────────────────────────────────────────────────────

/** client.ts:111-116; VERSION is hard-coded '1.7.1' (client.ts:38) although package.json says 1.8.0. */
export const MCP_HEADERS = {
  'User-Agent': 'alterlab-mcp-server/1.7.1',
  'X-AlterLab-Source': 'mcp-server/1.7.1',
  'Content-Type': 'application/json',
};

/** alterlab_scrape's arguments (tools/scrape.ts:65-383); what a model passes, before zod's defaults. */
export interface McpScrapeArgs {
  mode?: string;
  formats?: string[];
  render_js?: boolean | 'auto';
  use_proxy?: boolean;
  include_raw_html?: boolean;
  cookies?: Record<string, string>;
  location?: { country?: string; language?: string };
  extraction_profile?: string;
  evidence?: boolean;
  cost_controls?: Json;
}

/**
 * handleScrape's body (tools/scrape.ts:445-486) after the tool schema's zod 3 defaults: method GET (:70),
 * mode auto (:103), formats ["markdown"] (:111), render_js/use_proxy false (:215, :223), timeout 90 (:243),
 * include_raw_html false (:260), scroll_to_load false (:281), remove_cookie_banners true (:298),
 * block_images false (:304). max_response_bytes and scroll_count are `.default(x).optional()`, which zod 3
 * leaves undefined; undefined keys vanish in JSON.stringify (client.ts:121).
 */
export function mcpScrapeBody(url: string, args: McpScrapeArgs = {}): Json {
  const { render_js = false, use_proxy = false, formats = ['markdown'], ...top } = args;
  return {
    url,
    method: 'GET',
    mode: 'auto',
    timeout: 90,
    include_raw_html: false,
    ...top,
    formats,
    sync: true,
    advanced: {
      render_js,
      use_proxy,
      markdown: formats.includes('markdown'),
      scroll_to_load: false,
      remove_cookie_banners: true,
      block_images: false,
    },
  };
}

/** handleEstimate (tools/estimate.ts:58-66); formats is optional there (:26), so absent by default. */
export const mcpEstimateBody = (url: string): Json => ({
  url,
  mode: 'auto',
  advanced: { render_js: false, use_proxy: false },
});

/** handleScreenshot (tools/screenshot.ts:33-44); wait_until defaults to networkidle (:14-17). */
export const mcpScreenshotBody = (url: string): Json => ({
  url,
  mode: 'js',
  sync: true,
  screenshot: true,
  wait_until: 'networkidle',
  advanced: { render_js: true, screenshot: true },
});
