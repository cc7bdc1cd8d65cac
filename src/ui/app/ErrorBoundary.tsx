import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  readonly children: ReactNode;
  /** What the fallback calls the part that broke, e.g. "the board". */
  readonly area: string;
  /** Shown instead of the plain message, when the part has better ways out (a project has). */
  readonly fallback?: (error: Error) => ReactNode;
}

interface State {
  readonly error: Error | null;
}

/**
 * A render error shows a message where the broken part was, never a blank page. The data is in
 * IndexedDB and untouched by a render error, so "Try again" is safe.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`Frameline: ${this.props.area} failed to display`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    if (this.props.fallback) return this.props.fallback(this.state.error);
    return (
      <div className="empty-state" role="alert">
        <h2>Something went wrong showing {this.props.area}</h2>
        <p>Your work is saved. {this.state.error.message}</p>
        <button className="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
