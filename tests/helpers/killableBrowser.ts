import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { findChromium } from '../tools/ensure-chromium.mjs';
import { CHROMIUM_ARGS } from './browser';

/**
 * A Chromium we start ourselves so a test can kill it like a crash or a power cut would: SIGKILL
 * to its whole process group, no shutdown code run. Playwright's persistent context offers no
 * handle on the process, so Chromium is spawned with a DevTools port and reached over CDP. The
 * profile lives in `userDataDir`, so starting again with the same directory finds what survived.
 */
export interface KillableBrowser {
  readonly browser: Browser;
  /** The profile's default context: its pages share IndexedDB and localStorage. */
  readonly context: BrowserContext;
  /** SIGKILL to Chromium and every process it started; resolves once the browser is gone. */
  kill(): Promise<void>;
}

const DEVTOOLS_LINE = /DevTools listening on (ws:\/\/\S+)/;

export async function launchKillable(userDataDir: string): Promise<KillableBrowser> {
  const executable = findChromium();
  if (!executable)
    throw new Error('Chromium not found: run `node tests/tools/ensure-chromium.mjs`');
  const child = spawn(
    executable,
    [
      ...CHROMIUM_ARGS,
      '--headless',
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-port=0',
      'about:blank',
    ],
    // Its own process group, so one signal reaches the browser, its renderers and its zygote.
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await devtoolsEndpoint(child);
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium started without its default context');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    browser,
    context,
    kill: async () => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      await exited;
    },
  };
}

function devtoolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = DEVTOOLS_LINE.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${output}`)));
    child.once('error', reject);
  });
}
