// Starts the real Vigil app (`backstage-cli repo start`) in its own process
// group, waits until it is usable, and stops the whole group again.
import { spawn } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  existsSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const BACKEND = 'http://localhost:7007';
export const FRONTEND = 'http://localhost:3000';
export const PORTS = [3000, 7007];

const sleep = ms => new Promise(r => setTimeout(r, ms));

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
export const stripAnsi = s => s.replace(ANSI, '');

/** True when something accepts TCP connections on the port (IPv4 or IPv6 loopback). */
function listensOn(port, host) {
  return new Promise(resolve => {
    const socket = net.connect({ port, host });
    const done = result => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function busyPorts() {
  const busy = [];
  for (const port of PORTS) {
    if ((await listensOn(port, '127.0.0.1')) || (await listensOn(port, '::1')))
      busy.push(port);
  }
  return busy;
}

export class App {
  constructor({ repoRoot, logFile }) {
    this.repoRoot = repoRoot;
    this.logFile = logFile;
    this.child = null;
    this.exited = null; // { code, signal } once the group leader exited
  }

  start() {
    mkdirSync(path.dirname(this.logFile), { recursive: true });
    const fd = openSync(this.logFile, 'w');
    const cmd = 'npx';
    const args = ['backstage-cli', 'repo', 'start'];
    console.log(
      `e2e: starting the app: (cd ${this.repoRoot} && ${cmd} ${args.join(
        ' ',
      )}) > ${this.logFile} 2>&1`,
    );
    this.child = spawn(cmd, args, {
      cwd: this.repoRoot,
      detached: true, // own process group, so the whole tree can be stopped at once
      stdio: ['ignore', fd, fd],
      env: { ...process.env, BROWSER: 'none', FORCE_COLOR: '0' },
    });
    closeSync(fd);
    this.child.once('exit', (code, signal) => {
      this.exited = { code, signal };
    });
    this.child.once('error', err => {
      this.exited = { code: null, signal: null, error: err };
    });
    console.log(`e2e: app process group ${this.child.pid}`);
  }

  groupAlive() {
    if (!this.child?.pid) return false;
    try {
      process.kill(-this.child.pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  /** SIGTERM to the whole group, SIGKILL after graceMs if anything is left. */
  async stop(graceMs = 5000) {
    if (!this.child?.pid || this.stopped) return;
    this.stopped = true;
    const pgid = this.child.pid;
    if (!this.groupAlive()) return;
    console.log(`e2e: stopping the app (SIGTERM to process group ${pgid})`);
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline && this.groupAlive()) await sleep(200);
    if (this.groupAlive()) {
      console.log(
        `e2e: app still running after ${
          graceMs / 1000
        } s; SIGKILL to process group ${pgid}`,
      );
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      const killDeadline = Date.now() + 3000;
      while (Date.now() < killDeadline && this.groupAlive()) await sleep(100);
    }
  }

  /** Synchronous last resort for process 'exit'. */
  killNow() {
    if (this.child?.pid && this.groupAlive()) {
      try {
        process.kill(-this.child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }

  /** The log's lines, without terminal colours. */
  lines() {
    if (!existsSync(this.logFile)) return [];
    return stripAnsi(readFileSync(this.logFile, 'utf8')).split('\n');
  }

  tail(lines = 40) {
    return this.lines().slice(-lines).join('\n');
  }

  /** The app log's last line that looks like a start-up or compile error, if any. */
  lastErrorLine() {
    const bad =
      /startup failed|failed to start|^\s*Error:|ERROR in|\berror\b.*\bTS\d+|Cannot find module/i;
    return this.lines()
      .filter(l => bad.test(l))
      .pop();
  }

  /** How often `backstage-cli repo start` restarted the backend because a file changed. */
  backendRestarts() {
    return this.lines().filter(l => /Change detected, restarting/i.test(l))
      .length;
  }

  /** Error lines of the frontend bundle's last compilation, if it failed. */
  frontendCompileErrors() {
    const all = this.lines();
    let last = -1;
    all.forEach((l, i) => {
      if (/(Rspack|webpack) compiled/i.test(l)) last = i;
    });
    if (last < 0 || !/compiled with \d+ errors?/i.test(all[last])) return [];
    return [...all.filter(l => /^\s*(ERROR in|×)/.test(l)), all[last]];
  }
}

async function probe(url, init) {
  try {
    const res = await fetch(url, {
      ...init,
      signal: AbortSignal.timeout(10000),
      redirect: 'manual',
    });
    const body = await res.text();
    return { status: res.status, body };
  } catch (e) {
    return {
      status: 0,
      body: '',
      error: e.cause?.code || e.cause?.message || e.message,
    };
  }
}

/**
 * Waits for backend health, a guest token, the example entities and the
 * frontend. Returns { token }. Throws with the last observed state on timeout
 * or when the app process exits.
 */
export async function waitForApp(app, { timeoutMs, entities }) {
  const started = Date.now();
  const deadline = started + timeoutMs;
  let lastProgress = 0;
  let state = 'nothing checked yet';
  const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;

  const step = async (name, check) => {
    for (;;) {
      if (app.exited) {
        const { code, signal, error } = app.exited;
        throw new Error(
          `the app process exited while waiting for ${name} (${
            error ? error.message : `code ${code}, signal ${signal}`
          })`,
        );
      }
      const result = await check();
      if (result.ok) {
        console.log(`e2e: [${elapsed()}] ready: ${name}`);
        return result.value;
      }
      state = `${name}: ${result.why}`;
      if (Date.now() > deadline) {
        throw new Error(
          `app not ready after ${timeoutMs / 1000} s; last state: ${state}`,
        );
      }
      if (Date.now() - lastProgress > 10000) {
        lastProgress = Date.now();
        console.log(`e2e: [${elapsed()}] waiting for ${name} (${result.why})`);
        const hint = app.lastErrorLine();
        if (hint)
          console.log(
            `e2e:   last error in the app log: ${hint.trim().slice(0, 300)}`,
          );
      }
      await sleep(1000);
    }
  };

  const describe = r =>
    r.status ? `HTTP ${r.status}` : `no answer: ${r.error}`;

  await step(`backend ${BACKEND}/api/reliability/health → 200`, async () => {
    const r = await probe(`${BACKEND}/api/reliability/health`);
    return r.status === 200 ? { ok: true } : { ok: false, why: describe(r) };
  });

  const token = await step(
    'a guest token from /api/auth/guest/refresh',
    async () => {
      const r = await probe(
        `${BACKEND}/api/auth/guest/refresh?env=development`,
        {
          headers: { 'X-Requested-With': 'XMLHttpRequest' },
        },
      );
      if (r.status !== 200) return { ok: false, why: describe(r) };
      try {
        const t = JSON.parse(r.body)?.backstageIdentity?.token;
        return t
          ? { ok: true, value: t }
          : { ok: false, why: 'no backstageIdentity.token in the answer' };
      } catch {
        return { ok: false, why: 'answer is not JSON' };
      }
    },
  );

  const found = {};
  for (const ref of entities) {
    const [kind, namespace, name] = ref.split('/');
    found[ref] = await step(
      `catalog entity ${kind}:${namespace}/${name}`,
      async () => {
        const r = await probe(
          `${BACKEND}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
          {
            headers: { Authorization: `Bearer ${token}` },
          },
        );
        if (r.status !== 200) return { ok: false, why: describe(r) };
        try {
          return { ok: true, value: JSON.parse(r.body) };
        } catch {
          return { ok: false, why: 'answer is not JSON' };
        }
      },
    );
  }

  await step(`frontend ${FRONTEND} → 200`, async () => {
    const r = await probe(FRONTEND);
    return r.status === 200 ? { ok: true } : { ok: false, why: describe(r) };
  });

  return { token, entities: found };
}
