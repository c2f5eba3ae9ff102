import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import {
  WEBHOOK_EVENTS,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_TIMEOUT_SECONDS,
  type Webhook,
  type WebhookWithSecret,
} from '../../../contract/webhooks';
import { forgetOutcome } from '../../api/forget-outcome';
import { webhookMutations } from '../../api/webhooks';
import { BusyButton } from '../../components/busy-button';
import { CHECK_ON_SAVE } from '../../components/check-on-save';
import { Dialog } from '../../components/dialog';
import { CODE_INPUT, Field, FieldError, INPUT_CLASS } from '../../components/form-field';
import { ThrownErrorGuidance } from '../../errors/guidance-card';
import { showServerIssues, webhookResolver, type WebhookFormValues } from './webhook-form';
import { PRIMARY_BUTTON } from './ui';

const EVENT_HINT: Record<(typeof WEBHOOK_EVENTS)[number], string> = {
  'job.completed': 'an async scrape succeeded (with its result)',
  'job.failed': 'an async scrape failed (with its error)',
};

/**
 * Create an endpoint, or edit one. The contract's schema checks each field before anything is sent; the API's
 * own refusals (an address it will not call, a URL already registered) show at the field, and nothing typed is lost.
 */
export function WebhookFormDialog(props: {
  webhook?: Webhook;
  onClose: () => void;
  onCreated: (webhook: WebhookWithSecret) => void;
  onSaved: (id: string) => void;
}) {
  const queryClient = useQueryClient();
  const create = useMutation(webhookMutations.create(queryClient));
  const update = useMutation(webhookMutations.update(queryClient));
  const editing = props.webhook;
  const mutation = editing ? update : create;
  const form = useForm<
    WebhookFormValues,
    unknown,
    { url: string; events: WebhookFormValues['events']; name?: string | null }
  >({
    resolver: webhookResolver,
    ...CHECK_ON_SAVE,
    defaultValues: {
      url: editing?.url ?? '',
      name: editing?.name ?? '',
      events: editing?.events ?? [...WEBHOOK_EVENTS],
    },
  });
  const { errors } = form.formState;
  const onError = (error: unknown) => showServerIssues(error, form.setError);

  const submit = form.handleSubmit((body) => {
    if (editing) update.mutate({ id: editing.id, body }, { onSuccess: () => props.onSaved(editing.id), onError });
    else create.mutate(body, { onSuccess: props.onCreated, onError });
  });
  // The API's answer to the last try is about what was sent then: a new try, even one the form refuses, clears it.
  const onSubmit = (event: FormEvent) => {
    forgetOutcome(mutation);
    return submit(event);
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title={editing ? 'Edit webhook' : 'New webhook'}
      description={`Each event is POSTed to the URL as JSON, signed with the webhook's secret, and tried up to ${WEBHOOK_MAX_ATTEMPTS} times until it is answered with a 2xx within ${WEBHOOK_TIMEOUT_SECONDS} seconds.`}
    >
      <form noValidate onSubmit={onSubmit} className="space-y-3">
        <Field
          label="URL"
          hint="Where the events go, like https://example.com/hooks/alterlab."
          error={errors.url?.message}
        >
          {(control) => (
            <input
              {...control}
              {...CODE_INPUT}
              placeholder="https://example.com/hooks/alterlab"
              {...form.register('url')}
            />
          )}
        </Field>
        <Field label="Name (optional)" error={errors.name?.message}>
          {(control) => <input {...control} autoComplete="off" className={INPUT_CLASS} {...form.register('name')} />}
        </Field>
        <fieldset className="space-y-1" aria-describedby={errors.events ? 'webhook-events-error' : undefined}>
          <legend className="text-sm font-medium">Events</legend>
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={event} {...form.register('events')} />
              <span className="font-mono">{event}</span>
              <span className="text-slate-700">— {EVENT_HINT[event]}</span>
            </label>
          ))}
          <FieldError id="webhook-events-error" message={errors.events?.message} />
        </fieldset>
        {mutation.error && <ThrownErrorGuidance error={mutation.error} />}
        <BusyButton type="submit" busy={mutation.isPending} className={PRIMARY_BUTTON}>
          {mutation.isPending ? 'Saving…' : editing ? 'Save changes' : 'Create webhook'}
        </BusyButton>
      </form>
    </Dialog>
  );
}
