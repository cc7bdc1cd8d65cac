import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { NOTICE_FILE, renderNotices, shippedPackages } from '../../scripts/notices.mjs';
import packageJson from '../../package.json' with { type: 'json' };

/**
 * The notice of third-party licences (public/licenses.txt, written by `npm run notices`) covers
 * every package the build ships. The production build's own check is tests/e2e/licenses.e2e.ts.
 */
const notice = readFileSync(new URL(`../../${NOTICE_FILE}`, import.meta.url), 'utf8');
const shipped = shippedPackages();

describe('the third-party notice', () => {
  test('names every shipped package with its version and licence, and reproduces a licence text', () => {
    const missing = shipped.filter(
      (pkg) => !notice.includes(`\n${pkg.name} ${pkg.version}\nLicense: ${pkg.license}\n`),
    );
    expect(
      missing.map((pkg) => `${pkg.name} ${pkg.version}`),
      'missing from the notice: run `npm run notices`',
    ).toEqual([]);
    const sections = notice.split(/\n={78}\n[^\n]+\n(?:[^\n]+\n)*?={78}\n/).slice(1);
    expect(sections).toHaveLength(shipped.length);
    for (const section of sections) expect(section.trim().length).toBeGreaterThan(200);
  });

  test('is what `npm run notices` writes from the installed packages today', () => {
    // Not a text diff on failure (140 KB): the first test says which package is missing.
    expect(notice === renderNotices(shipped), 'out of date: run `npm run notices`').toBe(true);
  });

  test('counts as shipped every production dependency, what they depend on, and the service worker runtime', () => {
    const names = new Set(shipped.map((pkg) => pkg.name));
    for (const dependency of Object.keys(packageJson.dependencies)) {
      expect(names, dependency).toContain(dependency);
    }
    // yjs → lib0, react-dom → scheduler, y-webrtc → simple-peer, and the Workbox service worker.
    for (const indirect of ['lib0', 'scheduler', 'simple-peer', 'workbox-precaching']) {
      expect(names, indirect).toContain(indirect);
    }
    // Type declarations and Node-only extras do not ship.
    expect([...names].filter((name) => name.startsWith('@types/'))).toEqual([]);
    expect(names).not.toContain('ws');
    expect(names).not.toContain('@napi-rs/canvas');
  });
});
