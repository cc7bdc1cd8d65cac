import { useState } from 'react';
import type { ProjectSnapshot } from '../../model/project';
import { ShotGrouper, type ShotGroups } from './shotGroups';

/** groupShots, keeping each scene's array across renders while its shots are unchanged. */
export function useShotGroups(snapshot: ProjectSnapshot): ShotGroups {
  const [grouper] = useState(() => new ShotGrouper());
  return grouper.of(snapshot);
}
