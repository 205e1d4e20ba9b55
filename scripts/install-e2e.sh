#!/usr/bin/env bash
# Installs what `npm run test:e2e` needs on a fresh Debian machine (run as root, like CI).
# Idempotent: every step is skipped when its result is already there.
#   - Debian: chromium ripgrep libkrb5-dev build-essential python3 pkg-config
#   - code-server 4.100.3 (VS Code 1.100.3, the last line for Node 20) in .e2e/code-server,
#     a folder of its own (never a devDependency: its native modules would rebuild on every npm install)
#   - playwright-core in the same folder (no browser download: the test uses /usr/bin/chromium)
# The test finds them through CS_DIR (default .e2e/code-server).
# Usage: scripts/install-e2e.sh [target-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-${CS_DIR:-$root/.e2e/code-server}}
version=4.100.3

# ---- Debian packages ----
packages=(chromium ripgrep libkrb5-dev build-essential python3 pkg-config)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-e2e: apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "install-e2e: Debian packages present"
fi

# ---- code-server ----
installed=""
if [ -f "$dir/node_modules/code-server/package.json" ]; then
  installed=$(node -p "require('$dir/node_modules/code-server/package.json').version" 2>/dev/null || true)
fi
if [ "$installed" = "$version" ] && [ -x "$dir/node_modules/.bin/code-server" ]; then
  echo "install-e2e: code-server $version present in $dir"
else
  recipe="$root/../shared/recipes/vscode-e2e/install-code-server.sh"
  if [ -f "$recipe" ]; then
    echo "install-e2e: code-server $version via $recipe"
    bash "$recipe" "$dir" "$version"
  else
    # the same steps as the shared recipe, inline
    echo "install-e2e: code-server $version (inline recipe)"
    mkdir -p "$dir"; dir=$(cd "$dir" && pwd)
    [ -f "$dir/package.json" ] || echo '{"name":"code-server-host","private":true}' > "$dir/package.json"
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    # @vscode/ripgrep downloads rg from GitHub unless a cached tarball is in $TMPDIR: seed it with Debian's rg
    mkdir -p "$work/vscode-ripgrep-cache-1.15.11"
    cp "$(command -v rg)" "$work/rg"
    tar -C "$work" -czf "$work/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg
    # unsafe_perm: code-server's postinstall refuses root without it; nodedir: node-gyp uses the
    # installed headers; yes: node-pty's postinstall runs `npx node-gyp`
    (cd "$dir" && npm_config_unsafe_perm=true npm_config_nodedir=/usr npm_config_yes=true TMPDIR="$work" \
      npm install --no-audit --no-fund --foreground-scripts "code-server@$version")
    XDG_DATA_HOME="$work" "$dir/node_modules/.bin/code-server" --config /dev/null --version
  fi
fi

# ---- playwright-core ----
if [ -f "$dir/node_modules/playwright-core/package.json" ]; then
  echo "install-e2e: playwright-core present in $dir"
else
  echo "install-e2e: playwright-core into $dir"
  (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund playwright-core)
fi
echo "install-e2e: ready — CS_DIR=$dir npm run test:e2e"
