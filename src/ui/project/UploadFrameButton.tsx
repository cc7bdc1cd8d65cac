import { useRef } from 'react';
import type { Shot } from '../../model/shot';
import { HiddenFileInput } from '../app/HiddenFileInput';
import type { PutPictures } from './usePictures';

/** What the file chooser offers; anything else chosen is still checked by its bytes. */
const PICTURE_TYPES = 'image/png,image/jpeg,image/webp,image/gif,image/avif';

/** "Upload image": the person's own picture becomes the shot's frame (kept as a take). */
export function UploadFrameButton({
  shot,
  onPictures,
  disabled,
}: {
  readonly shot: Shot;
  readonly onPictures: PutPictures;
  readonly disabled: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={disabled}
        title="Your own picture as this shot’s frame (or paste one with Ctrl+V, or drop files on a board)"
        onClick={() => input.current?.click()}
      >
        Upload image
      </button>
      <HiddenFileInput
        ref={input}
        label="Frame image"
        accept={PICTURE_TYPES}
        onFile={(file) => void onPictures([file], { sceneId: shot.sceneId, startShotId: shot.id })}
      />
    </>
  );
}
