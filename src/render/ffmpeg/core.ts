import { coreURL, wasmURL } from './coreAssets';

/** The parts of an Emscripten FS the render uses. */
export interface CoreFileSystem {
  writeFile(path: string, data: Uint8Array | string): void;
  readFile(path: string): Uint8Array;
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
}

type CoreFactory = (options: Record<string, unknown>) => Promise<FfmpegCore>;

/**
 * The single-thread core, ready to instantiate: its JS factory's URL and its wasm compiled once.
 * A compiled WebAssembly.Module can be posted to other workers, so the render worker compiles
 * the 32 MB module once and every exec worker (ffmpeg/execClient.ts) only instantiates it.
 */
export interface CompiledCore {
  readonly coreURL: string;
  readonly module: WebAssembly.Module;
}

export interface CoreUrls {
  readonly coreURL: string;
  readonly wasmURL: string;
}

function absolute(url: string): string {
  return new URL(url, self.location.href).href;
}

async function compileWasm(url: string): Promise<WebAssembly.Module> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`the ffmpeg core could not be fetched (HTTP ${response.status})`);
  }
  try {
    return await WebAssembly.compileStreaming(response.clone());
  } catch {
    // Served with another MIME type than application/wasm: compile from the bytes instead.
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

/** Fetches and compiles the core from the app's own origin (never a CDN). */
export async function compileCore(urls: CoreUrls = { coreURL, wasmURL }): Promise<CompiledCore> {
  try {
    return { coreURL: absolute(urls.coreURL), module: await compileWasm(absolute(urls.wasmURL)) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`The ffmpeg.wasm encoder could not be loaded (${detail}).`, { cause: error });
  }
}

/**
 * A fresh instance of the core. ffmpeg's `main` is not re-entrant and a second `exec` on one
 * instance degrades or crashes ("memory access out of bounds", ffmpeg.wasm#820), so every exec
 * gets its own instance, in its own worker.
 */
export async function instantiateCore(compiled: CompiledCore): Promise<FfmpegCore> {
  const imported = (await import(/* @vite-ignore */ compiled.coreURL)) as { default: CoreFactory };
  return imported.default({
    instantiateWasm(
      imports: WebAssembly.Imports,
      done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
    ) {
      void WebAssembly.instantiate(compiled.module, imports).then((instance) =>
        done(instance, compiled.module),
      );
      return {};
    },
  });
}

/** How many log lines a failed exec quotes in its error. */
const LOG_TAIL_LINES = 6;

/**
 * Runs one ffmpeg command on `core`, keeping the end of its log so a failure says what ffmpeg
 * said. `onLog` sees every line (a heartbeat during steps without frames).
 */
export function execOrThrow(
  core: FfmpegCore,
  args: readonly string[],
  onLog?: (line: string) => void,
): void {
  const tail: string[] = [];
  core.setLogger(({ message }) => {
    tail.push(message);
    if (tail.length > LOG_TAIL_LINES * 4) tail.splice(0, tail.length - LOG_TAIL_LINES * 4);
    onLog?.(message);
  });
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
}
