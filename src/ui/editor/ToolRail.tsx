import type { ReactNode } from 'react';
import { TOOLS, type ToolId } from './canvas/tools';

interface Props {
  readonly tool: ToolId;
  readonly onTool: (tool: ToolId) => void;
}

/** One button per tool, named after it, its key in the tooltip. */
export function ToolRail({ tool, onTool }: Props) {
  return (
    <nav className="editor-tools" aria-label="Tools">
      {TOOLS.map((t) => (
        <button
          key={t.id}
          type="button"
          className={`tool-button${tool === t.id ? ' current' : ''}`}
          aria-label={t.label}
          aria-pressed={tool === t.id}
          title={`${t.label} (${t.key.toUpperCase()}) — ${t.hint}`}
          onClick={() => onTool(t.id)}
        >
          <svg
            width="20"
            height="20"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
            aria-hidden="true"
          >
            {ICONS[t.id]}
          </svg>
          <span className="tool-key" aria-hidden="true">
            {t.key.toUpperCase()}
          </span>
        </button>
      ))}
    </nav>
  );
}

const ICONS: Readonly<Record<ToolId, ReactNode>> = {
  pencil: <path d="M4 20l1-4L16 5l3 3L8 19l-4 1zM14 7l3 3" />,
  brush: (
    <>
      <path d="M20 4c-4 2-8 6-10 9l2 2c3-2 7-6 8-11z" />
      <path d="M9 14c-3 0-4 2-4 4 0 1-1 2-2 2 3 1 7 0 8-3l-2-3z" />
    </>
  ),
  pen: (
    <>
      <path d="M12 3l6 6-7 10-6 1 1-6 6-11z" />
      <circle cx="11" cy="12" r="1.5" />
    </>
  ),
  eraser: (
    <>
      <path d="M8 20h12M4 15l9-9 6 6-8 8H8l-4-4z" />
      <path d="M9 10l6 6" />
    </>
  ),
  fill: (
    <>
      <path d="M5 11l7-7 7 7-7 7-7-7z" />
      <path d="M20 15s2 2.5 2 4a2 2 0 0 1-4 0c0-1.5 2-4 2-4z" />
    </>
  ),
  line: <path d="M5 19L19 5" />,
  arrow: <path d="M5 19L19 5M10 5h9v9" />,
  rectangle: <rect x="4" y="6" width="16" height="12" rx="1" />,
  ellipse: <ellipse cx="12" cy="12" rx="9" ry="6" />,
  camera: <path d="M3 10h11V6l7 6-7 6v-4H3z" />,
  motion: <path d="M3 7h9M6 12h12M4 17h8M16 7h1M20 12h1M15 17h1" />,
  text: <path d="M5 6V4h14v2M12 4v16M9 20h6" />,
  select: <path d="M5 3l14 8-6 2-2 6L5 3z" />,
  eyedropper: (
    <>
      <path d="M15 4l5 5-2 2-5-5 2-2z" />
      <path d="M14 8l-9 9v3h3l9-9" />
    </>
  ),
};
