import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * y-webrtc's signaling server (node_modules/y-webrtc/bin/server.js, which `npm run signal` runs)
 * for tests: the same publish/subscribe protocol, but on 127.0.0.1 and a free port (the bundled
 * one listens on every interface), started and stopped by the test. `connections` counts
 * clients, so a test can wait for peers to reach it.
 */
export interface SignalingServer {
  readonly url: string;
  connections(): number;
  close(): Promise<void>;
}

export async function startSignalingServer(): Promise<SignalingServer> {
  const topics = new Map<string, Set<WebSocket>>();
  const http: Server = createServer((_req, res) => res.end('okay'));
  const wss = new WebSocketServer({ noServer: true });

  const send = (conn: WebSocket, message: object) => {
    try {
      conn.send(JSON.stringify(message));
    } catch {
      conn.close();
    }
  };

  wss.on('connection', (conn) => {
    const subscribed = new Set<string>();
    let alive = true;
    const ping = setInterval(() => {
      if (!alive) return conn.close();
      alive = false;
      conn.ping();
    }, 30_000);
    conn.on('pong', () => {
      alive = true;
    });
    conn.on('close', () => {
      clearInterval(ping);
      for (const topic of subscribed) topics.get(topic)?.delete(conn);
    });
    conn.on('message', (data: Buffer) => {
      let message: { type?: string; topics?: unknown[]; topic?: string; clients?: number };
      try {
        message = JSON.parse(data.toString()) as typeof message;
      } catch {
        return;
      }
      switch (message.type) {
        case 'subscribe':
          for (const topic of message.topics ?? []) {
            if (typeof topic !== 'string') continue;
            const subs = topics.get(topic) ?? new Set<WebSocket>();
            subs.add(conn);
            topics.set(topic, subs);
            subscribed.add(topic);
          }
          break;
        case 'unsubscribe':
          for (const topic of message.topics ?? []) {
            if (typeof topic === 'string') topics.get(topic)?.delete(conn);
          }
          break;
        case 'publish': {
          const receivers = message.topic ? topics.get(message.topic) : undefined;
          if (!receivers) break;
          message.clients = receivers.size;
          for (const receiver of receivers) send(receiver, message);
          break;
        }
        case 'ping':
          send(conn, { type: 'pong' });
          break;
        default:
          break;
      }
    });
  });
  http.on('upgrade', (request, socket, head) =>
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request)),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    connections: () => wss.clients.size,
    close: async () => {
      for (const client of wss.clients) client.close();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
