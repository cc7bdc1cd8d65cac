#!/usr/bin/env node
// Makes sure a Chromium for the end-to-end tests is on this machine. Order: $CHROMIUM_PATH, the
// usual system locations, then Debian's package via apt-get when we are root. Never downloads a
// browser build of its own (that fails on machines with only package registries).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

function tryAptInstall() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) return false;
  try {
    console.log("Chromium not found: installing Debian's chromium with apt-get …");
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return true;
  } catch {
    return false;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let path = findChromium();
  if (!path && tryAptInstall()) path = findChromium();
  if (!path) {
    console.error(
      [
        'The end-to-end tests need Chromium and none was found.',
        'Install it with:  sudo apt-get install chromium   (Debian/Ubuntu)',
        'or point CHROMIUM_PATH at a Chromium/Chrome binary.',
      ].join('\n'),
    );
    process.exit(1);
  }
  console.log(`Chromium: ${path}`);
}
