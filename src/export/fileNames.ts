/** `The Last Birthday Card!` → `the-last-birthday-card`: safe on every file system. */
export function fileSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase();
  return slug || 'frameline-project';
}

export function animaticFileName(title: string): string {
  return `${fileSlug(title)}-animatic.mp4`;
}

export function projectFileName(title: string): string {
  return `${fileSlug(title)}.frameline.json`;
}
