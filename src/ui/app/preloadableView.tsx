import { lazy, type ComponentType, type JSX } from 'react';

export interface PreloadableView<P extends object> {
  /** Renders the view, suspending (React.lazy) only while its code is still loading. */
  readonly View: (props: P) => JSX.Element;
  /** Starts loading the code; resolves once `View` renders without suspending. */
  readonly preload: () => Promise<void>;
}

/**
 * A lazily loaded view that can be loaded ahead of its first render. Why not React.lazy alone:
 * a view that suspends behind a Suspense fallback is revealed no sooner than 300 ms after the
 * fallback showed (React throttles the reveal of retried boundaries), so opening a project by
 * its URL waited a third of a second for nothing. Loaded before the first render (main.tsx
 * preloads the view the URL names), the view renders at once and never suspends.
 */
export function preloadableView<P extends object>(
  load: () => Promise<ComponentType<P>>,
): PreloadableView<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const start = () => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null; // the next render tries again (and its boundary shows a failure)
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(() => start().then((component) => ({ default: component })));
  const View = (props: P) => {
    const Component = loaded ?? Lazy;
    return <Component {...props} />;
  };
  return { View, preload: () => start().then(() => undefined) };
}
