// Tiny expect-like helpers over playwright-core locators: they poll (via
// Playwright's auto-waiting) and throw errors that say what was expected and
// on which URL.

export const DEFAULT_TIMEOUT = 15000;

function where(page) {
  try {
    return page.url();
  } catch {
    return '(unknown URL)';
  }
}

/** Waits until the locator's first match is visible. */
export async function expectVisible(
  page,
  locator,
  description,
  timeout = DEFAULT_TIMEOUT,
) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch (e) {
    const count = await locator.count().catch(() => 0);
    throw new Error(
      `expected ${description} to be visible on ${where(page)} within ${
        timeout / 1000
      } s` +
        (count
          ? ` (${count} match(es) in the page, none visible)`
          : ' (no matching element)'),
    );
  }
  return locator.first();
}

/** Polls fn until it returns true-ish. fn may throw; the last error is reported. */
export async function expectEventually(
  page,
  fn,
  description,
  timeout = DEFAULT_TIMEOUT,
) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = undefined;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `expected ${description} on ${where(page)} within ${timeout / 1000} s` +
          (last ? ` (${String(last.message).split('\n')[0]})` : ''),
      );
    }
    await new Promise(r => setTimeout(r, 250));
  }
}

/** Escapes a string for use inside a RegExp. */
export function reEscape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
