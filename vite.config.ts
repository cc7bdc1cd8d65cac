import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin } from 'vite';
import { VitePWA, type ManifestOptions } from 'vite-plugin-pwa';
import packageJson from './package.json' with { type: 'json' };
import {
  contentSecurityPolicy,
  headersFile,
  parseExtraConnectSources,
  policyTargetFor,
  SECURITY_HEADERS,
  WASM_WORKER_DIR,
  WASM_WORKERS,
  WORKER_DIR,
} from './src/pwa/contentSecurityPolicy.ts';
import {
  OCR_ASSET_PATTERN,
  ocrAssetFiles,
  ocrAssetPaths,
  type OcrVersions,
} from './src/script/pdf/ocrAssets.ts';

/**
 * Which build this is, shown in the Storage panel and in `<meta name="frameline-build">`. Deploys
 * (and the update test, which builds twice) set FRAMELINE_BUILD_ID; otherwise the commit.
 */
function buildId(): string {
  if (process.env.FRAMELINE_BUILD_ID) return process.env.FRAMELINE_BUILD_ID;
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
    return `${packageJson.version}+${commit.trim()}`;
  } catch {
    return packageJson.version;
  }
}
const BUILD_ID = buildId();

/** The ffmpeg.wasm core (~32 MB): cached on first use or on "Make available offline", never precached. */
const FFMPEG_CORE_PATTERN = /\/assets\/ffmpeg-core-[\w-]+\.(?:js|wasm)$/;
/** Same name as src/pwa/ffmpegCache.ts uses for "Make available offline". */
const FFMPEG_CACHE_NAME = 'frameline-ffmpeg';
/**
 * The core's sizes, for the download's progress bar: servers that compress send no
 * Content-Length, and the bar should still know how far it has to go.
 */
const FFMPEG_CORE_BYTES = {
  js: statSync(fileURLToPath(import.meta.resolve('@ffmpeg/core'))).size,
  wasm: statSync(fileURLToPath(import.meta.resolve('@ffmpeg/core/wasm'))).size,
};

const require = createRequire(import.meta.url);
const versionOf = (name: string): string =>
  (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string })
    .version;
const OCR_VERSIONS: OcrVersions = {
  tesseract: versionOf('tesseract.js'),
  core: versionOf('tesseract.js-core'),
  eng: versionOf('@tesseract.js-data/eng'),
};

/**
 * The OCR engine's files (src/script/pdf/ocrAssets.ts), copied from node_modules under names of
 * their own: written into the build, and served by the dev server from the same paths.
 */
function ocrAssets(): Plugin {
  const files = ocrAssetFiles(OCR_VERSIONS);
  return {
    name: 'frameline-ocr-assets',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const source = files.get(new URL(request.url ?? '/', 'http://x').pathname);
        if (!source) return next();
        const type = source.endsWith('.wasm')
          ? 'application/wasm'
          : source.endsWith('.js')
            ? 'text/javascript'
            : 'application/octet-stream';
        response.setHeader('Content-Type', type);
        response.end(readFileSync(require.resolve(source)));
      });
    },
    generateBundle() {
      for (const [path, source] of files) {
        this.emitFile({
          type: 'asset',
          fileName: path.slice(1),
          source: readFileSync(require.resolve(source)),
        });
      }
    },
  };
}

const FILE_TYPES = {
  'text/plain': ['.fountain', '.spmd'],
  'application/xml': ['.fdx'],
  'application/vnd.frameline.bundle+zip': ['.frameline'],
};

const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Frameline',
  short_name: 'Frameline',
  description: 'Storyboards and animatics from your screenplay, in your browser.',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  background_color: '#f6f3ee',
  theme_color: '#fffdf9',
  categories: ['productivity', 'photo', 'entertainment'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
    { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
  ],
  screenshots: [
    {
      src: '/screenshots/boards.png',
      sizes: '1440x900',
      type: 'image/png',
      form_factor: 'wide',
      label: 'Boards for every shot of an imported screenplay',
    },
    {
      src: '/screenshots/boards-narrow.png',
      sizes: '412x915',
      type: 'image/png',
      form_factor: 'narrow',
      label: 'A project on a phone',
    },
  ],
  shortcuts: [
    { name: 'New project', url: '/?action=new-project', icons: [icon192()] },
    { name: 'All projects', url: '/#/', icons: [icon192()] },
  ],
  // Opening a file from the OS: src/pwa/launchQueue.ts reads it from `launchQueue`.
  file_handlers: [{ action: '/?action=open-files', accept: FILE_TYPES }],
  launch_handler: { client_mode: ['focus-existing', 'auto'] },
  // Sharing a file or text to the app: public/sw-share-target.js keeps it for the page.
  share_target: {
    action: '/share-target',
    method: 'POST',
    enctype: 'multipart/form-data',
    params: {
      title: 'title',
      text: 'text',
      files: [{ name: 'files', accept: [...Object.values(FILE_TYPES).flat(), 'text/plain'] }],
    },
  },
};

function icon192() {
  return { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' };
}

/** Head tags the manifest does not cover: the build id, light/dark title bars, iOS icon. */
function headTags(): Plugin {
  return {
    name: 'frameline-head-tags',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { name: 'frameline-build', content: BUILD_ID }, injectTo: 'head' },
      {
        tag: 'meta',
        attrs: {
          name: 'theme-color',
          content: '#fffdf9',
          media: '(prefers-color-scheme: light)',
        },
        injectTo: 'head',
      },
      {
        tag: 'meta',
        attrs: { name: 'theme-color', content: '#1f2228', media: '(prefers-color-scheme: dark)' },
        injectTo: 'head',
      },
      {
        tag: 'link',
        attrs: { rel: 'apple-touch-icon', href: '/icons/apple-touch-icon.png' },
        injectTo: 'head',
      },
    ],
  };
}

