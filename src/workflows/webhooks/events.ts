import type { ProjectId, ShotId } from '../../model/ids';

/**
 * What a webhook receives: a small JSON document about one thing that happened. Deliberately
 * poor: names, numbers and ids, never a key, a frame, a sound or a file — a webhook URL is
 * somebody else's server.
 */
export const WEBHOOK_EVENTS = ['render.finished', 'shot.approved', 'comment.added'] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventName, string> = {
  'render.finished': 'A render finishes',
  'shot.approved': 'A shot is approved',
  'comment.added': 'A comment is added',
};

interface ProjectRef {
  readonly id: ProjectId;
  readonly title: string;
}

interface Envelope<E extends WebhookEventName, D> {
  readonly type: 'frameline.webhook/1';
  readonly event: E;
  /** Milliseconds since the epoch, by this device's clock. */
  readonly sentAt: number;
  readonly project: ProjectRef;
  readonly data: D;
}

export type WebhookPayload =
  | Envelope<
      'render.finished',
      {
        readonly fileName: string;
        readonly format: string;
        readonly durationMs: number;
        readonly bytes: number;
      }
    >
  | Envelope<
      'shot.approved',
      { readonly shotId: ShotId; readonly shotNumber: string; readonly by: string }
    >
  | Envelope<
      'comment.added',
      {
        readonly shotId: ShotId | null;
        readonly shotNumber: string | null;
        readonly by: string;
        readonly text: string;
      }
    >;

/** Longest comment text a webhook carries; the rest is cut with an ellipsis. */
export const WEBHOOK_TEXT_MAX = 500;

function envelope<P extends WebhookPayload>(
  event: P['event'],
  project: ProjectRef,
  data: P['data'],
  now: number,
): P {
  return { type: 'frameline.webhook/1', event, sentAt: now, project, data } as P;
}

export function renderFinished(
  project: ProjectRef,
  render: { fileName: string; format: string; durationMs: number; bytes: number },
  now: number,
): WebhookPayload {
  return envelope('render.finished', project, { ...render }, now);
}

export function shotApproved(
  project: ProjectRef,
  shot: { shotId: ShotId; shotNumber: string; by: string },
  now: number,
): WebhookPayload {
  return envelope('shot.approved', project, { ...shot }, now);
}

export function commentAdded(
  project: ProjectRef,
  comment: { shotId: ShotId | null; shotNumber: string | null; by: string; text: string },
  now: number,
): WebhookPayload {
  const text =
    comment.text.length > WEBHOOK_TEXT_MAX
      ? `${comment.text.slice(0, WEBHOOK_TEXT_MAX - 1)}…`
      : comment.text;
  return envelope('comment.added', project, { ...comment, text }, now);
}
