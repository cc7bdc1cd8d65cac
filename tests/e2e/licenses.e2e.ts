import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';

/**
 * The production build in dist/ ships a notice for every third-party package it holds code from
 * (as its source maps tell), serves it at /licenses.txt and keeps it for offline use.
 */
const DIST = 'dist';

function sourceMaps(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceMaps(path);
    return entry.name.endsWith('.map') ? [path] : [];
  });
}

/** `node_modules/@scope/name/…` and `node_modules/name/…` → the package name. */
function packagesInBuild(): string[] {
  const names = new Set<string>();
  for (const map of sourceMaps()) {
    const { sources } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
    for (const source of sources) {
      const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
      if (match) names.add(match[1]!);
    }
  }
  return [...names].sort();
}

describe('third-party licences in the production build', () => {
  const notice = readFileSync(join(DIST, 'licenses.txt'), 'utf8');

  test('every package the build holds code from has its section in the notice', () => {
    const inBuild = packagesInBuild();
    console.log(`packages in the build: ${inBuild.length}`);
    expect(inBuild).toContain('react');
    expect(inBuild).toContain('workbox-precaching');
    const missing = inBuild.filter(
      (name) => !new RegExp(`\\n${escape(name)} [^\\n]+\\nLicense: `).test(notice),
    );
    expect(missing, 'missing from public/licenses.txt: run `npm run notices`').toEqual([]);
  });

  test('the app serves the notice, and the service worker keeps it for offline use', async () => {
    const response = await fetch(new URL('licenses.txt', inject('baseUrl')));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(notice);
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    expect(sw).toMatch(/\{url:"licenses\.txt",revision:/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
