import '../styles/pipelines.css';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { ModelTask } from '../../ai/providers/types';
import type { ProjectSession } from '../../store';
import { DexieRunStore } from '../../store/pipelineRuns';
import { DexieTemplateStore, type TemplateRow } from '../../store/pipelineTemplates';
import { loadIdeaPricing, type IdeaPricing } from '../../workflows/idea/appDeps';
import { customPipeline, type CustomParams } from '../../workflows/pipeline/custom/build';
import { CATALOG, type StepKind } from '../../workflows/pipeline/custom/catalog';
import {
  addableKinds,
  addStep,
  moveStep,
  removeStep,
  setStep,
  STARTER,
} from '../../workflows/pipeline/custom/compose';
import {
  checkPipeline,
  PIPELINE_FILE_EXTENSION,
  pipelineFileJson,
  pipelineFileName,
  readPipelineFile,
  startsFromIdea,
  type Issue,
  type KnownProviders,
  type PipelineSpec,
} from '../../workflows/pipeline/custom/pipelineFile';
import { PipelineEngine } from '../../workflows/pipeline/engine';
import { RunController } from '../../workflows/pipeline/runController';
import { EXPORT_LABELS } from '../../workflows/pipeline/steps/exportFile';
import { EXPORT_KINDS } from '../../workflows/pipeline/steps/projectStep';
import { AUTO } from '../../workflows/pipeline/types';
import { aiServiceFor } from '../ai/useAi';
import { formatUsd } from '../ai/labels';
import { HiddenFileInput } from '../app/HiddenFileInput';
import { useServices } from '../app/servicesContext';
import { Dialog } from '../common/Dialog';
import { downloadBlob } from '../common/download';
import { plural } from '../common/format';
import { stepDepsFor } from './appStepDeps';
import { ProjectStepResult } from './ProjectStepResult';

interface Props {
  readonly session: ProjectSession;
  readonly onClose: () => void;
}

const noSubscription = () => () => undefined;

interface Notice {
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
  readonly text: string;
}

const STATUS: Record<string, string> = {
  todo: 'Not run',
  running: 'Running',
  done: 'Done',
  stale: 'Stale',
  failed: 'Failed',
};

/**
 * Custom pipelines on the open project: compose steps from the catalog (add, remove, reorder, a
 * provider and options each), check them as a file from elsewhere would be checked, save as a
 * template, export and import `.frameline-pipeline.json`, and run one with its cost first,
 * progress per step and cancel.
 */
