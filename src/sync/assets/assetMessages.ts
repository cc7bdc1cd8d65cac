import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { isAssetHash, type AssetHash } from '../../model/ids';
import { MAX_DATA_CHANNEL_MESSAGE_BYTES } from '../limits';

/**
 * The asset transfer protocol, on its own channel beside the document's (so a 5 MB frame never
 * holds up an edit). The receiver asks for a hash from an offset; the sender says what it is
 * (size, type) and streams chunks that each fit one data-channel message; a transfer cut off
 * resumes from the last byte received, from the same peer or another.
 */
export type AssetMessage =
  | { readonly type: 'want'; readonly hash: AssetHash; readonly offset: number }
  | {
      readonly type: 'have';
      readonly hash: AssetHash;
      readonly size: number;
      readonly mime: string;
    }
  | {
      readonly type: 'chunk';
      readonly hash: AssetHash;
      readonly offset: number;
      readonly bytes: Uint8Array;
    }
  | { readonly type: 'none'; readonly hash: AssetHash }
  | { readonly type: 'cancel'; readonly hash: AssetHash };

const TYPES = ['want', 'have', 'chunk', 'none', 'cancel'] as const;
/** Bytes of one chunk's payload: a chunk message plus framing stays under 16 KiB. */
export const ASSET_CHUNK_BYTES = MAX_DATA_CHANNEL_MESSAGE_BYTES - 1024;
const HASH_BYTES = 32;
const MIME_PATTERN = /^[\w.+-]+\/[\w.+-]+$/;
const MIME_MAX_CHARS = 100;

function hashToBytes(hash: AssetHash): Uint8Array {
  const bytes = new Uint8Array(HASH_BYTES);
  for (let i = 0; i < HASH_BYTES; i++) bytes[i] = parseInt(hash.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function bytesToHash(bytes: Uint8Array): AssetHash {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  if (!isAssetHash(hex)) throw new Error('not a hash');
  return hex;
}

export function encodeAssetMessage(message: AssetMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeUint8(e, TYPES.indexOf(message.type));
  encoding.writeUint8Array(e, hashToBytes(message.hash));
  switch (message.type) {
    case 'want':
      encoding.writeVarUint(e, message.offset);
      break;
    case 'have':
      encoding.writeVarUint(e, message.size);
      encoding.writeVarString(e, message.mime);
      break;
    case 'chunk':
      encoding.writeVarUint(e, message.offset);
      encoding.writeVarUint8Array(e, message.bytes);
      break;
    default:
      break;
  }
  return encoding.toUint8Array(e);
}

/** Reads a message; null for anything malformed (the caller logs and ignores it). */
export function decodeAssetMessage(data: Uint8Array): AssetMessage | null {
  try {
    const d = decoding.createDecoder(data);
    const type = TYPES[decoding.readUint8(d)];
    const hash = bytesToHash(decoding.readUint8Array(d, HASH_BYTES));
    let message: AssetMessage | null = null;
    switch (type) {
      case 'want':
        message = { type, hash, offset: decoding.readVarUint(d) };
        break;
      case 'have': {
        const size = decoding.readVarUint(d);
        const mime = decoding.readVarString(d);
        if (mime.length > MIME_MAX_CHARS || !MIME_PATTERN.test(mime)) return null;
        message = { type, hash, size, mime };
        break;
      }
      case 'chunk': {
        const offset = decoding.readVarUint(d);
        const bytes = decoding.readVarUint8Array(d);
        if (bytes.byteLength > ASSET_CHUNK_BYTES) return null;
        message = { type, hash, offset, bytes };
        break;
      }
      case 'none':
      case 'cancel':
        message = { type, hash };
        break;
      default:
        return null;
    }
    return d.pos === data.byteLength ? message : null;
  } catch {
    return null;
  }
}
