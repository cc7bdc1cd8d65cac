import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Just enough of RFC 6455 for ComfyUI's progress socket: the handshake and unmasked text frames
 * from server to client. The `ws` package is only a transitive dependency here, so the fake does
 * not lean on it. Frames the client sends are ignored, except close, which ends the socket.
 */

const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OPCODE_TEXT = 0x1;
const OPCODE_CLOSE = 0x8;

export interface ServerSocket {
  sendText(text: string): void;
  close(): void;
  readonly closed: boolean;
}

export function acceptWebSocket(request: IncomingMessage, socket: Duplex): ServerSocket | null {
  const key = request.headers['sec-websocket-key'];
  if (typeof key !== 'string') {
    socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    return null;
  }
  const accept = createHash('sha1')
    .update(key + HANDSHAKE_GUID)
    .digest('base64');
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  let closed = false;
  socket.on('data', (data: Buffer) => {
    if (((data[0] ?? 0) & 0x0f) === OPCODE_CLOSE) {
      closed = true;
      socket.end(Buffer.from([0x80 | OPCODE_CLOSE, 0]));
    }
  });
  socket.on('close', () => (closed = true));
  socket.on('error', () => (closed = true));
  return {
    sendText(text) {
      if (closed) return;
      socket.write(encodeFrame(Buffer.from(text, 'utf8')));
    },
    close() {
      if (closed) return;
      closed = true;
      socket.end(Buffer.from([0x80 | OPCODE_CLOSE, 0]));
    },
    get closed() {
      return closed;
    },
  };
}

export function encodeFrame(payload: Buffer, opcode = OPCODE_TEXT): Buffer {
  const length = payload.length;
  let head: Buffer;
  if (length < 126) head = Buffer.from([0x80 | opcode, length]);
  else if (length < 65536) {
    head = Buffer.alloc(4);
    head[0] = 0x80 | opcode;
    head[1] = 126;
    head.writeUInt16BE(length, 2);
  } else {
    head = Buffer.alloc(10);
    head[0] = 0x80 | opcode;
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([head, payload]);
}

/** Reads server frames from a byte stream (for the Node-side test client). */
export function createFrameReader(onText: (text: string) => void): (chunk: Buffer) => void {
  let buffer = Buffer.alloc(0);
  return (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (buffer.length < 2) return;
      const opcode = buffer[0]! & 0x0f;
      let length = buffer[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) return;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) return;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (buffer.length < offset + length) return;
      const payload = buffer.subarray(offset, offset + length);
      buffer = buffer.subarray(offset + length);
      if (opcode === OPCODE_TEXT) onText(payload.toString('utf8'));
    }
  };
}
