import { useEffect, useState } from 'react';

/** Every dragged item is an image (types are known while dragging, names only on drop). */
function picturesOnly(e: DragEvent): boolean {
  const items = [...(e.dataTransfer?.items ?? [])].filter((item) => item.kind === 'file');
  return items.length > 0 && items.every((item) => item.type.startsWith('image/'));
}

/**
 * Files dropped anywhere on the window are imported; an overlay shows while dragging. Pictures
 * dropped on a board or a scene are taken there first (usePictures.ts) and never reach this.
 */
export function FileDropTarget({ onFiles }: { readonly onFiles: (files: File[]) => void }) {
  const [dragging, setDragging] = useState<'files' | 'pictures' | null>(null);

  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(picturesOnly(e) ? 'pictures' : 'files');
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(null);
    };
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(null);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) onFiles(files);
    };
    // A board or a scene that takes a drop of pictures stops it before it bubbles here: the
    // overlay must still go, so it is cleared on the way down (capture) too.
    const settle = () => {
      depth = 0;
      setDragging(null);
    };
    window.addEventListener('drop', settle, true);
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('drop', settle, true);
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [onFiles]);

  if (dragging === 'pictures') {
    // Boards stay visible: the picture goes on the one it is dropped on.
    return (
      <div className="drop-overlay pictures">
        Drop pictures on a board, or on a scene to fill its shots
      </div>
    );
  }
  return dragging ? (
    <div className="drop-overlay">Drop a screenplay or project file to import it</div>
  ) : null;
}
