#!/usr/bin/env node
/*
 * node bench/overview/run.mjs [runs] — the reliability overview page in
 * headless Chromium, against an app that is already running (frontend on
 * :3000, backend on :7007; start it with the 10,000-entity seed:
 * `./run.sh seed`, see bench/README.md). Signs in as a guest, like the e2e, then repeats `runs`
 * times (default 10):
 *   1. first render: opens /reliability; navigation start → the first row of
 *      the entity table drawn;
 *   2. filter: presses the "tier-0" filter → the table shows the tier-0 rows;
 *   3. sort: clicks the "Score" column header → the table shows them by score.
 * Steps 2 and 3 each start 1 s after the step before (a user's pause).
 * Prints the median and p95 of each next to its target (≤ 3 s, ≤ 200 ms,
 * ≤ 200 ms), and how much of it the entities request took. The verdict is
 * on every step; the steps that the backend's periodic jobs (readiness
 * and error-budget refreshes) overlapped, asked of its scheduler after
 * each step, are also listed, with the figures of the others.
 * A benchmark, not a test: it never starts or stops the app.
 */
import { CHROMIUM_ARGS, ensureChromium } from '../../e2e/lib/chromium.mjs';
import { BACKEND, FRONTEND } from '../../e2e/lib/app.mjs';
import { openSignedIn } from '../../e2e/lib/session.mjs';

const runs = Number(process.argv[2] ?? 10);
const frontend = process.env.VIGIL_FRONTEND ?? FRONTEND;
const TABLE = '[data-testid="overview-entities"]';
const TARGETS = { render: 3000, filter: 200, sort: 200 };
const STEP_TIMEOUT = 60000;
/** The pause before each filter or sort. */
const SETTLE_MS = 1000;

if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: node bench/overview/run.mjs [runs ≥ 1]');
  process.exit(2);
}

async function checkApp() {
  const answers = async url =>
    (await fetch(url, { signal: AbortSignal.timeout(5000) }).catch(() => null))
      ?.ok ?? false;
  const [frontendUp, backendUp] = await Promise.all([
    answers(frontend),
    answers(`${BACKEND}/api/reliability/health`),
  ]);
  if (!frontendUp || !backendUp) {
    throw new Error(
      `the app is not running (frontend ${frontend} ${
        frontendUp ? 'up' : 'down'
      }, backend ${BACKEND} ${backendUp ? 'up' : 'down'}). ` +
        'Start it first (see bench/README.md); this benchmark does not start it.',
    );
  }
}

/** Median and p95 (nearest rank) of a list of numbers. */
function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p =>
    sorted[
      Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
    ];
  return { median: rank(50), p95: rank(95) };
}

const ms = v => `${Math.round(v)} ms`;

/** The backend's periodic jobs that share the two cores with the page. */
const JOBS = {
  'reliability-readiness-refresh': 'readiness refresh',
  'reliability-slo-refresh': 'SLO refresh',
};

/**
 * Asks the backend's scheduler which of its periodic jobs (the full
 * readiness refresh, every 3 min in the seed; the error-budget refresh,
 * every 30 s) are running or ended since `since` (epoch ms): a step they
 * overlapped shared the two cores with them. Undefined when the scheduler
 * cannot be read.
 */
async function jobsOverlapping(token, since) {
  const res = await fetch(
    `${BACKEND}/api/reliability/.backstage/scheduler/v1/tasks`,
    { headers: { authorization: `Bearer ${token}` } },
  ).catch(() => undefined);
  if (!res?.ok) return undefined;
  const { tasks } = await res.json();
  return tasks
    .filter(({ taskId, taskState: state, workerState }) => {
      if (!(taskId in JOBS) || !state) return false;
      // The worker's state, when given, says whether this backend runs the
      // job now: the task's own stays 'running' after a backend stopped
      // mid-run, until the run times out (30 min for the readiness refresh).
      const running = (workerState ?? state).status === 'running';
      return (
        running ||
        (state.lastRunEndedAt !== undefined &&
          Date.parse(state.lastRunEndedAt) >= since)
      );
    })
    .map(({ taskId }) => JOBS[taskId]);
}

