#!/usr/bin/env node
// Vigil end-to-end test runner: starts the real app (backend + frontend dev
// server), drives it with headless Chromium through playwright-core, and
// checks the backend log. See e2e/README.md.
//
// Output: `ok - <name>` / `not ok - <name>: <reason>` per test, then
// `e2e: N passed, M failed`. Exit code 0 only when M == 0 and N > 0.
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, ensureChromium } from './lib/chromium.mjs';
import { App, FRONTEND, busyPorts, stripAnsi, waitForApp } from './lib/app.mjs';
import { screenshotWholePage } from './lib/screenshot.mjs';
import { slug, testName, tests } from './lib/tests.mjs';

const e2eDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(e2eDir, '..');
const resultsDir = path.join(e2eDir, 'results');
const screenshotsDir = path.join(e2eDir, 'screenshots');
const appLog = path.join(resultsDir, 'app.log');
const browserLog = path.join(resultsDir, 'browser.log');
const START_TIMEOUT_MS =
  Number(process.env.VIGIL_E2E_START_TIMEOUT_MS) || 240000;
const LOG_CHECK = 'backend logs no unhandled error';
const UNHANDLED = /unhandled|UnhandledPromiseRejection|uncaughtException/i;

const rel = p => path.relative(process.cwd(), p) || '.';
const results = []; // { name, ok, reason }
let app = null;
let browser = null;
let interrupted = false; // after SIGINT/SIGTERM: stop quietly, report nothing more

function record(name, ok, reason) {
  if (interrupted) return;
  results.push({ name, ok, reason });
  console.log(ok ? `ok - ${name}` : `not ok - ${name}: ${reason}`);
}

function finish() {
  const passed = results.filter(r => r.ok).length;
  const failed = results.length - passed;
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

let cleaningUp = null;
async function cleanup() {
  cleaningUp ??= (async () => {
    if (browser) await browser.close().catch(() => {});
    browser = null;
    if (app) await app.stop();
  })();
  return cleaningUp;
}

// Never leave the app running: signals, crashes of this runner, and exit.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.on(signal, async () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\ne2e: ${signal} received; stopping`);
    await cleanup();
    process.exit(code);
  });
}
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, async err => {
    console.error(`e2e: internal error in the runner (${event}):`, err);
    await cleanup();
    process.exit(1);
  });
}
process.on('exit', () => app?.killNow());

function checkNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 22 && major !== 24) {
    throw new Error(
      `Node ${process.versions.node} is running; the app needs Node 22 (Backstage engines "22 || 24"). ` +
        'Run `source scripts/node-env.sh` first.',
    );
  }
}

function checkLog() {
  if (!existsSync(appLog)) {
    record(LOG_CHECK, false, `${rel(appLog)} does not exist`);
    return;
  }
  const bad = stripAnsi(readFileSync(appLog, 'utf8'))
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => UNHANDLED.test(line));
  if (bad.length === 0) {
    record(LOG_CHECK, true);
    return;
  }
  record(
    LOG_CHECK,
    false,
    `${bad.length} line(s) of ${rel(appLog)} match ${UNHANDLED}`,
  );
  for (const { line, n } of bad.slice(0, 20))
    console.log(`#   ${n}: ${line.slice(0, 400)}`);
  if (bad.length > 20) console.log(`#   ... and ${bad.length - 20} more`);
}

