// Signing in to the dev app as the guest, shared by the tests and the
// overview benchmark.
import { expectVisible } from './expect.mjs';

export const FIRST_LOAD_TIMEOUT = 30000; // the dev server compiles on first request
// Backstage's <nav aria-label="sidebar nav"> has an empty box (its drawer is
// position: fixed), so Playwright never calls it visible: wait for its links.
export const sidebar = page =>
  page.getByRole('navigation', { name: 'sidebar nav' });
const shell = page => sidebar(page).getByRole('link');

/**
 * Opens url and gets past the sign-in page: it auto-selects the guest
 * provider; on a fresh browser it may show a card with an "Enter" button.
 */
export async function openSignedIn(page, url, timeout = FIRST_LOAD_TIMEOUT) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
  const enter = page.getByRole('button', { name: 'Enter', exact: true });
  await expectVisible(
    page,
    shell(page).or(enter),
    'the app shell (sidebar links) or the guest sign-in "Enter" button',
    timeout,
  );
  if (await enter.isVisible().catch(() => false)) {
    await enter.click();
  }
  await expectVisible(
    page,
    shell(page),
    'the app shell (sidebar links) after guest sign-in',
    timeout,
  );
}
