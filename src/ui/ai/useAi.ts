import { useEffect, useState } from 'react';
import { AiService } from '../../ai/aiService';
import type { AiSettings } from '../../ai/settings/aiSettings';
import { observe } from '../../store/live';
import type { VaultState } from '../../store/keyVault';
import type { Services } from '../app/services';
import { useServices } from '../app/servicesContext';

/** One AiService per app services (one per page): the router's breakers and limits are shared. */
const services = new WeakMap<Services, AiService>();

export function aiServiceFor(app: Services): AiService {
  let ai = services.get(app);
  if (!ai) {
    ai = new AiService({ db: app.repo.db, assets: app.assets, drawSketch: app.sketch });
    services.set(app, ai);
  }
  return ai;
}

export function useAi(): AiService {
  return aiServiceFor(useServices());
}

/** The AI settings, live (null until first read). */
export function useAiSettings(): AiSettings | null {
  const ai = useAi();
  const [settings, setSettings] = useState<AiSettings | null>(null);
  useEffect(() => ai.watchSettings(setSettings), [ai]);
  return settings;
}

/** Masked key hints by provider id, live. */
export function useKeyHints(): ReadonlyMap<string, string> {
  const ai = useAi();
  const [hints, setHints] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => observe(() => ai.vault.hints(), setHints), [ai]);
  return hints;
}

export function useVaultState(): VaultState | null {
  const ai = useAi();
  const [state, setState] = useState<VaultState | null>(null);
  useEffect(() => {
    let live = true;
    const read = () => void ai.vault.state().then((s) => live && setState(s));
    read();
    const unsubscribe = ai.vault.subscribe(read);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [ai]);
  return state;
}
