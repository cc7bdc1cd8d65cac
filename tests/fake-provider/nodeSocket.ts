import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { OpenSocket } from '../../src/ai/providers/comfySocket';
import { createFrameReader } from './websocket';

/**
 * A receive-only websocket client for Node 20 (which has no global WebSocket without a flag),
 * so the contract tests can check ComfyUI progress the way a browser gets it.
 */
export const nodeSocket: OpenSocket = (url, onMessage) => {
  const target = new URL(url.replace(/^ws/, 'http'));
  let closed = false;
  let close = () => {
    closed = true;
  };
  const req = request({
    host: target.hostname,
    port: target.port,
    path: `${target.pathname}${target.search}`,
    headers: {
      connection: 'Upgrade',
      upgrade: 'websocket',
      'sec-websocket-version': '13',
      'sec-websocket-key': randomBytes(16).toString('base64'),
    },
  });
  req.on('upgrade', (_res, socket, head) => {
    if (closed) return socket.destroy();
    const read = createFrameReader(onMessage);
    if (head.length > 0) read(head);
    socket.on('data', read);
    socket.on('error', () => undefined);
    close = () => socket.destroy();
  });
  req.on('error', () => undefined);
  req.end();
  return { close: () => close() };
};
