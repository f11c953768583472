/** Reads up to three photos as base64 for the report form (the server strips their location data). */
export interface Photo {
  readonly mediaType: 'image/jpeg' | 'image/png';
  readonly data: string;
}

const MAX_PHOTOS = 3;
const MAX_BYTES = 5 * 1024 * 1024;

export async function readPhotos(files: FileList): Promise<Photo[]> {
  const chosen = Array.from(files).slice(0, MAX_PHOTOS);
  const photos: Photo[] = [];
  for (const file of chosen) {
    if (file.size > MAX_BYTES) throw new Error(`${file.name} is larger than 5 MB`);
    if (file.type !== 'image/jpeg' && file.type !== 'image/png')
      throw new Error(`${file.name} is not a JPEG or PNG photo`);
    photos.push({ mediaType: file.type, data: toBase64(new Uint8Array(await file.arrayBuffer())) });
  }
  return photos;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
