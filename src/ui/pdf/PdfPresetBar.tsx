import { useState } from 'react';
import type { PdfOptions } from '../../export/pdf/pdfOptions';
import {
  DEFAULT_PRESET,
  deletePreset,
  loadPresets,
  PRESET_FILE_MAX_BYTES,
  presetFileName,
  presetFromJson,
  presetToJson,
  savePreset,
  type PdfPreset,
} from '../../export/pdf/pdfPresets';
import { downloadBlob } from '../common/download';

interface Props {
  readonly options: PdfOptions;
  readonly onApply: (options: PdfOptions) => void;
}

/**
 * Presets: pick one to apply it, save the current settings under a name (kept in this browser),
 * export one as a small JSON file to share, import one someone sent.
 */
export function PdfPresetBar({ options, onApply }: Props) {
  const [presets, setPresets] = useState<PdfPreset[]>(() => loadPresets(localStorage));
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const choose = (value: string) => {
    setChosen(value);
    const preset = value === '' ? DEFAULT_PRESET : presets.find((p) => p.name === value);
    if (preset) onApply(preset.options);
    setMessage(null);
  };
  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    setPresets(savePreset(localStorage, { name: trimmed, options }));
    setChosen(trimmed);
    setName('');
    setMessage({ text: `Saved the preset “${trimmed}” in this browser.`, error: false });
  };
  const remove = () => {
    if (!chosen) return;
    setPresets(deletePreset(localStorage, chosen));
    setMessage({ text: `Deleted the preset “${chosen}”.`, error: false });
    setChosen('');
  };
  const exportPreset = () => {
    const preset = { name: chosen || name.trim() || 'My PDF preset', options };
    downloadBlob(
      new Blob([presetToJson(preset)], { type: 'application/json' }),
      presetFileName(preset.name),
    );
  };
  const importPreset = async (file: File | undefined) => {
    if (!file) return;
    const read =
      file.size > PRESET_FILE_MAX_BYTES
        ? ({ ok: false, error: 'This file is too big to be a PDF preset.' } as const)
        : presetFromJson(await file.text());
    if (!read.ok) return setMessage({ text: `${file.name}: ${read.error}`, error: true });
    setPresets(savePreset(localStorage, read.preset));
    setChosen(read.preset.name);
    onApply(read.preset.options);
    setMessage({ text: `Imported the preset “${read.preset.name}”.`, error: false });
  };

  return (
    <fieldset className="pdf-group pdf-presets">
      <legend>Preset</legend>
      <div className="field-row">
        <label className="field">
          <span>Preset</span>
          <select aria-label="Preset" value={chosen} onChange={(e) => choose(e.target.value)}>
            <option value="">{DEFAULT_PRESET.name}</option>
            {presets.map((preset) => (
              <option key={preset.name} value={preset.name}>
                {preset.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Save as</span>
          <input
            value={name}
            maxLength={80}
            placeholder="Preset name"
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && save()}
          />
        </label>
      </div>
      <div className="pdf-preset-actions">
        <button className="button quiet" type="button" onClick={save} disabled={!name.trim()}>
          Save preset
        </button>
        <button className="button quiet" type="button" onClick={exportPreset}>
          Export preset
        </button>
        <label className="button quiet file-button">
          Import preset
          <input
            type="file"
            accept="application/json,.json"
            aria-label="Preset file"
            className="visually-hidden"
            onChange={(e) => {
              void importPreset(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
        <button className="button quiet danger" type="button" onClick={remove} disabled={!chosen}>
          Delete preset
        </button>
      </div>
      {message ? (
        <p
          role={message.error ? 'alert' : 'status'}
          className={message.error ? 'pdf-error' : 'muted'}
        >
          {message.text}
        </p>
      ) : null}
    </fieldset>
  );
}