export function PipelinesDialog({ session, onClose }: Props) {
  const app = useServices();
  const templates = useMemo(() => new DexieTemplateStore(app.repo.db), [app]);
  const [rows, setRows] = useState<TemplateRow[]>([]);
  const [pricing, setPricing] = useState<IdeaPricing | null>(null);
  const [draft, setDraft] = useState<PipelineSpec>(STARTER);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [run, setRun] = useState<RunController<CustomParams> | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const reload = useCallback(() => void templates.list().then(setRows), [templates]);
  useEffect(() => {
    reload();
    void loadIdeaPricing(aiServiceFor(app)).then(setPricing);
  }, [app, reload]);
  useEffect(() => () => run?.dispose(), [run]);

  const known: KnownProviders = useCallback(
    (task: ModelTask) =>
      (pricing?.options[task] ?? []).map((o) => o.value).filter((v) => v !== AUTO),
    [pricing],
  );
  const checked = useMemo(
    () => checkPipeline(JSON.parse(pipelineFileJson(draft)), known),
    [draft, known],
  );
  const fromIdea = startsFromIdea(draft);
  const busy = useSyncExternalStore(
    run?.subscribe ?? noSubscription,
    () => run?.getSnapshot().busy ?? false,
  );

  const open = (row: TemplateRow) => {
    const read = checkPipeline(row.file, known);
    setTemplateId(row.id);
    if (read.ok) {
      setDraft(read.spec);
      setNotice(
        read.warnings.length
          ? { errors: [], warnings: read.warnings, text: `Opened “${row.name}”.` }
          : null,
      );
    } else
      setNotice({
        errors: read.errors,
        warnings: read.warnings,
        text: `“${row.name}” cannot be used.`,
      });
  };

  const save = async () => {
    const id = templateId ?? crypto.randomUUID();
    const now = Date.now();
    const before = rows.find((r) => r.id === id);
    await templates.put({
      id,
      name: draft.name,
      file: JSON.parse(pipelineFileJson(draft)),
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    });
    setTemplateId(id);
    setNotice({ errors: [], warnings: [], text: `Saved “${draft.name}” as a template.` });
    reload();
  };

  const importFile = async (file: File) => {
    const read = readPipelineFile(await file.text(), known);
    if (!read.ok) {
      setNotice({
        errors: read.errors,
        warnings: read.warnings,
        text: `${file.name} was not imported.`,
      });
      return;
    }
    setDraft(read.spec);
    setTemplateId(null);
    setNotice({
      errors: [],
      warnings: read.warnings,
      text: `Imported “${read.spec.name}” from ${file.name}.`,
    });
  };

  const start = async () => {
    if (!checked.ok || !pricing) return;
    await session.flush();
    const { definition, providers } = customPipeline(
      templateId ?? 'draft',
      checked.spec,
      stepDepsFor(app),
    );
    const engine = await PipelineEngine.create<CustomParams>(
      { store: new DexieRunStore(app.repo.db), definition, price: pricing.price },
      {
        id: crypto.randomUUID(),
        title: checked.spec.name,
        params: { projectId: session.id },
        providers,
      },
    );
    const controller = new RunController(engine, definition);
    await controller.refresh();
    setRun(controller);
    void controller.runAll();
  };

  return (
    <Dialog title="Pipelines" onClose={onClose}>
      <div className="pipelines">
        <aside className="pipelines-templates" aria-label="Templates">
          <h3>Templates</h3>
          {rows.length === 0 ? <p className="muted">None saved yet.</p> : null}
          <ul>
            {rows.map((row) => (
              <li key={row.id}>
                <button type="button" className="button quiet" onClick={() => open(row)}>
                  {row.name}
                </button>
                <button
                  type="button"
                  className="button quiet danger"
                  aria-label={`Delete template ${row.name}`}
                  onClick={() => void templates.delete(row.id).then(reload)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <p>
            <button
              type="button"
              className="button"
              onClick={() => {
                setDraft(STARTER);
                setTemplateId(null);
                setNotice(null);
              }}
            >
              New pipeline
            </button>{' '}
            <button type="button" className="button" onClick={() => fileInput.current?.click()}>
              Import…
            </button>
          </p>
          <HiddenFileInput
            ref={fileInput}
            label="Pipeline file"
            accept={`${PIPELINE_FILE_EXTENSION},.json,application/json`}
            onFile={(f) => void importFile(f)}
          />
        </aside>
        <section className="pipelines-composer" aria-label="Composer">
          <label className="field">
            <span>Name</span>
            <input
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          </label>
          <ol className="pipelines-steps">
            {draft.steps.map((step, i) => (
              <StepRow
                key={`${step.kind}-${i}`}
                index={i}
                count={draft.steps.length}
                step={step}
                pricing={pricing}
                onChange={setDraft}
                spec={draft}
              />
            ))}
          </ol>
          <label className="field pipelines-add">
            <span>Add step</span>
            <select
              value=""
              onChange={(e) =>
                e.target.value && setDraft(addStep(draft, e.target.value as StepKind))
              }
            >
              <option value="">Choose a step…</option>
              {addableKinds(draft).map((k) => (
                <option key={k} value={k}>
                  {CATALOG[k].label}
                </option>
              ))}
            </select>
          </label>
          <Issues notice={notice} checked={checked.ok ? { errors: [], warnings: [] } : checked} />
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              disabled={!checked.ok}
              onClick={() => void save()}
            >
              {templateId ? 'Save template' : 'Save as template'}
            </button>
            <button
              type="button"
              className="button"
              disabled={!checked.ok}
              onClick={() =>
                downloadBlob(
                  new Blob([pipelineFileJson(draft)], { type: 'application/json' }),
                  pipelineFileName(draft),
                )
              }
            >
              Export file
            </button>
            <button
              type="button"
              className="button primary"
              disabled={!checked.ok || fromIdea || session.readOnly || !pricing || busy}
              title={
                fromIdea
                  ? 'A pipeline that writes the script starts from an idea, not a project.'
                  : undefined
              }
              onClick={() => void start()}
            >
              Run on this project
            </button>
          </div>
          {fromIdea ? (
            <p className="muted">
              This pipeline writes a script: it starts from an idea, not this project. Save it, then
              choose it under Steps in “From an idea” on the projects page.
            </p>
          ) : null}
        </section>
        {run ? <RunPanel controller={run} /> : null}
      </div>
    </Dialog>
  );
}

function Issues({
  notice,
  checked,
}: {
  readonly notice: Notice | null;
  readonly checked: { readonly errors: readonly Issue[]; readonly warnings: readonly Issue[] };
}) {
  const errors = [...(notice?.errors ?? []), ...checked.errors];
  const warnings = notice?.warnings ?? [];
  if (!notice && errors.length === 0) return null;
  return (
    <div className="pipelines-issues">
      {notice?.text ? <p role="status">{notice.text}</p> : null}
      {errors.length > 0 ? (
        <ul role="alert" className="pipelines-errors">
          {errors.map((e, i) => (
            <li key={i}>
              {e.where ? <code>{e.where}</code> : null} {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {warnings.length > 0 ? (
        <ul className="pipelines-warnings muted">
          {warnings.map((w, i) => (
            <li key={i}>
              {w.where ? <code>{w.where}</code> : null} {w.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function StepRow({
  spec,
  step,
  index,
  count,
  pricing,
  onChange,
}: {
  readonly spec: PipelineSpec;
  readonly step: PipelineSpec['steps'][number];
  readonly index: number;
  readonly count: number;
  readonly pricing: IdeaPricing | null;
  readonly onChange: (spec: PipelineSpec) => void;
}) {
  const entry = CATALOG[step.kind];
  const choices = entry.capability === 'none' ? [] : (pricing?.options[entry.capability] ?? []);
  const set = (patch: Parameters<typeof setStep>[2]) => onChange(setStep(spec, index, patch));
  const label = `${entry.label} (step ${index + 1})`;
  return (
    <li className="pipelines-step">
      <strong title={entry.help}>{entry.label}</strong>
      {entry.capability === 'none' ? (
        <span className="muted">This device</span>
      ) : (
        <select
          aria-label={`Provider for ${label}`}
          value={step.provider}
          onChange={(e) => set({ provider: e.target.value })}
        >
          {choices.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
      <StepOptions
        kind={step.kind}
        options={step.options}
        label={label}
        onOptions={(options) => set({ options })}
      />
      <span className="pipelines-step-moves">
        <button
          type="button"
          className="button quiet"
          aria-label={`Move ${label} up`}
          disabled={index === 0}
          onClick={() => onChange(moveStep(spec, index, -1))}
        >
          ↑
        </button>
        <button
          type="button"
          className="button quiet"
          aria-label={`Move ${label} down`}
          disabled={index === count - 1}
          onClick={() => onChange(moveStep(spec, index, 1))}
        >
          ↓
        </button>
        <button
          type="button"
          className="button quiet danger"
          aria-label={`Remove ${label}`}
          onClick={() => onChange(removeStep(spec, index))}
        >
          Remove
        </button>
      </span>
    </li>
  );
}

function StepOptions({
  kind,
  options,
  label,
  onOptions,
}: {
  readonly kind: StepKind;
  readonly options: Readonly<Record<string, unknown>>;
  readonly label: string;
  readonly onOptions: (patch: Record<string, unknown>) => void;
}) {
  switch (kind) {
    case 'frames':
      return (
        <label>
          <input
            type="checkbox"
            checked={options.sheets === true}
            onChange={(e) => onOptions({ sheets: e.target.checked })}
          />{' '}
          Character sheets first
        </label>
      );
    case 'render':
      return (
        <select
          aria-label={`Format for ${label}`}
          value={String(options.format)}
          onChange={(e) => onOptions({ format: e.target.value })}
        >
          <option value="mp4">MP4</option>
          <option value="webm">WebM</option>
        </select>
      );
    case 'upscale':
      return (
        <select
          aria-label={`Size for ${label}`}
          value={String(options.longSide)}
          onChange={(e) => onOptions({ longSide: Number(e.target.value) })}
        >
          {[1920, 2560, 3840].map((n) => (
            <option key={n} value={n}>
              {n} px
            </option>
          ))}
        </select>
      );
    case 'export':
      return (
        <select
          aria-label={`File for ${label}`}
          value={String(options.kind)}
          onChange={(e) => onOptions({ kind: e.target.value })}
        >
          {EXPORT_KINDS.map((k) => (
            <option key={k} value={k}>
              {EXPORT_LABELS[k]}
            </option>
          ))}
        </select>
      );
    case 'music':
      return (
        <label>
          Volume{' '}
          <input
            type="number"
            min={0}
            max={2}
            step={0.1}
            value={Number(options.volume)}
            onChange={(e) => onOptions({ volume: Number(e.target.value) })}
          />
        </label>
      );
    default:
      return null;
  }
}

function RunPanel({ controller }: { readonly controller: RunController<CustomParams> }) {
  const run = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const left = run.steps.reduce(
    (sum, s) => sum + (s.status === 'done' ? 0 : s.estimate.costUsd),
    0,
  );
  const calls = run.steps.reduce((sum, s) => sum + (s.status === 'done' ? 0 : s.estimate.calls), 0);
  return (
    <section className="pipelines-run" aria-label="Run">
      <h3>
        Run: {run.title} <span className="muted pipelines-run-state">{run.state}</span>
      </h3>
      <p className="muted">
        Left: {plural(calls, 'call')}, estimated {formatUsd(left)}
      </p>
      <ol>
        {run.steps.map((step) => (
          <li key={step.id} className={`pipelines-run-step status-${step.status}`}>
            <strong>{step.label}</strong>{' '}
            <span className="muted">{STATUS[step.status] ?? step.status}</span>
            {step.status !== 'done' ? (
              <span className="muted">
                {' '}
                · {plural(step.estimate.calls, 'call')} · {step.estimate.providerLabel} ·{' '}
                {formatUsd(step.estimate.costUsd)}
              </span>
            ) : null}
            {step.progress ? (
              <progress
                max={Math.max(1, step.progress.total)}
                value={step.progress.done}
                aria-label={`${step.label} progress`}
              />
            ) : null}
            {step.progress?.note ? <span className="muted"> {step.progress.note}</span> : null}
            {step.error ? <p role="alert">{step.error.message}</p> : null}
            {step.status === 'done' ? <ProjectStepResult output={step.output} /> : null}
          </li>
        ))}
      </ol>
      <div className="dialog-actions">
        {run.busy ? (
          <>
            <button type="button" className="button" onClick={() => controller.pause()}>
              Pause
            </button>
            <button type="button" className="button danger" onClick={() => controller.cancel()}>
              Cancel
            </button>
          </>
        ) : run.state !== 'done' ? (
          <button type="button" className="button" onClick={() => void controller.runAll()}>
            Resume
          </button>
        ) : null}
      </div>
    </section>
  );
}
