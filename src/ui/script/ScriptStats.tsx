import { useEffect, useState } from 'react';
import { parseFountain } from '../../script/fountain/read';
import { scriptStats, type ScriptStats as Stats } from '../../script/stats';

/** Typing does not wait for the estimate: it follows once the text rests this long. */
const ESTIMATE_DELAY_MS = 250;

function estimate(text: string): Stats {
  return scriptStats(parseFountain(text));
}

/** Pages and screen time as the import would estimate them (src/script/stats.ts). */
export function ScriptStats({ text }: { readonly text: string }) {
  const [stats, setStats] = useState<Stats>(() => estimate(text));
  useEffect(() => {
    const timer = setTimeout(() => setStats(estimate(text)), ESTIMATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const pages = stats.estimatedPages;
  return (
    <p className="script-stats muted small" data-testid="script-stats">
      <span>
        {stats.scenes} {stats.scenes === 1 ? 'scene' : 'scenes'}
      </span>
      <span>≈ {pages < 10 ? pages.toFixed(1) : Math.round(pages)} pages</span>
      <span>≈ {minutesAndSeconds(stats.estimatedScreenTime)} on screen</span>
    </p>
  );
}

/** `67_600` → `1:08`: an estimate, so whole seconds. */
export function minutesAndSeconds(duration: number): string {
  const seconds = Math.round(duration / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
