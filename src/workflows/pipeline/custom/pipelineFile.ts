import { z } from 'zod';
import type { ModelTask } from '../../../ai/providers/types';
import { AUTO, OFFLINE, type ProviderChoice } from '../types';
import { CATALOG, isStepKind, STEP_KINDS, TEXT_KINDS, type StepKind } from './catalog';

/**
 * A custom pipeline as a file (`.frameline-pipeline.json`): a name, and steps chosen from the
 * catalog with a provider and options each. A file from elsewhere is checked before use: every
 * problem is named with where it is (`steps[2].kind`); a provider not set up here is kept as
 * Auto with a warning, so a shared pipeline still runs with the providers this person has.
 */

export const PIPELINE_FILE_FORMAT = 'frameline.pipeline';
export const PIPELINE_FILE_VERSION = 1;
export const PIPELINE_FILE_EXTENSION = '.frameline-pipeline.json';
/** A pipeline is a few hundred bytes; anything this big is not one. */
export const MAX_PIPELINE_FILE_BYTES = 64 * 1024;
export const MAX_STEPS = 24;
const MAX_NAME = 120;

export interface PipelineStepSpec {
  readonly kind: StepKind;
  readonly provider: ProviderChoice;
  readonly options: Readonly<Record<string, unknown>>;
}

/** A checked pipeline: what the composer edits, templates keep and files carry. */
export interface PipelineSpec {
  readonly name: string;
  readonly description: string;
  readonly steps: readonly PipelineStepSpec[];
}

export interface Issue {
  /** Where in the file: `steps[2].options.volume`, or '' for the file as a whole. */
  readonly where: string;
  readonly message: string;
}

export type Checked =
  | { readonly ok: true; readonly spec: PipelineSpec; readonly warnings: readonly Issue[] }
  | { readonly ok: false; readonly errors: readonly Issue[]; readonly warnings: readonly Issue[] };

/** The provider ids set up here, per task (for checking a file's provider choices). */
export type KnownProviders = (task: ModelTask) => readonly string[];

const fileSchema = z.object({
  format: z.literal(PIPELINE_FILE_FORMAT),
  version: z.number().int().positive(),
  name: z.string().trim().min(1).max(MAX_NAME),
  description: z.string().max(2000).default(''),
  steps: z.array(z.unknown()).min(1).max(MAX_STEPS),
});

const stepSchema = z.object({
  kind: z.string(),
  provider: z.string().max(200).default(AUTO),
  options: z.record(z.string(), z.unknown()).default({}),
});

/** `steps[2].options.volume`: a zod path after a prefix. */
function pathOf(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) =>
      typeof part === 'number'
        ? `${text}[${part}]`
        : text
          ? `${text}.${String(part)}`
          : String(part),
    prefix,
  );
}

function zodIssues(error: z.ZodError, prefix: string): Issue[] {
  return error.issues.map((issue) => ({
    where: pathOf(prefix, issue.path),
    message: issue.message,
  }));
}

