import type { ProjectSnapshot } from '../../model/project';
import { aspectValue } from '../../model/project';
import type { Shot } from '../../model/shot';
import { useAssetUrl } from '../common/useAssetUrl';

interface Props {
  readonly snapshot: ProjectSnapshot;
  readonly shot: Shot | null;
  readonly offsetMs: number;
}

/** The frame under the playhead, in the project's aspect ratio. */
export function PreviewFrame({ snapshot, shot }: Props) {
  const url = useAssetUrl(shot?.frameHash ?? null);
  const line = shot?.dialogue[0];
  return (
    <figure
      className="preview-frame"
      style={{ aspectRatio: String(aspectValue(snapshot.meta.aspectRatio)) }}
    >
      {url ? (
        <img src={url} alt={shot ? `Frame of shot ${shot.number}` : ''} />
      ) : (
        <span className="board-placeholder">No frame</span>
      )}
      {line ? (
        <figcaption className="preview-caption">
          {line.speaker}: {line.line}
        </figcaption>
      ) : null}
    </figure>
  );
}
