#!/usr/bin/env node
// `npm run notices`: writes public/licenses.txt, the notice of the third-party software the build
// ships (served with the app at /licenses.txt, linked from the README and the Storage panel).
// What ships: the production dependencies in package.json and everything they depend on, plus the
// Workbox runtime vite-plugin-pwa builds into the service worker; each package's licence from its
// package.json, its text from the package's own LICENSE/NOTICE files. Run it after changing
// dependencies: tests/unit/notices.test.ts fails while the file is out of date, and
// tests/e2e/licenses.e2e.ts fails if the production build holds a package the notice misses.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const NOTICE_FILE = 'public/licenses.txt';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FALLBACK_TEXTS = join(ROOT, 'scripts', 'licenses');

/** The packages whose code vite-plugin-pwa's service worker may inline: workbox-build's runtime. */
function serviceWorkerRuntime(root) {
  const build = readPackage(
    resolvePackage('workbox-build', join(root, 'node_modules', 'vite-plugin-pwa')),
  );
  return Object.keys(build.dependencies ?? {}).filter((name) => name.startsWith('workbox-'));
}

function readPackage(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

/** Node's lookup: node_modules/<name> here, then in every folder above. Null when absent. */
function resolvePackage(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/** Type declarations only (`@types/*`, `@ffmpeg/types`): nothing of it reaches the build. */
function shipsNoCode(dir) {
  const walk = (folder) =>
    readdirSync(folder).some((entry) => {
      if (entry === 'node_modules') return false;
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) return walk(path);
      return /\.(?:m?js|cjs|wasm)$/.test(entry);
    });
  return !walk(dir);
}

/**
 * Every package the build may take code from, sorted by name then version. Dependencies are
 * followed, optional dependencies are not: the ones here are for Node (pdf.js's canvas and
 * streams, y-webrtc's `ws`) and never reach the browser.
 */
export function shippedPackages(root = ROOT) {
  const rootPackage = readPackage(root);
  const found = new Map();
  const visit = (name, fromDir, requiredBy) => {
    const dir = resolvePackage(name, fromDir);
    if (!dir) throw new Error(`${name} (needed by ${requiredBy}) is not installed: run npm ci`);
    if (found.has(dir)) return;
    const pkg = readPackage(dir);
    found.set(dir, pkg);
    for (const dependency of Object.keys(pkg.dependencies ?? {})) visit(dependency, dir, pkg.name);
  };
  for (const name of Object.keys(rootPackage.dependencies ?? {})) visit(name, root, 'package.json');
  for (const name of serviceWorkerRuntime(root)) visit(name, root, 'the service worker');
  return [...found]
    .filter(([dir]) => !shipsNoCode(dir))
    .map(([dir, pkg]) => ({
      name: pkg.name,
      version: pkg.version,
      license: licenseOf(pkg),
      author: authorOf(pkg),
      repository: repositoryOf(pkg),
      dir,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

function licenseOf(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license?.type) return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((entry) => entry.type).join(' OR ');
  return 'UNKNOWN';
}

function authorOf(pkg) {
  const author = typeof pkg.author === 'string' ? pkg.author : pkg.author?.name;
  return author ? author.replace(/\s*[<(].*$/, '') : null;
}

function repositoryOf(pkg) {
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (!url) return pkg.homepage ?? null;
  return url
    .replace(/^git\+/, '')
    .replace(/^git:\/\//, 'https://')
    .replace(/^github:/, 'https://github.com/')
    .replace(/^([\w-]+\/[\w.-]+)$/, 'https://github.com/$1')
    .replace(/\.git$/, '');
}

/** The package's own licence and notice files, or the standard text of its licence. */
function licenseTexts(pkg) {
  const files = readdirSync(pkg.dir)
    // `LICENSE_FONT`: font packages keep the fonts' own licence (OFL) beside the code's.
    .filter((entry) => /^(?:licen[cs]e|copying|notice)(?:[._-].*)?$/i.test(entry))
    .sort();
  if (files.length > 0) {
    return files.map((file) => tidy(readFileSync(join(pkg.dir, file), 'utf8'))).join('\n\n');
  }
  const standard = { MIT: 'MIT.txt', 'GPL-2.0-or-later': 'GPL-2.0.txt', 'GPL-2.0': 'GPL-2.0.txt' };
  const file = standard[pkg.license];
  if (!file) {
    throw new Error(
      `${pkg.name} ${pkg.version} ships no licence file and its licence (${pkg.license}) has no ` +
        `standard text in scripts/licenses/: add one`,
    );
  }
  const text = tidy(
    readFileSync(join(FALLBACK_TEXTS, file), 'utf8').replace(
      '{{copyright}}',
      pkg.author ?? `the ${pkg.name} authors`,
    ),
  );
  return `(The package has no licence file; this is the standard text of ${pkg.license}.)\n\n${text}`;
}

/** Blank lines around a text go, its indentation stays (the GPL's title is centred). */
function tidy(text) {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
}

const RULE = '='.repeat(78);
/** Licences that ask for the source of what ships to be available: say where it is. */
const COPYLEFT = /GPL|MPL|EPL|CDDL/;

export function renderNotices(packages = shippedPackages()) {
  const head = [
    'Frameline: third-party software notices',
    '',
    'Frameline is released under the MIT licence (LICENSE in its repository). The app you are',
    'running also contains the software listed below, each under its own licence, reproduced',
    'here. This file is generated by `npm run notices` from the packages themselves.',
    '',
    ...packages.map((pkg) => `  ${pkg.name} ${pkg.version}: ${pkg.license}`),
  ];
  const sections = packages.map((pkg) =>
    [
      RULE,
      `${pkg.name} ${pkg.version}`,
      `License: ${pkg.license}`,
      ...(pkg.repository ? [`Source: ${pkg.repository}`] : []),
      ...(COPYLEFT.test(pkg.license)
        ? [`Corresponding source: the repository above, and ${pkg.name}@${pkg.version} on npm`]
        : []),
      RULE,
      '',
      licenseTexts(pkg),
    ].join('\n'),
  );
  return `${[head.join('\n'), ...sections].join('\n\n')}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const packages = shippedPackages();
  writeFileSync(join(ROOT, NOTICE_FILE), renderNotices(packages));
  console.log(`${relative(process.cwd(), join(ROOT, NOTICE_FILE))}: ${packages.length} packages`);
}
