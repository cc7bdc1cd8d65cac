import type { ProjectSnapshot } from '../../model/project';
import { breakdownCounts } from '../../workflows/idea/editOutputs';
import { bibleSchema, outlineSchema } from '../../workflows/idea/outputs';
import type { StepView } from '../../workflows/pipeline/types';
import { plural } from '../common/format';
import { isProjectStepOutput, ProjectStepResult } from '../pipelines/ProjectStepResult';
import { ScriptEditor } from '../script/ScriptEditor';
import { isSheetsResult } from '../../workflows/pipeline/steps/sheets';
import { BibleCards } from './BibleCards';
import { OutlineEditor } from './OutlineEditor';
import { PlanBoards } from './PlanBoards';
import { SheetCards } from './SheetCards';
import { useDraft } from './useDraft';

interface Props {
  readonly step: StepView;
  readonly onEdit: (output: unknown) => void;
  readonly readOnly: boolean;
  /** Draws one character's sheet anew (the sheets step). */
  readonly onRedrawSheet: (projectId: string, characterId: string) => void;
}

/**
 * A step's result, in the editor that suits it. A step this screen does not know (a custom
 * pipeline's, a newer version's) shows its result as text, so new steps appear without changes.
 */
export function StepResult({ step, onEdit, readOnly, onRedrawSheet }: Props) {
  const output = step.output;
  if (output === null || output === undefined) return null;
  switch (step.id) {
    case 'outline': {
      const outline = outlineSchema.safeParse(output);
      if (outline.success)
        return <OutlineEditor outline={outline.data} onSave={onEdit} readOnly={readOnly} />;
      break;
    }
    case 'script':
      if (typeof output === 'string')
        return <ScriptStep script={output} onSave={onEdit} readOnly={readOnly} />;
      break;
    case 'breakdown':
      if (isSnapshot(output)) return <Breakdown snapshot={output} />;
      break;
    case 'bible': {
      const bible = bibleSchema.safeParse(output);
      if (bible.success)
        return <BibleCards bible={bible.data} onSave={onEdit} readOnly={readOnly} />;
      break;
    }
    case 'sheets':
      if (isSheetsResult(output))
        return (
          <SheetCards
            result={output}
            onRedraw={readOnly ? null : (id) => onRedrawSheet(output.projectId, id)}
          />
        );
      break;
    case 'plan':
      if (isSnapshot(output))
        return <PlanBoards plan={output} onSave={onEdit} readOnly={readOnly} />;
      break;
  }
  return <GenericResult output={output} />;
}

function ScriptStep({
  script,
  onSave,
  readOnly,
}: {
  readonly script: string;
  readonly onSave: (text: string) => void;
  readonly readOnly: boolean;
}) {
  const { draft, change, flush } = useDraft(script, onSave);
  return (
    <div onBlur={flush}>
      <ScriptEditor value={draft} onChange={change} label="Script (Fountain)" readOnly={readOnly} />
    </div>
  );
}

function Breakdown({ snapshot }: { readonly snapshot: ProjectSnapshot }) {
  const counts = breakdownCounts(snapshot);
  return (
    <div className="idea-breakdown">
      <ul className="idea-counts">
        <li>
          <strong>{counts.scenes}</strong> {counts.scenes === 1 ? 'scene' : 'scenes'}
        </li>
        <li>
          <strong>{counts.shots}</strong> {counts.shots === 1 ? 'shot' : 'shots'}
        </li>
        <li>
          <strong>{counts.characters}</strong>{' '}
          {counts.characters === 1 ? 'character' : 'characters'}
        </li>
        <li>
          <strong>{counts.dialogueLines}</strong> {counts.dialogueLines === 1 ? 'line' : 'lines'} of
          dialogue
        </li>
        <li>
          about <strong>{counts.seconds}</strong> s
        </li>
      </ul>
      <ol className="idea-scene-list">
        {snapshot.scenes.map((scene) => (
          <li key={scene.id}>
            {scene.heading}{' '}
            <span className="muted">
              {plural(snapshot.shots.filter((s) => s.sceneId === scene.id).length, 'shot')}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Text as text; a made project as a link to it; anything else as readable JSON. */
export function GenericResult({ output }: { readonly output: unknown }) {
  if (isProjectMade(output)) {
    return (
      <p className="idea-project-made">
        <a className="button primary" href={`#/project/${output.projectId}`}>
          Open “{output.title || 'the project'}”
        </a>{' '}
        <span className="muted">Boards for every shot, sketched offline as the project opens.</span>
      </p>
    );
  }
  if (isProjectStepOutput(output)) return <ProjectStepResult output={output} />;
  const text = typeof output === 'string' ? output : JSON.stringify(output, null, 2);
  const LIMIT = 4000;
  return (
    <pre className="idea-raw">{text.length > LIMIT ? `${text.slice(0, LIMIT)}\n…` : text}</pre>
  );
}

function isSnapshot(value: unknown): value is ProjectSnapshot {
  const v = value as Partial<ProjectSnapshot> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray(v.scenes) &&
    Array.isArray(v.shots) &&
    Array.isArray(v.characters)
  );
}

function isProjectMade(value: unknown): value is { projectId: string; title: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { projectId?: unknown }).projectId === 'string'
  );
}
