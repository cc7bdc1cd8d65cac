import { useSyncExternalStore } from 'react';
import { pageWebhooks } from '../../workflows/webhooks/browserWebhooks';
import type { Delivery } from '../../workflows/webhooks/dispatcher';
import { WEBHOOK_EVENT_LABELS } from '../../workflows/webhooks/events';

const STATUS_LABELS: Record<Delivery['status'], string> = {
  sending: 'Sending',
  retrying: 'Will retry',
  delivered: 'Delivered',
  failed: 'Failed',
};

function host(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url;
}

/** Usage → Webhooks: this session's deliveries, newest first, with why the failed ones failed. */
export function WebhookDeliveries() {
  const webhooks = pageWebhooks();
  const deliveries = useSyncExternalStore(webhooks.subscribe, webhooks.deliveries);
  return (
    <section aria-label="Webhook deliveries">
      <h3>Webhooks</h3>
      {deliveries.length === 0 ? (
        <p className="muted">No webhook was sent since Frameline opened.</p>
      ) : (
        <table className="ai-table">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">To</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id}>
                <th scope="row">{WEBHOOK_EVENT_LABELS[d.event]}</th>
                <td>{host(d.url)}</td>
                <td className={d.status === 'failed' ? 'bad' : ''}>
                  {STATUS_LABELS[d.status]}
                  {d.status === 'retrying' && d.nextAttemptAt
                    ? ` at ${new Date(d.nextAttemptAt).toLocaleTimeString()}`
                    : ''}
                </td>
                <td>{d.attempts}</td>
                <td>{d.lastError ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
