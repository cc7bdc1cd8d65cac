import { useEffect, useState } from 'react';
import type { AiService } from '../../ai/aiService';
import { generateFrame } from '../../ai/frames/generateFrame';
import { QueueRunner } from '../../ai/frames/queueRunner';
import type { ShotId } from '../../model/ids';
import type { QueueView } from '../../store/generationQueue';
import type { ProjectSession } from '../../store';
import { useAi } from './useAi';

/**
 * The frame queue of an open project. One runner per session, shared by every component that
 * uses it (toolbar, scenes, inspector) and stopped shortly after the last one unmounts; the
 * delay lets React's StrictMode remount without stopping and restarting the queue.
 */
interface Entry {
  readonly runner: QueueRunner;
  users: number;
  stopTimer: ReturnType<typeof setTimeout> | null;
}

const entries = new WeakMap<ProjectSession, Entry>();
const STOP_DELAY_MS = 100;

function acquire(session: ProjectSession, ai: AiService): QueueRunner {
  let entry = entries.get(session);
  if (!entry) {
    const runner = new QueueRunner({
      store: ai.queue,
      projectId: session.id,
      canWrite: () => !session.readOnly,
      generate: async (shotId, signal, batchId) => {
        const { enhancePrompts } = await ai.settings();
        return generateFrame({ session, router: ai.router, assets: ai.assets }, shotId as ShotId, {
          signal,
          batchId,
          enhance: enhancePrompts,
        });
      },
    });
    entry = { runner, users: 0, stopTimer: null };
    entries.set(session, entry);
    void runner.start();
  }
  if (entry.stopTimer) clearTimeout(entry.stopTimer);
  entry.stopTimer = null;
  entry.users++;
  return entry.runner;
}

function release(session: ProjectSession): void {
  const entry = entries.get(session);
  if (!entry) return;
  entry.users--;
  if (entry.users > 0) return;
  entry.stopTimer = setTimeout(() => {
    entry.runner.stop();
    entries.delete(session);
  }, STOP_DELAY_MS);
}

const EMPTY: QueueView = { batches: [], jobs: [] };

export interface FrameQueue {
  readonly runner: QueueRunner | null;
  readonly view: QueueView;
}

export function useFrameQueue(session: ProjectSession): FrameQueue {
  const ai = useAi();
  const [view, setView] = useState<QueueView>(EMPTY);
  useEffect(() => {
    acquire(session, ai);
    // The first view arrives right after, re-rendering with the runner acquired here.
    const unwatch = ai.queue.watch(session.id, setView);
    return () => {
      unwatch();
      release(session);
    };
  }, [ai, session]);
  return { runner: entries.get(session)?.runner ?? null, view };
}
