import { MAX_PHOTO_BYTES, MAX_PHOTOS, PHOTO_TYPES } from '../../../src/record/photo-limits.js';
import { h } from '../ui/dom.js';
import { showFieldError } from '../ui/forms.js';

const MB = 1024 * 1024;
const ID = 'f-photos';

/**
 * The field report's photos: the phone's camera (`capture="environment"`) or its gallery, several
 * at once. They go into the outbox as they are (Blobs in IndexedDB) and to the server with the
 * report, which strips their location metadata: the device position is the report's own field.
 */
export function photosField(): HTMLElement {
  const hint = `Up to ${MAX_PHOTOS} photos, JPEG or PNG, ${MAX_PHOTO_BYTES / MB} MB each. Their location data is removed on the server; the position you give above is kept.`;
  return h(
    'div',
    { class: 'field', 'data-field': 'photos' },
    h('label', { for: ID }, 'Photos'),
    h('p', { id: `${ID}-hint`, class: 'hint' }, hint),
    h('input', {
      id: ID,
      name: 'photos',
      type: 'file',
      accept: 'image/*',
      capture: 'environment',
      multiple: true,
      'aria-describedby': `${ID}-hint ${ID}-error`,
    }),
    h('p', { id: `${ID}-error`, class: 'error', 'aria-live': 'polite' }),
  );
}

const input = (form: HTMLFormElement) => form.querySelector<HTMLInputElement>(`#${ID}`);

/** The photos chosen, as Blobs (a File is one). */
export function chosenPhotos(form: HTMLFormElement): Blob[] {
  return Array.from(input(form)?.files ?? []);
}

/**
 * The server's rule, checked before a photo goes into the outbox (a refusal there would come
 * only when the connection returns): how many, how large, which types. The message names the
 * photo and the rule, next to the field.
 */
export function checkPhotos(form: HTMLFormElement): boolean {
  const files = Array.from(input(form)?.files ?? []);
  const wrong = (message: string) => {
    showFieldError(form, 'photos', message);
    return false;
  };
  if (files.length > MAX_PHOTOS)
    return wrong(`At most ${MAX_PHOTOS} photos: ${files.length} are chosen. Keep the ones that matter.`);
  for (const file of files) {
    if (!(PHOTO_TYPES as readonly string[]).includes(file.type))
      return wrong(`${file.name} must be a JPEG or PNG photo (it is ${file.type || 'of an unknown type'}).`);
    if (file.size > MAX_PHOTO_BYTES)
      return wrong(
        `${file.name} must be at most ${MAX_PHOTO_BYTES / MB} MB (it is ${(file.size / MB).toFixed(1)} MB).`,
      );
  }
  return true;
}

/** A refused report back in the form: its photos chosen again, so it is resent with them. */
export function putPhotosBack(form: HTMLFormElement, photos: readonly Blob[]): void {
  const control = input(form);
  if (!control || photos.length === 0) return;
  const transfer = new DataTransfer();
  photos.forEach((blob, i) => {
    const name =
      blob instanceof File ? blob.name : `photo-${i + 1}.${blob.type === 'image/png' ? 'png' : 'jpg'}`;
    transfer.items.add(blob instanceof File ? blob : new File([blob], name, { type: blob.type }));
  });
  control.files = transfer.files;
}
