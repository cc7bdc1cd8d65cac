import { useState } from 'react';
import {
  subtitleFileName,
  subtitlesFor,
  SUBTITLE_MIME_TYPES,
  type SubtitleFormat,
} from '../../export/subtitles';
import { captionsFor } from '../../model/captions';
import type { ProjectSnapshot } from '../../model/project';
import { downloadBlob } from '../common/download';

/**
 * "Export subtitles", then "SRT" or "VTT": the dialogue as timed captions (model/captions.ts),
 * downloaded as `<slug>.srt` / `<slug>.vtt` in UTF-8. Reads the snapshot when clicked, so the
 * file always matches the boards as they are.
 */
export function SubtitleExport({ snapshot }: { readonly snapshot: () => ProjectSnapshot }) {
  const [open, setOpen] = useState(false);
  const save = (format: SubtitleFormat) => {
    const project = snapshot();
    const text = subtitlesFor(captionsFor(project), format);
    downloadBlob(
      new Blob([text], { type: SUBTITLE_MIME_TYPES[format] }),
      subtitleFileName(project.meta.title, format),
    );
  };
  if (!open) {
    return (
      <button className="button" type="button" onClick={() => setOpen(true)} aria-expanded={false}>
        Export subtitles
      </button>
    );
  }
  return (
    <div className="subtitle-export" role="group" aria-label="Export subtitles">
      <button className="button" type="button" onClick={() => save('srt')}>
        SRT
      </button>
      <button className="button" type="button" onClick={() => save('vtt')}>
        VTT
      </button>
    </div>
  );
}
