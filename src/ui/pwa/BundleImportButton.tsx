import { useRef, useState } from 'react';
import { BUNDLE_EXTENSION, BUNDLE_MIME_TYPE } from '../../export/bundle/format';
import { HiddenFileInput } from '../app/HiddenFileInput';
import { useServices } from '../app/servicesContext';
import type { FileImports } from '../app/useFileImports';
import { importBundleFile } from './bundleImport';

/** "Import bundle" and its file input ("Bundle file") for the header. */
export function BundleImportButton({ imports }: { readonly imports: FileImports }) {
  const { repo } = useServices();
  const input = useRef<HTMLInputElement | null>(null);
  const [busy, setBusy] = useState(false);
  const importFile = async (file: File) => {
    setBusy(true);
    try {
      await importBundleFile(file, repo);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        className="button"
        type="button"
        disabled={busy || imports.busy}
        onClick={() => input.current?.click()}
      >
        Import bundle
      </button>
      <HiddenFileInput
        ref={input}
        label="Bundle file"
        accept={`${BUNDLE_EXTENSION},${BUNDLE_MIME_TYPE},application/zip`}
        onFile={(file) => void importFile(file)}
      />
    </>
  );
}
