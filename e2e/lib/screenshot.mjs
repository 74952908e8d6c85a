// Whole-page screenshots of a Backstage app. Backstage scrolls inside its
// page, not the document, so Playwright's `fullPage` shows the top of the
// page and leaves the rest of the image blank. Here the viewport grows, for
// the shot, to the height of the tallest scrolling element, so every
// section of the page is laid out and drawn in the image.

/** The tallest content height of the document or of any scrolling element. */
function contentHeight() {
  let height = document.documentElement.scrollHeight;
  for (const el of document.querySelectorAll('body *')) {
    if (el.scrollHeight <= el.clientHeight) continue;
    const overflow = getComputedStyle(el).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') {
      // What lies above the scroller stays in the image too.
      const top = el.getBoundingClientRect().top + window.scrollY;
      height = Math.max(height, top + el.scrollHeight);
    }
  }
  return Math.ceil(height);
}

/** Chromium draws no taller image than this in one shot. */
const MAX_HEIGHT = 12000;

export async function screenshotWholePage(page, file, timeout = 15000) {
  const viewport = page.viewportSize();
  const height = Math.min(await page.evaluate(contentHeight), MAX_HEIGHT);
  if (!viewport || height <= viewport.height) {
    await page.screenshot({ path: file, timeout });
    return;
  }
  await page.setViewportSize({ width: viewport.width, height });
  try {
    await page.screenshot({ path: file, timeout });
  } finally {
    await page.setViewportSize(viewport);
  }
}
