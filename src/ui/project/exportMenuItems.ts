import type { SequenceFormat } from '../../export/deliver/imageSequence';
import type { TimelineFormat } from '../../export/deliver/timelinePackage';

/**
 * The Export menu's deliverables (names tests rely on, issue 13). Timelines ask the frame rate
 * and the image sequence its format before they start; the others start at once.
 */
export type DeliverableChoice =
  | { readonly kind: 'timeline'; readonly format: TimelineFormat }
  | { readonly kind: 'sequence' }
  | { readonly kind: 'contactSheet' }
  | { readonly kind: 'shotListCsv' }
  | { readonly kind: 'shotListXlsx' }
  | { readonly kind: 'reviewPage' };

export const TIMELINE_LABELS: Record<TimelineFormat, string> = {
  otio: 'OpenTimelineIO (.otio)',
  fcp7: 'Final Cut Pro 7 XML',
  fcpxml: 'FCPXML',
  edl: 'EDL (CMX 3600)',
};

export const TIMELINE_HINTS: Record<TimelineFormat, string> = {
  otio: 'For OpenTimelineIO tools, Resolve, Premiere (via its OTIO import) and pipelines.',
  fcp7: 'For Premiere Pro and DaVinci Resolve.',
  fcpxml: 'For Final Cut Pro.',
  edl: 'For any editor; one picture track and two sound channels.',
};

export const SEQUENCE_FORMAT_LABELS: Record<SequenceFormat, string> = {
  png: 'PNG (lossless)',
  jpeg: 'JPEG (smaller)',
};

export function choiceTitle(choice: DeliverableChoice): string {
  switch (choice.kind) {
    case 'timeline':
      return `Export ${TIMELINE_LABELS[choice.format]}`;
    case 'sequence':
      return 'Export image sequence';
    case 'contactSheet':
      return 'Export contact sheet';
    case 'shotListCsv':
      return 'Export shot list (CSV)';
    case 'shotListXlsx':
      return 'Export shot list (XLSX)';
    case 'reviewPage':
      return 'Export review page';
  }
}
