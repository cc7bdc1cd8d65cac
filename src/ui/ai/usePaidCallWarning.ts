import { useEffect } from 'react';
import { useAi } from './useAi';

/**
 * Asks before the tab closes or reloads while a provider call is under way: its answer would be
 * lost, and since none of the providers takes an idempotency key, the call is made (and paid for)
 * again when the work goes on. The browser shows its own words; a pipeline run says afterwards
 * what was asked again.
 */
export function usePaidCallWarning(): void {
  const ai = useAi();
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (ai.router.paidCallsInFlight === 0) return;
      event.preventDefault();
      event.returnValue = ''; // older Chromium asks only when this is set
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [ai]);
}