/** Origins a deploy adds to connect-src (README, "Security"): space-separated. */
const EXTRA_CONNECT = parseExtraConnectSources(process.env.FRAMELINE_CONNECT_SRC);
/**
 * The dev server's page has inline scripts of Vite's own (React Refresh): they carry this nonce,
 * new every start, and the dev policy allows it. Built pages have no inline script and no nonce.
 */
const DEV_NONCE = randomBytes(18).toString('base64url');

/**
 * The Content-Security-Policy (src/pwa/contentSecurityPolicy.ts): a `<meta>` first in the built
 * index.html, `dist/_headers` for static hosts, and the same headers from `vite preview` and the
 * dev server (which alone can say `frame-ancestors` and reach workers).
 */
function contentSecurity(dev: boolean): Plugin {
  const policyFor = (pathname: string) => {
    const policy = contentSecurityPolicy({
      target: policyTargetFor(pathname),
      header: true,
      extraConnect: EXTRA_CONNECT,
    });
    return dev
      ? policy
          .replace("script-src 'self'", `script-src 'self' 'nonce-${DEV_NONCE}'`)
          .replace("style-src 'self'", `style-src 'self' 'nonce-${DEV_NONCE}'`)
      : policy;
  };
  const sendHeaders: Connect.NextHandleFunction = (request, response, next) => {
    const pathname = new URL(request.url ?? '/', 'http://x').pathname;
    response.setHeader('Content-Security-Policy', policyFor(pathname));
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    next();
  };
  return {
    name: 'frameline-content-security',
    transformIndexHtml: {
      order: 'pre',
      handler: () =>
        dev
          ? []
          : [
              {
                tag: 'meta',
                attrs: {
                  'http-equiv': 'Content-Security-Policy',
                  content: contentSecurityPolicy({
                    target: 'document',
                    header: false,
                    extraConnect: EXTRA_CONNECT,
                  }),
                },
                injectTo: 'head-prepend',
              },
            ],
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(EXTRA_CONNECT) });
    },
    configureServer: (server) => void server.middlewares.use(sendHeaders),
    configurePreviewServer: (server) => void server.middlewares.use(sendHeaders),
  };
}

export default defineConfig(({ command, isPreview }) => ({
  plugins: [
    react(),
    headTags(),
    ocrAssets(),
    // The dev server alone; `vite preview` serves the build, whose page has no inline script.
    contentSecurity(command === 'serve' && !isPreview),
    VitePWA({
      // An editor must never reload on its own (PITFALLS.md, vite-plugin-pwa#433): the app asks,
      // flushes, then activates the new worker (src/pwa/serviceWorker.ts registers it).
      registerType: 'prompt',
      injectRegister: false,
      // The glob below already takes the icons; listing them twice only duplicates entries.
      includeManifestIcons: false,
      manifest,
      workbox: {
        // Everything needed to edit, sketch and render with WebCodecs, workers included.
        // licenses.txt: the third-party notice (npm run notices), readable offline too.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2,wasm,txt}'],
        // The OCR engine (about 6 MB) is cached on the first scanned PDF instead.
        globIgnores: [
          '**/ffmpeg-core-*',
          'screenshots/**',
          'ocr/**',
          'wasm-workers/tesseract-*/**',
        ],
        // Anything else this big is a mistake worth failing the build for.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: '/index.html',
        // The first install takes over the open page so it works offline without a reload;
        // updates still wait for the user (no skipWaiting).
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        importScripts: ['/sw-share-target.js'],
        runtimeCaching: [
          {
            urlPattern: FFMPEG_CORE_PATTERN,
            handler: 'CacheFirst',
            options: { cacheName: FFMPEG_CACHE_NAME, cacheableResponse: { statuses: [200] } },
          },
          {
            // The OCR engine and its English model: kept once a scanned PDF was read, so the
            // next one reads offline. Versioned folders: never stale.
            urlPattern: OCR_ASSET_PATTERN,
            handler: 'CacheFirst',
            options: { cacheName: 'frameline-ocr', cacheableResponse: { statuses: [200] } },
          },
          {
            // The PDF boards' fonts (0.6 to 6 MB each, too big to precache): kept once fetched,
            // so a PDF can be exported offline after the first one. Hashed names: never stale.
            urlPattern: /\/assets\/NotoSans\w*-[\w-]+\.ttf$/,
            handler: 'CacheFirst',
            options: { cacheName: 'frameline-fonts', cacheableResponse: { statuses: [200] } },
          },
        ],
      },
    }),
  ],
  define: {
    __FRAMELINE_BUILD_ID__: JSON.stringify(BUILD_ID),
    __FFMPEG_CORE_BYTES__: JSON.stringify(FFMPEG_CORE_BYTES),
    __FRAMELINE_EXTRA_CONNECT__: JSON.stringify(EXTRA_CONNECT),
    __OCR_ASSETS__: JSON.stringify(ocrAssetPaths(OCR_VERSIONS)),
  },
  ...(command === 'serve' && !isPreview ? { html: { cspNonce: DEV_NONCE } } : {}),
  worker: {
    format: 'es' as const,
    // Workers in folders of their own, so a static host's `_headers` can give the two that run
    // ffmpeg.wasm their WebAssembly permission by path, and no other script gets it.
    rolldownOptions: {
      output: {
        entryFileNames: (chunk: { name: string }) =>
          `${WASM_WORKERS.has(chunk.name) ? WASM_WORKER_DIR : WORKER_DIR}/[name]-[hash].js`,
      },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
}));
