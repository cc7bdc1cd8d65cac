import { inertObjectUrl } from './objectUrl';
/** Offers a blob as a download through a temporary link (works for any size, no server). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = inertObjectUrl(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; free ours after the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
