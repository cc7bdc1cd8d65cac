import { useId, useState } from 'react';
import { ASPECT_CHOICES } from '../../model/aspect';
import type { AspectRatio } from '../../model/project';
import {
  FORMATS,
  titleOf,
  withFormat,
  type FormatId,
  type IdeaParams,
} from '../../workflows/idea/params';
import { useDraft } from './useDraft';

interface Props {
  readonly params: IdeaParams;
  readonly onSave: (params: IdeaParams, title: string) => void;
  readonly readOnly: boolean;
}

const MIN_SECONDS = 5;
const MAX_SECONDS = 3600;

/** The first page: the idea and the brief every later step is written to. */
export function BriefForm({ params, onSave, readOnly }: Props) {
  const { draft, change, flush } = useDraft(params, (next) => onSave(next, titleOf(next)));
  const [seconds, setSeconds] = useState(String(params.lengthSeconds));
  const id = useId();
  const set = (patch: Partial<IdeaParams>) => change({ ...draft, ...patch });
  const text = (key: 'idea' | 'logline' | 'brief' | 'tone' | 'audience') => ({
    id: `${id}-${key}`,
    value: draft[key],
    readOnly,
    onChange: (e: { target: { value: string } }) => set({ [key]: e.target.value }),
    onBlur: flush,
  });
  return (
    <form className="idea-brief" onSubmit={(e) => e.preventDefault()} aria-label="Your idea">
      <div className="field">
        <label htmlFor={`${id}-idea`}>Idea</label>
        <textarea
          {...text('idea')}
          rows={4}
          placeholder="Two or three lines: who, what happens, how it ends."
          autoFocus={!draft.idea}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-logline`}>Logline (optional)</label>
        <input {...text('logline')} placeholder="One sentence a stranger would get." />
      </div>
      <div className="field">
        <label htmlFor={`${id}-brief`}>Brief (optional)</label>
        <textarea
          {...text('brief')}
          rows={3}
          placeholder="Client, product, must-haves, what to avoid."
        />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-format`}>Format</label>
          <select
            id={`${id}-format`}
            value={draft.format}
            disabled={readOnly}
            onChange={(e) => {
              const next = withFormat(draft, e.target.value as FormatId);
              setSeconds(String(next.lengthSeconds));
              change(next);
              flush();
            }}
          >
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-length`}>Length (seconds)</label>
          <input
            id={`${id}-length`}
            type="number"
            min={MIN_SECONDS}
            max={MAX_SECONDS}
            value={seconds}
            readOnly={readOnly}
            onChange={(e) => {
              setSeconds(e.target.value);
              const n = Math.round(Number(e.target.value));
              if (Number.isFinite(n) && n >= MIN_SECONDS && n <= MAX_SECONDS)
                set({ lengthSeconds: n });
            }}
            onBlur={() => {
              setSeconds(String(draft.lengthSeconds));
              flush();
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-aspect`}>Aspect ratio</label>
          <select
            id={`${id}-aspect`}
            value={draft.aspectRatio}
            disabled={readOnly}
            onChange={(e) => {
              change({ ...draft, aspectRatio: e.target.value as AspectRatio });
              flush();
            }}
          >
            {ASPECT_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-tone`}>Tone</label>
          <input {...text('tone')} placeholder="Wistful, dry, hopeful…" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-audience`}>Audience</label>
          <input {...text('audience')} placeholder="Who is it for?" />
        </div>
      </div>
    </form>
  );
}