/** " (during the …)" for a step the backend's jobs overlapped. */
const jobsNote = jobs =>
  jobs?.length ? ` (during the ${jobs.join(', ')})` : '';

/** A guest's token for the scheduler's route (as the page signs in). */
async function guestToken() {
  const res = await fetch(`${BACKEND}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  }).catch(() => undefined);
  return res?.ok ? (await res.json()).backstageIdentity?.token : undefined;
}

/**
 * Runs in the page: performs `action` ('filter' or 'sort') and resolves with
 * the time from the click to the frame after the table shows the answer,
 * and the duration of the entities request behind it.
 */
function measureInPage({ table, action }) {
  const tableEl = () => document.querySelector(table);
  const queryOf = el => new URLSearchParams(el?.dataset.query ?? '');
  const shows = want => {
    const el = tableEl();
    if (!el) {
      // No row matches: the table gives way to the empty state.
      const status = [...document.querySelectorAll('[role="status"]')].some(s =>
        /match(es)? the filters/.test(s.textContent ?? ''),
      );
      return status && want.tier === 'tier-0';
    }
    const q = queryOf(el);
    return (
      el.getAttribute('aria-busy') === 'false' &&
      Object.entries(want).every(([k, v]) => q.get(k) === v)
    );
  };
  let button;
  let want;
  if (action === 'filter') {
    button = [
      ...document.querySelectorAll(
        '[role="group"][aria-label="Tier"] [role="button"]',
      ),
    ].find(b => b.textContent.trim() === 'tier-0');
    want = { tier: 'tier-0' };
  } else {
    button = [...tableEl().querySelectorAll('th [role="button"]')].find(
      b => b.textContent.trim() === 'Score',
    );
    want = { tier: 'tier-0', sort: 'score' };
  }
  if (!button) throw new Error(`no button for ${action}`);
  const before = performance.getEntriesByType('resource').length;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const timer = setTimeout(
      () => reject(new Error(`${action}: the table did not update`)),
      60000,
    );
    const done = () => {
      requestAnimationFrame(() => {
        const elapsed = performance.now() - start;
        clearTimeout(timer);
        observer.disconnect();
        const request = performance
          .getEntriesByType('resource')
          .slice(before)
          .filter(e => e.name.includes('/api/reliability/overview/entities'))
          .pop();
        resolve({
          elapsed,
          request: request ? request.responseEnd - request.startTime : null,
        });
      });
    };
    let finished = false;
    const check = () => {
      if (!finished && shows(want)) {
        finished = true;
        done();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-busy', 'data-query'],
    });
    button.click();
    check();
  });
}

async function main() {
  await checkApp();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
    });
    // Notes when the first row of the entity table is drawn (the frame
    // after it enters the DOM), in ms since navigation start.
    await context.addInitScript(table => {
      const observer = new MutationObserver(() => {
        if (document.querySelector(`${table} tbody tr`)) {
          observer.disconnect();
          requestAnimationFrame(() => {
            window.__vigilFirstRow = performance.now();
          });
        }
      });
      observer.observe(document, { subtree: true, childList: true });
    }, TABLE);
    const page = await context.newPage();
    page.on('pageerror', e => console.error(`bench: page error: ${e.message}`));

    console.log(`bench: signing in as a guest at ${frontend}`);
    await openSignedIn(page, `${frontend}/`);
    // Warm-up: the dev server compiles the page's chunks on first request.
    await page.goto(`${frontend}/reliability`);
    await page
      .locator(`${TABLE} tbody tr`)
      .first()
      .waitFor({ timeout: 120000 });
    const status = (
      await page
        .getByRole('status')
        .filter({ hasText: /entit/ })
        .first()
        .textContent()
    ).trim();
    console.log(`bench: warm-up done; the overview says "${status}"`);

    const times = { render: [], filter: [], sort: [] };
    const requests = { filter: [], sort: [] };
    // Per step: the backend's periodic jobs that overlapped it.
    const token = await guestToken();
    const overlapped = { filter: [], sort: [] };
    for (let i = 1; i <= runs; i++) {
      await page.goto(`${frontend}/reliability`, { waitUntil: 'commit' });
      const enter = page.getByRole('button', { name: 'Enter', exact: true });
      const firstRow = page.locator(`${TABLE} tbody tr`).first();
      await firstRow.or(enter).first().waitFor({ timeout: STEP_TIMEOUT });
      if (await enter.isVisible().catch(() => false)) {
        throw new Error(
          'the app asked to sign in again; the figures would include it',
        );
      }
      const render = await page.waitForFunction(
        () => window.__vigilFirstRow,
        null,
        {
          timeout: STEP_TIMEOUT,
        },
      );
      times.render.push(await render.jsonValue());
      // Let the other requests of the page settle before the interactions.
      await page
        .locator(`${TABLE}[aria-busy="false"]`)
        .waitFor({ timeout: STEP_TIMEOUT });

      const stepRequest = { filter: null, sort: null };
      for (const action of ['filter', 'sort']) {
        // A user's pause: each step starts from a settled page, not inside
        // the low-priority work the step before left (tiles, chart,
        // aggregates, the URL).
        await page.waitForTimeout(SETTLE_MS);
        const since = Date.now();
        const r = await page.evaluate(measureInPage, { table: TABLE, action });
        times[action].push(r.elapsed);
        overlapped[action].push(
          token ? await jobsOverlapping(token, since) : undefined,
        );
        if (r.request !== null) requests[action].push(r.request);
        stepRequest[action] = r.request;
      }
      // A slow step's request time tells the backend's share from the page's.
      const requestOf = action =>
        stepRequest[action] === null
          ? ''
          : ` (request ${ms(stepRequest[action])})`;
      console.log(
        `bench: run ${i}/${runs}: first render ${ms(
          times.render.at(-1),
        )}, filter ${ms(times.filter.at(-1))}${requestOf('filter')}${jobsNote(
          overlapped.filter.at(-1),
        )}, sort ${ms(times.sort.at(-1))}${requestOf('sort')}${jobsNote(
          overlapped.sort.at(-1),
        )}`,
      );
    }

    const line = (label, key, extra = '') => {
      const { median, p95 } = stats(times[key]);
      const verdict = p95 <= TARGETS[key] ? 'met' : 'NOT MET';
      console.log(
        `bench: ${label}: median ${ms(median)}, p95 ${ms(p95)} (target ≤ ${
          TARGETS[key] >= 1000 ? `${TARGETS[key] / 1000} s` : ms(TARGETS[key])
        }: ${verdict})${extra}`,
      );
    };
    const requestNote = key =>
      requests[key].length
        ? `; the entities request alone: median ${ms(
            stats(requests[key]).median,
          )}`
        : '';
    console.log(
      `bench: ${runs} runs, Chromium headless, ${frontend}/reliability`,
    );
    line(
      'first render (navigation start → first row of the entity table)',
      'render',
    );
    line(
      'filter (press "tier-0" → table updated)',
      'filter',
      requestNote('filter'),
    );
    line('sort (click "Score" → table updated)', 'sort', requestNote('sort'));
    for (const key of ['filter', 'sort']) {
      if (!overlapped[key].every(Array.isArray)) {
        console.log(
          `bench: ${key}: could not tell which steps the backend's jobs overlapped (scheduler not readable)`,
        );
        continue;
      }
      const during = times[key].filter((_, i) => overlapped[key][i].length);
      const apart = times[key].filter((_, i) => !overlapped[key][i].length);
      const rest = apart.length
        ? `; the ${apart.length} others: median ${ms(
            stats(apart).median,
          )}, p95 ${ms(stats(apart).p95)}`
        : '';
      console.log(
        `bench: ${key}: ${
          during.length
        } of ${runs} while a periodic job of the backend ran${
          during.length ? ` (${during.map(ms).join(', ')})` : ''
        }${rest}`,
      );
    }
  } finally {
    await browser.close();
  }
}

main().catch(e => {
  console.error(`bench: ${e.message}`);
  process.exit(1);
});
