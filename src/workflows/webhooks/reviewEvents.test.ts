import { describe, expect, test } from 'vitest';
import type { ProjectId } from '../../model/ids';
import type { ProjectSnapshot } from '../../model/project';
import type { AppliedCommand } from '../../store/projectSession';
import type { WebhookPayload } from './events';
import { sendReviewEvents } from './reviewEvents';

const author = { name: 'Ana', color: '#336699', publicKey: '' };
const snapshot = {
  meta: { title: 'Night Shift' },
  shots: [{ id: 's1', number: '3A' }],
} as unknown as ProjectSnapshot;

function fakeSession() {
  let listener: ((applied: AppliedCommand) => void) | null = null;
  return {
    id: 'p1' as ProjectId,
    getState: () => ({ snapshot }),
    onCommandApplied: (l: (applied: AppliedCommand) => void) => {
      listener = l;
      return () => (listener = null);
    },
    apply: (applied: unknown) => listener?.(applied as AppliedCommand),
    listening: () => listener !== null,
  };
}

describe('review events for webhooks', () => {
  test('an approval to "approved" and a comment become payloads; other commands do not', () => {
    const session = fakeSession();
    const sent: WebhookPayload[] = [];
    const stop = sendReviewEvents(
      session,
      (p) => sent.push(p),
      () => 42,
    );
    const approval = { shotId: 's1', author, setAt: 1, signature: '' };
    session.apply({
      name: 'review/setApproval',
      input: { approval: { ...approval, state: 'in-review' } },
    });
    session.apply({ name: 'shot/update', input: {} });
    session.apply({
      name: 'review/setApproval',
      input: { approval: { ...approval, state: 'approved' } },
    });
    session.apply({
      name: 'review/addComment',
      input: { comment: { target: { kind: 'scene', id: 'c1' }, author, body: 'Darker.' } },
    });
    expect(sent).toEqual([
      {
        type: 'frameline.webhook/1',
        event: 'shot.approved',
        sentAt: 42,
        project: { id: 'p1', title: 'Night Shift' },
        data: { shotId: 's1', shotNumber: '3A', by: 'Ana' },
      },
      {
        type: 'frameline.webhook/1',
        event: 'comment.added',
        sentAt: 42,
        project: { id: 'p1', title: 'Night Shift' },
        data: { shotId: null, shotNumber: null, by: 'Ana', text: 'Darker.' },
      },
    ]);
    stop();
    expect(session.listening()).toBe(false);
  });
});
