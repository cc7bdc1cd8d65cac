import { projectFromJson } from '../export/projectJson';
import type { ProjectId } from '../model/ids';
import type { AssetStore, ProjectRepository } from '../store';

export type ProjectFileOutcome =
  | { readonly ok: true; readonly id: ProjectId; readonly title: string }
  | { readonly ok: false; readonly error: string };

/**
 * A Frameline project file (JSON) → a new project. The whole file is checked first (schema,
 * assets by their bytes, only what the boards use); only then are the assets and the project
 * stored, so a bad file changes nothing and says what was wrong and where.
 */
export async function importProjectJson(
  text: string,
  fileName: string,
  deps: {
    readonly repo: Pick<ProjectRepository, 'create'>;
    readonly assets: Pick<AssetStore, 'put'>;
  },
): Promise<ProjectFileOutcome> {
  const result = await projectFromJson(text, `“${fileName}”`);
  if (!result.ok) return { ok: false, error: result.error };
  for (const asset of result.assets) await deps.assets.put(asset.bytes, asset.mimeType);
  const id = await deps.repo.create(result.snapshot);
  return { ok: true, id, title: result.snapshot.meta.title };
}
