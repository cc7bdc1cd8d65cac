import { describe, expect, test, vi } from 'vitest';
import { PROVIDER_CATALOG } from '../ai/providers/catalog';
import {
  connectAllowed,
  connectBlockedReason,
  contentSecurityPolicy,
  headersFile,
  parseExtraConnectSources,
  policyTargetFor,
} from './contentSecurityPolicy';

const APP = 'https://frameline.example';

describe('the Content-Security-Policy', () => {
  test('the page: no inline script, no eval, no WebAssembly, no plugins, no <base>', () => {
    const policy = contentSecurityPolicy({ target: 'document', header: false });
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    // A <meta> may not say frame-ancestors (browsers ignore it there); a header does.
    expect(policy).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy({ target: 'document', header: true })).toContain(
      "frame-ancestors 'none'",
    );
  });

  test('WebAssembly only for the ffmpeg.wasm workers, built or served by the dev server', () => {
    expect(policyTargetFor('/wasm-workers/render.worker-abc.js')).toBe('wasmWorker');
    expect(policyTargetFor('/workers/render.worker.ts')).toBe('wasmWorker');
    expect(policyTargetFor('/workers/ffmpeg.worker.ts')).toBe('wasmWorker');
    expect(policyTargetFor('/workers/sketch.worker-abc.js')).toBe('worker');
    expect(policyTargetFor('/sw.js')).toBe('worker');
    expect(policyTargetFor('/')).toBe('document');
    const wasm = contentSecurityPolicy({ target: 'wasmWorker', header: true });
    expect(wasm).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(contentSecurityPolicy({ target: 'worker', header: true })).not.toContain('wasm');
  });

  test('every provider the settings offer is reachable at its default address', () => {
    for (const provider of PROVIDER_CATALOG) {
      expect(connectAllowed(provider.defaultBaseUrl, APP), provider.kind).toBe(true);
    }
  });

  test('this computer on any port, wss:// anywhere; other hosts only when the deploy adds them', () => {
    expect(connectAllowed('http://127.0.0.1:8188/prompt', APP)).toBe(true);
    expect(connectAllowed('ws://localhost:4444', APP)).toBe(true);
    expect(connectAllowed('wss://signal.example.org', APP)).toBe(true);
    expect(connectAllowed(`${APP}/assets/x.wasm`, APP)).toBe(true);
    expect(connectAllowed('http://192.168.1.20:8188', APP)).toBe(false);
    expect(connectAllowed('https://evil.example', APP)).toBe(false);
    expect(connectAllowed('ws://10.0.0.5:4444', APP)).toBe(false);
    const extra = parseExtraConnectSources('http://192.168.1.20:8188 https://*.corp.example');
    expect(connectAllowed('http://192.168.1.20:8188/x', APP, extra)).toBe(true);
    expect(connectAllowed('http://192.168.1.20:9000/x', APP, extra)).toBe(false);
    expect(connectAllowed('https://ai.corp.example/v1', APP, extra)).toBe(true);
  });

  test('an IPv6 address is named as the problem, with the way round it', () => {
    vi.stubGlobal('location', new URL(APP));
    try {
      expect(connectAllowed('http://[::1]:11434', APP)).toBe(false);
      expect(connectBlockedReason('http://[::1]:11434/api')).toMatch(/127\.0\.0\.1 or localhost/);
      expect(connectBlockedReason('http://[fd00::5]:8188')).toMatch(/IPv6/);
      expect(connectBlockedReason('http://10.0.0.5:8188')).toMatch(/FRAMELINE_CONNECT_SRC/);
      expect(connectBlockedReason('http://localhost:11434')).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  test('FRAMELINE_CONNECT_SRC takes origins only: no keywords, no every-site schemes', () => {
    expect(parseExtraConnectSources(undefined)).toEqual([]);
    for (const bad of ["'unsafe-inline'", 'https:', '*', 'http://a.b; script-src *', 'data:']) {
      expect(() => parseExtraConnectSources(bad), bad).toThrow(/FRAMELINE_CONNECT_SRC/);
    }
  });

  test('_headers gives each policy its own paths, so no rule overlaps another', () => {
    const file = headersFile();
    const paths = file
      .split('\n')
      .filter((line) => line.startsWith('/'))
      .map((line) => line.trim());
    expect(paths).toEqual([
      '/',
      '/index.html',
      '/sw.js',
      '/workers/*',
      '/wasm-workers/*',
      '/assets/*',
    ]);
    const wasmRule = file.slice(file.indexOf('/wasm-workers/*'));
    expect(wasmRule.split('\n')[1]).toContain("'wasm-unsafe-eval'");
    expect(file.match(/wasm-unsafe-eval/g)).toHaveLength(1);
  });
});
