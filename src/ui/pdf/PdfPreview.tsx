import { useEffect, useRef, useState } from 'react';
import type { DocumentPlan } from '../../export/pdf/drawOps';
import { drawPage } from './canvasPage';

interface Props {
  readonly plan: DocumentPlan;
  readonly pageIndex: number;
  /** A frame by hash or the logo, as a small bitmap for the preview; null when there is none. */
  readonly loadImage: (key: string) => Promise<ImageBitmap | null>;
  readonly blackAndWhite: boolean;
}

const PREVIEW_WIDTH_PX = 500;

/**
 * A page of the PDF drawn from the same layout the writer uses (src/export/pdf), on a canvas:
 * it follows every option at once, without writing a PDF.
 */
export function PdfPreview({ plan, pageIndex, loadImage, blackAndWhite }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [images, setImages] = useState<ReadonlyMap<string, ImageBitmap>>(new Map());
  const page = plan.pages[pageIndex];
  const ratio = plan.heightPt / plan.widthPt;
  const landscape = ratio < 1;
  const cssWidth = landscape ? PREVIEW_WIDTH_PX : Math.round(PREVIEW_WIDTH_PX / Math.sqrt(2));
  const cssHeight = Math.round(cssWidth * ratio);

  const keys = page?.ops.flatMap((op) => (op.kind === 'image' ? [op.key] : [])) ?? [];
  const keysText = keys.join(' ');
  useEffect(() => {
    let live = true;
    const missing = keysText.split(' ').filter((key) => key && !images.has(key));
    if (missing.length === 0) return;
    void Promise.all(missing.map(async (key) => [key, await loadImage(key)] as const)).then(
      (loaded) => {
        if (!live) return;
        setImages((previous) => {
          const next = new Map(previous);
          for (const [key, bitmap] of loaded) if (bitmap) next.set(key, bitmap);
          return next;
        });
      },
    );
    return () => {
      live = false;
    };
  }, [keysText, images, loadImage]);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context || !page) return;
    const pixelRatio = window.devicePixelRatio || 1;
    element.width = Math.round(cssWidth * pixelRatio);
    element.height = Math.round(cssHeight * pixelRatio);
    drawPage(context, page, plan, element.width / plan.widthPt, images, blackAndWhite);
  }, [page, plan, images, cssWidth, cssHeight, blackAndWhite]);

  return (
    <canvas
      ref={canvas}
      className="pdf-preview-page"
      role="img"
      aria-label={`Preview of page ${pageIndex + 1} of ${plan.pages.length}`}
      style={{ width: cssWidth, height: cssHeight }}
    />
  );
}
