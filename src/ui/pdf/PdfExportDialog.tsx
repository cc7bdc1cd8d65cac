import '../styles/pdf.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { layoutDocument } from '../../export/pdf/layoutDocument';
import { LOGO_KEY } from '../../export/pdf/drawOps';
import { pdfImagesOf } from '../../export/pdf/pdfAssets';
import { PdfCancelledError, startPdfExport } from '../../export/pdf/pdfClient';
import { inputTexts, pdfInputOf } from '../../export/pdf/pdfInput';
import {
  ALL_BOARDS,
  DEFAULT_PDF_OPTIONS,
  type PdfOptions,
  type PdfSelection,
} from '../../export/pdf/pdfOptions';
import { fileSlug } from '../../export/fileNames';
import type { AssetHash } from '../../model/ids';
import type { ProjectSession } from '../../store';
import { useServices } from '../app/servicesContext';
import { Dialog } from '../common/Dialog';
import { downloadBlob } from '../common/download';
import { useSessionState } from '../project/useSession';
import { canvasMeasure } from './canvasPage';
import { PdfOptionsForm } from './PdfOptionsForm';
import { PdfPresetBar } from './PdfPresetBar';
import { PdfPreview } from './PdfPreview';
import { usePreviewFonts } from './usePreviewFonts';
import { fontsNeeded } from '../../export/pdf/scripts';

type Stage =
  | { readonly name: 'options' }
  | { readonly name: 'writing'; readonly done: number; readonly total: number }
  | { readonly name: 'done'; readonly pages: number; readonly bytes: number }
  | { readonly name: 'failed'; readonly message: string }
  | { readonly name: 'cancelled' };

interface Props {
  readonly session: ProjectSession;
  readonly onClose: () => void;
}

const PREVIEW_BITMAP_WIDTH = 480;
const BYTES_PER_MEGABYTE = 1_048_576;

export function pdfFileName(title: string): string {
  return `${fileSlug(title)}-boards.pdf`;
}

/**
 * Export PDF: the options beside a live preview of the page, then the PDF written in a worker
 * with progress and Cancel, then the download. The project is only read.
 */
