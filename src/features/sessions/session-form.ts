import type { FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { validationIssueSchema } from '../../../contract/envelope';
import { normaliseSessionDomain } from '../../../contract/session-domain';
import { createSessionSchema, refreshSessionSchema, updateSessionSchema } from '../../../contract/sessions';
import { isApiError } from '../../api/api-error';
import { twoDigits } from '../../lib/format';
import { parseCookies, type CookieParse } from './parse-cookies';

export interface CreateFormValues {
  name: string;
  domain: string;
  paste: string;
  expires_at: string;
  notes: string;
}
export interface RefreshFormValues {
  paste: string;
  expires_at: string;
}
export interface EditFormValues {
  name: string;
  expires_at: string;
  notes: string;
}
export type CreateBody = z.input<typeof createSessionSchema>;
export type RefreshBody = z.input<typeof refreshSessionSchema>;
export type UpdateBody = z.input<typeof updateSessionSchema>;

/** The site a typed domain names, as the API will keep it; null while it names none. */
const siteOf = (domain: string) => normaliseSessionDomain(domain)?.domain ?? null;

/** The paste read for `domain`'s site; the form, its preview and its check all read it the same way. */
export const readPaste = (paste: string, domain: string | null, now: number): CookieParse | null =>
  parseCookies(paste, { site: domain === null ? null : siteOf(domain), now });

/** A datetime-local value (the user's time zone) as an ISO date; '' is none; undefined when it is no date. */
function isoOfLocal(value: string): string | null | undefined {
  if (value.trim() === '') return null;
  const time = new Date(value).getTime();
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}

/** An ISO date as a datetime-local input shows it, in the user's time zone. */
export function localOfIso(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const day = `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
  return `${day}T${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
}

type Errors = Record<string, { type: string; message: string }>;
const BAD_DATE = 'Enter a date and time, or leave it empty';
const PAST_DATE = 'This time has passed: the session would be expired at once. Pick a later one, or leave it empty';

/** A typed expiry's message: not a date, or (new cookies being stored) a time already past. */
function expiryError(typed: string | null | undefined, now: number): string | undefined {
  if (typed === undefined) return BAD_DATE;
  return typed !== null && Date.parse(typed) <= now ? PAST_DATE : undefined;
}

/** The cookies of a paste, or the message to show at the paste field. */
function cookiesOf(parse: CookieParse | null, required: boolean): Record<string, string> | string | undefined {
  if (parse === null) return required ? 'Paste the cookies of a signed-in browser' : undefined;
  if (!parse.ok) return parse.message;
  const { cookies, dropped } = parse.paste;
  if (Object.keys(cookies).length === 0 && dropped.length > 0)
    return `All ${dropped.length} cookies were left out (another domain, expired or repeated): check the domain`;
  return cookies;
}

/** The contract's issues, each at its form field; a cookie's issue names the cookie. */
function addIssues(errors: Errors, issues: readonly z.core.$ZodIssue[], fieldOf: Record<string, string>) {
  for (const issue of issues) {
    const [top, cookie] = issue.path.map(String);
    const field = fieldOf[top ?? ''];
    if (!field || errors[field]) continue;
    const nested = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
    const message = nested ?? issue.message;
    errors[field] = {
      type: issue.code,
      message: top === 'cookies' && cookie ? `Cookie “${cookie}”: ${message}` : message,
    };
  }
}

function result<Values extends FieldValues, Body>(errors: Errors, body: Body) {
  return Object.keys(errors).length > 0
    ? { values: {}, errors: errors as FieldErrors<Values> }
    : { values: body, errors: {} };
}

const CREATE_FIELDS = { name: 'name', domain: 'domain', cookies: 'paste', expires_at: 'expires_at', notes: 'notes' };

/** The create form, checked by the contract's own schema after the paste is read; it resolves to the body. */
export const createResolver: Resolver<CreateFormValues, unknown, CreateBody> = async (values) => {
  const errors: Errors = {};
  const now = Date.now();
  const parse = readPaste(values.paste, values.domain, now);
  const cookies = cookiesOf(parse, true);
  if (typeof cookies === 'string') errors.paste = { type: 'paste', message: cookies };
  const typed = isoOfLocal(values.expires_at);
  const expiry = expiryError(typed, now);
  if (expiry) errors.expires_at = { type: 'date', message: expiry };
  const body: CreateBody = {
    name: values.name,
    domain: values.domain,
    cookies: typeof cookies === 'object' ? cookies : {},
    // The paste's earliest expiry stands in for an expiry left empty (a cookie export knows when it ends).
    expires_at: typed ?? (parse?.ok ? parse.paste.earliestExpiry : null),
    notes: values.notes.trim() === '' ? null : values.notes,
  };
  const parsed = createSessionSchema.safeParse(body);
  if (!parsed.success) addIssues(errors, parsed.error.issues, CREATE_FIELDS);
  return result<CreateFormValues, CreateBody>(errors, body);
};

/** Refresh: new cookies replace the old; none pasted only resets the failure count. */
export function refreshResolver(domain: string): Resolver<RefreshFormValues, unknown, RefreshBody> {
  return async (values) => {
    const errors: Errors = {};
    const now = Date.now();
    const parse = readPaste(values.paste, domain, now);
    const cookies = cookiesOf(parse, false);
    if (typeof cookies === 'string') errors.paste = { type: 'paste', message: cookies };
    const typed = isoOfLocal(values.expires_at);
    const expiry = expiryError(typed, now);
    if (expiry) errors.expires_at = { type: 'date', message: expiry };
    const expires = typed ?? (parse?.ok ? parse.paste.earliestExpiry : null);
    const body: RefreshBody = {
      ...(typeof cookies === 'object' && { cookies }),
      ...(expires !== null && { expires_at: expires }),
    };
    const parsed = refreshSessionSchema.safeParse(body);
    if (!parsed.success) addIssues(errors, parsed.error.issues, { cookies: 'paste', expires_at: 'expires_at' });
    return result<RefreshFormValues, RefreshBody>(errors, body);
  };
}

export const editResolver: Resolver<EditFormValues, unknown, UpdateBody> = async (values) => {
  const errors: Errors = {};
  const expires = isoOfLocal(values.expires_at);
  if (expires === undefined) errors.expires_at = { type: 'date', message: BAD_DATE };
  const body: UpdateBody = {
    name: values.name,
    expires_at: expires ?? null,
    notes: values.notes.trim() === '' ? null : values.notes,
  };
  const parsed = updateSessionSchema.safeParse(body);
  if (!parsed.success)
    addIssues(errors, parsed.error.issues, { name: 'name', expires_at: 'expires_at', notes: 'notes' });
  return result<EditFormValues, UpdateBody>(errors, body);
};

/** A 400's `details.issues` from the server, each put at its form field too (the guidance card says the rest). */
export function showServerIssues<Values extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<Values>,
  fieldOf: Record<string, Path<Values>>,
) {
  if (!isApiError(error)) return;
  const issues = validationIssueSchema.array().safeParse(error.details?.issues);
  for (const issue of issues.success ? issues.data : []) {
    const field = fieldOf[issue.field.split('.')[0] ?? ''];
    if (field) setError(field, { type: 'server', message: issue.message });
  }
}
