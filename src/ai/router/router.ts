import type { CallRow } from '../../store/aiTables';
import {
  asProviderError,
  ProviderError,
  RETRYABLE_KINDS,
  scrub,
  type ErrorKind,
} from '../providers/errors';
import {
  NO_USAGE,
  type BackgroundRequest,
  type CallContext,
  type DrawingRequest,
  type ImageRequest,
  type MediaResult,
  type ModelTask,
  type ProviderAdapter,
  type ProviderKind,
  type RouteCapability,
  type SpeechRequest,
  type TextRequest,
  type TextResult,
  type Usage,
  type VideoJobRef,
  type VideoRequest,
  type VisionRequest,
} from '../providers/types';
import { abortableSleep, backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { CircuitBreaker } from './circuitBreaker';
import { Semaphore } from './semaphore';
import { runVideoJob, type PollPolicy, type VideoProgress } from './videoJob';

/** One provider as the router calls it: the adapter plus the user's limits for it. */
export interface RouterProvider {
  readonly id: string;
  readonly label: string;
  readonly adapter: ProviderAdapter;
  readonly timeoutMs: number;
  readonly maxConcurrent: number;
  /** A call without a saved key is not attempted: it could only fail. */
  readonly keyRequired: boolean;
}

export interface RouterDeps {
  /** The providers to try for a capability, in the user's order (images end with the sketch). */
  readonly chain: (capability: RouteCapability) => Promise<readonly RouterProvider[]>;
  /** The key from the vault, or null; may throw VaultLockedError. */
  readonly keyFor: (providerId: string) => Promise<string | null>;
  readonly log: (row: Omit<CallRow, 'id'>) => Promise<void>;
  readonly costOf: (kind: ProviderKind, model: string, usage: Usage) => number;
  readonly backoff?: BackoffPolicy;
  readonly breaker?: CircuitBreaker;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface RouteOptions {
  readonly signal?: AbortSignal;
  /** Tags every logged attempt, so a batch can sum its cost. */
  readonly batchId?: string | null;
  readonly onProgress?: (fraction: number) => void;
  /** Only this provider (a pipeline step set to one), not the whole order; absent: the order. */
  readonly only?: string;
}

/** A text call; with `onText` the answer streams in (the text so far, each time more arrives). */
export interface TextRouteOptions extends RouteOptions {
  readonly onText?: (partial: string) => void;
}

export interface VideoRouteOptions {
  readonly signal?: AbortSignal;
  readonly batchId?: string | null;
  readonly onProgress?: (progress: VideoProgress) => void;
  /** Tests poll faster; the app uses DEFAULT_POLL. */
  readonly poll?: PollPolicy;
  readonly onSubmitted?: (job: VideoJobRef) => void;
  /** Poll a job submitted before (a reload) instead of submitting a new one. */
  readonly resume?: VideoJobRef;
}

/** One try at one provider, as reported back to the caller. */
export interface AttemptSummary {
  readonly providerId: string;
  readonly providerLabel: string;
  readonly outcome: 'ok' | ErrorKind | 'skipped';
  readonly message: string;
}

export interface Routed<T> {
  readonly result: T;
  readonly provider: RouterProvider;
  readonly model: string;
  /** Estimated cost of every attempt this call made (failed ones are normally free). */
  readonly costUsd: number;
  readonly attempts: readonly AttemptSummary[];
}

/**
 * A streamed answer failed after part of it had reached the caller: not sent again (see
 * AiRouter.text). `error` is the provider's failure; `partial` what had arrived.
 */
export class PartialAnswerError extends ProviderError {
  constructor(
    readonly error: ProviderError,
    readonly partial: string,
    readonly attempts: readonly AttemptSummary[],
  ) {
    super(
      error.kind,
      `${error.message} ${partial.length} characters had arrived. Frameline did not send the request again on its own: the provider may already have billed what it wrote.`,
      error.status,
      error.retryAfterMs,
    );
    this.name = 'PartialAnswerError';
  }
}

/** Every provider in the chain failed or was skipped; `attempts` says what happened to each. */
export class AllProvidersFailedError extends Error {
  constructor(
    readonly capability: RouteCapability,
    readonly attempts: readonly AttemptSummary[],
    /** What was asked, in words, when it is narrower than the route ("background removal"). */
    what: string = capability,
  ) {
    const last = attempts.at(-1);
    super(
      attempts.length === 0
        ? `No provider is set up for ${what}. Add one in Settings.`
        : `Every provider failed. Last: ${last?.providerLabel ?? ''}: ${last?.message ?? ''}`,
    );
    this.name = 'AllProvidersFailedError';
  }
}

const TASK_WORDS: Record<ModelTask, string> = {
  image: 'image',
  text: 'text',
  speech: 'speech',
  removeBackground: 'background removal',
  imageToVideo: 'image to video',
};

/** Which providers of the route may take the call, and what the log calls it. */
interface Narrowing<Req> {
  readonly accept?: (provider: RouterProvider) => boolean;
  readonly task?: ModelTask;
  /**
   * What an answer that streamed in part and then failed is likely to have used: the provider
   * bills the tokens it wrote, and its last events (with the counts) never came.
   */
  readonly partialUsage?: (request: Req, partial: string) => Usage;
}

type Call<Req, Res> = (adapter: ProviderAdapter, request: Req, ctx: CallContext) => Promise<Res>;

/**
 * Calls providers for a capability in the user's order until one answers: each with a timeout,
 * the caller's cancellation, retries with exponential backoff and jitter for transient failures
 * (never for a refused key or a spent daily quota), a per-provider concurrency limit, and a
 * circuit breaker that skips a provider failing over and over. Every attempt is logged.
 */
export class AiRouter {
  private readonly semaphores = new Map<string, Semaphore>();
  readonly breaker: CircuitBreaker;
  private readonly backoff: BackoffPolicy;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /**
   * A JS private field, not only a TypeScript one: `keyFor` decrypts keys, and the router is
   * handed to the UI and workflows, which must hold no way to read one (src/ai/aiService.ts).
   */
  readonly #deps: RouterDeps;
  #paidInFlight = 0;

  constructor(deps: RouterDeps) {
    this.#deps = deps;
    this.now = deps.now ?? Date.now;
    this.breaker = deps.breaker ?? new CircuitBreaker(undefined, this.now);
    this.backoff = deps.backoff ?? DEFAULT_BACKOFF;
    this.random = deps.random ?? Math.random;
    this.sleep = deps.sleep ?? abortableSleep;
  }

  /**
   * Streaming and retries: a provider that fails before any text reached `onText` is retried and
   * then passed over like any other. One that fails after part of the answer reached the caller
   * is neither retried nor replaced by the next provider: the call rejects with a
   * PartialAnswerError. Sending it again without the caller knowing would show text that starts
   * over under the person's eyes, and would pay for the answer twice (the provider bills the
   * tokens it already wrote); the caller decides, and a pipeline step offers Retry.
   */
  text(request: TextRequest, options: TextRouteOptions = {}): Promise<Routed<TextResult>> {
    return this.route(
      'text',
      request,
      options,
      (adapter, req, ctx) => {
        if (!adapter.text)
          throw new ProviderError('unsupported', 'This provider does not write text.');
        return adapter.text(req, ctx);
      },
      { partialUsage: estimatedTextUsage },
    );
  }

  /**
   * Text about pictures, by the text providers (in their order) whose model reads them; logged
   * and priced as text (the pictures count among the input tokens the provider reports).
   */
  vision(request: VisionRequest, options: RouteOptions = {}): Promise<Routed<TextResult>> {
    return this.route(
      'text',
      request,
      options,
      (adapter, req, ctx) => {
        if (!adapter.vision)
          throw new ProviderError('unsupported', 'This provider’s model cannot read pictures.');
        return adapter.vision(req, ctx);
      },
      { accept: (provider) => provider.adapter.capabilities.has('vision') },
    );
  }

  image(request: ImageRequest, options: RouteOptions = {}): Promise<Routed<MediaResult>> {
    return this.route('image', request, options, (adapter, req, ctx) => {
      if (!adapter.image) throw new ProviderError('unsupported', 'This provider does not draw.');
      // Providers that cannot take reference images get the descriptions already in the prompt.
      const fitted = adapter.capabilities.has('imageWithReferences')
        ? req
        : { ...req, references: [], referenceNote: '' };
      return adapter.image(fitted, ctx);
    });
  }

  /**
   * A frame finished from the person's drawing, by the image providers (in their order) that can
   * work from one; never the offline sketch, which would throw the drawing away.
   */
  imageFromDrawing(
    request: DrawingRequest,
    options: RouteOptions = {},
  ): Promise<Routed<MediaResult>> {
    return this.route(
      'image',
      request,
      options,
      (adapter, req, ctx) => {
        if (!adapter.imageFromDrawing)
          throw new ProviderError('unsupported', 'This provider cannot work from a drawing.');
        return adapter.imageFromDrawing(req, ctx);
      },
      { accept: (provider) => provider.adapter.capabilities.has('imageFromDrawing') },
    );
  }

  /**
   * A picture with its background made transparent, by the image providers (in their order)
   * that offer it. Logged and priced as its own task ('removeBackground'), not as a frame.
   */
  removeBackground(
    request: BackgroundRequest,
    options: RouteOptions = {},
  ): Promise<Routed<MediaResult>> {
    return this.route(
      'image',
      request,
      options,
      (adapter, req, ctx) => {
        if (!adapter.removeBackground)
          throw new ProviderError('unsupported', 'This provider cannot remove backgrounds.');
        return adapter.removeBackground(req, ctx);
      },
      {
        accept: (provider) => provider.adapter.capabilities.has('removeBackground'),
        task: 'removeBackground',
      },
    );
  }

  speech(request: SpeechRequest, options: RouteOptions = {}): Promise<Routed<MediaResult>> {
    return this.route('speech', request, options, (adapter, req, ctx) => {
      if (!adapter.speech) throw new ProviderError('unsupported', 'This provider does not speak.');
      return adapter.speech(req, ctx);
    });
  }

  /**
   * A clip animated from a still by the provider the person chose: no fallback down a list, since
   * each provider makes a different clip at a different price, and no automatic retry of the
   * job (runVideoJob retries polls, never a paid submit). One row in the call log for the whole
   * job, with its cost; a failed or cancelled job is logged at no cost, though a provider that
   * cannot cancel (Veo) may still bill it.
   */
  async imageToVideo(
    provider: RouterProvider,
    request: VideoRequest,
    options: VideoRouteOptions = {},
  ): Promise<Routed<MediaResult>> {
    const jobs = provider.adapter.video;
    const task = 'imageToVideo';
    const signal = options.signal ?? new AbortController().signal;
    const logOptions = { batchId: options.batchId ?? null };
    if (!jobs) throw new ProviderError('unsupported', 'This provider cannot animate a still.');
    const attempts: AttemptSummary[] = [];
    const key = await this.keyOf(provider, task, logOptions, attempts);
    if (key === undefined) {
      const last = attempts.at(-1);
      const kind =
        last && last.outcome !== 'ok' && last.outcome !== 'skipped' ? last.outcome : 'auth';
      throw new ProviderError(kind, last?.message ?? 'The provider’s key could not be read.');
    }
    const release = await this.semaphoreFor(provider)
      .acquire(signal)
      .catch(() => {
        throw cancelled();
      });
    const started = this.now();
    try {
      const { result } = await runVideoJob(request, {
        jobs,
        apiKey: key,
        callTimeoutMs: provider.timeoutMs,
        signal,
        now: this.now,
        sleep: this.sleep,
        random: this.random,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.poll ? { poll: options.poll } : {}),
        ...(options.onSubmitted ? { onSubmitted: options.onSubmitted } : {}),
        ...(options.resume ? { resume: options.resume } : {}),
      });
      const model = provider.adapter.modelFor(task);
      const costUsd = this.#deps.costOf(provider.adapter.kind, model, result.usage);
      await this.logAttempt(provider, task, logOptions, started, costUsd, null, result.usage);
      this.breaker.success(provider.id);
      return { result, provider, model, costUsd, attempts: [summary(provider, 'ok', '')] };
    } catch (error) {
      const failure = asProviderError(error);
      const safe = new ProviderError(failure.kind, scrub(failure.message, [key]), failure.status);
      await this.logAttempt(provider, task, logOptions, started, 0, safe, null);
      throw safe;
    } finally {
      release();
    }
  }

  /** Forget a provider's failures and apply its new concurrency (its settings were saved). */
  resetProvider(id: string): void {
    this.breaker.reset(id);
    this.semaphores.delete(id);
  }

  /**
   * Calls to a provider (anything but the offline sketch) under way now. A page closed meanwhile
   * loses their answers, and none of the providers takes an idempotency key to collect them
   * later, so the page asks before it goes (usePaidCallWarning).
   */
  get paidCallsInFlight(): number {
    return this.#paidInFlight;
  }

  private semaphoreFor(provider: RouterProvider): Semaphore {
    let semaphore = this.semaphores.get(provider.id);
    if (!semaphore) {
      semaphore = new Semaphore(provider.maxConcurrent);
      this.semaphores.set(provider.id, semaphore);
    } else semaphore.setLimit(provider.maxConcurrent);
    return semaphore;
  }

  private async route<Req, Res extends { usage: Usage }>(
    capability: RouteCapability,
    request: Req,
    options: TextRouteOptions,
    call: Call<Req, Res>,
    narrow: Narrowing<Req> = {},
  ): Promise<Routed<Res>> {
    const accept = narrow.accept ?? (() => true);
    const task = narrow.task ?? capability;
    const signal = options.signal ?? new AbortController().signal;
    const attempts: AttemptSummary[] = [];
    let costUsd = 0;
    const chosen = (p: RouterProvider) => !options.only || p.id === options.only;
    for (const provider of (await this.#deps.chain(capability)).filter(accept).filter(chosen)) {
      if (signal.aborted) throw cancelled();
      if (!this.breaker.tryPass(provider.id)) {
        const seconds = Math.ceil(this.breaker.remainingMs(provider.id) / 1000);
        attempts.push(
          summary(provider, 'skipped', `Skipped: it failed repeatedly; next try in ${seconds} s.`),
        );
        continue;
      }
      const key = await this.keyOf(provider, task, options, attempts);
      if (key === undefined) continue;
      for (let attempt = 0; attempt < this.backoff.maxAttempts; attempt++) {
        const outcome = await this.attempt(
          provider,
          task,
          request,
          key,
          options,
          signal,
          call,
          narrow.partialUsage,
        );
        costUsd += outcome.costUsd;
        if (outcome.ok) {
          this.breaker.success(provider.id);
          attempts.push(summary(provider, 'ok', ''));
          return {
            result: outcome.result,
            provider,
            model: provider.adapter.modelFor(task),
            costUsd,
            attempts,
          };
        }
        const error = outcome.error;
        attempts.push(summary(provider, error.kind, error.message));
        if (signal.aborted) throw cancelled();
        this.breaker.failure(provider.id, error.kind);
        if (outcome.partial) throw new PartialAnswerError(error, outcome.partial, attempts);
        const wait = this.retryWait(error, attempt);
        if (wait === null || !this.breaker.tryPass(provider.id)) break;
        await this.sleep(wait, signal).catch(() => {
          throw cancelled();
        });
      }
    }
    throw new AllProvidersFailedError(capability, attempts, TASK_WORDS[task]);
  }

  /** How long to wait before trying the same provider again, or null to move on. */
  private retryWait(error: ProviderError, attempt: number): number | null {
    if (!RETRYABLE_KINDS.has(error.kind) || attempt + 1 >= this.backoff.maxAttempts) return null;
    if (error.retryAfterMs !== null) {
      return error.retryAfterMs > this.backoff.maxRetryAfterMs ? null : error.retryAfterMs;
    }
    return backoffDelayMs(attempt, this.random, this.backoff);
  }

  /** The provider's key; undefined (after logging why) when the provider cannot be called. */
  private async keyOf(
    provider: RouterProvider,
    task: ModelTask,
    options: RouteOptions,
    attempts: AttemptSummary[],
  ): Promise<string | null | undefined> {
    let key: string | null;
    try {
      key = await this.#deps.keyFor(provider.id);
    } catch (error) {
      const failure = asProviderError(error);
      await this.logAttempt(provider, task, options, this.now(), 0, failure, null);
      attempts.push(summary(provider, failure.kind, failure.message));
      this.breaker.failure(provider.id, failure.kind);
      return undefined;
    }
    if (key === null && provider.keyRequired) {
      const failure = new ProviderError('auth', 'No API key is saved for this provider.');
      await this.logAttempt(provider, task, options, this.now(), 0, failure, null);
      attempts.push(summary(provider, failure.kind, failure.message));
      return undefined;
    }
    return key;
  }

  private async attempt<Req, Res extends { usage: Usage }>(
    provider: RouterProvider,
    task: ModelTask,
    request: Req,
    key: string | null,
    options: TextRouteOptions,
    signal: AbortSignal,
    call: Call<Req, Res>,
    partialUsage?: (request: Req, partial: string) => Usage,
  ): Promise<
    | { ok: true; result: Res; costUsd: number }
    | { ok: false; error: ProviderError; costUsd: number; partial: string }
  > {
    const release = await this.semaphoreFor(provider)
      .acquire(signal)
      .catch(() => {
        throw cancelled();
      });
    const paid = provider.adapter.kind !== 'sketch';
    if (paid) this.#paidInFlight += 1;
    const controller = new AbortController();
    const stop = () => controller.abort(cancelled());
    signal.addEventListener('abort', stop, { once: true });
    const seconds = Math.round(provider.timeoutMs / 1000);
    let timer = setTimeout(
      () => controller.abort(new ProviderError('timeout', `No answer within ${seconds} s.`)),
      provider.timeoutMs,
    );
    // A streamed answer may take longer than the timeout as long as it keeps coming: the clock
    // starts again with every piece, and stops it only when nothing new came for that long.
    const stillComing = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () =>
          controller.abort(
            new ProviderError(
              'timeout',
              `The answer stopped coming: nothing new for ${seconds} s.`,
            ),
          ),
        provider.timeoutMs,
      );
    };
    const started = this.now();
    // What of this attempt's answer reached the caller; nothing more passes once it has ended.
    let partial = '';
    let live = true;
    const onText = options.onText;
    const ctx: CallContext = {
      signal: controller.signal,
      apiKey: key,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(onText
        ? {
            onText: (text: string) => {
              if (!live || controller.signal.aborted) return;
              partial = text;
              stillComing();
              onText(text);
            },
          }
        : {}),
    };
    try {
      // An adapter that ignores its signal must still not hold the router past the timeout.
      const result = await Promise.race([
        Promise.resolve().then(() => call(provider.adapter, request, ctx)),
        new Promise<never>((_, reject) =>
          controller.signal.addEventListener(
            'abort',
            () => reject(controller.signal.reason as Error),
            {
              once: true,
            },
          ),
        ),
      ]);
      const model = provider.adapter.modelFor(task);
      const costUsd = this.#deps.costOf(provider.adapter.kind, model, result.usage);
      await this.logAttempt(provider, task, options, started, costUsd, null, result.usage);
      return { ok: true, result, costUsd };
    } catch (error) {
      const failure = asProviderError(error);
      const safe = new ProviderError(
        failure.kind,
        scrub(failure.message, [key]),
        failure.status,
        failure.retryAfterMs,
      );
      // A failure is normally free; an answer cut off after part of it was written is not.
      const usage = partial && partialUsage ? partialUsage(request, partial) : null;
      const model = provider.adapter.modelFor(task);
      const costUsd = usage ? this.#deps.costOf(provider.adapter.kind, model, usage) : 0;
      await this.logAttempt(provider, task, options, started, costUsd, safe, usage);
      return { ok: false, error: safe, costUsd, partial };
    } finally {
      if (paid) this.#paidInFlight -= 1;
      live = false;
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      release();
    }
  }

  private async logAttempt(
    provider: RouterProvider,
    task: ModelTask,
    options: RouteOptions,
    started: number,
    costUsd: number,
    error: ProviderError | null,
    usage: Usage | null,
  ): Promise<void> {
    try {
      await this.#deps.log({
        at: started,
        providerId: provider.id,
        providerKind: provider.adapter.kind,
        providerLabel: provider.label,
        model: provider.adapter.modelFor(task),
        capability: task,
        latencyMs: Math.max(0, this.now() - started),
        outcome: error ? error.kind : 'ok',
        message: error?.message ?? '',
        inputTokens: usage?.inputTokens ?? 0,
        outputTokens: usage?.outputTokens ?? 0,
        images: usage?.images ?? 0,
        characters: usage?.characters ?? 0,
        costUsd,
        batchId: options.batchId ?? null,
      });
    } catch (logError) {
      // A full disk must not turn a generated frame into a failure; the log is a convenience.
      console.warn('Could not log a provider call', logError);
    }
  }
}

/** A token is about four characters of English; an estimate, logged for a cut-off answer. */
const CHARS_PER_TOKEN = 4;

function estimatedTextUsage(request: TextRequest, partial: string): Usage {
  const tokens = (text: string) => Math.ceil(text.length / CHARS_PER_TOKEN);
  return {
    ...NO_USAGE,
    inputTokens: tokens(request.system) + tokens(request.prompt),
    outputTokens: tokens(partial),
  };
}

function cancelled(): ProviderError {
  return new ProviderError('cancelled', 'The call was stopped.');
}

function summary(
  provider: RouterProvider,
  outcome: AttemptSummary['outcome'],
  message: string,
): AttemptSummary {
  return { providerId: provider.id, providerLabel: provider.label, outcome, message };
}
