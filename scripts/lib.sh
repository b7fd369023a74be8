# Shared by scripts/run, scripts/test and scripts/bench: install each tool only
# when it is missing, at the version the project pins, from the package registries.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
BINARYEN_BIN="$ROOT/scripts/node/node_modules/.bin"
export PATH="$BINARYEN_BIN:$HOME/.cargo/bin:$PATH"

say() { printf '\n== %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version in Cargo.lock; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown && return
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then return; fi
  say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  [ -n "$want" ] || die "no wasm-bindgen in Cargo.lock"
  if wasm-bindgen --version 2>/dev/null | grep -q " $want\$" \
    && wasm-bindgen-test-runner --version 2>/dev/null | grep -q " $want\$"; then
    return
  fi
  say "installing wasm-bindgen-cli $want (about 3 minutes)"
  # Not --locked: its lock file pins a crate version the registry mirror lacks.
  cargo install wasm-bindgen-cli --version "$want" --force
}

# Debian's binaryen builds wasm that fails to load; the npm build works.
ensure_binaryen() {
  if [ -x "$BINARYEN_BIN/wasm-opt" ] && "$BINARYEN_BIN/wasm-opt" --version | grep -q "version 132"; then return; fi
  say "installing binaryen 132 from npm"
  (cd "$ROOT/scripts/node" && npm ci --no-audit --no-fund)
}

apt_install() {
  if [ "$(id -u)" != 0 ]; then
    die "missing system packages: $*. Install them with: sudo apt-get install -y $*"
  fi
  if [ -z "${XUNCHA_APT_UPDATED:-}" ]; then
    apt-get update -qq
    export XUNCHA_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

ensure_browsers() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  # A CJK font so screenshots show Chinese, as users' PCs do.
  fc-list 2>/dev/null | grep -qi "wqy\|noto.*cjk" || missing+=(fonts-wqy-microhei)
  [ ${#missing[@]} -eq 0 ] && return
  say "installing ${missing[*]}"
  apt_install "${missing[@]}"
}

ensure_e2e_modules() {
  local m missing=0
  for m in playwright-core puppeteer-core ajv ajv-formats ws; do
    [ -d "$ROOT/tests/e2e/node_modules/$m" ] || missing=1
  done
  [ "$missing" = 0 ] && return
  say "installing the end-to-end test modules from npm"
  (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund)
}

# Headless Chromium 80, 86, 92 and 109 as npm packages carry them (brotli-packed), for the
# browser-floor tests; unpacked once into tests/e2e/old-chromium/unpacked/.
ensure_old_chromium() {
  local dir="$ROOT/tests/e2e/old-chromium" v missing=0
  for v in 80 86 92 109; do
    [ -d "$dir/node_modules/chromium-$v/bin" ] || missing=1
  done
  if [ "$missing" = 1 ]; then
    say "installing headless Chromium 80, 86, 92 and 109 from npm"
    (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts)
  fi
  node "$dir/unpack.mjs" >/dev/null
}

# openpyxl reads exported workbooks in the end-to-end tests, as a spreadsheet program would;
# argon2-cffi and cryptography write and read encrypted files as another program would;
# python-docx reads the Word documents back; xlwt and odfpy write .xls and .ods ledgers to import.
E2E_PYTHON="$ROOT/tests/e2e/.python"
ensure_e2e_python() {
  command -v python3 >/dev/null || apt_install python3 python3-pip
  if PYTHONPATH="$E2E_PYTHON" python3 -c "import openpyxl, argon2, cryptography, docx, xlwt, odf" 2>/dev/null; then return; fi
  say "installing openpyxl, argon2-cffi, cryptography, python-docx, xlwt and odfpy from PyPI for the end-to-end tests"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --target "$E2E_PYTHON" -r "$ROOT/tests/e2e/requirements.txt"
}

# zopfli compresses the wasm inside the single file, 4% tighter than gzip -9.
BUILD_PYTHON="$ROOT/scripts/.python"
ensure_build_python() {
  command -v python3 >/dev/null || apt_install python3 python3-pip
  if PYTHONPATH="$BUILD_PYTHON" python3 -c "import zopfli.gzip" 2>/dev/null; then return; fi
  say "installing zopfli from PyPI for the single file"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --target "$BUILD_PYTHON" "zopfli==0.4.3"
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_binaryen
  ensure_build_python
}

# Builds dist/xuncha.html. Trunk runs offline, so every crate is fetched first.
build_single_file() {
  say "building dist/xuncha.html"
  (cd "$ROOT" && cargo fetch --locked && trunk build --release)
  [ -f "$ROOT/dist/xuncha.html" ] || die "the build did not produce dist/xuncha.html"
}
