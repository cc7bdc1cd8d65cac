import { afterEach, describe, expect, test, vi } from 'vitest';
import { mayOffer, shareStarterOf, takeSharedItems } from './shareInbox';

/**
 * What the page does with what the service worker kept (public/sw-share-target.js). A website's
 * form submitted into a new window reaches the worker exactly like the share sheet (no initiating
 * client, `Origin: null`); the page tells them apart by where it opened: the share sheet opens the
 * installed app's window, a form opens a browser tab.
 */

/** The one inbox cache, as the worker fills it: request URL → response with its marks. */
function fakeInbox(items: { kind: 'file' | 'text'; from?: string; body: string; name?: string }[]) {
  const entries = new Map<string, Response>();
  items.forEach((item, i) => {
    const headers: Record<string, string> = { 'X-Share-Kind': item.kind };
    if (item.from) headers['X-Share-From'] = item.from;
    if (item.name) headers['X-File-Name'] = encodeURIComponent(item.name);
    entries.set(`/__share-inbox/1-${i}`, new Response(item.body, { headers }));
  });
  const cache = {
    keys: async () => [...entries.keys()].map((url) => new Request(`https://app.example${url}`)),
    match: async (request: Request) => entries.get(new URL(request.url).pathname)?.clone(),
    delete: async (request: Request) => entries.delete(new URL(request.url).pathname),
  };
  vi.stubGlobal('caches', { open: async () => cache });
  return entries;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const shared = new URLSearchParams('share-target=1');

describe('a share the service worker kept', () => {
  test('with no page behind it, in a browser tab, is dropped unseen and reported refused', async () => {
    const inbox = fakeInbox([
      { kind: 'file', from: 'browser', body: 'INT. HALL - DAY', name: 'forced.fountain' },
      { kind: 'text', from: 'browser', body: 'INT. HALL - DAY' },
    ]);
    const items = await takeSharedItems(shared, false);
    expect(items).toMatchObject({ files: [], texts: [], refused: true });
    expect(inbox.size).toBe(0);
  });

  test('with no page behind it, in the installed app’s window, is offered', async () => {
    fakeInbox([
      { kind: 'file', from: 'browser', body: 'INT. HALL - DAY', name: 'shared.fountain' },
      { kind: 'text', from: 'browser', body: 'Shared words' },
    ]);
    const items = await takeSharedItems(shared, true);
    expect(items.refused).toBe(false);
    expect(items.files.map((file) => file.name)).toEqual(['shared.fountain']);
    expect(items.texts).toEqual(['Shared words']);
  });

  test('started by a page of the app is offered wherever it opens', async () => {
    fakeInbox([{ kind: 'file', from: 'app', body: 'x', name: 'own.fountain' }]);
    const items = await takeSharedItems(shared, false);
    expect(items.refused).toBe(false);
    expect(items.files.map((file) => file.name)).toEqual(['own.fountain']);
  });

  test('that the worker found too large keeps nothing and says so', async () => {
    const inbox = fakeInbox([]);
    const items = await takeSharedItems(new URLSearchParams('share-target=too-large'), true);
    expect(items).toMatchObject({ files: [], texts: [], tooLarge: true, refused: false });
    expect(inbox.size).toBe(0);
  });

  test('without a mark (kept by an older worker) counts as started by no page', () => {
    expect(shareStarterOf(null)).toBe('browser');
    expect(shareStarterOf('app')).toBe('app');
    expect(shareStarterOf('APP ')).toBe('browser');
    expect(mayOffer('browser', false)).toBe(false);
    expect(mayOffer('browser', true)).toBe(true);
    expect(mayOffer('app', false)).toBe(true);
  });
});
