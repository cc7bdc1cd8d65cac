/** Files that look like pictures by name or type: only where a drop goes is decided by this. */
const PICTURE_NAME = /\.(png|jpe?g|webp|gif|avif|svg|bmp|tiff?|heic|heif)$/i;
export function looksLikePicture(file: Pick<File, 'name' | 'type'>): boolean {
  return file.type.startsWith('image/') || PICTURE_NAME.test(file.name);
}

/** A drag carrying files (their names are known only on drop). */
export function carriesFiles(dataTransfer: DataTransfer): boolean {
  return dataTransfer.types.includes('Files');
}

/**
 * The files of a drop that go on boards: all of them when any looks like a picture (each is then
 * checked by its bytes and refused with its reason), none when none does — a screenplay dropped
 * on a board is still imported by the app-wide drop.
 */
export function picturesOfDrop(dataTransfer: DataTransfer): File[] {
  const files = [...dataTransfer.files];
  return files.some(looksLikePicture) ? files : [];
}
