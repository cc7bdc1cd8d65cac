import type { SyncLog } from '../syncLog';
import type { Wire } from '../wire';
import type { AssetFetcher, AssetPeer } from './assetFetcher';
import { decodeAssetMessage, encodeAssetMessage, type AssetMessage } from './assetMessages';
import { AssetServer, type AssetSource } from './assetServer';

/**
 * One peer's asset channel: requests from them go to a server of ours, answers to our requests
 * go to the room's fetcher. Closing the wire hands their unfinished transfers back to the fetcher
 * to resume elsewhere.
 */
export function openAssetChannel(
  wire: Wire,
  fetcher: AssetFetcher,
  source: AssetSource,
  log: SyncLog,
): AssetPeer {
  const server = new AssetServer(wire, source, log);
  const peer: AssetPeer = {
    label: wire.label,
    send: (message: AssetMessage) => wire.send(encodeAssetMessage(message)),
  };
  wire.listen({
    onMessage: (data) => {
      const message = decodeAssetMessage(data);
      if (!message) return log.report(wire.label, 'sent an unreadable frame message; ignored');
      if (message.type === 'want') server.want(message.hash, message.offset);
      else if (message.type === 'cancel') server.cancel(message.hash);
      else fetcher.receive(peer, message);
    },
    onClose: () => {
      server.close();
      fetcher.removePeer(peer);
    },
  });
  fetcher.addPeer(peer);
  return peer;
}
