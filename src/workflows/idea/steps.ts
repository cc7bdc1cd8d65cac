import { extractBibleByRules } from '../../ai/characters/extractByRules';
import { NO_USAGE, type TextRequest } from '../../ai/providers/types';
import { screenplayToSnapshot } from '../../export/screenplayImport';
import type { ProjectSnapshot } from '../../model/project';
import { framesStep } from '../pipeline/steps/frames';
import { madeBy, type ProjectStepDeps } from '../pipeline/steps/projectStep';
import { DEFAULT_RENDER_STEP, renderStep } from '../pipeline/steps/render';
import { sheetsStep } from '../pipeline/steps/sheets';
import { voicesStep } from '../pipeline/steps/voices';
import { askStructured } from '../pipeline/structured';
import {
  OFFLINE,
  type CallPlan,
  type PipelineDefinition,
  type PipelineStep,
  type ProviderChoice,
  type StepContext,
} from '../pipeline/types';
import { offlineOutline, offlineScript } from './offline';
import { bibleSchema, outlineSchema, type Bible, type Outline, type ProjectMade } from './outputs';
import { briefText, titleOf, type IdeaParams } from './params';

export interface IdeaDeps {
  /** Whether a text model answers for this choice ('auto' with none set up: no). */
  readonly canWrite: (choice: ProviderChoice) => Promise<boolean>;
  /** One text call through the router, streamed into `ctx.onText`; its cost goes to `ctx.onCost`. */
  readonly text: (
    request: TextRequest,
    choice: ProviderChoice,
    ctx: StepContext,
  ) => Promise<string>;
  /** Stores a new project made of these records; its id. */
  readonly createProject: (snapshot: ProjectSnapshot) => Promise<string>;
  /**
   * What the frames, voices and render steps need (src/workflows/pipeline/appSteps.ts in the
   * app): with it the pipeline goes on from the project to a rendered animatic.
   */
  readonly animatic?: ProjectStepDeps;
}

/** Runs of "From an idea", with the default steps or a saved pipeline's, are stored under it. */
export const IDEA_PIPELINE = 'idea';

/** Before the plan exists, the estimate counts a shot per this many seconds of the length. */
const GUESSED_SHOT_SECONDS = 3;
/** Rough sizes for the estimate before a run: a screenplay page is about a minute, ~300 tokens. */
const TOKENS_PER_SECOND = 5;
const BRIEF_TOKENS = 400;
const tokensOfScript = (p: IdeaParams) => Math.round(p.lengthSeconds * TOKENS_PER_SECOND) + 200;
const textCall = (inputTokens: number, outputTokens: number): CallPlan => ({
  capability: 'text',
  calls: 1,
  usage: { ...NO_USAGE, inputTokens, outputTokens },
});

const OUTLINE_SYSTEM =
  'You are a story editor. Turn the brief into an outline of beats that fits its length and ' +
  'format. Answer with JSON only: {"title": "...", "beats": [{"title": "...", "summary": "..."}]}.';
const SCRIPT_SYSTEM =
  'You are a screenwriter. Write the screenplay in Fountain, following the outline beat by beat ' +
  'and the brief’s length (a page is about a minute). Start with a title page ("Title: ..."). ' +
  'Scene headings like "INT. KITCHEN - NIGHT", character names in CAPS above their lines. ' +
  'Answer with the Fountain text only.';
const BIBLE_SYSTEM =
  'You write a character bible for a storyboard artist. For each character of the script: a ' +
  'one-line description, look (age, build, face, hair) and wardrobe. Answer with JSON only: ' +
  '[{"name": "...", "description": "...", "look": "...", "wardrobe": "..."}].';

const outlineText = (o: Outline) =>
  `${o.title}\n${o.beats.map((b, i) => `${i + 1}. ${b.title}: ${b.summary}`).join('\n')}`;

/**
 * One text call, noted in the run while it streams: a reload cuts the answer off and it is asked
 * (and paid for) again, so the run, opened again, says so as it does of a frame.
 */
function write(
  deps: IdeaDeps,
  key: string,
  request: TextRequest,
  choice: ProviderChoice,
  ctx: StepContext,
): Promise<string> {
  return ctx.paid({ key, what: 'text answer' }, () => deps.text(request, choice, ctx));
}

