import { Inflate } from 'fflate';
import { crc32 } from './crc32';

/**
 * A defensive zip reader. fflate inflates, but its `unzipSync` trusts the sizes a zip declares
 * and inflates into a buffer of that size, so a lying entry still costs the CPU of the whole bomb
 * and is silently cut short. Here the central directory is read first (names, sizes, methods, all
 * checked by the caller before one byte is inflated), and each entry is then inflated in small
 * slices that stop the moment it outgrows what it declared. Zip64, encryption, multi-disk archives
 * and overlapping entries are refused: Frameline never writes them.
 */

export class ZipError extends Error {
  override readonly name = 'ZipError';
}

export interface ZipEntry {
  readonly name: string;
  readonly method: 0 | 8;
  readonly compressedSize: number;
  /** As declared by the central directory; enforced while inflating. */
  readonly size: number;
  readonly crc: number;
  readonly localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const EOCD_BYTES = 22;
const CENTRAL_BYTES = 46;
const LOCAL_BYTES = 30;
/** Inflate this much compressed input at a time: deflate expands ≤ 1032×, so ≤ 17 MB per step. */
const INFLATE_SLICE_BYTES = 16 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function reader(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    u16: (at: number) => view.getUint16(at, true),
    u32: (at: number) => view.getUint32(at, true),
  };
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const { u32 } = reader(bytes);
  const earliest = Math.max(0, bytes.length - EOCD_BYTES - 0xffff);
  for (let at = bytes.length - EOCD_BYTES; at >= earliest; at--) {
    if (u32(at) === EOCD_SIGNATURE) return at;
  }
  throw new ZipError('it is not a complete zip file (its end is missing: cut short?)');
}

export interface ZipDirectory {
  readonly entries: readonly ZipEntry[];
  /** Where the central directory starts: every entry's data must end before it. */
  readonly offset: number;
}

/** Lists the entries from the central directory without inflating anything. */
export function readCentralDirectory(bytes: Uint8Array): ZipDirectory {
  if (bytes.length < EOCD_BYTES) throw new ZipError('it is too short to be a bundle');
  const { u16, u32 } = reader(bytes);
  const end = findEndOfCentralDirectory(bytes);
  if (end >= 20 && u32(end - 20) === ZIP64_LOCATOR_SIGNATURE) {
    throw new ZipError('it uses zip64, which Frameline bundles never do');
  }
  const count = u16(end + 10);
  const directoryBytes = u32(end + 12);
  const directoryOffset = u32(end + 16);
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0 || u16(end + 8) !== count) {
    throw new ZipError('it is split over several files');
  }
  if (directoryOffset + directoryBytes > end) {
    throw new ZipError('its table of contents points outside the file (cut short?)');
  }
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_BYTES > end || u32(at) !== CENTRAL_SIGNATURE) {
      throw new ZipError('its table of contents is damaged');
    }
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const nameLength = u16(at + 28);
    const next = at + CENTRAL_BYTES + nameLength + u16(at + 30) + u16(at + 32);
    if (next > end) throw new ZipError('its table of contents is damaged');
    let name: string;
    try {
      name = utf8.decode(bytes.subarray(at + CENTRAL_BYTES, at + CENTRAL_BYTES + nameLength));
    } catch {
      throw new ZipError('an entry name is not valid text');
    }
    if (flags & 0x1) throw new ZipError(`“${name}” is encrypted`);
    if (method !== 0 && method !== 8) {
      throw new ZipError(`“${name}” uses a compression Frameline does not write (${method})`);
    }
    entries.push({
      name,
      method,
      crc: u32(at + 16),
      compressedSize: u32(at + 20),
      size: u32(at + 24),
      localHeaderOffset: u32(at + 42),
    });
    at = next;
  }
  return { entries, offset: directoryOffset };
}

/** Where an entry's data lies, checked against its local header and the other entries. */
function dataRanges(bytes: Uint8Array, entries: readonly ZipEntry[], limit: number) {
  const { u16, u32 } = reader(bytes);
  const ranges = entries.map((entry) => {
    const at = entry.localHeaderOffset;
    if (at + LOCAL_BYTES > limit || u32(at) !== LOCAL_SIGNATURE) {
      throw new ZipError(`“${entry.name}” is missing from the file (cut short?)`);
    }
    const nameLength = u16(at + 26);
    const localName = bytes.subarray(at + LOCAL_BYTES, at + LOCAL_BYTES + nameLength);
    if (new TextDecoder().decode(localName) !== entry.name) {
      throw new ZipError(`“${entry.name}” has two different names inside the zip`);
    }
    const start = at + LOCAL_BYTES + nameLength + u16(at + 28);
    const stop = start + entry.compressedSize;
    if (stop > limit) throw new ZipError(`“${entry.name}” is cut short`);
    return { entry, start, stop, headerStart: at };
  });
  // Entries sharing bytes are the "overlapping files" zip bomb: refuse any overlap at all.
  const sorted = [...ranges].sort((a, b) => a.headerStart - b.headerStart);
  sorted.reduce((previousStop, range) => {
    if (range.headerStart < previousStop) throw new ZipError('two entries share the same bytes');
    return range.stop;
  }, 0);
  return new Map(ranges.map((range) => [range.entry.name, range]));
}

export interface ZipArchive {
  readonly entries: readonly ZipEntry[];
  /** Inflates one entry, never past its declared size, and checks its CRC-32. */
  read(name: string): Uint8Array<ArrayBuffer>;
}

/** Opens a zip for reading; call once the directory's entries passed the caller's checks. */
export function openZip(bytes: Uint8Array, directory: ZipDirectory): ZipArchive {
  const ranges = dataRanges(bytes, directory.entries, directory.offset);
  return {
    entries: directory.entries,
    read(name) {
      const range = ranges.get(name);
      if (!range) throw new ZipError(`“${name}” is not in the file`);
      const { entry } = range;
      const data = bytes.subarray(range.start, range.stop);
      const out = entry.method === 0 ? stored(entry, data) : inflateBounded(entry, data);
      if (crc32(out) !== entry.crc) throw new ZipError(`“${name}” is damaged (checksum)`);
      return out;
    },
  };
}

function stored(entry: ZipEntry, data: Uint8Array): Uint8Array<ArrayBuffer> {
  if (data.length !== entry.size) throw new ZipError(`“${entry.name}” has the wrong size`);
  return data.slice();
}

function inflateBounded(entry: ZipEntry, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(entry.size);
  let written = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    if (written + chunk.length > entry.size) {
      throw new ZipError(`“${entry.name}” inflates to more than it declares (a zip bomb?)`);
    }
    out.set(chunk, written);
    written += chunk.length;
    if (final) finished = true;
  });
  try {
    for (let at = 0; at < data.length; at += INFLATE_SLICE_BYTES) {
      const stop = Math.min(data.length, at + INFLATE_SLICE_BYTES);
      inflater.push(data.subarray(at, stop), stop === data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError(`“${entry.name}” is damaged (it does not inflate)`);
  }
  if (!finished || written !== entry.size) {
    throw new ZipError(`“${entry.name}” is damaged (it is shorter than it declares)`);
  }
  return out;
}