/** Reads a file's text: JSON, size and shape first, then each step. */
export function readPipelineFile(text: string, known: KnownProviders): Checked {
  const bytes = new TextEncoder().encode(text).byteLength;
  if (bytes > MAX_PIPELINE_FILE_BYTES)
    return fail({
      where: '',
      message: `The file is too large for a pipeline (${Math.ceil(bytes / 1024)} KB; at most ${MAX_PIPELINE_FILE_BYTES / 1024} KB).`,
    });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail({
      where: '',
      message: `The file is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  return checkPipeline(json, known);
}

function fail(...errors: Issue[]): Checked {
  return { ok: false, errors, warnings: [] };
}

/** Checks a pipeline given as plain data (a file's JSON, a stored template). */
export function checkPipeline(json: unknown, known: KnownProviders): Checked {
  const head = json as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== PIPELINE_FILE_FORMAT)
    return fail({
      where: 'format',
      message: `This is not a Frameline pipeline (its format is not “${PIPELINE_FILE_FORMAT}”).`,
    });
  if (typeof head.version === 'number' && head.version > PIPELINE_FILE_VERSION)
    return fail({
      where: 'version',
      message: `Made by a newer Frameline (pipeline version ${head.version}; this one reads up to ${PIPELINE_FILE_VERSION}). Update Frameline to use it.`,
    });
  const file = fileSchema.safeParse(json);
  if (!file.success) return fail(...zodIssues(file.error, ''));
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const steps: PipelineStepSpec[] = [];
  file.data.steps.forEach((raw, i) => {
    const at = `steps[${i}]`;
    const parsed = stepSchema.safeParse(raw);
    if (!parsed.success) return void errors.push(...zodIssues(parsed.error, at));
    const { kind, provider, options } = parsed.data;
    if (!isStepKind(kind))
      return void errors.push({
        where: `${at}.kind`,
        message: `Unknown step “${kind.slice(0, 40)}”: steps are ${STEP_KINDS.join(', ')}.`,
      });
    const entry = CATALOG[kind];
    const read = entry.options.safeParse(options);
    if (!read.success) return void errors.push(...zodIssues(read.error, `${at}.options`));
    for (const key of Object.keys(options))
      if (!(key in read.data))
        warnings.push({
          where: `${at}.options.${key.slice(0, 40)}`,
          message: `“${entry.label}” has no option “${key.slice(0, 40)}”: left out.`,
        });
    steps.push({
      kind,
      provider: providerFor(entry.capability, provider, known, `${at}.provider`, warnings),
      options: read.data,
    });
  });
  if (errors.length === 0) errors.push(...orderProblems(steps));
  if (errors.length > 0) return { ok: false, errors, warnings };
  return {
    ok: true,
    spec: { name: file.data.name, description: file.data.description, steps },
    warnings,
  };
}

function providerFor(
  capability: ModelTask | 'none',
  provider: string,
  known: KnownProviders,
  where: string,
  warnings: Issue[],
): ProviderChoice {
  if (provider === AUTO || provider === OFFLINE) return capability === 'none' ? AUTO : provider;
  if (capability === 'none') {
    warnings.push({ where, message: 'This step runs on this device: its provider is ignored.' });
    return AUTO;
  }
  if (known(capability).includes(provider)) return provider;
  warnings.push({
    where,
    message: `Provider “${provider.slice(0, 60)}” is not set up here: the step uses Auto (your providers in order).`,
  });
  return AUTO;
}

/** Steps in catalog order, each once (exports apart), text steps complete before the rest. */
export function orderProblems(steps: readonly PipelineStepSpec[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<StepKind, number>();
  steps.forEach((step, i) => {
    const entry = CATALOG[step.kind];
    const earlier = seen.get(step.kind);
    if (earlier !== undefined && !entry.repeatable)
      issues.push({
        where: `steps[${i}].kind`,
        message: `“${entry.label}” is already step ${earlier + 1}: a pipeline has it once.`,
      });
    seen.set(step.kind, earlier ?? i);
    const before = steps[i - 1];
    if (before && CATALOG[before.kind].rank > entry.rank)
      issues.push({
        where: `steps[${i}].kind`,
        message: `“${entry.label}” must come before “${CATALOG[before.kind].label}” (steps run in the catalog’s order).`,
      });
  });
  const kinds = new Set(steps.map((s) => s.kind));
  const text = TEXT_KINDS.filter((k) => kinds.has(k));
  if (text.length > 0) {
    // Each text step needs the script; the project steps need the project the plan makes. The
    // breakdown may be left out: the plan then takes the script's characters as they are.
    for (const kind of TEXT_KINDS) {
      const needs = kind === 'script' ? undefined : 'script';
      if (kinds.has(kind) && needs && !kinds.has(needs))
        issues.push({
          where: `steps[${steps.findIndex((s) => s.kind === kind)}].kind`,
          message: `“${CATALOG[kind].label}” needs “${CATALOG[needs].label}” before it.`,
        });
    }
    const first = steps.findIndex((s) => !TEXT_KINDS.includes(s.kind));
    const projectStep = steps[first];
    if (projectStep && !kinds.has('plan'))
      issues.push({
        where: `steps[${first}].kind`,
        message: `“${CATALOG[projectStep.kind].label}” works on a project: add “Shot plan” before it, which makes one from the script.`,
      });
  }
  return issues;
}

/** Whether the pipeline starts from an idea (it writes the script) or works on an open project. */
export function startsFromIdea(spec: Pick<PipelineSpec, 'steps'>): boolean {
  return spec.steps.some((s) => TEXT_KINDS.includes(s.kind));
}

/** The file's JSON, as saved and shared. */
export function pipelineFileJson(spec: PipelineSpec): string {
  return `${JSON.stringify(
    {
      format: PIPELINE_FILE_FORMAT,
      version: PIPELINE_FILE_VERSION,
      name: spec.name,
      description: spec.description,
      steps: spec.steps.map((s) => ({ kind: s.kind, provider: s.provider, options: s.options })),
    },
    null,
    2,
  )}\n`;
}

export function pipelineFileName(spec: Pick<PipelineSpec, 'name'>): string {
  const slug = spec.name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 60);
  return `${slug || 'pipeline'}${PIPELINE_FILE_EXTENSION}`;
}