async function runBrowserTests(executablePath, context) {
  const { chromium } = await import('playwright-core');
  console.log(`e2e: launching ${executablePath} (headless)`);
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const browserContext = await browser.newContext({
    viewport: { width: 1440, height: 900 },
  });
  const page = await browserContext.newPage();
  let current = 'setup';
  let pageErrors = [];
  const logBrowser = line =>
    appendFileSync(browserLog, `[${current}] ${line}\n`);
  page.on('console', m => logBrowser(`console.${m.type()}: ${m.text()}`));
  page.on('pageerror', e => {
    pageErrors.push(e.message.split('\n')[0]);
    logBrowser(`pageerror: ${e.message}`);
  });
  page.on('requestfailed', r =>
    logBrowser(
      `requestfailed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`,
    ),
  );

  for (const test of tests) {
    const name = testName(test);
    current = name;
    pageErrors = [];
    const shot = path.join(screenshotsDir, `${slug(name)}.png`);
    let error = null;
    try {
      // Tests may save screenshots of intermediate steps, named after the test.
      const screenshot = label =>
        screenshotWholePage(
          page,
          path.join(screenshotsDir, `${slug(name)}-${label}.png`),
        );
      await test({ page, frontend: FRONTEND, screenshot, ...context });
    } catch (e) {
      error = e;
    }
    try {
      await screenshotWholePage(page, shot);
    } catch (e) {
      console.log(`# could not save ${rel(shot)}: ${e.message.split('\n')[0]}`);
    }
    let reason = error && String(error.message).split('\n')[0];
    if (error && pageErrors.length) {
      reason += `; uncaught page error(s): ${[...new Set(pageErrors)]
        .slice(0, 3)
        .join(' | ')}`;
    }
    record(name, !error, reason);
  }
  await browser.close();
  browser = null;
}

async function main() {
  console.log(`e2e: repo ${repoRoot}, Node ${process.versions.node}`);
  let executablePath;
  try {
    checkNode();
    executablePath = ensureChromium();
    console.log(`e2e: Chromium at ${executablePath}`);
    const busy = await busyPorts();
    if (busy.length) {
      throw new Error(
        `something already listens on port ${busy.join(
          ' and ',
        )} (the app uses 3000 and 7007). ` +
          'Stop it first (e.g. a running `npm start`); the e2e starts its own app. ' +
          `Find it with: ss -ltnp '( sport = :3000 or sport = :7007 )'`,
      );
    }
  } catch (e) {
    record('setup', false, e.message);
    return finish();
  }

  mkdirSync(resultsDir, { recursive: true });
  rmSync(screenshotsDir, { recursive: true, force: true });
  mkdirSync(screenshotsDir, { recursive: true });
  writeFileSync(browserLog, '');

  app = new App({ repoRoot, logFile: appLog });
  app.start();

  let context = null;
  try {
    context = await waitForApp(app, {
      timeoutMs: START_TIMEOUT_MS,
      entities: [
        'component/default/orders',
        'component/default/legacy-reports',
      ],
    });
  } catch (e) {
    console.log(`e2e: the app did not become ready: ${e.message}`);
    console.log(
      `e2e: last lines of ${rel(appLog)}:\n${app
        .tail(60)
        .replace(/^/gm, '#   ')}`,
    );
    for (const test of tests)
      record(
        testName(test),
        false,
        `not run: the app did not become ready (${e.message})`,
      );
  }

  if (context) {
    const compileErrors = app.frontendCompileErrors();
    if (compileErrors.length) {
      console.log(
        `e2e: warning: the frontend bundle failed to compile (from ${rel(
          appLog,
        )}):`,
      );
      for (const line of [...new Set(compileErrors)].slice(0, 20))
        console.log(`#   ${line.trim()}`);
    }
    try {
      await runBrowserTests(executablePath, context);
    } catch (e) {
      // The browser could not start (or crashed): every test not yet reported fails.
      if (!interrupted)
        console.log(`e2e: browser error: ${e.message.split('\n')[0]}`);
      for (const test of tests) {
        const name = testName(test);
        if (!results.some(r => r.name === name))
          record(name, false, `browser error: ${e.message.split('\n')[0]}`);
      }
    }
  }

  const restarts = app.backendRestarts();
  await cleanup();
  if (restarts) {
    console.log(
      `e2e: warning: the backend restarted ${restarts} time(s) during the run because source files changed ` +
        `("Change detected, restarting" in ${rel(
          appLog,
        )}); failures may come from that, not from the app`,
    );
  }
  const leftover = await busyPorts();
  if (leftover.length) {
    console.log(
      `e2e: warning: port ${leftover.join(
        ' and ',
      )} still in use after stopping the app's process group`,
    );
  }
  checkLog();

  console.log(
    `e2e: screenshots in ${rel(screenshotsDir)}/, app log ${rel(
      appLog,
    )}, browser console ${rel(browserLog)}`,
  );
  return finish();
}

process.exitCode = await main();
