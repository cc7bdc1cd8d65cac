import { describe, expect, test, vi } from 'vitest';
import type { ProjectId, ShotId } from '../../model/ids';
import { ATTEMPT_TIMEOUT_MS, RETRY_DELAYS_MS, WebhookDispatcher } from './dispatcher';
import { commentAdded, renderFinished, shotApproved, WEBHOOK_TEXT_MAX } from './events';
import { loadWebhooks, saveWebhooks, type SettingsStorage, type Webhook } from './settings';

const project = { id: 'p1' as ProjectId, title: 'Night Shift' };

function memoryStorage(): SettingsStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

const hook = (patch: Partial<Webhook> = {}): Webhook => ({
  id: 'h1',
  url: 'https://hooks.example/frameline',
  events: ['render.finished', 'shot.approved', 'comment.added'],
  enabled: true,
  ...patch,
});

describe('webhook payloads', () => {
  test('say what happened with names and numbers, never a frame or a file', () => {
    const payload = renderFinished(
      project,
      { fileName: 'night-shift.mp4', format: 'mp4', durationMs: 90_000, bytes: 1234 },
      1000,
    );
    expect(payload).toEqual({
      type: 'frameline.webhook/1',
      event: 'render.finished',
      sentAt: 1000,
      project,
      data: { fileName: 'night-shift.mp4', format: 'mp4', durationMs: 90_000, bytes: 1234 },
    });
    expect(JSON.stringify(payload).length).toBeLessThan(400);
  });

  test('a long comment is cut to the limit', () => {
    const payload = commentAdded(
      project,
      { shotId: null, shotNumber: null, by: 'Ana', text: 'x'.repeat(WEBHOOK_TEXT_MAX * 3) },
      0,
    );
    expect(payload.event === 'comment.added' && payload.data.text.length).toBe(WEBHOOK_TEXT_MAX);
  });
});

describe('webhook settings', () => {
  test('saved and read back', () => {
    const storage = memoryStorage();
    expect(saveWebhooks(storage, [hook()])).toEqual({ ok: true });
    expect(loadWebhooks(storage)).toEqual([hook()]);
  });

  test.each([
    ['http://hooks.example/x', 'Webhook 1 url must start with https://'],
    ['not a url', 'Webhook 1 url is not a web address'],
    ['https://user:pw@hooks.example/x', 'must not carry a user name or password'],
  ])('refuses %s, naming the webhook and the field', (url, message) => {
    const storage = memoryStorage();
    const saved = saveWebhooks(storage, [hook({ url })]);
    expect(saved.ok).toBe(false);
    expect(!saved.ok && saved.error).toContain(message);
    expect(storage.map.size).toBe(0);
  });

  test('plain http is allowed to this computer only', () => {
    expect(saveWebhooks(memoryStorage(), [hook({ url: 'http://127.0.0.1:9000/h' })]).ok).toBe(true);
  });

  test('a hook with no event is refused', () => {
    const saved = saveWebhooks(memoryStorage(), [hook({ events: [] })]);
    expect(!saved.ok && saved.error).toContain('Webhook 1 events needs at least one event');
  });

  test('an unreadable stored list reads as none', () => {
    const storage = memoryStorage();
    storage.setItem('frameline.webhooks', '{"oops"');
    expect(loadWebhooks(storage)).toEqual([]);
    storage.setItem('frameline.webhooks', JSON.stringify([{ url: 'javascript:alert(1)' }]));
    expect(loadWebhooks(storage)).toEqual([]);
  });
});

describe('the dispatcher', () => {
  function setup(answers: (number | Error)[], hooks: Webhook[] = [hook()]) {
    const timers: { run: () => void; ms: number }[] = [];
    const calls: { url: string; init: RequestInit }[] = [];
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), init: init ?? {} });
      const answer = answers.shift() ?? 200;
      if (answer instanceof Error) throw answer;
      return new Response(null, { status: answer });
    });
    const dispatcher = new WebhookDispatcher({
      fetch: fetch as typeof globalThis.fetch,
      hooks: () => hooks,
      now: () => 1_000,
      setTimer: (run, ms) => void timers.push({ run, ms }),
      random: () => 0.5,
    });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    return { dispatcher, timers, calls, settle };
  }
  const approved = shotApproved(
    project,
    { shotId: 's1' as ShotId, shotNumber: '3A', by: 'Ana' },
    5,
  );

  test('posts the JSON to each hook that asked for the event, without credentials', async () => {
    const { dispatcher, calls, settle } = setup(
      [],
      [
        hook(),
        hook({ id: 'h2', url: 'https://other.example/', events: ['render.finished'] }),
        hook({ id: 'h3', url: 'https://off.example/', enabled: false }),
      ],
    );
    dispatcher.notify(approved);
    await settle();
    expect(calls.map((c) => c.url)).toEqual(['https://hooks.example/frameline']);
    expect(calls[0]!.init).toMatchObject({ method: 'POST', credentials: 'omit' });
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual(approved);
    expect(dispatcher.deliveries()[0]).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  test('a server error is retried with growing waits, then given up with the reason', async () => {
    const { dispatcher, timers, calls, settle } = setup([500, 503, new TypeError('x'), 502, 500]);
    dispatcher.notify(approved);
    for (let i = 0; i < RETRY_DELAYS_MS.length; i++) {
      await settle();
      expect(dispatcher.deliveries()[0]).toMatchObject({ status: 'retrying', attempts: i + 1 });
      expect(timers[i]!.ms).toBe(RETRY_DELAYS_MS[i]);
      timers[i]!.run();
    }
    await settle();
    expect(calls).toHaveLength(RETRY_DELAYS_MS.length + 1);
    expect(dispatcher.deliveries()[0]).toMatchObject({
      status: 'failed',
      attempts: 5,
      lastError: 'the server answered 500',
    });
  });

  test('a refusal (404) is not retried; a later success clears the error', async () => {
    const refused = setup([404]);
    refused.dispatcher.notify(approved);
    await refused.settle();
    expect(refused.timers).toHaveLength(0);
    expect(refused.dispatcher.deliveries()[0]).toMatchObject({ status: 'failed', attempts: 1 });

    const flaky = setup([new TypeError('network')]);
    flaky.dispatcher.notify(approved);
    await flaky.settle();
    expect(flaky.dispatcher.deliveries()[0]!.lastError).toContain('could not be reached');
    flaky.timers[0]!.run();
    await flaky.settle();
    expect(flaky.dispatcher.deliveries()[0]).toMatchObject({
      status: 'delivered',
      attempts: 2,
      lastError: null,
    });
  });

  test('each attempt is bounded in time', async () => {
    const { dispatcher, calls, settle } = setup([]);
    dispatcher.notify(approved);
    await settle();
    expect(calls[0]!.init.signal).toBeInstanceOf(AbortSignal);
    expect(ATTEMPT_TIMEOUT_MS).toBeLessThanOrEqual(10_000);
  });

  test('notify returns before anything is sent', () => {
    const { dispatcher } = setup([]);
    dispatcher.notify(approved);
    expect(dispatcher.deliveries()[0]).toMatchObject({ status: 'sending', attempts: 0 });
  });
});
