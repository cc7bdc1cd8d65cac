import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchChromium, trackPageErrors } from '../helpers/browser';

/**
 * The Content-Security-Policy ships with the app (issue 10): in index.html as a `<meta>`, and as
 * headers from the server (here `vite preview`), and it holds: an injected inline script, an
 * inline event handler and `eval` do not run, the app cannot be framed by another site, and only
 * the ffmpeg.wasm workers may compile WebAssembly. The app's own work under it (workers, the
 * service worker, ffmpeg.wasm, pdf.js, blob: images and media) is covered by the render, pwa, ai,
 * collab and scriptFormats suites, which run against the same build.
 */

let browser: Browser;
let page: Page;
let errors: string[];
let base: string;
let other: { server: Server; url: string };

beforeAll(async () => {
  base = inject('baseUrl');
  browser = await launchChromium();
  page = await browser.newPage();
  errors = trackPageErrors(page);
  await page.goto(base);
  await page.getByRole('button', { name: 'Paste script' }).waitFor();
  // Another site, on another loopback port, that tries to frame the app.
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(`<!doctype html><iframe src="${base}" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  other = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => other?.server.close(resolve));
});

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values.join(' ')]),
  );
}

test('index.html carries the policy as its first element, and the server sends it too', async () => {
  const first = await page.evaluate(() => {
    const element = document.head.firstElementChild;
    return element?.getAttribute('http-equiv') === 'Content-Security-Policy'
      ? element.getAttribute('content')
      : null;
  });
  expect(first).not.toBeNull();
  const meta = directives(first!);
  expect(meta.get('script-src')).toBe("'self'");
  expect(meta.get('object-src')).toBe("'none'");
  expect(meta.get('base-uri')).toBe("'none'");
  expect(meta.get('style-src')).toBe("'self'");
  expect(first).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval/);
  expect(meta.get('connect-src')).toContain('https://api.openai.com');
  expect(meta.get('connect-src')).toContain('http://127.0.0.1:*');
  expect(meta.has('frame-ancestors')).toBe(false); // ignored in a <meta>: headers only

  const response = await page.request.get(base);
  const header = directives(response.headers()['content-security-policy'] ?? '');
  expect(header.get('frame-ancestors')).toBe("'none'");
  expect(header.get('script-src')).toBe("'self'");
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
});

test('an injected inline script, inline handler and eval do not run', async () => {
  const violations = await page.evaluate(async () => {
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(event.effectiveDirective),
    );
    const script = document.createElement('script');
    script.textContent = "localStorage.setItem('frameline-injected', 'script')";
    document.body.append(script);
    // The handler's violation comes when the picture's error event is dispatched, a task that
    // can come after a timer's: wait for the violation itself (or 5 s) instead of racing it.
    const handlerRefused = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 5_000);
      document.addEventListener('securitypolicyviolation', (event) => {
        if (event.effectiveDirective !== 'script-src-attr') return;
        clearTimeout(timer);
        resolve();
      });
    });
    document.body.insertAdjacentHTML(
      'beforeend',
      `<img src="data:," onerror="localStorage.setItem('frameline-injected', 'handler')">`,
    );
    await handlerRefused;
    // eval from a task of the page's own (code evaluated by the test itself is exempt).
    const evaluated = await new Promise<string>((resolve) =>
      setTimeout(() => {
        try {
          resolve(String(eval('"ran"')));
        } catch {
          resolve('blocked');
        }
      }),
    );
    return { seen, evaluated, mark: localStorage.getItem('frameline-injected') };
  });
  expect(violations.mark).toBeNull();
  expect(violations.evaluated).toBe('blocked');
  expect(violations.seen).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
});

test('another site cannot frame the app', async () => {
  const framer = await browser.newPage();
  const refusals: string[] = [];
  framer.on('console', (message) => {
    if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
  });
  await framer.goto(other.url);
  await expect.poll(() => refusals.length).toBeGreaterThan(0);
  const framed = framer.frames().find((frame) => frame !== framer.mainFrame());
  expect(
    await framed
      ?.locator('#root')
      .count()
      .catch(() => 0),
  ).toBe(0);
  await framer.close();
});

test('only the ffmpeg.wasm workers may compile WebAssembly', async () => {
  // The build's workers, as the service worker's precache manifest lists them.
  const sw = await (await page.request.get(new URL('sw.js', base).href)).text();
  const workers = [...sw.matchAll(/url:\s*"((?:wasm-)?workers\/[^"]+\.js)"/g)].map(
    (match) => new URL(match[1]!, base).href,
  );
  const names = workers.map((url) => url.replace(/-[\w-]+\.js$/, ''));
  // Exactly the two ffmpeg.wasm workers get WebAssembly; every other worker (sketch, screenplay,
  // whatever is added later) is built into workers/ and gets the plain policy.
  expect(names.filter((name) => name.startsWith(`${base}wasm-workers/`)).sort()).toEqual([
    `${base}wasm-workers/ffmpeg.worker`,
    `${base}wasm-workers/render.worker`,
  ]);
  expect(names.filter((name) => !name.startsWith(`${base}wasm-workers/`)).sort()).toEqual(
    expect.arrayContaining([`${base}workers/screenplay.worker`, `${base}workers/sketch.worker`]),
  );
  expect(names.every((name) => /\/(wasm-)?workers\/[\w.-]+$/.test(name))).toBe(true);
  for (const url of workers) {
    const policy = (await page.request.get(url)).headers()['content-security-policy'] ?? '';
    expect(directives(policy).get('script-src'), url).toBe(
      url.includes('/wasm-workers/') ? "'self' 'wasm-unsafe-eval'" : "'self'",
    );
  }
  const pagePolicy = (await page.request.get(base)).headers()['content-security-policy'] ?? '';
  expect(pagePolicy).not.toContain('wasm-unsafe-eval');
  expect(errors).toEqual([]);
});

test('an invite naming a signaling server the policy blocks says so, not only that it does not answer', async () => {
  // 127.0.0.2 is this computer too (so nothing leaves it), but not an address the policy names.
  const context = await browser.newContext();
  const guest = await context.newPage();
  const guestErrors = trackPageErrors(guest);
  const signal = encodeURIComponent('ws://127.0.0.2:4444');
  await guest.goto(`${base}#/join/${'r'.repeat(22)}/${'s'.repeat(43)}?signal=${signal}`);
  await guest.getByRole('button', { name: 'Join project' }).click();
  await guest
    .getByRole('status')
    .filter({ hasText: 'This copy of Frameline may not connect to ws://127.0.0.2:4444' })
    .first()
    .waitFor();
  expect(await guest.getByText('does not answer yet').count()).toBe(0);
  mkdirSync('tests/.artifacts/csp', { recursive: true });
  await guest.screenshot({
    path: 'tests/.artifacts/csp/invite-blocked.png',
    animations: 'disabled',
  });
  await context.close();
  expect(guestErrors).toEqual([]);
});
