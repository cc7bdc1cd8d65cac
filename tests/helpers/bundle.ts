import { unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * Builders for hostile `.frameline` bundles, made from a valid one: what a malicious or broken
 * file looks like to the importer. Shared by the unit tests and the end-to-end test.
 */

export type Entries = Record<string, Uint8Array>;

export function unzipEntries(bytes: Uint8Array): Entries {
  return unzipSync(bytes);
}

/** Zips entries again; images stored, the rest deflated (as Frameline writes them). */
export function zipEntries(entries: Entries): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    files[name] = [data, { level: name.startsWith('assets/') ? 0 : 6 }];
  }
  return zipSync(files);
}

const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Rewrites the uncompressed size an entry declares, in both its central directory record and its
 * local header: the lie a zip bomb tells.
 */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const wanted = new TextEncoder().encode(name);
  const nameAt = (at: number, nameStart: number, length: number) =>
    length === wanted.length && wanted.every((byte, i) => out[at + nameStart + i] === byte);
  let patched = 0;
  for (let at = 0; at + 46 <= out.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === CENTRAL && nameAt(at, 46, view.getUint16(at + 28, true))) {
      view.setUint32(at + 24, size, true);
      patched++;
    } else if (signature === LOCAL && nameAt(at, 30, view.getUint16(at + 26, true))) {
      view.setUint32(at + 22, size, true);
      patched++;
    }
  }
  if (patched === 0) throw new Error(`no entry named ${name}`);
  return out;
}

export function without(entries: Entries, name: string): Entries {
  return Object.fromEntries(Object.entries(entries).filter(([entry]) => entry !== name));
}

export function firstAssetName(entries: Entries): string {
  const name = Object.keys(entries).find((n) => n.startsWith('assets/'));
  if (!name) throw new Error('the bundle has no assets');
  return name;
}

export interface HostileBundle {
  readonly name: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** What the refusal must say. */
  readonly message: RegExp;
}

export const HOSTILE_KINDS = [
  'a zip bomb that declares its size',
  'a zip bomb that lies about its size',
  'an entry climbing out with ../',
  'an image whose bytes do not match its hash',
  'a truncated file',
] as const;
export type HostileKind = (typeof HOSTILE_KINDS)[number];

/** One of the hostile cases every importer must refuse, each without writing anything. */
export function hostileBundle(valid: Uint8Array, kind: HostileKind): HostileBundle {
  const entries = unzipEntries(valid);
  const asset = firstAssetName(entries);
  switch (kind) {
    case 'a zip bomb that declares its size':
      return {
        name: kind,
        fileName: 'declared-bomb.frameline',
        bytes: declareSize(valid, asset, 3 * 1024 ** 3),
        message: /would inflate to/,
      };
    case 'a zip bomb that lies about its size': {
      // 24 MB of zeros deflate to ~24 KB; the zip claims the real document's few hundred bytes.
      const bomb = zipEntries({ ...entries, 'document.yjs': new Uint8Array(24 * 1024 * 1024) });
      return {
        name: kind,
        fileName: 'lying-bomb.frameline',
        bytes: declareSize(bomb, 'document.yjs', entries['document.yjs']!.length),
        message: /inflates to more than it declares/,
      };
    }
    case 'an entry climbing out with ../':
      return {
        name: kind,
        fileName: 'traversal.frameline',
        bytes: zipEntries({ ...entries, '../evil.sh': new TextEncoder().encode('rm -rf ~') }),
        message: /“\.\.\/evil\.sh” points outside the bundle/,
      };
    case 'an image whose bytes do not match its hash': {
      const tampered = entries[asset]!.slice();
      tampered.set([tampered.at(-1)! ^ 0xff], tampered.length - 1);
      return {
        name: kind,
        fileName: 'wrong-hash.frameline',
        bytes: zipEntries({ ...entries, [asset]: tampered }),
        message: /does not match its hash/,
      };
    }
    case 'a truncated file':
      return {
        name: kind,
        fileName: 'truncated.frameline',
        bytes: valid.slice(0, Math.floor(valid.length / 2)),
        message: /not a complete zip file/,
      };
  }
}
