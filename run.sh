#!/usr/bin/env bash
# Vigil's development harness. Two commands on a fresh machine:
#
#   ./run.sh start   the app (http://localhost:3000) and backend (:7007)
#                    with the example catalog on SQLite
#   ./run.sh seed    the same with 10,000 generated components in the
#                    catalog (app-config.seed.yaml), for scale trials
#   ./run.sh test    type check, lint, every package's jest tests and the
#                    end-to-end test in headless Chromium
#
# Both bootstrap a pinned Node 22 (scripts/node-env.sh) and install the npm
# packages when package-lock.json has changed since the last install.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/node-env.sh

install_packages() {
  local stamp=node_modules/.vigil-lock-hash
  local want
  want="$(node -e 'const c=require("crypto");process.stdout.write(c.createHash("sha256").update(require("fs").readFileSync("package-lock.json")).update(process.version).digest("hex"))')"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return
  fi
  echo "vigil: installing npm packages (npm ci) with Node $(node -v)" >&2
  npm ci --no-audit --no-fund
  echo "$want" >"$stamp"
}

case "${1:-}" in
  start)
    install_packages
    exec npx backstage-cli repo start
    ;;
  seed)
    install_packages
    exec npx backstage-cli repo start --config "$PWD/app-config.yaml" --config "$PWD/app-config.seed.yaml"
    ;;
  test)
    install_packages
    exec bash scripts/test-all.sh
    ;;
  install)
    install_packages
    ;;
  *)
    echo "usage: ./run.sh start | seed | test | install" >&2
    exit 2
    ;;
esac
