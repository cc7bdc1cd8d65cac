import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Collects garbage twice with a turn of the event loop between, so FinalizationRegistry callbacks
 * (Comlink's proxy release, for one) have run when it resolves. For tests that prove something
 * stays reachable while it is still needed.
 */
export async function collectGarbage(): Promise<void> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 10));
  gc();
  await new Promise((resolve) => setTimeout(resolve, 10));
}
