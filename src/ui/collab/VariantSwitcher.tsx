import { useEffect, useState } from 'react';
import type { ProjectId } from '../../model/ids';
import type { Variant } from '../../store/variants';
import { navigate } from '../app/route';
import { useCollabStores } from './collabServices';

/** Switches between the cuts of one project; hidden while the project has only one. */
export function VariantSwitcher({ projectId }: { projectId: ProjectId }) {
  const stores = useCollabStores();
  const [family, setFamily] = useState<Variant[]>([]);
  useEffect(() => stores.variants.watchFamily(projectId, setFamily), [stores, projectId]);
  if (family.length < 2) return null;
  return (
    <label className="variant-switcher">
      <span className="visually-hidden">Cut</span>
      <select
        aria-label="Cut"
        value={projectId}
        onChange={(e) => navigate({ name: 'project', id: e.target.value as ProjectId })}
      >
        {family.map((variant, i) => (
          <option key={variant.projectId} value={variant.projectId}>
            {i === 0 ? 'Original: ' : ''}
            {variant.title}
          </option>
        ))}
      </select>
    </label>
  );
}
