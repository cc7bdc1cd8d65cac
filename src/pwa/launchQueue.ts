/**
 * Files opened from the operating system (manifest `file_handlers`) arrive through `launchQueue`,
 * which only Chromium on desktop has (PITFALLS.md): feature-detected, absent elsewhere.
 */
interface LaunchParams {
  readonly files?: readonly FileSystemFileHandle[];
}

interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void;
}

let consuming = false;

export function consumeLaunchQueue(onFiles: (files: File[]) => void): void {
  const queue = (window as { launchQueue?: LaunchQueue }).launchQueue;
  if (!queue || consuming) return;
  consuming = true;
  queue.setConsumer((params) => {
    const handles = params.files ?? [];
    if (handles.length === 0) return;
    void Promise.all(handles.map((handle) => handle.getFile())).then(onFiles);
  });
}
