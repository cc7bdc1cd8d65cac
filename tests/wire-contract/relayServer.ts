import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A WebSocket server on 127.0.0.1 that joins connections in pairs by path (`/pair/<id>`) and
 * relays every binary message from one to the other, as a y-websocket server relays a room's
 * updates. When one side closes, the server closes the other; `drop(id)` kills both connections
 * without a closing handshake (the server died, the network went away).
 */
export interface RelayServer {
  readonly url: string;
  drop(pairId: string): void;
  close(): Promise<void>;
}

interface Pair {
  readonly sockets: WebSocket[];
  /** Messages from the first socket before the second arrived. */
  readonly waiting: Buffer[];
}

export async function startRelayServer(): Promise<RelayServer> {
  const pairs = new Map<string, Pair>();
  const http: Server = createServer((_request, response) => response.end('relay'));
  const wss = new WebSocketServer({ noServer: true });

  wss.on('connection', (socket, request) => {
    const id = (request.url ?? '').replace(/^\/pair\//, '');
    let pair = pairs.get(id);
    if (!pair) {
      pair = { sockets: [], waiting: [] };
      pairs.set(id, pair);
    }
    const { sockets, waiting } = pair;
    if (sockets.length >= 2) return socket.close(1008, 'pair full');
    sockets.push(socket);
    const other = () => sockets.find((candidate) => candidate !== socket);
    if (sockets.length === 2) for (const held of waiting.splice(0)) socket.send(held);
    socket.on('message', (data: Buffer) => {
      const to = other();
      if (to) to.send(data);
      else waiting.push(data);
    });
    socket.on('close', () => other()?.close());
  });
  http.on('upgrade', (request, socket, head) =>
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request)),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;

  return {
    url: `ws://127.0.0.1:${port}`,
    drop(pairId) {
      for (const socket of pairs.get(pairId)?.sockets ?? []) socket.terminate();
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
