import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';

/**
 * A y-websocket-protocol server for tests, on 127.0.0.1 and a free port: per room (the URL's last
 * path segment) one Y.Doc and one Awareness, the same message handling as y-websocket's server
 * (y-protocols' sync and awareness, relayed to every connection of the room).
 */
export async function startYWebsocketServer(): Promise<{
  url: string;
  docs: Map<string, Y.Doc>;
  close: () => Promise<void>;
}> {
  const docs = new Map<string, Y.Doc>();
  const rooms = new Map<
    string,
    { awareness: awarenessProtocol.Awareness; conns: Set<WebSocket> }
  >();
  const http: Server = createServer((_req, res) => res.end('y-websocket test server'));
  const wss = new WebSocketServer({ noServer: true });

  const roomFor = (name: string) => {
    let doc = docs.get(name);
    let room = rooms.get(name);
    if (!doc || !room) {
      const created = new Y.Doc();
      const awareness = new awarenessProtocol.Awareness(created);
      awareness.setLocalState(null);
      const conns = new Set<WebSocket>();
      created.on('update', (update: Uint8Array) => {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, 0);
        syncProtocol.writeUpdate(e, update);
        const message = encoding.toUint8Array(e);
        for (const conn of conns) conn.send(message);
      });
      awareness.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
        const changed = [...added!, ...updated!, ...removed!];
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, changed));
        const message = encoding.toUint8Array(e);
        for (const conn of conns) conn.send(message);
      });
      doc = created;
      room = { awareness, conns };
      docs.set(name, doc);
      rooms.set(name, room);
    }
    return { doc, ...room };
  };

  wss.on('connection', (conn, request) => {
    const name = decodeURIComponent((request.url ?? '/').split('/').pop() ?? '');
    const { doc, awareness, conns } = roomFor(name);
    conns.add(conn);
    conn.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      const encoder = encoding.createEncoder();
      const type = decoding.readVarUint(decoder);
      if (type === 0) {
        encoding.writeVarUint(encoder, 0);
        syncProtocol.readSyncMessage(decoder, encoder, doc, conn);
        if (encoding.length(encoder) > 1) conn.send(encoding.toUint8Array(encoder));
      } else if (type === 1) {
        awarenessProtocol.applyAwarenessUpdate(
          awareness,
          decoding.readVarUint8Array(decoder),
          conn,
        );
      }
    });
    conn.on('close', () => conns.delete(conn));
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, 0);
    syncProtocol.writeSyncStep1(step1, doc);
    conn.send(encoding.toUint8Array(step1));
  });
  http.on('upgrade', (request, socket, head) =>
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request)),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    docs,
    close: async () => {
      for (const client of wss.clients) client.close();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      for (const doc of docs.values()) doc.destroy();
    },
  };
}
