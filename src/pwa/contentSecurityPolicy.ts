/**
 * The Content-Security-Policy Frameline ships with (issue 10), in one place: the build puts it in
 * index.html as a `<meta http-equiv>` (vite.config.ts), writes `dist/_headers` for hosts that take
 * headers, and the preview and dev servers send the same headers. Pure: the build (Node) and the
 * app (connection and provider settings warn about an address the policy blocks) both read it.
 *
 * What it holds the app to:
 * - scripts only from the app's own files: no inline script, no `eval`, no blob: or data: script;
 * - WebAssembly (`'wasm-unsafe-eval'`) only in the two workers that run ffmpeg.wasm, which the
 *   build emits under `/wasm-workers/` so a header can name them (a `<meta>` policy never reaches
 *   a worker: a worker's policy comes with its own response);
 * - no plugins (`object-src 'none'`), no `<base>` (`base-uri 'none'`), no framing by other sites
 *   (`frame-ancestors 'none'`, headers only: browsers ignore it in a `<meta>`);
 * - network access (`connect-src`) to the app itself, the cloud AI providers the app knows, any
 *   port on this computer (Ollama, ComfyUI, AUTOMATIC1111, LM Studio, a local signaling or
 *   y-websocket server), and `wss:` anywhere (signaling and y-websocket servers people run on the
 *   internet are theirs to choose and always TLS there). Anything else a user configures — a
 *   ComfyUI on another machine of the LAN, an OpenAI-compatible service not listed — is added at
 *   build time with FRAMELINE_CONNECT_SRC (README, "Security").
 */

/** Cloud AI services the provider catalog talks to (src/ai/providers), by origin. */
export const PROVIDER_ORIGINS: readonly string[] = [
  'https://api.openai.com',
  'https://api.anthropic.com',
  'https://generativelanguage.googleapis.com',
  'https://api.stability.ai',
  'https://api.elevenlabs.io',
  // fal.ai's queue, and the host its finished clips are served from (image to video).
  'https://queue.fal.run',
  'https://fal.media',
  'https://*.fal.media',
  // OpenAI-compatible services the settings name (src/ai/providers/catalog.ts).
  'https://openrouter.ai',
  'https://api.together.xyz',
  'https://api.together.ai',
  'https://api.groq.com',
  'https://api.mistral.ai',
];

/** This computer, any port: local AI servers and local sync servers. */
export const LOOPBACK_SOURCES: readonly string[] = [
  'http://127.0.0.1:*',
  'http://localhost:*',
  'https://127.0.0.1:*',
  'https://localhost:*',
  'ws://127.0.0.1:*',
  'ws://localhost:*',
];

/** Signaling and y-websocket servers on the internet: wherever the user runs them, over TLS. */
export const SECURE_WEBSOCKETS = 'wss:';

/** Workers that compile WebAssembly (ffmpeg.wasm): the only scripts allowed to. */
export const WASM_WORKERS: ReadonlySet<string> = new Set(['render.worker', 'ffmpeg.worker']);
export const WASM_WORKER_DIR = 'wasm-workers';
export const WORKER_DIR = 'workers';

/**
 * A source expression FRAMELINE_CONNECT_SRC may add: a scheme (`https:` is refused: that would be
 * every site), or `scheme://host[:port]` with an optional leading `*.` and `:*` port.
 */
const EXTRA_SOURCE = /^(?:wss?:|(?:https?|wss?):\/\/(?:\*\.)?[a-z0-9.-]+(?::(?:\d{1,5}|\*))?)$/i;

/** Parses FRAMELINE_CONNECT_SRC (space-separated sources); throws on anything else. */
export function parseExtraConnectSources(value: string | undefined): string[] {
  const sources = (value ?? '').split(/\s+/).filter(Boolean);
  const bad = sources.find((source) => !EXTRA_SOURCE.test(source));
  if (bad) {
    throw new Error(
      `FRAMELINE_CONNECT_SRC: “${bad}” is not an origin such as https://comfy.lan:8188 or ws://10.0.0.5:4444.`,
    );
  }
  return sources;
}

export function connectSources(extra: readonly string[] = []): string[] {
  return ["'self'", ...PROVIDER_ORIGINS, ...LOOPBACK_SOURCES, SECURE_WEBSOCKETS, ...extra];
}

export type PolicyTarget =
  /** index.html: the page. */
  | 'document'
  /** A worker that compiles ffmpeg.wasm. */
  | 'wasmWorker'
  /** Any other worker, and the service worker. */
  | 'worker';

export interface PolicyOptions {
  readonly target: PolicyTarget;
  /** Headers may say `frame-ancestors`; a `<meta>` may not (browsers ignore it and warn). */
  readonly header: boolean;
  readonly extraConnect?: readonly string[];
}