export default function PdfExportDialog({ session, onClose }: Props) {
  const { assets } = useServices();
  const { snapshot } = useSessionState(session);
  const [options, setOptions] = useState<PdfOptions>(DEFAULT_PDF_OPTIONS);
  const [selection, setSelection] = useState<PdfSelection>(ALL_BOARDS);
  const [version, setVersion] = useState(() => session.versions[0]?.name ?? '');
  const [logo, setLogo] = useState<{ file: File; bitmap: ImageBitmap } | null>(null);
  const [pageIndex, setPageIndex] = useState(0);
  const [stage, setStage] = useState<Stage>({ name: 'options' });
  const job = useRef<{ cancel(): void } | null>(null);
  const dateText = useMemo(
    () => new Date().toLocaleDateString(undefined, { dateStyle: 'long' }),
    [],
  );

  const input = useMemo(
    () => pdfInputOf(snapshot, session.review, selection, { version: version.trim(), dateText }),
    [snapshot, session.review, selection, version, dateText],
  );
  const needed = useMemo(() => fontsNeeded(inputTexts(input)), [input]);
  const fontsReady = usePreviewFonts(needed);
  const measure = useMemo(() => {
    const context = document.createElement('canvas').getContext('2d');
    return context
      ? canvasMeasure(context)
      : (text: string, size: number) => text.length * size * 0.55;
    // Measured again once the PDF's fonts are in the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fontsReady]);
  const plan = useMemo(
    () =>
      layoutDocument(
        input,
        options,
        measure,
        logo ? { width: logo.bitmap.width, height: logo.bitmap.height } : null,
      ),
    [input, options, measure, logo],
  );
  const shownPage = Math.min(pageIndex, plan.pages.length - 1);

  const loadImage = useMemo(() => {
    return async (key: string): Promise<ImageBitmap | null> => {
      if (key === LOGO_KEY) return logo?.bitmap ?? null;
      const blob = await assets.get(key as AssetHash);
      if (!blob) return null;
      try {
        return await createImageBitmap(blob, {
          resizeWidth: PREVIEW_BITMAP_WIDTH,
          resizeQuality: 'medium',
        });
      } catch {
        return null;
      }
    };
  }, [assets, logo]);

  useEffect(() => () => job.current?.cancel(), []);

  const chooseLogo = async (file: File | undefined) => {
    if (!file) return setLogo(null);
    try {
      setLogo({ file, bitmap: await createImageBitmap(file) });
    } catch {
      setStage({ name: 'failed', message: `${file.name} is not an image this browser can read.` });
    }
  };

  const exportPdf = async () => {
    const pages = plan.pages.length;
    setStage({ name: 'writing', done: 0, total: pages });
    try {
      const images = await pdfImagesOf(input, assets, options.cover ? (logo?.file ?? null) : null);
      const started = startPdfExport(input, options, images, {
        onProgress: (done, total) => setStage({ name: 'writing', done, total }),
      });
      job.current = started;
      const result = await started.promise;
      job.current = null;
      if (!result.ok) return setStage({ name: 'failed', message: result.error });
      downloadBlob(
        new Blob([result.bytes], { type: 'application/pdf' }),
        pdfFileName(snapshot.meta.title),
      );
      setStage({ name: 'done', pages, bytes: result.bytes.byteLength });
    } catch (error) {
      job.current = null;
      if (error instanceof PdfCancelledError) return setStage({ name: 'cancelled' });
      setStage({ name: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const boardsCount = options.worksheet ? 0 : input.boards.length;
  return (
    <Dialog title="Export PDF" onClose={onClose}>
      <div className="pdf-dialog">
        <div className="pdf-settings">
          <PdfPresetBar options={options} onApply={setOptions} />
          <PdfOptionsForm
            options={options}
            onChange={setOptions}
            selection={selection}
            onSelection={setSelection}
            scenes={snapshot.scenes}
            shotNumbers={snapshot.shots.map((s) => s.number)}
          />
          {options.cover ? (
            <fieldset className="pdf-group">
              <legend>Cover</legend>
              <div className="field-row">
                <label className="field">
                  <span>Version</span>
                  <input
                    value={version}
                    onChange={(e) => setVersion(e.target.value)}
                    placeholder="none"
                  />
                </label>
                <label className="field">
                  <span>Logo</span>
                  <input
                    type="file"
                    accept="image/png,image/jpeg,image/webp"
                    onChange={(e) => void chooseLogo(e.target.files?.[0])}
                  />
                </label>
              </div>
            </fieldset>
          ) : null}
        </div>
        <div className="pdf-preview">
          <PdfPreview
            plan={plan}
            pageIndex={shownPage}
            loadImage={loadImage}
            blackAndWhite={options.blackAndWhite}
          />
          <div className="pdf-pager">
            <button
              className="button quiet"
              type="button"
              aria-label="Previous page"
              disabled={shownPage <= 0}
              onClick={() => setPageIndex(shownPage - 1)}
            >
              ‹
            </button>
            <span className="muted">
              Page {shownPage + 1} of {plan.pages.length}
              {options.worksheet
                ? ''
                : ` · ${boardsCount} ${boardsCount === 1 ? 'board' : 'boards'}`}
            </span>
            <button
              className="button quiet"
              type="button"
              aria-label="Next page"
              disabled={shownPage >= plan.pages.length - 1}
              onClick={() => setPageIndex(shownPage + 1)}
            >
              ›
            </button>
          </div>
        </div>
      </div>
      {stage.name === 'writing' ? (
        <>
          <progress
            className="progress"
            aria-label="PDF progress"
            max={stage.total || 1}
            value={stage.done}
          />
          <p role="status" className="muted">
            Writing page {stage.done} of {stage.total}…
          </p>
        </>
      ) : null}
      {stage.name === 'done' ? (
        <p role="status">
          Your PDF is ready: {stage.pages} {stage.pages === 1 ? 'page' : 'pages'},{' '}
          {(stage.bytes / BYTES_PER_MEGABYTE).toFixed(1)} MB.
        </p>
      ) : null}
      {stage.name === 'failed' ? (
        <p role="alert">The PDF could not be written: {stage.message}</p>
      ) : null}
      {stage.name === 'cancelled' ? <p role="status">Export cancelled.</p> : null}
      <div className="dialog-actions">
        {stage.name === 'writing' ? (
          <button className="button" type="button" onClick={() => job.current?.cancel()}>
            Cancel
          </button>
        ) : (
          <>
            <button className="button" type="button" onClick={onClose}>
              Close
            </button>
            <button
              className="button primary"
              type="button"
              disabled={!options.worksheet && input.boards.length === 0}
              onClick={() => void exportPdf()}
            >
              Export PDF
            </button>
          </>
        )}
      </div>
    </Dialog>
  );
}