/** The model's JSON answer, asked again once if malformed (structured.ts). */
function structured<T>(
  deps: IdeaDeps,
  key: string,
  schema: Parameters<typeof askStructured<T>>[0],
  request: TextRequest,
  choice: ProviderChoice,
  ctx: StepContext,
): Promise<T> {
  return askStructured(schema, (correction) =>
    correction
      ? write(
          deps,
          `${key}:corrected`,
          { ...request, prompt: `${request.prompt}\n\n${correction}` },
          choice,
          ctx,
        )
      : write(deps, key, request, choice, ctx),
  );
}

async function writes(deps: IdeaDeps, choice: ProviderChoice): Promise<boolean> {
  return choice !== OFFLINE && (await deps.canWrite(choice));
}

function step(s: PipelineStep<IdeaParams>): PipelineStep<IdeaParams> {
  return s;
}

/** A script that does not parse into scenes and shots stops the run here, saying why. */
function snapshotOf(script: string, title: string): ProjectSnapshot {
  const read = screenplayToSnapshot(script, `${title}.fountain`);
  if (!read.ok) throw new Error(read.error);
  return read.snapshot;
}

/** The steps that make a project from an idea, by id (a template picks some of them). */
export interface IdeaTextSteps {
  readonly outline: PipelineStep<IdeaParams>;
  readonly script: PipelineStep<IdeaParams>;
  readonly breakdown: PipelineStep<IdeaParams>;
  readonly bible: PipelineStep<IdeaParams>;
  /** The shot plan, with the character bible (`withBible`) or with the script's characters bare. */
  readonly plan: (withBible: boolean) => PipelineStep<IdeaParams>;
  readonly project: PipelineStep<IdeaParams>;
}

/** Before the plan exists, how many character sheets are priced for: the script's characters. */
const charactersOfBreakdown = (input: { readonly upstream: Readonly<Record<string, unknown>> }) =>
  (input.upstream.breakdown as ProjectSnapshot | undefined)?.characters.length ?? 0;

/** Before the plan exists, how many shots the frames and voices are priced for. */
export const guessedShots = (input: { readonly params: IdeaParams }) =>
  Math.max(1, Math.round(input.params.lengthSeconds / GUESSED_SHOT_SECONDS));

