/**
 * Files and text shared to Frameline (manifest `share_target`): public/sw-share-target.js keeps
 * them in this cache and redirects to `/?share-target=1`; the page takes them out here, once.
 */
const SHARE_INBOX_CACHE = 'frameline-share-inbox';

export interface SharedItems {
  readonly files: readonly File[];
  readonly texts: readonly string[];
  /** The worker could not read what was shared. */
  readonly failed: boolean;
}

const NOTHING: SharedItems = { files: [], texts: [], failed: false };

/** The query a launch came with (`?share-target`, `?action=…`), removed from the address bar. */
export function takeLaunchParams(): URLSearchParams {
  const params = new URLSearchParams(window.location.search);
  if (window.location.search !== '') {
    history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
  }
  return params;
}

export async function takeSharedItems(params: URLSearchParams): Promise<SharedItems> {
  const mark = params.get('share-target');
  if (mark === null || !('caches' in globalThis)) return NOTHING;
  const cache = await caches.open(SHARE_INBOX_CACHE);
  const files: File[] = [];
  const texts: string[] = [];
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    await cache.delete(request);
    if (!response) continue;
    if (response.headers.get('X-Share-Kind') === 'text') texts.push(await response.text());
    else {
      const name = decodeURIComponent(response.headers.get('X-File-Name') ?? 'shared-file');
      const type = response.headers.get('Content-Type') ?? '';
      files.push(new File([await response.blob()], name, { type }));
    }
  }
  return { files, texts, failed: mark === 'failed' };
}
