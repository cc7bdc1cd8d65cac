import { fakePng } from './png';
import { FAKE_CLIP } from './video';
import type { FakeRequest, Reply } from './types';
import type { ServerSocket } from './websocket';

/**
 * A ComfyUI stand-in: /prompt queues a job that "renders" in a few steps, reporting progress to
 * the client's websocket like ComfyUI does; /history shows it once done; /view serves the image.
 */

const STEPS = 5;
const STEP_MS = 30;

interface Job {
  readonly clientId: string;
  readonly seed: string;
  /** A video workflow (it saves a video): its output is the fake clip. */
  readonly video: boolean;
  /** `running` never finishes, `videofail` fails (the path prefix's scenario). */
  readonly scenario: string;
  done: boolean;
}

const VIDEO_NODES = /"(SaveVideo|SaveWEBM|VHS_VideoCombine)"/;

export class FakeComfy {
  private readonly jobs = new Map<string, Job>();
  private readonly sockets = new Map<string, ServerSocket>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private nextId = 1;

  connect(clientId: string, socket: ServerSocket) {
    this.sockets.set(clientId, socket);
    socket.sendText(
      JSON.stringify({
        type: 'status',
        data: { status: { exec_info: { queue_remaining: 0 } }, sid: clientId },
      }),
    );
  }

  handle(request: FakeRequest, reply: Reply): void {
    const route = `${request.method} ${request.path}`;
    if (route === 'GET /system_stats')
      return reply.json(200, {
        system: { os: 'posix', comfyui_version: '0.3.40' },
        devices: [{ name: 'cuda:0 Fake GPU', type: 'cuda' }],
      });
    if (route === 'POST /upload/image') {
      if (!request.body.includes('name="image"')) return reply.json(400, { error: 'no image' });
      const name = /filename="([^"]+)"/.exec(request.body)?.[1] ?? 'upload.png';
      return reply.json(200, { name, subfolder: '', type: 'input' });
    }
    if (route === 'POST /prompt') return this.queue(request, reply);
    if (route === 'POST /queue') return reply.json(200, {});
    if (route === 'POST /interrupt') return reply.json(200, {});
    if (route === 'GET /queue')
      return reply.json(200, {
        queue_running: [...this.jobs]
          .filter(([, job]) => !job.done)
          .map(([id], n) => [n, id, {}, {}, []]),
        queue_pending: [],
      });
    const history = /^\/history\/(.+)$/.exec(request.path);
    if (request.method === 'GET' && history?.[1]) return this.history(history[1], reply);
    if (route === 'GET /view') {
      const filename = new URLSearchParams(request.query).get('filename') ?? '';
      if (filename.endsWith('.mp4')) return reply.bytes(200, FAKE_CLIP, 'video/mp4');
      return reply.bytes(200, fakePng(filename), 'image/png');
    }
    reply.json(404, { error: `No fake ComfyUI route for ${route}` });
  }

  close() {
    for (const timer of this.timers) clearTimeout(timer);
    for (const socket of this.sockets.values()) socket.close();
  }

  private queue(request: FakeRequest, reply: Reply) {
    const body = request.json() as { prompt?: unknown; client_id?: string } | null;
    const graph = JSON.stringify(body?.prompt ?? null);
    if (!body?.prompt || typeof body.prompt !== 'object')
      return reply.json(400, {
        error: { message: 'no prompt', type: 'no_prompt' },
        node_errors: {},
      });
    if (graph.includes('{{'))
      return reply.json(400, {
        error: { message: 'unfilled placeholder', type: 'prompt_outputs_failed_validation' },
        node_errors: {},
      });
    const id = `fake-${this.nextId++}`;
    const job: Job = {
      clientId: body.client_id ?? '',
      seed: graph,
      video: VIDEO_NODES.test(graph),
      scenario: request.scenario,
      done: false,
    };
    this.jobs.set(id, job);
    reply.json(200, { prompt_id: id, number: this.nextId, node_errors: {} });
    this.run(id, job);
  }

  private run(id: string, job: Job) {
    const send = (message: object) =>
      this.sockets.get(job.clientId)?.sendText(JSON.stringify(message));
    send({ type: 'execution_start', data: { prompt_id: id } });
    for (let step = 1; step <= STEPS; step++) {
      this.later(step * STEP_MS, () =>
        send({ type: 'progress', data: { value: step, max: STEPS, prompt_id: id, node: '3' } }),
      );
    }
    if (job.scenario === 'running') return;
    this.later((STEPS + 1) * STEP_MS, () => {
      job.done = true;
      send({ type: 'executing', data: { node: null, prompt_id: id } });
    });
  }

  private later(ms: number, run: () => void) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  private history(id: string, reply: Reply) {
    const job = this.jobs.get(id);
    if (!job?.done) return reply.json(200, {});
    if (job.scenario === 'videofail')
      return reply.json(200, {
        [id]: { outputs: {}, status: { status_str: 'error', completed: false, messages: [] } },
      });
    if (job.video)
      return reply.json(200, {
        [id]: {
          outputs: {
            '9': {
              images: [{ filename: `frameline_${id}.mp4`, subfolder: 'video', type: 'output' }],
              animated: [true],
            },
          },
          status: { status_str: 'success', completed: true, messages: [] },
        },
      });
    reply.json(200, {
      [id]: {
        outputs: {
          '9': { images: [{ filename: `frameline_${id}.png`, subfolder: '', type: 'output' }] },
        },
        status: { status_str: 'success', completed: true, messages: [] },
      },
    });
  }
}
