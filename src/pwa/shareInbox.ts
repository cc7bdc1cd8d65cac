/**
 * Files and text shared to Frameline (manifest `share_target`): public/sw-share-target.js keeps
 * them in this cache and redirects to `/?share-target=1`; the page takes them out here, once, and
 * shows them to the person before anything is imported (src/ui/pwa/LaunchConsentDialog.tsx).
 */
const SHARE_INBOX_CACHE = 'frameline-share-inbox';

export interface SharedItems {
  readonly files: readonly File[];
  readonly texts: readonly string[];
  /** The worker could not read what was shared. */
  readonly failed: boolean;
  /**
   * The worker refused a POST that was not the browser's share sheet (a form on another site),
   * or what arrived with no page behind it opened in a browser tab (see `mayOffer`): nothing of
   * it was kept.
   */
  readonly refused: boolean;
  /** What was shared was larger than the worker keeps (SHARE_MAX_BYTES): nothing was kept. */
  readonly tooLarge: boolean;
}

const NOTHING: SharedItems = {
  files: [],
  texts: [],
  failed: false,
  refused: false,
  tooLarge: false,
};

/** The worker's limit (public/sw-share-target.js, SHARE_MAX_BYTES), for the message. */
export const SHARE_MAX_MB = 512;

/** The query a launch came with (`?share-target`, `?action=…`), removed from the address bar. */
export function takeLaunchParams(): URLSearchParams {
  const params = new URLSearchParams(window.location.search);
  if (window.location.search !== '') {
    history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
  }
  return params;
}

/**
 * Who the service worker saw start a kept share (`X-Share-From`): `app` is a page of Frameline;
 * anything else — `browser`, or no mark from an older worker — had no page behind it, which is
 * the share sheet or a website's form submitted into a new window (public/sw-share-target.js).
 */
export type ShareStarter = 'app' | 'browser';

export function shareStarterOf(mark: string | null): ShareStarter {
  return mark === 'app' ? 'app' : 'browser';
}

/**
 * Whether to show a kept share to the person at all. The share sheet opens the installed app in
 * its own window (`display-mode` standalone, minimal-ui, fullscreen…); a website's form opens a
 * browser tab. So what no page started is taken only in the app's window; in a tab it is what a
 * website sent, and is dropped unseen like any other refused share.
 */
export function mayOffer(starter: ShareStarter, inAppWindow: boolean): boolean {
  return starter === 'app' || inAppWindow;
}

/** Whether this page runs in the installed app's own window rather than a browser tab. */
export function inAppWindow(): boolean {
  return typeof matchMedia === 'function' && !matchMedia('(display-mode: browser)').matches;
}

export async function takeSharedItems(
  params: URLSearchParams,
  appWindow: boolean = inAppWindow(),
): Promise<SharedItems> {
  const mark = params.get('share-target');
  if (mark === null || !('caches' in globalThis)) return NOTHING;
  if (mark === 'refused') return { ...NOTHING, refused: true };
  if (mark === 'too-large') return { ...NOTHING, tooLarge: true };
  const cache = await caches.open(SHARE_INBOX_CACHE);
  const files: File[] = [];
  const texts: string[] = [];
  let refused = false;
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    await cache.delete(request);
    if (!response) continue;
    if (!mayOffer(shareStarterOf(response.headers.get('X-Share-From')), appWindow)) {
      refused = true;
      continue;
    }
    if (response.headers.get('X-Share-Kind') === 'text') texts.push(await response.text());
    else {
      const name = decodeURIComponent(response.headers.get('X-File-Name') ?? 'shared-file');
      const type = response.headers.get('Content-Type') ?? '';
      files.push(new File([await response.blob()], name, { type }));
    }
  }
  return { files, texts, failed: mark === 'failed', refused, tooLarge: false };
}
