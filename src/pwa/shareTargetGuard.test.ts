import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';

/**
 * The service worker's share-target guard (public/sw-share-target.js, a classic script the
 * worker imports): run in a sandbox, with requests shaped as Chromium hands them to the worker
 * (measured: no Sec-Fetch-* headers there; Origin and the initiating client are visible).
 */
type Guard = (
  request: { headers: Headers; mode: string; destination: string },
  initiator: { url: string } | null,
  clientId: string,
  ownOrigin: string,
) => boolean;

const source = readFileSync(new URL('../../public/sw-share-target.js', import.meta.url), 'utf8');
const sandbox: { isGenuineShare?: Guard; URL: typeof URL } & Record<string, unknown> = {
  URL,
  Blob,
  Response,
};
runInNewContext(source, sandbox);
const isGenuineShare = sandbox.isGenuineShare!;

const APP = 'https://frameline.example';
const request = (headers: Record<string, string>, mode = 'navigate', destination = 'document') => ({
  headers: new Headers(headers),
  mode,
  destination,
});

describe('a POST to /share-target', () => {
  test('from the share sheet (the browser, no page behind it) is taken', () => {
    expect(isGenuineShare(request({}), null, '', APP)).toBe(true);
    expect(isGenuineShare(request({ Origin: 'null' }), null, '', APP)).toBe(true);
    expect(
      isGenuineShare(
        request({ 'Sec-Fetch-Site': 'none', 'Sec-Fetch-Mode': 'navigate' }),
        null,
        '',
        APP,
      ),
    ).toBe(true);
  });

  test('from a page of the app itself is taken', () => {
    expect(isGenuineShare(request({ Origin: APP }), { url: `${APP}/` }, 'c1', APP)).toBe(true);
    // The app sends Referrer-Policy: no-referrer, so its own forms say `Origin: null`.
    expect(isGenuineShare(request({ Origin: 'null' }), { url: `${APP}/` }, 'c1', APP)).toBe(true);
  });

  test('from a form on another site is refused, referrer hidden or not', () => {
    // What Chromium showed the worker for a cross-site auto-submitted form:
    expect(isGenuineShare(request({ Origin: 'https://evil.example' }), null, 'c2', APP)).toBe(
      false,
    );
    expect(isGenuineShare(request({ Origin: 'null' }), null, 'c3', APP)).toBe(false);
    expect(isGenuineShare(request({}), null, 'c4', APP)).toBe(false);
    expect(isGenuineShare(request({ 'Sec-Fetch-Site': 'cross-site' }), null, '', APP)).toBe(false);
    expect(isGenuineShare(request({ 'Sec-Fetch-Site': 'same-site' }), null, '', APP)).toBe(false);
  });

  test('that is not a top-level document navigation is refused', () => {
    expect(isGenuineShare(request({}, 'cors'), null, '', APP)).toBe(false);
    expect(isGenuineShare(request({}, 'navigate', 'iframe'), null, '', APP)).toBe(false);
    expect(isGenuineShare(request({ 'Sec-Fetch-Dest': 'iframe' }), null, '', APP)).toBe(false);
    expect(isGenuineShare(request({ 'Sec-Fetch-Mode': 'no-cors' }), null, '', APP)).toBe(false);
  });

  test('with our Origin but started by a foreign page is refused', () => {
    expect(isGenuineShare(request({ Origin: APP }), null, 'c5', APP)).toBe(false);
    expect(
      isGenuineShare(request({ Origin: 'https://evil.example' }), { url: `${APP}/` }, 'c6', APP),
    ).toBe(false);
  });
});

describe('what the worker keeps', () => {
  const startedBy = (
    sandbox as unknown as { shareStartedBy: (clientId: string) => 'app' | 'browser' }
  ).shareStartedBy;

  test('says whether a page of the app started it or no page did', () => {
    // The guard lets a request with a client through only when that client is ours.
    expect(startedBy('c1')).toBe('app');
    // No client: the share sheet, or a website's form submitted into a new window; the page
    // decides by the window it opens in (src/pwa/shareInbox.ts).
    expect(startedBy('')).toBe('browser');
  });
});

describe('the size of a share', () => {
  type ReadLimitedForm = (request: Request, limit: number) => Promise<FormData | null>;
  const readLimitedForm = sandbox.readLimitedForm as ReadLimitedForm;

  const formOf = (bytes: number) => {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(bytes)]), 'shared.bin');
    return form;
  };
  const post = (body: BodyInit | ReadableStream, headers: Record<string, string> = {}) =>
    new Request('https://frameline.example/share-target', {
      method: 'POST',
      body,
      headers,
      duplex: 'half',
    } as RequestInit);

  test('within the limit, the form is read whole', async () => {
    const form = await readLimitedForm(post(formOf(1000)), 10_000);
    const file = form?.get('files');
    expect(file).toBeInstanceOf(Blob);
    expect((file as Blob).size).toBe(1000);
  });

  test('a declared length over the limit is refused before reading', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled++;
          controller.enqueue(new Uint8Array(100));
          controller.close();
        },
        // Nothing is pulled until someone reads.
      },
      { highWaterMark: 0 },
    );
    const request = post(body, {
      'Content-Length': '20000',
      'Content-Type': 'multipart/form-data',
    });
    expect(await readLimitedForm(request, 10_000)).toBeNull();
    expect(pulled).toBe(0);
  });

  test('a body that streams past the limit with no length is refused, and reading stops there', async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // An endless chunked upload: stops only when the reader cancels.
        sent += 4096;
        controller.enqueue(new Uint8Array(4096));
      },
    });
    expect(await readLimitedForm(post(body), 10_000)).toBeNull();
    expect(sent).toBeLessThan(10_000 + 3 * 4096);
  });
});
