import { useEffect, useState } from 'react';
import { FRAME_RATES } from '../../model/project';
import { fps } from '../../model/units';
import {
  CODECS_FOR_FORMAT,
  DEFAULT_GIF_FRAME_RATE,
  ENGINE_LABELS,
  ENGINES,
  type EnginePreference,
  FRAME_RATE_MODE_LABELS,
  FRAME_RATE_MODES,
  frameRateLabel,
  frameRatesFor,
  type FrameRateMode,
  GIF_WIDTHS,
  OUTPUT_FORMAT_LABELS,
  OUTPUT_FORMATS,
  QUALITIES,
  QUALITY_LABELS,
  VIDEO_CODEC_LABELS,
  type GifWidth,
  type OutputFormat,
  type RenderOptions,
  type VideoCodecChoice,
} from '../../render/renderOptions';
import {
  RESOLUTION_CLASSES,
  RESOLUTION_LABELS,
  type ResolutionClass,
} from '../../render/resolution';
import { webCodecsCanEncode } from '../../render/support';

interface Props {
  readonly options: RenderOptions;
  readonly onChange: (options: RenderOptions) => void;
  readonly projectFrameRate: number;
}

/** AV1 is offered only where this browser can encode it (WebCodecs; ffmpeg.wasm has none). */
function useAv1Support(): boolean {
  const [supported, setSupported] = useState(false);
  useEffect(() => {
    let live = true;
    void webCodecsCanEncode('av1').then((yes) => live && setSupported(yes));
    return () => {
      live = false;
    };
  }, []);
  return supported;
}

/** The render settings: format, codec, size, frame rate, quality and burn-in. */
export function RenderOptionsForm({ options, onChange, projectFrameRate }: Props) {
  const av1 = useAv1Support();
  const gif = options.format === 'gif';
  const codecs = gif ? [] : CODECS_FOR_FORMAT[options.format].filter((c) => c !== 'av1' || av1);
  const set = (patch: Partial<RenderOptions>) => onChange({ ...options, ...patch });

  const changeFormat = (format: OutputFormat) => {
    const rates = frameRatesFor(format);
    const frameRate = rates.includes(options.frameRate)
      ? options.frameRate
      : format === 'gif'
        ? DEFAULT_GIF_FRAME_RATE
        : fps(FRAME_RATES.includes(projectFrameRate as 24) ? projectFrameRate : 24);
    const allowed = format === 'gif' ? [] : CODECS_FOR_FORMAT[format];
    const videoCodec = allowed.includes(options.videoCodec)
      ? options.videoCodec
      : (allowed[0] ?? 'avc');
    set({ format, frameRate, videoCodec });
  };

  return (
    <div className="render-options">
      <div className="field-row">
        <label className="field">
          <span>Format</span>
          <select
            value={options.format}
            onChange={(e) => changeFormat(e.target.value as OutputFormat)}
          >
            {OUTPUT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {OUTPUT_FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        </label>
        {gif ? null : (
          <label className="field">
            <span>Video codec</span>
            <select
              value={options.videoCodec}
              onChange={(e) => set({ videoCodec: e.target.value as VideoCodecChoice })}
            >
              {codecs.map((c) => (
                <option key={c} value={c}>
                  {VIDEO_CODEC_LABELS[c]}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="field-row">
        <label className="field">
          <span>Resolution</span>
          {gif ? (
            <select
              value={options.gifWidth}
              onChange={(e) => set({ gifWidth: Number(e.target.value) as GifWidth })}
            >
              {GIF_WIDTHS.map((w) => (
                <option key={w} value={w}>
                  {w} px wide
                </option>
              ))}
            </select>
          ) : (
            <select
              value={options.resolution}
              onChange={(e) => set({ resolution: Number(e.target.value) as ResolutionClass })}
            >
              {RESOLUTION_CLASSES.map((r) => (
                <option key={r} value={r}>
                  {RESOLUTION_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </label>
        <label className="field">
          <span>Frame rate</span>
          <select
            value={options.frameRate}
            onChange={(e) => set({ frameRate: fps(Number(e.target.value)) })}
          >
            {frameRatesFor(options.format).map((r) => (
              <option key={r} value={r}>
                {frameRateLabel(r)} fps{!gif && r === projectFrameRate ? ' (project)' : ''}
              </option>
            ))}
          </select>
        </label>
        {gif ? null : (
          <label className="field">
            <span>Quality</span>
            <select
              value={options.quality}
              onChange={(e) => set({ quality: e.target.value as RenderOptions['quality'] })}
            >
              {QUALITIES.map((q) => (
                <option key={q} value={q}>
                  {QUALITY_LABELS[q]}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {gif ? null : (
        <label className="field">
          <span>Frames</span>
          <select
            value={options.frameRateMode}
            onChange={(e) => set({ frameRateMode: e.target.value as FrameRateMode })}
          >
            {FRAME_RATE_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {FRAME_RATE_MODE_LABELS[mode]}
              </option>
            ))}
          </select>
        </label>
      )}
      {gif ? null : (
        <label className="field">
          <span>Encoder</span>
          <select
            value={options.engine}
            onChange={(e) => set({ engine: e.target.value as EnginePreference })}
          >
            {ENGINES.map((engine) => (
              <option key={engine} value={engine}>
                {ENGINE_LABELS[engine]}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset className="burn-in">
        <legend className="muted">Burn into the picture</legend>
        {(
          [
            ['captions', 'Captions'],
            ['shotNumbers', 'Shot numbers'],
            ['timecode', 'Timecode'],
            ['shotInfo', 'Shot info overlay'],
          ] as const
        ).map(([key, label]) => (
          <label key={key} className="checkbox">
            <input
              type="checkbox"
              checked={options.burnIn[key] ?? false}
              onChange={(e) => set({ burnIn: { ...options.burnIn, [key]: e.target.checked } })}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
