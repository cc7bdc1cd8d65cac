import { afterAll, beforeAll, expect, test } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import { WebSocket as NodeWebSocket } from 'ws';
import * as Y from 'yjs';
import { ServerConnection } from '../../src/sync/serverConnection';
import { SyncHub } from '../../src/sync/syncHub';
import { startYWebsocketServer } from '../helpers/yWebsocketServer';

/**
 * "Connect to a server instead": the same document link speaking the y-websocket protocol to a
 * server that relays (y-protocols' reference handling, as y-websocket's server does).
 */
let server: Awaited<ReturnType<typeof startYWebsocketServer>>;
beforeAll(async () => {
  // Node 20 has no WebSocket global; `ws` offers the same browser API.
  (globalThis as { WebSocket?: unknown }).WebSocket ??= NodeWebSocket;
  server = await startYWebsocketServer();
});
afterAll(() => server.close());

async function until(check: () => boolean, timeoutMs = 5000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('two clients of a y-websocket server converge, presence included, and catch up after reconnecting', async () => {
  const clients = ['a', 'b'].map(() => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    const hub = new SyncHub(doc, awareness);
    const connection = new ServerConnection(hub, `${server.url}/rooms`, 'room-1', () => {});
    return { doc, awareness, hub, connection };
  });
  const [a, b] = clients as [(typeof clients)[0], (typeof clients)[0]];
  await until(() => a.connection.connected && b.connection.connected);
  a.doc.getMap('shots').set('one', 1);
  b.awareness.setLocalState({ user: { name: 'Ben' } });
  await until(() => b.doc.getMap('shots').get('one') === 1);
  await until(() => a.awareness.getStates().get(b.doc.clientID) !== undefined);
  expect(server.docs.get('room-1')?.getMap('shots').toJSON()).toEqual({ one: 1 });

  b.connection.stop();
  a.doc.getMap('shots').set('two', 2);
  b.doc.getMap('shots').set('three', 3);
  const again = new ServerConnection(b.hub, `${server.url}/rooms`, 'room-1', () => {});
  await until(
    () => a.doc.getMap('shots').get('three') === 3 && b.doc.getMap('shots').get('two') === 2,
  );
  expect(a.doc.getMap('shots').toJSON()).toEqual(b.doc.getMap('shots').toJSON());
  for (const client of [a, { ...b, connection: again }]) {
    client.connection.stop();
    client.hub.destroy();
    client.awareness.destroy();
  }
});
