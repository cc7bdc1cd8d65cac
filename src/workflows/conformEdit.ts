import type { ProjectSnapshot } from '../model/project';
import { planConform, type ConformSummary } from '../export/timeline/conformPlan';
import { readEdl } from '../export/timeline/edlReader';
import { readFcp7 } from '../export/timeline/fcp7Reader';
import { EditReadError, type ImportedEdit } from '../export/timeline/importedEdit';
import { readOtio } from '../export/timeline/otioReader';
import { rateFromFps, timelineRate } from '../export/timeline/rates';

/**
 * "Import edit…": reads an editor's file (an `.otio`, an FCP7 `.xml` or a CMX `.edl`, told
 * apart by their content, not only their names) and plans the conform against the project.
 * Applying it is the `timeline/conform` command, which the summary dialog runs.
 */

/** Edits bigger than this are not timelines of boards (an EDL of 10,000 events is ~1 MB). */
export const MAX_EDIT_FILE_BYTES = 20 * 1024 * 1024;

export function readEdit(name: string, text: string, snapshot: ProjectSnapshot): ImportedEdit {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return readOtio(text);
  if (head.startsWith('<')) {
    if (/<xmeml[\s>]/.test(head.slice(0, 4096))) return readFcp7(text);
    throw new EditReadError(
      /<fcpxml[\s>]/.test(head.slice(0, 4096))
        ? 'FCPXML cannot be conformed yet: export an FCP7 XML, an EDL or an OpenTimelineIO file from your editor.'
        : `${name} is XML but not a Final Cut Pro 7 sequence.`,
    );
  }
  if (/^(TITLE:|FCM:|\d{3,6}\s)/m.test(head)) {
    return readEdl(text, rateFromFps(snapshot.meta.frameRate) ?? timelineRate('24'));
  }
  throw new EditReadError(`${name} is not an OpenTimelineIO file, an FCP7 XML or an EDL.`);
}

export async function planConformFromFile(
  file: File,
  snapshot: ProjectSnapshot,
): Promise<ConformSummary> {
  if (file.size > MAX_EDIT_FILE_BYTES)
    throw new EditReadError(`${file.name} is too big to be an edit of boards.`);
  const edit = readEdit(file.name, await file.text(), snapshot);
  if (edit.clips.length === 0)
    throw new EditReadError('The edit has no clips on its picture track.');
  return planConform(snapshot, edit);
}
