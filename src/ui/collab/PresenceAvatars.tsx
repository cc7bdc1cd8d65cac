import type { Shot } from '../../model/shot';
import type { ProjectSession, SessionState } from '../../store';
import { useSessionSelector } from '../project/useSessionSelector';
import { useCollab } from './CollabContext';
import { Avatar } from './Avatar';
import { usePeers } from './usePeers';

const shotsOf = (state: SessionState) => state.snapshot.shots;

/** The same shots with the same numbers: all the avatars show of them (typing changes neither). */
function sameNumbers(a: readonly Shot[], b: readonly Shot[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && (a[i]?.id !== b[i]?.id || a[i]?.number !== b[i]?.number)) return false;
  }
  return true;
}

/** Who is here: me first, then everyone else, each with the shot they are on. */
export function PresenceAvatars({ session }: { readonly session: ProjectSession }) {
  const collab = useCollab();
  const peers = usePeers(collab?.room ?? null);
  const shots = useSessionSelector(session, shotsOf, sameNumbers);
  if (!collab?.room || !collab.me) return null;
  const numberOf = (shotId: string | null) => shots.find((s) => s.id === shotId)?.number ?? null;
  const here = peers.map((peer) => {
    const number = numberOf(peer.state.shotId);
    return {
      key: peer.clientId,
      person: peer.state.user,
      where: number ? `on shot ${number}` : 'here',
    };
  });
  return (
    <ul className="presence" aria-label="People here">
      <li>
        <Avatar person={collab.me} title={`${collab.me.name} (you)`} />
        <span className="visually-hidden">{collab.me.name} (you)</span>
      </li>
      {here.map(({ key, person, where }) => (
        <li key={key}>
          <Avatar person={person} title={`${person.name} · ${where}`} />
          <span className="visually-hidden">
            {person.name} · {where}
          </span>
        </li>
      ))}
    </ul>
  );
}
