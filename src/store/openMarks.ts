/**
 * Marks on the page's performance timeline at each step of opening a project, so a benchmark
 * (tests/bench/scale.bench.test.ts) or the browser's own profiler can say where an open's time
 * went without instrumenting a build. A mark costs microseconds and is kept only by the page.
 */
export type OpenStep = 'start' | 'rows-read' | 'screened' | 'applied' | 'snapshot' | 'ready';

export const OPEN_MARK_PREFIX = 'frameline:open:';

export function markOpen(step: OpenStep): void {
  performance.mark(`${OPEN_MARK_PREFIX}${step}`);
}
