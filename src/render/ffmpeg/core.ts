import { coreURL, wasmURL } from './coreAssets';

/** The parts of an Emscripten FS the render uses. */
export interface CoreFileSystem {
  writeFile(path: string, data: Uint8Array | string): void;
  readFile(path: string): Uint8Array;
  unlink(path: string): void;
  makedev(major: number, minor: number): number;
  registerDevice(device: number, ops: DeviceOps): void;
  mkdev(path: string, device: number): void;
}

/** Emscripten stream operations of a character device. */
export interface DeviceOps {
  open(stream: { seekable: boolean }): void;
  close(stream: unknown): void;
  read(
    stream: unknown,
    buffer: Int8Array,
    offset: number,
    length: number,
    position: number,
  ): number;
}

/** One instance of the ffmpeg core: its own memory, its own file system, one `exec`. */
export interface FfmpegCore {
  readonly FS: CoreFileSystem;
  exec(...args: string[]): number;
  setLogger(logger: (entry: { type: string; message: string }) => void): void;
  setProgress(handler: (entry: { progress: number; time: number }) => void): void;
}

type CoreFactory = (options: Record<string, unknown>) => Promise<FfmpegCore>;

export interface CoreLoader {
  /**
   * A fresh core instance. ffmpeg's `main` is not re-entrant and a second `exec` on one instance
   * degrades or crashes ("memory access out of bounds", ffmpeg.wasm#820), so every exec gets its
   * own instance. The compiled module is shared, so an instance costs milliseconds.
   */
  create(): Promise<FfmpegCore>;
}

export interface CoreUrls {
  readonly coreURL: string;
  readonly wasmURL: string;
}

async function compileWasm(url: string): Promise<WebAssembly.Module> {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`the ffmpeg core could not be fetched (HTTP ${response.status})`);
  try {
    return await WebAssembly.compileStreaming(response.clone());
  } catch {
    // Served with another MIME type than application/wasm: compile from the bytes instead.
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

/**
 * Loads the single-thread core from the app's own origin: its JS as a module, its wasm compiled
 * once. Works in a worker (the render worker is fresh per job, so nothing outlives the job).
 */
export async function loadCore(urls: CoreUrls = { coreURL, wasmURL }): Promise<CoreLoader> {
  const absolute = (url: string) => new URL(url, self.location.href).href;
  let factory: CoreFactory;
  let module: WebAssembly.Module;
  try {
    const imported = (await import(/* @vite-ignore */ absolute(urls.coreURL))) as {
      default: CoreFactory;
    };
    factory = imported.default;
    module = await compileWasm(absolute(urls.wasmURL));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`The ffmpeg.wasm encoder could not be loaded (${detail}).`, { cause: error });
  }
  return {
    create: () =>
      factory({
        instantiateWasm(
          imports: WebAssembly.Imports,
          done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
        ) {
          void WebAssembly.instantiate(module, imports).then((instance) => done(instance, module));
          return {};
        },
      }),
  };
}

/** How many log lines a failed exec quotes in its error. */
const LOG_TAIL_LINES = 6;

/**
 * Runs one ffmpeg command on a fresh instance of the core, keeping the end of its log so a
 * failure says what ffmpeg said. `prepare` mounts inputs before the run; `onLog` sees every line
 * (the caller turns `frame=` lines into progress).
 */
export async function runFfmpeg(
  loader: CoreLoader,
  args: readonly string[],
  prepare: (core: FfmpegCore) => void,
  onLog?: (line: string) => void,
): Promise<FfmpegCore> {
  const core = await loader.create();
  const tail: string[] = [];
  core.setLogger(({ message }) => {
    tail.push(message);
    if (tail.length > LOG_TAIL_LINES * 4) tail.splice(0, tail.length - LOG_TAIL_LINES * 4);
    onLog?.(message);
  });
  prepare(core);
  let code: number;
  try {
    code = core.exec(...args);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`ffmpeg.wasm crashed (${detail}).`, { cause: error });
  }
  if (code !== 0) {
    const said = tail
      .filter((line) => line.trim() !== '' && !line.startsWith('Aborted'))
      .slice(-LOG_TAIL_LINES)
      .join(' / ');
    throw new Error(`ffmpeg.wasm failed (exit ${code}): ${said || 'no message'}`);
  }
  return core;
}
