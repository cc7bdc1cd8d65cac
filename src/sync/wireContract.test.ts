import { WebSocket as NodeWebSocket } from 'ws';
import { runWireContractTests, type WireConnection } from '../../tests/wire-contract/contract';
import { fakeDataChannelPair } from '../../tests/wire-contract/fakeDataChannel';
import { startRelayServer, type RelayServer } from '../../tests/wire-contract/relayServer';
import { BroadcastWire } from './broadcastWire';
import { CHANNEL_HIGH_WATER_BYTES, DataChannelWire } from './dataChannelWire';
import { MAX_DATA_CHANNEL_MESSAGE_BYTES } from './limits';
import { memoryWirePair, memoryWiresSettled } from './memoryWire';
import { WebSocketWire } from './websocketWire';

/** The four wires the sync layer speaks over, each through the one contract suite. */

runWireContractTests('In-memory', {
  closeReachesOtherEnd: true,
  canBeCut: true,
  transportLimitBytes: null,
  highWaterBytes: null,
  connect: async () => {
    const [a, b] = memoryWirePair();
    return {
      a,
      b,
      settled: () => memoryWiresSettled(),
      cut: () => a.cut(),
      dispose: async () => a.close(),
    };
  },
});

let channels = 0;
runWireContractTests('Tabs (BroadcastChannel)', {
  closeReachesOtherEnd: false,
  canBeCut: false, // tabs share no connection that could drop
  transportLimitBytes: null,
  highWaterBytes: null,
  connect: async () => {
    const name = `wire-contract-${++channels}`;
    const a = new BroadcastWire(name);
    const b = new BroadcastWire(name);
    return {
      a,
      b,
      // A marker through the same channel name: once it is in, what was posted before is too.
      settled: async () => {
        const [probe, marker] = [new BroadcastChannel(name), new BroadcastChannel(name)];
        const heard = new Promise<void>((resolve) => (probe.onmessage = () => resolve()));
        marker.postMessage('settled');
        await heard;
        probe.close();
        marker.close();
      },
      dispose: async () => {
        a.close();
        b.close();
      },
    };
  },
});

runWireContractTests('WebRTC data channel', {
  closeReachesOtherEnd: true,
  canBeCut: true,
  transportLimitBytes: MAX_DATA_CHANNEL_MESSAGE_BYTES,
  highWaterBytes: CHANNEL_HIGH_WATER_BYTES,
  connect: async () => {
    const pair = fakeDataChannelPair();
    const a = new DataChannelWire('peer b', pair.a);
    const b = new DataChannelWire('peer a', pair.b);
    pair.open();
    return {
      a,
      b,
      settled: () => pair.settled(),
      cut: () => pair.cut(),
      largestCarried: () => pair.largestSent,
      transport: {
        stall: () => pair.stall(),
        resume: () => pair.resume(),
        bufferedBytes: () => pair.a.bufferedAmount,
        peakBufferedBytes: () => pair.a.peakBufferedAmount,
      },
      dispose: async () => {
        pair.cut();
      },
    };
  },
});

let relay: RelayServer;
let pairs = 0;
runWireContractTests('Server (WebSocket)', {
  closeReachesOtherEnd: true, // the server closes the other side
  canBeCut: true,
  transportLimitBytes: null,
  highWaterBytes: null,
  before: async () => {
    // Node 20 has no WebSocket global; `ws` offers the same browser API.
    (globalThis as { WebSocket?: unknown }).WebSocket ??= NodeWebSocket;
    relay = await startRelayServer();
  },
  after: () => relay.close(),
  connect: async (): Promise<WireConnection> => {
    const id = `${++pairs}`;
    const sockets = [0, 1].map(() => new WebSocket(`${relay.url}/pair/${id}`));
    const [a, b] = sockets.map((socket) => new WebSocketWire(relay.url, socket));
    await Promise.all(
      sockets.map(
        (socket) =>
          new Promise((resolve, reject) => {
            socket.addEventListener('open', resolve);
            socket.addEventListener('error', reject);
          }),
      ),
    );
    const allClosed = () => sockets.every((socket) => socket.readyState === WebSocket.CLOSED);
    return {
      a: a!,
      b: b!,
      settled: async () => {
        while (!allClosed()) await new Promise((resolve) => setTimeout(resolve, 2));
      },
      cut: () => relay.drop(id),
      dispose: async () => {
        for (const socket of sockets) socket.close();
      },
    };
  },
});
