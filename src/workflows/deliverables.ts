import type { Approval } from '../model/approval';
import type { Comment } from '../model/comment';
import type { ShotId } from '../model/ids';
import { timelineShots, type ProjectSnapshot } from '../model/project';
import type { AssetSource, ExportControl } from '../export/deliver/assetSource';
import { contactSheetBlob, convertWithCanvas } from '../export/deliver/browserImages';
import { contactSheetFileName } from '../export/deliver/contactSheet';
import { imageSequence, type SequenceFormat } from '../export/deliver/imageSequence';
import { shotListCsv, shotListRows, shotListXlsx } from '../export/deliver/shotList';
import { timelinePackage, type TimelineFormat } from '../export/deliver/timelinePackage';
import { fileSlug } from '../export/fileNames';
import { readAssets } from '../export/deliver/assetSource';
import { buildReviewPage } from '../export/review/reviewPage';
import { reviewPageFileName } from '../export/review/reviewFile';
import type { TimelineRateId } from '../export/timeline/rates';

/**
 * Everything the Export menu makes besides the project file, subtitles and script: loaded on
 * first use (the UI imports this module dynamically), so none of it weighs on the first page
 * load. Each returns the file to download and how many frames or sounds were missing.
 */
export type DeliverableRequest =
  | { readonly kind: 'timeline'; readonly format: TimelineFormat; readonly rate: TimelineRateId }
  | { readonly kind: 'sequence'; readonly format: SequenceFormat }
  | { readonly kind: 'contactSheet' }
  | { readonly kind: 'shotListCsv' }
  | { readonly kind: 'shotListXlsx' }
  | { readonly kind: 'reviewPage' };

export interface Deliverable {
  readonly blob: Blob;
  readonly fileName: string;
  readonly missing: number;
}

export interface DeliverableInput {
  readonly projectId: string;
  readonly snapshot: ProjectSnapshot;
  readonly approvals: ReadonlyMap<ShotId, Approval>;
  /** The review page shows the team's comments beside each shot. */
  readonly comments: readonly Comment[];
  readonly assets: AssetSource;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function makeDeliverable(
  request: DeliverableRequest,
  { projectId, snapshot, approvals, comments, assets }: DeliverableInput,
  control: ExportControl = {},
): Promise<Deliverable> {
  const slug = fileSlug(snapshot.meta.title);
  switch (request.kind) {
    case 'timeline': {
      const file = await timelinePackage(snapshot, request.format, request.rate, assets, control);
      return {
        blob: new Blob([file.bytes], { type: file.mimeType }),
        fileName: file.fileName,
        missing: file.missing,
      };
    }
    case 'sequence': {
      const file = await imageSequence(
        snapshot,
        request.format,
        assets,
        convertWithCanvas,
        control,
      );
      return {
        blob: new Blob([file.bytes], { type: file.mimeType }),
        fileName: file.fileName,
        missing: file.missing,
      };
    }
    case 'contactSheet': {
      const { blob, missing } = await contactSheetBlob(snapshot, assets, control);
      return { blob, fileName: contactSheetFileName(snapshot.meta.title, 'png'), missing };
    }
    case 'shotListCsv': {
      const csv = shotListCsv(shotListRows(snapshot, approvals));
      return {
        blob: new Blob([csv], { type: 'text/csv;charset=utf-8' }),
        fileName: `${slug}-shot-list.csv`,
        missing: 0,
      };
    }
    case 'shotListXlsx': {
      const blob = await shotListXlsx(shotListRows(snapshot, approvals), snapshot.meta.title);
      return {
        blob: new Blob([blob], { type: XLSX_TYPE }),
        fileName: `${slug}-shot-list.xlsx`,
        missing: 0,
      };
    }
    case 'reviewPage': {
      const shots = timelineShots(snapshot);
      const hashes = shots.flatMap((s) => (s.frameHash ? [s.frameHash] : []));
      const frames = await readAssets(assets, hashes, control);
      const sounds = await readAssets(
        assets,
        shots.flatMap((s) => s.audio.map((clip) => clip.assetHash)),
        control,
      );
      const html = await buildReviewPage({
        sounds,
        projectId,
        snapshot,
        comments,
        approvals,
        frames,
        exportedAt: Date.now(),
      });
      return {
        blob: new Blob([html], { type: 'text/html;charset=utf-8' }),
        fileName: reviewPageFileName(snapshot.meta.title),
        missing: shots.filter((s) => !s.frameHash || !frames.has(s.frameHash)).length,
      };
    }
  }
}
