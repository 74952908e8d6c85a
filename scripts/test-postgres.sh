# Sourced by scripts/test-all.sh: gives the store tests a real PostgreSQL.
#
# When BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING is already
# set (your own server), it is used as is. Otherwise a throw-away server is
# started from Debian's postgresql package (installed through apt when
# running as root and absent) on 127.0.0.1:54329, in a temporary folder
# removed on exit. PostgreSQL refuses to run as root, so as root the server
# runs as the `postgres` user.
vigil_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

if env | grep -q '^BACKSTAGE_TEST_DATABASE_POSTGRES[0-9]*_CONNECTION_STRING='; then
  name="$(env | grep -o '^BACKSTAGE_TEST_DATABASE_POSTGRES[0-9]*_CONNECTION_STRING' | head -1)"
  export VIGIL_TEST_POSTGRES_ID="POSTGRES_$(echo "$name" | grep -o '[0-9][0-9]*')"
  echo "vigil: store tests use PostgreSQL from \$$name"
else
  pg_bin="$(vigil_pg_bin)"
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/postgres" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "vigil: installing PostgreSQL (apt-get install postgresql)"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      pg_bin="$(vigil_pg_bin)"
    else
      echo "vigil: the store tests need PostgreSQL: install Debian's 'postgresql' package, or set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING" >&2
      return 1
    fi
  fi
  major="$(basename "$(dirname "$pg_bin")")"
  pg_data="$(mktemp -d /tmp/vigil-pg.XXXXXX)"
  as_pg=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$pg_data"
    as_pg=(runuser -u postgres --)
  fi
  "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_data/db" -A trust -U postgres >/dev/null
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_data/db" -l "$pg_data/server.log" -w \
    -o "-p 54329 -k $pg_data -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  vigil_stop_postgres() {
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_data/db" -m fast -w stop >/dev/null 2>&1
    rm -rf "$pg_data"
  }
  trap vigil_stop_postgres EXIT
  export "BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING=postgresql://postgres@127.0.0.1:54329"
  export VIGIL_TEST_POSTGRES_ID="POSTGRES_${major}"
  echo "vigil: started PostgreSQL ${major} for the store tests on 127.0.0.1:54329"
fi
