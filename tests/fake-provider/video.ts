import { readFileSync } from 'node:fs';
import type { FakeRequest, FakeState, Reply, VendorHandler } from './types';

/**
 * Long-running image-to-video jobs in the two shapes Frameline speaks: Gemini's Veo operations
 * (`:predictLongRunning`, then `GET` the operation until `done`, then download the file URI with
 * the key) and fal.ai's queue (submit, `/status`, result, `PUT /cancel`). A job finishes on its
 * third status poll, so a client sees queued → running → done whatever its poll interval.
 *
 * Scenarios (the path prefix, as for every vendor): `videofail` — the job fails when done
 * (Gemini: the operation's `error`; fal: the status carries `error`); `running` — the job never
 * finishes (for cancel tests). The clip is tests/fixtures/media/rgb-clip.mp4: 2 s at 24 fps,
 * red for 0.75 s, green for 0.75 s, blue for 0.5 s.
 */

export const FAKE_CLIP = readFileSync(new URL('../fixtures/media/rgb-clip.mp4', import.meta.url));
/** Status polls after which a job is done. */
const POLLS_TO_FINISH = 3;

export interface FakeVideoJob {
  readonly id: string;
  readonly scenario: string;
  readonly body: unknown;
  polls: number;
  cancelled: boolean;
}

const jobs = new Map<string, FakeVideoJob>();
let jobCount = 0;

function newJob(request: FakeRequest): FakeVideoJob {
  const id = `job${++jobCount}`;
  const job: FakeVideoJob = {
    id,
    scenario: request.scenario,
    body: request.json(),
    polls: 0,
    cancelled: false,
  };
  jobs.set(id, job);
  return job;
}

/** A job's step: done, failed or still going, counting this poll. */
function poll(job: FakeVideoJob): 'queued' | 'running' | 'done' | 'failed' {
  job.polls += 1;
  if (job.scenario === 'running' || job.cancelled) return job.polls <= 1 ? 'queued' : 'running';
  if (job.polls < POLLS_TO_FINISH) return job.polls <= 1 ? 'queued' : 'running';
  return job.scenario === 'videofail' ? 'failed' : 'done';
}

function clipFile(state: FakeState, job: FakeVideoJob): string {
  const name = `${job.id}.mp4`;
  state.files.set(name, FAKE_CLIP);
  return name;
}

/** Gemini's Veo routes (under /v1beta); false when the request is not one of them. */
export function geminiVideo(request: FakeRequest, reply: Reply, state: FakeState): boolean {
  const submit = /^\/v1beta\/models\/([^/:]+):predictLongRunning$/.exec(request.path);
  if (submit && request.method === 'POST') {
    const body = request.json() as {
      instances?: { prompt?: string; image?: { bytesBase64Encoded?: string; mimeType?: string } }[];
    } | null;
    const image = body?.instances?.[0]?.image;
    if (!image?.bytesBase64Encoded || !image.mimeType)
      reply.json(400, {
        error: { code: 400, message: 'image is required', status: 'INVALID_ARGUMENT' },
      });
    else reply.json(200, { name: `models/${submit[1]}/operations/${newJob(request).id}` });
    return true;
  }
  const op = /^\/v1beta\/(models\/[^/]+\/operations\/([\w-]+))$/.exec(request.path);
  if (op && request.method === 'GET') {
    const job = jobs.get(op[2] ?? '');
    if (!job) {
      reply.json(404, {
        error: { code: 404, message: 'Operation not found', status: 'NOT_FOUND' },
      });
      return true;
    }
    const step = poll(job);
    if (step === 'queued' || step === 'running') reply.json(200, { name: op[1] });
    else if (step === 'failed')
      reply.json(200, {
        name: op[1],
        done: true,
        error: { code: 400, message: 'The input image violates the usage guidelines.' },
      });
    else {
      const file = clipFile(state, job);
      reply.json(200, {
        name: op[1],
        done: true,
        response: {
          '@type':
            'type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse',
          generateVideoResponse: {
            generatedSamples: [
              {
                video: { uri: `${state.baseUrl()}gemini/v1beta/files/${file}:download?alt=media` },
              },
            ],
          },
        },
      });
    }
    return true;
  }
  const download = /^\/v1beta\/files\/([\w.-]+):download$/.exec(request.path);
  if (download && request.method === 'GET') {
    const file = state.files.get(download[1] ?? '');
    if (!request.key) reply.json(403, { error: { code: 403, message: 'API key required' } });
    else if (!file) reply.json(404, { error: { code: 404, message: 'File not found' } });
    else reply.bytes(200, file, 'video/mp4');
    return true;
  }
  return false;
}

/** fal.ai's queue: `/{owner}/{app}[/path]` to submit, `/{owner}/{app}/requests/{id}[/…]` after. */
export const fal: VendorHandler = (request, reply, state) => {
  if (!String(request.headers.authorization ?? '').startsWith('Key '))
    return reply.json(401, { detail: 'Authorization header must be "Key <your key>"' });
  const prefix = `${state.baseUrl()}${request.scenario === 'ok' ? '' : `s/${request.scenario}/`}fal`;
  const step = /^\/([\w-]+\/[\w.-]+)\/requests\/([\w-]+)(\/status|\/cancel)?$/.exec(request.path);
  if (!step) {
    if (request.method !== 'POST') return reply.json(405, { detail: 'Method not allowed' });
    const body = request.json() as { image_url?: string; prompt?: string } | null;
    if (!body?.image_url)
      return reply.json(422, { detail: [{ msg: 'image_url: field required' }] });
    const job = newJob(request);
    const app = request.path.split('/').slice(1, 3).join('/');
    const at = `${prefix}/${app}/requests/${job.id}`;
    return reply.json(200, {
      request_id: job.id,
      response_url: at,
      status_url: `${at}/status`,
      cancel_url: `${at}/cancel`,
      queue_position: 0,
    });
  }
  const job = jobs.get(step[2] ?? '');
  if (!job) return reply.json(404, { detail: 'Request not found' });
  if (step[3] === '/cancel') {
    if (request.method !== 'PUT') return reply.json(405, { detail: 'Method not allowed' });
    job.cancelled = true;
    return reply.json(202, { status: 'CANCELLATION_REQUESTED' });
  }
  if (step[3] === '/status') {
    const now = poll(job);
    if (now === 'queued') return reply.json(200, { status: 'IN_QUEUE', queue_position: 1 });
    if (now === 'running') return reply.json(200, { status: 'IN_PROGRESS', logs: [] });
    if (now === 'failed')
      return reply.json(200, { status: 'COMPLETED', error: 'Content policy violation.' });
    return reply.json(200, { status: 'COMPLETED', logs: [] });
  }
  if (job.polls < POLLS_TO_FINISH)
    return reply.json(400, { detail: 'Request is still in progress' });
  const file = clipFile(state, job);
  return reply.json(200, {
    video: {
      url: `${state.baseUrl()}files/${file}`,
      content_type: 'video/mp4',
      file_size: FAKE_CLIP.length,
    },
  });
};

/** What the fake was asked to make, for tests: the jobs' request bodies, oldest first. */
export function fakeVideoJobs(): readonly FakeVideoJob[] {
  return [...jobs.values()];
}
