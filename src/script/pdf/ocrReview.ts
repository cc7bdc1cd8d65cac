/**
 * The review flag on every script read (in part) by OCR, as a warning of the read: the import
 * summary shows it and keeps it up until dismissed. Its own module so the page can match it
 * without loading the PDF reader.
 */
export const OCR_REVIEW_MESSAGE = 'Read with OCR — check names and headings.';
