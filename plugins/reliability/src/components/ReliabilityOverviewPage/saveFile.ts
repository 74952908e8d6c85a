/**
 * Hands a file to the browser as a download: an object URL clicked through
 * an `<a download>`, so the browser saves it (and a test browser sees a
 * download). The URL is revoked once the browser has had time to read it.
 */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
