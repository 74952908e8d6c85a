import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const HISTORY_SCRIPT = resolve(
  __dirname,
  '../../../../bench/prometheus/write-history.mjs',
);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise(done => server.close(done));
  return port;
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}/-/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(done => setTimeout(done, 250));
  }
  throw new Error(`Prometheus on ${url} did not become ready`);
}

/**
 * A Prometheus of the test's own (Debian's `prometheus` and `promtool`, as
 * scripts/test-prometheus.sh installs them), over two days of the same
 * synthetic history, on a random port: a test may stop it and start it
 * again on the same port and data.
 */
export async function startOwnPrometheus(end: number) {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-own-prometheus-'));
  const history = join(dir, 'history.om');
  const out = openSync(history, 'w');
  try {
    execFileSync(
      process.execPath,
      [HISTORY_SCRIPT, '--end', String(end), '--days', '2'],
      { stdio: ['ignore', out, 'inherit'] },
    );
  } finally {
    closeSync(out);
  }
  execFileSync('promtool', [
    'tsdb',
    'create-blocks-from',
    'openmetrics',
    '-q',
    history,
    join(dir, 'data'),
  ]);
  writeFileSync(join(dir, 'prometheus.yml'), 'scrape_configs: []\n');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  const start = async () => {
    child = spawn(
      'prometheus',
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        '--storage.tsdb.retention.time=60d',
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: 'ignore' },
    );
    await waitReady(url, child);
  };
  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    await new Promise(done => {
      running.once('exit', done);
      running.kill('SIGTERM');
    });
  };
  await start();
  return {
    url,
    start,
    stop,
    async cleanup() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
