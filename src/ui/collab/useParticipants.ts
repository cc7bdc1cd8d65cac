import { useMemo } from 'react';
import type { Participant } from '../../model/participant';
import type { ProjectSession } from '../../store';
import { useCollab } from './CollabContext';
import { usePeers } from './usePeers';
import { useReview } from './useReview';

/**
 * Everyone who can be @mentioned: people here now and everyone who ever commented, one entry per
 * public key (the latest name wins), me excluded.
 */
export function useParticipants(session: ProjectSession): Participant[] {
  const collab = useCollab();
  const peers = usePeers(collab?.room ?? null);
  const review = useReview(session);
  const mine = collab?.me?.publicKey;
  return useMemo(() => {
    const byKey = new Map<string, Participant>();
    for (const comment of review.comments) byKey.set(comment.author.publicKey, comment.author);
    for (const peer of peers) byKey.set(peer.state.user.publicKey, peer.state.user);
    if (mine) byKey.delete(mine);
    return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [review.comments, peers, mine]);
}
