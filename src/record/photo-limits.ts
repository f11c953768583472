/**
 * How many photos a report may carry and how large each may be: the server's rule (the public
 * form's and the field report's `photos`), which the field report form checks before a photo
 * goes into the outbox. Plain numbers so the web app can import them.
 */
export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** The media types a photo may be (what `stripPhotoMetadata` can clean). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
