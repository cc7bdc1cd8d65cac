// Web Share Target (manifest `share_target`, POST multipart/form-data). The OS hands shared files
// or text to the app as a POST the page itself cannot receive, so the service worker (which
// loads this file with importScripts, before Workbox's routes) keeps them in a cache and
// redirects to the app; src/pwa/shareInbox.ts picks them up and imports them.
const SHARE_INBOX_CACHE = 'frameline-share-inbox';
const SHARE_INBOX_PREFIX = '/__share-inbox/';

async function keepShared(request) {
  const form = await request.formData();
  const cache = await caches.open(SHARE_INBOX_CACHE);
  const stamp = Date.now();
  let index = 0;
  for (const file of form.getAll('files')) {
    if (typeof file === 'string') continue;
    const headers = {
      'Content-Type': file.type || 'application/octet-stream',
      'X-Share-Kind': 'file',
      'X-File-Name': encodeURIComponent(file.name),
    };
    await cache.put(`${SHARE_INBOX_PREFIX}${stamp}-${index++}`, new Response(file, { headers }));
  }
  const text = form.get('text');
  if (typeof text === 'string' && text.trim() !== '') {
    const headers = { 'Content-Type': 'text/plain;charset=utf-8', 'X-Share-Kind': 'text' };
    await cache.put(`${SHARE_INBOX_PREFIX}${stamp}-${index}`, new Response(text, { headers }));
  }
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'POST') return;
  if (url.origin !== self.location.origin || url.pathname !== '/share-target') return;
  event.respondWith(
    keepShared(event.request).then(
      () => Response.redirect('/?share-target=1', 303),
      () => Response.redirect('/?share-target=failed', 303),
    ),
  );
});
