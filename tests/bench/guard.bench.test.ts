import { test } from 'vitest';
import * as Y from 'yjs';
import { screenStoredLog } from '../../src/store/storedLog';
import { checkUpdate } from '../../src/store/updateGuard';
import { bigProject } from '../helpers/bigProject';
import { manyMapsUpdate, nestedMapsUpdate } from '../helpers/hostileUpdates';

/**
 * `npm run bench:guard`: what the update guard costs. The hostile updates of issue 10 (100,000
 * nested maps; 100,001 maps side by side), a 5,000-shot project's whole state (three takes a
 * shot) checked as a peer's update and screened as a stored log on open, and Yjs applying that
 * state, for scale. Median of 5 runs after one warm-up. Last line:
 * `guard deep_100k_ms=… wide_100k_ms=… state_5000_ms=… open_screen_5000_ms=… yjs_apply_5000_ms=…`
 */
function median(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2]!;
}

test('update guard costs', () => {
  const deep = nestedMapsUpdate({ depth: 100_000 });
  const wide = manyMapsUpdate(100_001);
  const state = Y.encodeStateAsUpdate(bigProject(5_000, 3));
  const figures = {
    deep_100k_ms: median(() => checkUpdate(deep)),
    wide_100k_ms: median(() => checkUpdate(wide)),
    state_5000_ms: median(() => checkUpdate(state)),
    open_screen_5000_ms: median(() => screenStoredLog([state])),
    yjs_apply_5000_ms: median(() => Y.applyUpdate(new Y.Doc(), state)),
  };
  console.log(
    `sizes: deep ${deep.byteLength} B, wide ${wide.byteLength} B, 5,000-shot state ${state.byteLength} B`,
  );
  console.log(
    `guard ${Object.entries(figures)
      .map(([name, ms]) => `${name}=${ms.toFixed(1)}`)
      .join(' ')}`,
  );
});
