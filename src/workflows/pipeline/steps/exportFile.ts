import { afterOf, openFor, step, type ExportKind, type ProjectStepSetup } from './projectStep';

export interface ExportOptions {
  readonly kind: ExportKind;
}

export const EXPORT_LABELS: Record<ExportKind, string> = {
  fcpxml: 'FCPXML',
  fcp7: 'FCP 7 XML (Premiere, Resolve)',
  edl: 'EDL (CMX 3600)',
  otio: 'OpenTimelineIO',
  shotListCsv: 'Shot list (CSV)',
  contactSheet: 'Contact sheet (PNG)',
  reviewPage: 'Review page (HTML)',
};

/** A file made of the project (a download the run keeps): the result holds it. */
export interface ExportedFile {
  readonly kind: 'file';
  readonly fileName: string;
  readonly mimeType: string;
  readonly size: number;
  readonly blob: Blob;
}

export function exportStep<P>(setup: ProjectStepSetup<P>, options: ExportOptions) {
  return step<P>({
    id: setup.id ?? 'export',
    label: `Export: ${EXPORT_LABELS[options.kind]}`,
    after: afterOf(setup),
    version: 1,
    capability: 'none',
    reads: () => options,
    plan: () => [],
    run: (input, ctx) =>
      openFor(setup, input, async (project): Promise<ExportedFile> => {
        ctx.onProgress({ done: 0, total: 1, note: EXPORT_LABELS[options.kind] });
        const made = await setup.deps.exportFile(options.kind, project, ctx.signal);
        return {
          kind: 'file',
          fileName: made.fileName,
          mimeType: made.blob.type,
          size: made.blob.size,
          blob: made.blob,
        };
      }),
  });
}
