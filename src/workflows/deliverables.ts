import type { Approval } from '../model/approval';
import type { Comment } from '../model/comment';
import type { ShotId } from '../model/ids';
import { timelineShots, type ProjectSnapshot } from '../model/project';
import {
  ExportCancelled,
  type AssetSource,
  type ExportControl,
} from '../export/deliver/assetSource';
import { contactSheetBlob } from '../export/deliver/browserImages';
import { contactSheetFileName } from '../export/deliver/contactSheet';
import type { SequenceFormat } from '../export/deliver/imageSequence';
import { shotListCsv, shotListRows, shotListXlsx } from '../export/deliver/shotList';
import type { TimelineFormat } from '../export/deliver/timelinePackage';
import { startZipExport, ZipCancelledError } from '../export/deliver/zipClient';
import { zipMediaHashes, type ZipRequest } from '../export/deliver/zipWorkerApi';
import type { WorkerHandle } from '../export/workerJob';
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
  /** Tests only: the zip worker (a real Worker otherwise). */
  readonly createZipWorker?: () => WorkerHandle;
}

/**
 * A timeline package or image sequence, built in the zip worker: the page only looks up the
 * media's Blobs (no bytes are read here) and receives the finished zip.
 */
async function zipDeliverable(
  request: ZipRequest,
  { snapshot, assets, createZipWorker }: DeliverableInput,
  control: ExportControl,
): Promise<Deliverable> {
  const media: Record<string, Blob> = {};
  for (const hash of new Set(zipMediaHashes(request, snapshot))) {
    if (control.signal?.aborted) throw new ExportCancelled();
    const blob = await assets.get(hash);
    if (blob) media[hash] = blob;
  }
  if (control.signal?.aborted) throw new ExportCancelled();
  const job = startZipExport(request, snapshot, media, {
    ...(control.onProgress ? { onProgress: control.onProgress } : {}),
    ...(createZipWorker ? { createWorker: createZipWorker } : {}),
  });
  const cancel = () => job.cancel();
  control.signal?.addEventListener('abort', cancel);
  try {
    const result = await job.promise;
    if (!result.ok) throw new Error(result.error);
    const { file } = result;
    return {
      blob: new Blob([file.bytes], { type: file.mimeType }),
      fileName: file.fileName,
      missing: file.missing,
    };
  } catch (error) {
    throw error instanceof ZipCancelledError ? new ExportCancelled() : error;
  } finally {
    control.signal?.removeEventListener('abort', cancel);
  }
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function makeDeliverable(
  request: DeliverableRequest,
  input: DeliverableInput,
  control: ExportControl = {},
): Promise<Deliverable> {
  const { projectId, snapshot, approvals, comments, assets } = input;
  const slug = fileSlug(snapshot.meta.title);
  switch (request.kind) {
    case 'timeline':
    case 'sequence':
      return zipDeliverable(request, input, control);
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
