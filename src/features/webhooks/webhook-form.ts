import type { FieldErrors, Resolver, UseFormSetError } from 'react-hook-form';
import { validationIssueSchema } from '../../../contract/envelope';
import { createWebhookSchema, type CreateWebhook, type WebhookEvent } from '../../../contract/webhooks';
import { isApiError } from '../../api/api-error';

export interface WebhookFormValues {
  url: string;
  name: string;
  events: WebhookEvent[];
}
type Field = keyof WebhookFormValues;
const FIELDS: readonly Field[] = ['url', 'name', 'events'];
const fieldOf = (path: string) => FIELDS.find((field) => field === path.split('.')[0]);

/** The form checked by the contract's own schema, each issue at its field; it resolves to the body sent. */
export const webhookResolver: Resolver<WebhookFormValues, unknown, CreateWebhook> = async (values) => {
  const body: CreateWebhook = {
    url: values.url,
    events: values.events,
    name: values.name.trim() === '' ? null : values.name,
  };
  const parsed = createWebhookSchema.safeParse(body);
  if (parsed.success) return { values: body, errors: {} };
  const errors: Record<string, { type: string; message: string }> = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path.map(String).join('.'));
    if (field && !errors[field]) errors[field] = { type: issue.code, message: issue.message };
  }
  return { values: {}, errors: errors as FieldErrors<WebhookFormValues> };
};

/** The API's field issues (a refused address, a duplicate URL) shown at their fields. */
export function showServerIssues(error: unknown, setError: UseFormSetError<WebhookFormValues>) {
  if (!isApiError(error)) return;
  const issues = validationIssueSchema.array().safeParse(error.details?.issues);
  for (const issue of issues.success ? issues.data : []) {
    const field = fieldOf(issue.field);
    if (field) setError(field, { type: 'server', message: issue.message });
  }
}
