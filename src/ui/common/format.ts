/** "just now", "5 min ago", "yesterday", or a date: for "edited …" labels. */
export function relativeTime(then: number, now = Date.now()): string {
  const minutes = Math.round((now - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  if (hours < 48) return 'yesterday';
  return new Date(then).toLocaleDateString();
}

/**
 * Milliseconds as seconds with one decimal, `7083` → `7.1`: what a person reads and types for
 * a shot's length (a duration worked out from a speaking rate is never shown as `7.083`).
 */
export function secondsText(ms: number): string {
  return (Math.round(ms / 100) / 10).toFixed(1);
}

/** Estimated script pages, "0.3 pages": the unit in words (a bare "0.3 p" puzzled newcomers). */
export function pagesText(pages: number): string {
  const text = pages.toFixed(1);
  return `${text} ${text === '1.0' ? 'page' : 'pages'}`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * A duration as a clock reads it, to the second: `0:08`, `19:38`, `1:02:05`. What the render
 * dialog shows for lengths and time left (never `1178.38 s`).
 */
export function clockDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}
