# Sourced by scripts/test-all.sh (and bench/prometheus/run.sh): gives the
# Prometheus integration tests a real Prometheus holding 31 days of history.
#
# When VIGIL_TEST_PROMETHEUS_URL is already set (your own server, loaded
# with bench/prometheus/write-history.mjs), it is used as is, with
# VIGIL_TEST_PROMETHEUS_END (the --end given to the generator). Otherwise
# Debian's prometheus package (installed through apt when running as root
# and absent) is started on 127.0.0.1:19090 over a temporary folder, after
# `promtool tsdb create-blocks-from openmetrics` has backfilled it; the
# server is stopped and the folder removed on exit.
# VIGIL_PROMETHEUS_BENCH_SERVICES=N adds the benchmark's N services.
vigil_prometheus_port=19090

if [ -n "${VIGIL_TEST_PROMETHEUS_URL:-}" ]; then
  if [ -z "${VIGIL_TEST_PROMETHEUS_END:-}" ]; then
    echo "vigil: VIGIL_TEST_PROMETHEUS_URL is set but not VIGIL_TEST_PROMETHEUS_END (the --end of bench/prometheus/write-history.mjs)" >&2
    return 1
  fi
  echo "vigil: Prometheus tests use \$VIGIL_TEST_PROMETHEUS_URL"
else
  if ! command -v prometheus >/dev/null || ! command -v promtool >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "vigil: installing Prometheus (apt-get install prometheus)"
      # policy-rc.d (or no systemd) keeps the package's own service stopped;
      # this script never uses it.
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus >/dev/null
    else
      echo "vigil: the Prometheus tests need prometheus and promtool: install Debian's 'prometheus' package, or set VIGIL_TEST_PROMETHEUS_URL and VIGIL_TEST_PROMETHEUS_END" >&2
      return 1
    fi
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$vigil_prometheus_port") 2>/dev/null; then
    echo "vigil: 127.0.0.1:$vigil_prometheus_port is taken; stop what listens there (a Prometheus of an earlier run?)" >&2
    return 1
  fi
  vigil_prometheus_dir="$(mktemp -d /tmp/vigil-prometheus.XXXXXX)"
  # The history ends on a 5-minute boundary, just before now.
  export VIGIL_TEST_PROMETHEUS_END="$(( $(date +%s) / 300 * 300 ))"
  vigil_history_args=(--end "$VIGIL_TEST_PROMETHEUS_END" --days 31)
  if [ -n "${VIGIL_PROMETHEUS_BENCH_SERVICES:-}" ]; then
    vigil_history_args+=(--bench-services "$VIGIL_PROMETHEUS_BENCH_SERVICES")
  fi
  vigil_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  echo "vigil: backfilling 31 days of history into Prometheus (promtool)"
  node "$vigil_root/bench/prometheus/write-history.mjs" "${vigil_history_args[@]}" >"$vigil_prometheus_dir/history.om"
  # Blocks of up to 486 h: promtool reads its input once per block.
  promtool tsdb create-blocks-from openmetrics --max-block-duration=486h -q \
    "$vigil_prometheus_dir/history.om" "$vigil_prometheus_dir/data" >/dev/null
  rm -f "$vigil_prometheus_dir/history.om"
  echo 'scrape_configs: []' >"$vigil_prometheus_dir/prometheus.yml"
  prometheus \
    --config.file="$vigil_prometheus_dir/prometheus.yml" \
    --storage.tsdb.path="$vigil_prometheus_dir/data" \
    --storage.tsdb.retention.time=60d \
    --web.listen-address="127.0.0.1:$vigil_prometheus_port" \
    >"$vigil_prometheus_dir/prometheus.log" 2>&1 &
  vigil_prometheus_pid=$!
  vigil_stop_prometheus() {
    kill "$vigil_prometheus_pid" 2>/dev/null && wait "$vigil_prometheus_pid" 2>/dev/null
    rm -rf "$vigil_prometheus_dir"
  }
  # Keep an EXIT trap set before us (scripts/test-postgres.sh sets one).
  vigil_previous_exit_trap() { eval "set -- $(trap -p EXIT)"; printf '%s' "${3:-}"; }
  trap "vigil_stop_prometheus; $(vigil_previous_exit_trap)" EXIT
  vigil_prometheus_url="http://127.0.0.1:$vigil_prometheus_port"
  vigil_ready=""
  for _ in $(seq 1 120); do
    if node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
      "$vigil_prometheus_url/-/ready"; then
      vigil_ready=1
      break
    fi
    if ! kill -0 "$vigil_prometheus_pid" 2>/dev/null; then
      break
    fi
    sleep 0.5
  done
  if [ -z "$vigil_ready" ]; then
    echo "vigil: Prometheus did not become ready; its log:" >&2
    tail -20 "$vigil_prometheus_dir/prometheus.log" >&2
    return 1
  fi
  export VIGIL_TEST_PROMETHEUS_URL="$vigil_prometheus_url"
  echo "vigil: started Prometheus $(prometheus --version 2>&1 | head -1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1) for the Prometheus tests on $VIGIL_TEST_PROMETHEUS_URL (pid $vigil_prometheus_pid)"
fi