export function ideaTextSteps(deps: IdeaDeps): IdeaTextSteps {
  const outline = step({
    id: 'outline',
    label: 'Outline',
    after: [],
    version: 1,
    capability: 'text',
    reads: (p) => ({ brief: briefText(p), title: titleOf(p) }),
    plan: (input) =>
      input.provider === OFFLINE ? [] : [textCall(BRIEF_TOKENS, BRIEF_TOKENS + 300)],
    run: async (input, ctx) => {
      if (!(await writes(deps, input.provider))) return offlineOutline(input.params);
      const request = {
        system: OUTLINE_SYSTEM,
        prompt: briefText(input.params),
        maxOutputTokens: 2000,
      };
      return structured(deps, 'outline', outlineSchema, request, input.provider, ctx);
    },
  });

  const script = step({
    id: 'script',
    label: 'Script',
    after: ['outline'],
    version: 1,
    capability: 'text',
    reads: (p) => briefText(p),
    plan: (input) =>
      input.provider === OFFLINE ? [] : [textCall(BRIEF_TOKENS * 2, tokensOfScript(input.params))],
    run: async (input, ctx) => {
      const o = outlineSchema.parse(input.upstream.outline);
      if (!(await writes(deps, input.provider))) return offlineScript(input.params, o);
      const prompt = `${briefText(input.params)}\n\nOutline:\n${outlineText(o)}`;
      const maxOutputTokens = Math.min(16_000, tokensOfScript(input.params) * 2);
      const request = { system: SCRIPT_SYSTEM, prompt, maxOutputTokens };
      return write(deps, 'script', request, input.provider, ctx);
    },
  });

  const breakdown = step({
    id: 'breakdown',
    label: 'Breakdown',
    after: ['script'],
    version: 1,
    capability: 'none',
    reads: (p) => titleOf(p),
    plan: () => [],
    run: async (input) => snapshotOf(String(input.upstream.script ?? ''), titleOf(input.params)),
  });

  const bible = step({
    id: 'bible',
    label: 'Characters',
    after: ['breakdown', 'script'],
    version: 1,
    capability: 'text',
    reads: () => null,
    plan: (input) =>
      input.provider === OFFLINE
        ? []
        : [textCall(tokensOfScript(input.params) + BRIEF_TOKENS, 600)],
    run: async (input, ctx): Promise<Bible> => {
      const snapshot = input.upstream.breakdown as ProjectSnapshot;
      if (snapshot.characters.length === 0) return [];
      if (!(await writes(deps, input.provider))) {
        const byId = new Map(extractBibleByRules(snapshot).map((e) => [e.id, e]));
        return snapshot.characters.map((c) => ({
          name: c.name,
          description: byId.get(c.id)?.description ?? '',
          look: byId.get(c.id)?.look ?? '',
          wardrobe: byId.get(c.id)?.wardrobe ?? '',
        }));
      }
      const names = snapshot.characters.map((c) => c.name).join(', ');
      const prompt = `Characters: ${names}\n\nScript:\n${String(input.upstream.script)}`;
      return structured(
        deps,
        'bible',
        bibleSchema,
        { system: BIBLE_SYSTEM, prompt, maxOutputTokens: 2000 },
        input.provider,
        ctx,
      );
    },
  });

  const plan = (withBible: boolean) =>
    step({
      id: 'plan',
      label: 'Shot plan',
      after: withBible ? ['breakdown', 'bible'] : ['breakdown'],
      version: 1,
      capability: 'none',
      reads: (p) => ({ aspectRatio: p.aspectRatio, title: titleOf(p) }),
      plan: () => [],
      run: async (input): Promise<ProjectSnapshot> => {
        const snapshot = input.upstream.breakdown as ProjectSnapshot;
        const entries = new Map(
          bibleSchema
            .parse(input.upstream.bible ?? [])
            .map((e) => [e.name.trim().toUpperCase(), e]),
        );
        return {
          ...snapshot,
          meta: { ...snapshot.meta, aspectRatio: input.params.aspectRatio },
          characters: snapshot.characters.map((c) => {
            const e = entries.get(c.name.toUpperCase());
            return e ? { ...c, description: e.description, look: e.look, wardrobe: e.wardrobe } : c;
          }),
        };
      },
    });

  const project = step({
    id: 'project',
    label: 'Project',
    after: ['plan'],
    version: 1,
    capability: 'none',
    reads: () => null,
    plan: () => [],
    // Stored like any result, so a resumed run never makes the same project twice.
    run: async (input): Promise<ProjectMade> => {
      const snapshot = input.upstream.plan as ProjectSnapshot;
      return { projectId: await deps.createProject(snapshot), title: snapshot.meta.title };
    },
  });

  return { outline, script, breakdown, bible, plan, project };
}

/**
 * Idea → outline → Fountain script → breakdown → character bible → shot plan → project, then (with
 * `deps.animatic`) the characters' sheets → frames with the sheets as references → a voice for each line → the
 * rendered animatic, all in that project: each board can be seen and changed there, and a step
 * run again only does the shots still missing their frame or voice. (A saved pipeline picks its
 * own steps from these: fromTemplate.ts.)
 */
export function ideaPipeline(deps: IdeaDeps): PipelineDefinition<IdeaParams> {
  const t = ideaTextSteps(deps);
  const steps = [t.outline, t.script, t.breakdown, t.bible, t.plan(true), t.project];
  if (!deps.animatic) return { id: IDEA_PIPELINE, steps };
  const made = { deps: deps.animatic, source: madeBy<IdeaParams>('project', 'plan', guessedShots) };
  return {
    id: IDEA_PIPELINE,
    steps: [
      ...steps,
      sheetsStep({ ...made, after: ['breakdown'] }, { guessCharacters: charactersOfBreakdown }),
      // The sheets are drawn (and seen) in their own step; the frames take them as references.
      framesStep({ ...made, after: ['sheets'] }, { sheets: false }),
      voicesStep({ ...made, after: ['frames'] }),
      renderStep({ ...made, after: ['voices'] }, DEFAULT_RENDER_STEP),
    ],
  };
}
