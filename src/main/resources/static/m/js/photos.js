// Photos chosen on the phone: made smaller in the browser (long side at most 1600 px, JPEG 0.85) before they are
// sent to gridcase's photo store (POST /api/photos, field "file"), which answers their addresses. A store that
// is not there (404) means the report goes without photos; the page says so and carries on.
export const MAX_PHOTOS = 9;
const LONG_SIDE = 1600;

export async function shrink(file) {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, LONG_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) => canvas.toBlob(
    blob => blob ? resolve(blob) : reject(new Error('照片无法处理')), 'image/jpeg', 0.85));
}

/** {url, thumbnailUrl}; null when the photo store is not available (404). */
export async function upload(blob) {
  const form = new FormData();
  form.append('file', blob, 'photo.jpg');
  const answer = await fetch('/api/photos', { method: 'POST', body: form, headers: { 'Accept': 'application/json' } });
  if (answer.status === 404 || answer.status === 405) {
    return null;
  }
  if (!answer.ok) {
    let detail = null;
    try {
      detail = (await answer.json()).detail;
    } catch (notJson) {
      detail = null;
    }
    throw new Error(detail || '照片上传失败（' + answer.status + '）');
  }
  return answer.json();
}
