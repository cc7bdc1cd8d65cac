import '../styles/pipelines.css';
import { useEffect, useState } from 'react';
import type { AssetHash } from '../../model/ids';
import type { ExportedFile } from '../../workflows/pipeline/steps/exportFile';
import type { ShotTally } from '../../workflows/pipeline/steps/projectStep';
import { isRenderedVideo, type RenderedVideo } from '../../workflows/pipeline/steps/render';
import { useServices } from '../app/servicesContext';
import { downloadBlob } from '../common/download';
import { clockDuration, plural } from '../common/format';
import { inertObjectUrl } from '../common/objectUrl';

/** What a project step made, readably: the animatic to play, a file to download, shot counts. */
export function isProjectStepOutput(output: unknown): boolean {
  return isRenderedVideo(output) || isExportedFile(output) || isTally(output) || isNote(output);
}

export function ProjectStepResult({ output }: { readonly output: unknown }) {
  if (isRenderedVideo(output)) return <RenderedVideoResult video={output} />;
  if (isExportedFile(output))
    return (
      <p className="pipeline-result">
        <button
          type="button"
          className="button primary"
          onClick={() => downloadBlob(output.blob, output.fileName)}
        >
          Download {output.fileName}
        </button>
      </p>
    );
  if (isTally(output)) {
    const sketched = 'mode' in output && output.mode === 'sketch';
    const sheets = 'sheets' in output && typeof output.sheets === 'number' ? output.sheets : 0;
    return (
      <p className="pipeline-result">
        {sketched
          ? `Offline: ${plural(output.skipped, 'shot')} keep their sketches or own frames (no image provider for this step)`
          : `${plural(output.made, 'shot')} done now · ${output.skipped} already done or with nothing to do`}
        {sheets > 0 ? (
          <span>
            {' '}
            · {plural(sheets, 'character sheet')} drawn first, in the project’s character bible, as
            the frames’ references
          </span>
        ) : null}
        {output.note && !sketched ? <span className="muted"> · {output.note}</span> : null}
      </p>
    );
  }
  if (isNote(output)) return <p className="pipeline-result muted">{output.note}</p>;
  return null;
}

function RenderedVideoResult({ video }: { readonly video: RenderedVideo }) {
  const { assets } = useServices();
  const [blob, setBlob] = useState<Blob | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    void assets.get(video.assetHash as AssetHash).then((found) => {
      if (!live || !found) return;
      made = inertObjectUrl(found);
      setBlob(found);
      setUrl(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [assets, video.assetHash]);
  return (
    <div className="pipeline-result pipeline-video">
      {url ? (
        <video
          src={url}
          controls
          aria-label="Rendered animatic"
          className="pipeline-video-player"
        />
      ) : (
        <p className="muted">The video is not on this device any more.</p>
      )}
      <p>
        <button
          type="button"
          className="button primary"
          disabled={!blob}
          onClick={() => blob && downloadBlob(blob, video.fileName)}
        >
          Download {video.fileName}
        </button>{' '}
        <span className="muted">
          {clockDuration(video.durationMs)} · {(video.bytes / 1_048_576).toFixed(1)} MB
        </span>
      </p>
      {video.warnings.length > 0 ? <p className="muted">{video.warnings.join(' ')}</p> : null}
    </div>
  );
}

function isExportedFile(value: unknown): value is ExportedFile {
  const v = value as Partial<ExportedFile> | null;
  return typeof v === 'object' && v !== null && v.kind === 'file' && v.blob instanceof Blob;
}

function isTally(value: unknown): value is ShotTally & { mode?: string } {
  const v = value as Partial<ShotTally> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.made === 'number' &&
    typeof v.skipped === 'number'
  );
}

function isNote(value: unknown): value is { note: string } {
  const v = value as { note?: unknown } | null;
  return typeof v === 'object' && v !== null && typeof v.note === 'string';
}
