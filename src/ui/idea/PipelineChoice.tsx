import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ModelTask } from '../../ai/providers/types';
import { DexieTemplateStore, type TemplateRow } from '../../store/pipelineTemplates';
import type { ProviderOptions } from '../../workflows/idea/appDeps';
import {
  checkPipeline,
  PIPELINE_FILE_EXTENSION,
  pipelineFileJson,
  readPipelineFile,
  startsFromIdea,
  type Issue,
  type KnownProviders,
  type PipelineSpec,
} from '../../workflows/pipeline/custom/pipelineFile';
import { AUTO } from '../../workflows/pipeline/types';
import { HiddenFileInput } from '../app/HiddenFileInput';
import { useServices } from '../app/servicesContext';

interface Props {
  /** The saved pipeline the run follows (its file's JSON); undefined: the default steps. */
  readonly templated: unknown;
  readonly options: ProviderOptions;
  /** Steps are chosen before the first one runs. */
  readonly disabled: boolean;
  /** Follow this checked pipeline (null: the default steps). */
  readonly onChoose: (spec: PipelineSpec | null) => void;
}

const DEFAULT = 'default';
const CURRENT = 'current';

/**
 * Which steps the run makes: the default ones (outline to animatic) or a saved pipeline that
 * starts from an idea (it writes the script), picked from the templates or imported from a file,
 * which is checked first and kept as a template.
 */
export function PipelineChoice({ templated, options, disabled, onChoose }: Props) {
  const app = useServices();
  const id = useId();
  const store = useMemo(() => new DexieTemplateStore(app.repo.db), [app]);
  const [rows, setRows] = useState<TemplateRow[]>([]);
  const [problems, setProblems] = useState<{ text: string; issues: readonly Issue[] } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const known: KnownProviders = useCallback(
    (task: ModelTask) => (options[task] ?? []).map((o) => o.value).filter((v) => v !== AUTO),
    [options],
  );
  useEffect(() => {
    void store.list().then(setRows);
  }, [store]);

  const current = templated === undefined ? null : checkPipeline(templated, known);
  const currentJson = current?.ok ? pipelineFileJson(current.spec) : null;
  const usable = rows.flatMap((row) => {
    const read = checkPipeline(row.file, known);
    return read.ok && startsFromIdea(read.spec) && pipelineFileJson(read.spec) !== currentJson
      ? [{ row, spec: read.spec }]
      : [];
  });

  const importFile = async (file: File) => {
    const read = readPipelineFile(await file.text(), known);
    if (!read.ok)
      return setProblems({ text: `${file.name} was not imported.`, issues: read.errors });
    if (!startsFromIdea(read.spec))
      return setProblems({
        text: `“${read.spec.name}” works on an open project (it has no script step): run it from a project’s Pipelines dialog.`,
        issues: [],
      });
    const now = Date.now();
    await store.put({
      id: crypto.randomUUID(),
      name: read.spec.name,
      file: JSON.parse(pipelineFileJson(read.spec)),
      createdAt: now,
      updatedAt: now,
    });
    setProblems(read.warnings.length ? { text: '', issues: read.warnings } : null);
    onChoose(read.spec);
  };

  return (
    <div className="idea-pipeline-choice">
      <div className="field">
        <label htmlFor={`${id}-steps`}>Steps</label>
        <select
          id={`${id}-steps`}
          value={current?.ok ? CURRENT : DEFAULT}
          disabled={disabled}
          onChange={(e) => {
            setProblems(null);
            if (e.target.value === DEFAULT) return onChoose(null);
            const picked = usable.find((u) => u.row.id === e.target.value);
            if (picked) onChoose(picked.spec);
          }}
        >
          <option value={DEFAULT}>All steps: outline to animatic</option>
          {current?.ok ? (
            <option value={CURRENT}>Saved pipeline “{current.spec.name}”</option>
          ) : null}
          {usable.map(({ row }) => (
            <option key={row.id} value={row.id}>
              Saved pipeline “{row.name}”
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button"
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        Import pipeline…
      </button>
      <HiddenFileInput
        ref={input}
        label="Pipeline file"
        accept={`${PIPELINE_FILE_EXTENSION},.json,application/json`}
        onFile={(f) => void importFile(f)}
      />
      <p className="muted idea-pipeline-help">
        {disabled
          ? 'The steps are chosen before the first one runs.'
          : 'A saved pipeline that writes the script runs its own steps, with its providers.'}
      </p>
      {problems ? (
        <div className="idea-pipeline-problems" role="alert">
          {problems.text ? <p>{problems.text}</p> : null}
          {problems.issues.length ? (
            <ul>
              {problems.issues.map((issue, i) => (
                <li key={i}>
                  {issue.where ? <code>{issue.where}</code> : null} {issue.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
