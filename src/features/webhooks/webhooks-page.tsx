import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useEffect, useRef, useState } from 'react';
import { WEBHOOK_SIGNATURE_HEADER, type WebhookWithSecret } from '../../../contract/webhooks';
import { Panel } from '../../components/panel';
import { QueryBoundary } from '../../errors/query-boundary';
import { useEditedWebhook } from './use-edited-webhook';
import { DeliveryFilter, DeliveryLog } from './delivery-log';
import { DeliveryView } from './delivery-view';
import { RecoverPanel } from './recover-panel';
import { SecretDialog } from './secret-dialog';
import { PRIMARY_BUTTON } from './ui';
import { VerifySnippet } from './verify-snippet';
import { WebhookDetail } from './webhook-detail';
import { WebhookFormDialog } from './webhook-form-dialog';
import { WebhookTable } from './webhook-table';
import { usePageSearch } from '../../lib/route-search';
import { webhooksSearchSchema } from './search';

const route = getRouteApi('/webhooks');

/**
 * Webhook endpoints: the list with each one's recent success rate, one endpoint's details and delivery log (every
 * attempt, the payload, the receiver's answer), resend and recovery, and how a receiver checks the signature.
 */
export function WebhooksPage() {
  const search = usePageSearch(route, webhooksSearchSchema);
  const navigate = route.useNavigate();
  // The secret is shown once: it lives in this state only, never in the URL or the query cache.
  const [secret, setSecret] = useState<WebhookWithSecret | null>(null);
  const edited = useEditedWebhook(search.edit);

  const closeForm = () => void navigate({ search: (prev) => ({ ...prev, create: undefined, edit: undefined }) });
  const show = (id: string) => void navigate({ search: { webhook: id } });

  // What held the keyboard's focus is gone after these three; each says where it goes instead.
  const heading = useRef<HTMLHeadingElement>(null);
  const firstAction = useRef<HTMLButtonElement>(null);
  // A new endpoint's secret: the button that asked for it went with the form, so once the dialog is gone (not
  // before: it keeps the focus inside while open), the new endpoint's details take the focus.
  const created = useRef(false);
  useEffect(() => {
    if (secret || !created.current) return;
    created.current = false;
    (firstAction.current ?? heading.current)?.focus();
  }, [secret]);
  // A deleted endpoint: its details go, and the focus starts again at the top of the page.
  const deleted = useRef(false);
  useEffect(() => {
    if (search.webhook || !deleted.current) return;
    deleted.current = false;
    heading.current?.focus();
  }, [search.webhook]);
  // A resent delivery: the new one opens in a view of its own, which takes the focus once (not again on Back).
  const [resent, setResent] = useState<string | null>(null);
  const resentFocused = useCallback(() => setResent(null), []);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 ref={heading} tabIndex={-1} className="text-2xl font-semibold">
          Webhooks
        </h1>
        <button
          type="button"
          onClick={() => void navigate({ search: (prev) => ({ ...prev, create: true }) })}
          className={PRIMARY_BUTTON}
        >
          New webhook
        </button>
      </div>
      <p className="max-w-3xl text-slate-700">
        When an async scrape ends, its result or error is POSTed to your endpoints as <code>job.completed</code> or{' '}
        <code>job.failed</code>, signed with the endpoint&apos;s secret. Every attempt is kept here: read what your
        receiver answered, resend one delivery, or every failed one since a time.
      </p>
      <Panel title="Endpoints">
        <QueryBoundary label="webhooks">
          <WebhookTable selected={search.webhook} />
        </QueryBoundary>
      </Panel>
      {search.webhook && (
        <>
          <Panel title="Webhook details">
            <QueryBoundary label="webhook">
              <WebhookDetail
                key={search.webhook}
                id={search.webhook}
                onEdit={() => void navigate({ search: (prev) => ({ ...prev, edit: search.webhook }) })}
                onDeleted={() => {
                  deleted.current = true;
                  void navigate({ search: {} });
                }}
                onSecret={setSecret}
                firstActionRef={firstAction}
              />
            </QueryBoundary>
          </Panel>
          <Panel title="Delivery log">
            <DeliveryFilter status={search.status} />
            <QueryBoundary label="deliveries">
              <DeliveryLog id={search.webhook} status={search.status} selected={search.delivery} />
            </QueryBoundary>
          </Panel>
          {search.delivery && (
            <Panel title="Delivery">
              <QueryBoundary label="delivery">
                <DeliveryView
                  key={search.delivery}
                  id={search.webhook}
                  deliveryId={search.delivery}
                  takeFocus={resent === search.delivery}
                  onFocusTaken={resentFocused}
                  onResent={setResent}
                />
              </QueryBoundary>
            </Panel>
          )}
          <Panel title="Recover failed deliveries">
            <RecoverPanel key={search.webhook} id={search.webhook} />
          </Panel>
        </>
      )}
      <Panel title="Verify the signature">
        <p className="mb-3 max-w-3xl text-sm text-slate-700">
          Every delivery carries <code>{WEBHOOK_SIGNATURE_HEADER}: sha256=…</code>, the HMAC-SHA256 of the exact body
          with the endpoint&apos;s secret. Check it before trusting the body:
        </p>
        <VerifySnippet />
      </Panel>
      {(search.create || edited) && (
        <WebhookFormDialog
          webhook={edited ?? undefined}
          onClose={closeForm}
          onCreated={(webhook) => {
            created.current = true;
            setSecret(webhook);
            show(webhook.id);
          }}
          onSaved={show}
        />
      )}
      {secret && <SecretDialog secret={secret.secret} url={secret.url} onClose={() => setSecret(null)} />}
    </div>
  );
}
