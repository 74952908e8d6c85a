// Finds (or, as root on Debian, installs) the Chromium the e2e drives.
// Never downloads a browser through Playwright: only Debian's apt is used.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

function onPath(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, cmd))) return path.join(dir, cmd);
  }
  return null;
}

function run(cmd, args) {
  console.log(`e2e: $ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.error) throw new Error(`${cmd} could not be run: ${r.error.message}`);
  if (r.status !== 0) {
    throw new Error(
      `\`${cmd} ${args.join(' ')}\` exited with ${r.status ?? r.signal}`,
    );
  }
}

/** Returns the executable path of Chromium, installing it when allowed. Throws with advice otherwise. */
export function ensureChromium() {
  const fromEnv = process.env.VIGIL_CHROMIUM;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(
      `VIGIL_CHROMIUM is set to ${fromEnv}, which does not exist. ` +
        'Point it at a Chromium/Chrome executable, or unset it to use /usr/bin/chromium.',
    );
  }
  if (existsSync(DEFAULT_CHROMIUM)) return DEFAULT_CHROMIUM;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const aptGet = onPath('apt-get');
  if (!isRoot || !aptGet) {
    throw new Error(
      `Chromium not found at ${DEFAULT_CHROMIUM}. Install it ` +
        '(Debian/Ubuntu: `sudo apt-get install chromium`) or set VIGIL_CHROMIUM ' +
        'to the path of a Chromium/Chrome executable. ' +
        `(Not installing automatically: ${
          !isRoot ? 'not running as root' : 'apt-get not found'
        }.)`,
    );
  }
  console.log(
    `e2e: Chromium not found at ${DEFAULT_CHROMIUM}; installing the Debian package \`chromium\` with apt-get`,
  );
  run(aptGet, ['update']);
  run(aptGet, ['install', '-y', '--no-install-recommends', 'chromium']);
  if (!existsSync(DEFAULT_CHROMIUM)) {
    throw new Error(
      `apt-get installed chromium, but ${DEFAULT_CHROMIUM} still does not exist`,
    );
  }
  console.log(`e2e: installed ${DEFAULT_CHROMIUM}`);
  return DEFAULT_CHROMIUM;
}

/** Flags for headless Chromium in a container: no sandbox, no GPU, no chatter. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
