import type { ProjectSnapshot } from '../../model/project';
import { useCollab } from './CollabContext';
import { Avatar } from './Avatar';
import { usePeers } from './usePeers';

/** Who is here: me first, then everyone else, each with the shot they are on. */
export function PresenceAvatars({ snapshot }: { snapshot: ProjectSnapshot }) {
  const collab = useCollab();
  const peers = usePeers(collab?.room ?? null);
  if (!collab?.room || !collab.me) return null;
  const numberOf = (shotId: string | null) =>
    snapshot.shots.find((s) => s.id === shotId)?.number ?? null;
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
