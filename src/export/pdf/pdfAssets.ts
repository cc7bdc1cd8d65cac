import type { AssetHash } from '../../model/ids';
import type { AssetStore } from '../../store/assets';
import { LOGO_KEY } from './drawOps';
import type { PdfDocumentInput } from './pdfInput';
import type { PdfImages } from './pdfWorkerApi';

/**
 * The frames the PDF draws, read from the asset store (the worker gets the Blobs: no bytes are
 * copied on the way), and the cover's logo. A frame missing from this browser prints as an empty
 * frame.
 */
export async function pdfImagesOf(
  input: PdfDocumentInput,
  assets: Pick<AssetStore, 'get'>,
  logo: Blob | null,
): Promise<PdfImages> {
  const images: Record<string, Blob> = {};
  const hashes = new Set(input.boards.flatMap((b) => (b.frameHash ? [b.frameHash] : [])));
  for (const hash of hashes) {
    const blob = await assets.get(hash as AssetHash);
    if (blob) images[hash] = blob;
  }
  if (logo) images[LOGO_KEY] = logo;
  return images;
}
