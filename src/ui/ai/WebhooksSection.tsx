import { useState } from 'react';
import { connectBlockedReason } from '../../pwa/contentSecurityPolicy';
import {
  WEBHOOK_EVENT_LABELS,
  WEBHOOK_EVENTS,
  type WebhookEventName,
} from '../../workflows/webhooks/events';
import { readPageWebhooks, savePageWebhooks } from '../../workflows/webhooks/browserWebhooks';
import { WEBHOOKS_MAX, type Webhook } from '../../workflows/webhooks/settings';

const newHook = (): Webhook => ({
  id: crypto.randomUUID(),
  url: '',
  events: [...WEBHOOK_EVENTS],
  enabled: true,
});

/**
 * Settings → Webhooks: addresses that get a small JSON POST when a render finishes, a shot is
 * approved or a comment is added. Kept on this device; saved only when the whole list is valid.
 */
export function WebhooksSection() {
  const [hooks, setHooks] = useState<Webhook[]>(readPageWebhooks);
  const [message, setMessage] = useState<{ kind: 'error' | 'saved'; text: string } | null>(null);
  const change = (id: string, patch: Partial<Webhook>) => {
    setHooks((list) => list.map((hook) => (hook.id === id ? { ...hook, ...patch } : hook)));
    setMessage(null);
  };
  const toggleEvent = (hook: Webhook, event: WebhookEventName, on: boolean) =>
    change(hook.id, {
      events: on ? [...hook.events, event] : hook.events.filter((e) => e !== event),
    });
  const save = () => {
    const saved = savePageWebhooks(hooks.map((hook) => ({ ...hook, url: hook.url.trim() })));
    setMessage(
      saved.ok ? { kind: 'saved', text: 'Webhooks saved.' } : { kind: 'error', text: saved.error },
    );
  };

  return (
    <div className="webhooks">
      <p className="muted">
        Each address gets a small JSON POST — project name, shot number, who, when — never a key, a
        frame or a file. Failures are retried and listed under Usage. The server must accept
        requests from this app (CORS).
      </p>
      {hooks.length === 0 ? <p className="muted">No webhooks.</p> : null}
      <ul className="webhook-list">
        {hooks.map((hook, index) => {
          const blocked = hook.url.trim() ? connectBlockedReason(hook.url.trim()) : null;
          return (
            <li key={hook.id} className="webhook">
              <label className="field">
                <span>Webhook {index + 1} address</span>
                <input
                  type="url"
                  value={hook.url}
                  placeholder="https://example.com/frameline-hook"
                  onChange={(e) => change(hook.id, { url: e.target.value })}
                />
              </label>
              {blocked ? <p className="muted warn">{blocked}</p> : null}
              <fieldset className="webhook-events">
                <legend>Send when</legend>
                {WEBHOOK_EVENTS.map((event) => (
                  <label key={event} className="check">
                    <input
                      type="checkbox"
                      checked={hook.events.includes(event)}
                      onChange={(e) => toggleEvent(hook, event, e.target.checked)}
                    />{' '}
                    {WEBHOOK_EVENT_LABELS[event]}
                  </label>
                ))}
              </fieldset>
              <div className="webhook-actions">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={hook.enabled}
                    onChange={(e) => change(hook.id, { enabled: e.target.checked })}
                  />{' '}
                  On
                </label>
                <button
                  type="button"
                  className="button quiet danger"
                  onClick={() => {
                    setHooks((list) => list.filter((h) => h.id !== hook.id));
                    setMessage(null);
                  }}
                >
                  Remove webhook {index + 1}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <div className="webhook-actions">
        <button
          type="button"
          className="button quiet"
          disabled={hooks.length >= WEBHOOKS_MAX}
          onClick={() => setHooks((list) => [...list, newHook()])}
        >
          Add webhook
        </button>
        <button type="button" className="button" onClick={save}>
          Save webhooks
        </button>
      </div>
      {message ? (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'bad' : 'muted'}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
