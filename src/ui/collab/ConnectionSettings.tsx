import { useState } from 'react';
import type { CollabSettings, IceServer } from '../../store/collabSettings';
import { useCollab } from './CollabContext';
import { useCollabStores } from './collabServices';
import { useIdentity } from './useMe';
import { ConnectWarning } from '../common/ConnectWarning';

/** `stun:host:port` or `turn:host:port user credential`, one per line. */
function parseIce(text: string): IceServer[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [url = '', username, credential] = line.split(/\s+/);
      return {
        urls: [url],
        ...(username ? { username } : {}),
        ...(credential ? { credential } : {}),
      };
    });
}

function formatIce(servers: readonly IceServer[]): string {
  return servers
    .map((s) => [s.urls.join(','), s.username, s.credential].filter(Boolean).join(' '))
    .join('\n');
}

/**
 * Where collaborators meet: signaling servers and STUN/TURN for peer-to-peer rooms, or one
 * y-websocket-protocol server. Saved in this browser; a room reconnects when they change.
 */
export function ConnectionSettings() {
  const stores = useCollabStores();
  const collab = useCollab();
  const { settings } = useIdentity();
  const [draft, setDraft] = useState<{
    signaling: string;
    ice: string;
    transport: CollabSettings['transport'];
    serverUrl: string;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  if (!settings) return null;
  const shown = draft ?? {
    signaling: settings.signaling.join('\n'),
    ice: formatIce(settings.iceServers),
    transport: settings.transport,
    serverUrl: settings.serverUrl,
  };
  const edit = (patch: Partial<typeof shown>) => {
    setDraft({ ...shown, ...patch });
    setSaved(false);
  };
  const save = async () => {
    try {
      await stores.settings.setSettings({
        signaling: shown.signaling.split(/\s+/).filter(Boolean),
        iceServers: parseIce(shown.ice),
        transport: shown.transport,
        serverUrl: shown.serverUrl.trim(),
      });
      // A room joined by link used the inviter's signaling servers; from now on it uses these.
      const row = collab?.roomRow;
      if (row?.signaling) await stores.rooms.save({ ...row, signaling: null });
      setDraft(null);
      setError(null);
      setSaved(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <details className="connection-settings">
      <summary>Connection settings</summary>
      <fieldset className="connect-via">
        <legend>Connect through</legend>
        <label>
          <input
            type="radio"
            name="transport"
            checked={shown.transport === 'peer'}
            onChange={() => edit({ transport: 'peer' })}
          />{' '}
          Peer to peer (WebRTC)
        </label>
        <label>
          <input
            type="radio"
            name="transport"
            checked={shown.transport === 'server'}
            onChange={() => edit({ transport: 'server' })}
          />{' '}
          A y-websocket server
        </label>
      </fieldset>
      {shown.transport === 'peer' ? (
        <>
          <label className="field">
            <span>Signaling servers (one per line)</span>
            <textarea
              rows={2}
              value={shown.signaling}
              onChange={(e) => edit({ signaling: e.target.value })}
            />
          </label>
          <ConnectWarning urls={shown.signaling.split(/\s+/)} />
          <p className="muted small">
            Run your own with <code>npm run signal</code> (port 4444). There is no dependable public
            one.
          </p>
          <label className="field">
            <span>STUN / TURN servers (one per line: url [user credential])</span>
            <textarea rows={2} value={shown.ice} onChange={(e) => edit({ ice: e.target.value })} />
          </label>
        </>
      ) : (
        <>
          <label className="field">
            <span>Server address</span>
            <input
              value={shown.serverUrl}
              placeholder="wss://sync.example.org"
              onChange={(e) => edit({ serverUrl: e.target.value })}
            />
          </label>
          <ConnectWarning urls={[shown.serverUrl]} />
          <p className="muted small">
            Any server that speaks the y-websocket protocol (y-websocket's own server, or an engine
            compatible with it). The server sees the project and can enforce who may edit. Frames
            are not sent through it: pass them on with a project file or bundle.
          </p>
        </>
      )}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="share-actions">
        <button className="button" type="button" disabled={!draft} onClick={() => void save()}>
          Save connection settings
        </button>
        {saved ? <span className="muted small">Saved</span> : null}
      </div>
    </details>
  );
}
