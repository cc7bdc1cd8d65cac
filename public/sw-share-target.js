/* global ServiceWorkerGlobalScope */
// Web Share Target (manifest `share_target`, POST multipart/form-data). The OS hands shared files
// or text to the app as a POST the page itself cannot receive, so the service worker (which
// loads this file with importScripts, before Workbox's routes) keeps them in a cache and
// redirects to the app; src/pwa/shareInbox.ts picks them up and the page asks the person before
// importing anything (LaunchConsentDialog).
//
// Any website can also POST a form to /share-target. Such a request is refused here before its
// body is read: nothing is kept, and the page only says that something was refused.
//
// One kind of form the worker cannot tell from the share sheet: submitted into a new window
// (`target=_blank`) with its referrer hidden, Chromium gives the worker no initiating client and
// `Origin: null`, as for the share sheet. So each kept item says who started it (`X-Share-From`:
// `app` for a page of ours, `browser` for no page), and the page that opens takes `browser` items
// only inside the installed app's own window: the share sheet always opens one, a website's form
// opens a browser tab (src/pwa/shareInbox.ts).
const SHARE_INBOX_CACHE = 'frameline-share-inbox';
const SHARE_INBOX_PREFIX = '/__share-inbox/';
// The most a share may carry: the largest file Frameline imports (a project JSON, 512 MB). A POST
// can claim any size, or none (chunked), so the body is counted as it streams in and reading
// stops at the first byte past the limit: nothing of it is kept.
const SHARE_MAX_BYTES = 512 * 1024 * 1024;

/**
 * Whether a POST to /share-target is the browser's own share-sheet navigation. Service workers do
 * not see the Sec-Fetch-* headers today (they are added after the worker, on the network), so
 * they are checked when present and the rest is decided by what the worker does see:
 * - a top-level navigation to a document (not a fetch, an iframe or an <object>);
 * - who started it: a share sheet is the browser itself (no client), a form is a page; the only
 *   pages allowed are our own (`clients.get` finds only same-origin clients). A form on another
 *   site that hides its referrer sends `Origin: null` like the share sheet, so this is the check
 *   that tells them apart;
 * - no Origin, `null`, or our own: never another site's.
 * `request` is a Request; `initiator` is the client that started it (null when none or foreign).
 */
function isGenuineShare(request, initiator, clientId, ownOrigin) {
  const headers = request.headers;
  const site = headers.get('Sec-Fetch-Site');
  if (site !== null && site !== 'none' && site !== 'same-origin') return false;
  const mode = headers.get('Sec-Fetch-Mode');
  if (mode !== null && mode !== 'navigate') return false;
  const dest = headers.get('Sec-Fetch-Dest');
  if (dest !== null && dest !== 'document') return false;
  if (request.mode !== 'navigate' || request.destination !== 'document') return false;
  const origin = headers.get('Origin');
  const startedByBrowser = !clientId;
  const startedByUs = initiator !== null && new URL(initiator.url).origin === ownOrigin;
  if (!startedByBrowser && !startedByUs) return false;
  // `null` is what a browser-started navigation sends, and what our own pages send too (the app
  // is served with Referrer-Policy: no-referrer); who started it was checked above.
  return origin === null || origin === 'null' || origin === ownOrigin;
}

/** Who started a share the guard let through: a page of ours, or no page (see the top). */
function shareStartedBy(clientId) {
  return clientId ? 'app' : 'browser';
}

/**
 * The request's form, read only while it stays within `limit` bytes; null past it (a declared
 * Content-Length over the limit is refused before a byte is read).
 */
async function readLimitedForm(request, limit) {
  const declared = Number(request.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return request.formData();
  const reader = request.body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const headers = { 'Content-Type': request.headers.get('Content-Type') ?? '' };
  return new Response(new Blob(chunks), { headers }).formData();
}

async function keepShared(request, from) {
  const form = await readLimitedForm(request, SHARE_MAX_BYTES);
  if (form === null) return 'too-large';
  const cache = await caches.open(SHARE_INBOX_CACHE);
  const stamp = Date.now();
  let index = 0;
  for (const file of form.getAll('files')) {
    if (typeof file === 'string') continue;
    const headers = {
      'Content-Type': file.type || 'application/octet-stream',
      'X-Share-Kind': 'file',
      'X-Share-From': from,
      'X-File-Name': encodeURIComponent(file.name),
    };
    await cache.put(`${SHARE_INBOX_PREFIX}${stamp}-${index++}`, new Response(file, { headers }));
  }
  const text = form.get('text');
  if (typeof text === 'string' && text.trim() !== '') {
    const headers = {
      'Content-Type': 'text/plain;charset=utf-8',
      'X-Share-Kind': 'text',
      'X-Share-From': from,
    };
    await cache.put(`${SHARE_INBOX_PREFIX}${stamp}-${index}`, new Response(text, { headers }));
  }
  return '1';
}

async function answerShare(event) {
  const initiator = event.clientId ? ((await self.clients.get(event.clientId)) ?? null) : null;
  if (!isGenuineShare(event.request, initiator, event.clientId, self.location.origin)) {
    return Response.redirect('/?share-target=refused', 303);
  }
  return keepShared(event.request, shareStartedBy(event.clientId)).then(
    (outcome) => Response.redirect(`/?share-target=${outcome}`, 303),
    () => Response.redirect('/?share-target=failed', 303),
  );
}

if (typeof ServiceWorkerGlobalScope !== 'undefined' && self instanceof ServiceWorkerGlobalScope) {
  self.addEventListener('fetch', (event) => {
    const url = new URL(event.request.url);
    if (event.request.method !== 'POST') return;
    if (url.origin !== self.location.origin || url.pathname !== '/share-target') return;
    event.respondWith(answerShare(event));
  });
}