export function contentSecurityPolicy({
  target,
  header,
  extraConnect = [],
}: PolicyOptions): string {
  const base: [string, string][] = [
    ['default-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
  ];
  const directives: [string, string][] =
    target === 'document'
      ? [
          ...base,
          ['script-src', "'self'"],
          ['style-src', "'self'"],
          // Frames and takes are shown from blob: URLs; a few icons are data: URLs.
          ['img-src', "'self' blob: data:"],
          ['media-src', "'self' blob:"],
          ['font-src', "'self'"],
          ['connect-src', connectSources(extraConnect).join(' ')],
          ['worker-src', "'self'"],
          ['manifest-src', "'self'"],
          ['form-action', "'self'"],
          ['frame-src', "'none'"],
        ]
      : [
          // Workers and the service worker fetch only the app's own files (the ffmpeg core, the
          // precache); every call to a provider or server is made by the page.
          ...base,
          ['script-src', target === 'wasmWorker' ? "'self' 'wasm-unsafe-eval'" : "'self'"],
          ['connect-src', "'self'"],
        ];
  if (header) directives.push(['frame-ancestors', "'none'"]);
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/**
 * Which policy a served path gets as a header: built workers by their folder, workers the dev
 * server compiles (`/workers/render.worker.ts`) by their name.
 */
export function policyTargetFor(pathname: string): PolicyTarget {
  if (pathname.startsWith(`/${WASM_WORKER_DIR}/`)) return 'wasmWorker';
  const worker = /\/([\w-]+\.worker)\.ts$/.exec(pathname)?.[1];
  if (worker) return WASM_WORKERS.has(worker) ? 'wasmWorker' : 'worker';
  if (pathname.startsWith(`/${WORKER_DIR}/`) || pathname === '/sw.js') return 'worker';
  return 'document';
}

/** Headers every response gets, beside its policy. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * `_headers` for static hosts (Netlify, Cloudflare Pages): one rule per policy, on paths that do
 * not overlap (both hosts merge the headers of overlapping rules, and two policies in one header
 * are both enforced, so a broader rule would take WebAssembly away from the workers that need it).
 */
export function headersFile(extraConnect: readonly string[] = []): string {
  const common = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  const rule = (path: string, target: PolicyTarget | null) =>
    [
      path,
      ...(target
        ? [
            `  Content-Security-Policy: ${contentSecurityPolicy({ target, header: true, extraConnect })}`,
          ]
        : []),
      ...common,
    ].join('\n');
  return `${[
    '# Written by the build from src/pwa/contentSecurityPolicy.ts; edit that, not this.',
    rule('/', 'document'),
    rule('/index.html', 'document'),
    rule('/sw.js', 'worker'),
    rule(`/${WORKER_DIR}/*`, 'worker'),
    rule(`/${WASM_WORKER_DIR}/*`, 'wasmWorker'),
    rule('/assets/*', null),
  ].join('\n\n')}\n`;
}

/**
 * Whether the policy lets the page reach `url` (scheme, host and port against each source). For
 * settings that take an address: say so before a call fails with a bare network error.
 */
export function connectAllowed(
  url: string,
  appOrigin: string,
  extraConnect: readonly string[] = [],
): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const app = new URL(appOrigin);
  return connectSources(extraConnect).some((source) => {
    if (source === "'self'") {
      const sameScheme =
        target.protocol === app.protocol ||
        (app.protocol === 'https:' && target.protocol === 'wss:') ||
        (app.protocol === 'http:' && target.protocol === 'ws:');
      return sameScheme && target.host === app.host;
    }
    if (/^[a-z]+:$/i.test(source)) return target.protocol === source.toLowerCase();
    const match = /^([a-z]+:)\/\/(\*\.)?([^:/]+)(?::(\d+|\*))?$/i.exec(source);
    if (!match) return false;
    const [, scheme = '', wildcard, host = '', port] = match;
    if (target.protocol !== scheme.toLowerCase()) return false;
    const hostOk = wildcard
      ? target.hostname.endsWith(`.${host.toLowerCase()}`)
      : target.hostname === host.toLowerCase();
    const defaultPort = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443' }[
      target.protocol
    ];
    const actualPort = target.port || defaultPort;
    const portOk = port === '*' || (port ?? defaultPort) === actualPort;
    return hostOk && portOk;
  });
}

declare const __FRAMELINE_EXTRA_CONNECT__: readonly string[] | undefined;

/**
 * For a settings field: why this build's policy blocks the page from reaching `url`, or null when
 * it may (or the text is not an address yet). Names the way out: FRAMELINE_CONNECT_SRC.
 */
export function connectBlockedReason(url: string): string | null {
  const trimmed = url.trim();
  if (!/^(https?|wss?):\/\/./i.test(trimmed) || typeof location === 'undefined') return null;
  const extra =
    typeof __FRAMELINE_EXTRA_CONNECT__ === 'undefined' ? [] : __FRAMELINE_EXTRA_CONNECT__;
  if (!URL.canParse(trimmed) || connectAllowed(trimmed, location.origin, extra)) return null;
  const { origin, hostname } = new URL(trimmed);
  // A policy cannot name an IPv6 address (CSP's host grammar has no brackets; w3c/webappsec-csp
  // #440), so this computer as [::1] stays blocked whatever the deploy adds.
  if (hostname.startsWith('[')) {
    const loopback = hostname === '[::1]';
    return loopback
      ? 'Write this computer as 127.0.0.1 or localhost: a browser’s security policy cannot name an IPv6 address such as [::1].'
      : 'Use a host name or an IPv4 address: a browser’s security policy cannot name an IPv6 address.';
  }
  return `This copy of Frameline may not connect to ${origin}: its security policy allows the known AI services, this computer and wss:// servers. Whoever deploys it can add the address with FRAMELINE_CONNECT_SRC (see the README, “Security”).`;
}
