#!/usr/bin/env bash
# Installs what building and testing need, and only what is missing, so it is quick when
# everything is there. Usage: scripts/setup.sh build   (dashboard + emulator)
#                             scripts/setup.sh test    (build, plus Chromium and its driver)
# Nothing is downloaded outside the package registries: trunk and wasm-bindgen-cli come from
# crates.io, wasm-opt and Playwright from npm, Chromium from Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-build}"
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# The Rust target for the browser.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# trunk 0.21 (0.22 needs a newer rustc than these machines have).
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "installing trunk 0.21 (about 8 minutes on 2 cores)"
  cargo install trunk --version '~0.21' --locked
fi

# wasm-bindgen-cli at exactly the wasm-bindgen version of Cargo.lock, pinned in Trunk.toml too.
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! grep -q "wasm_bindgen = \"$wbg\"" Trunk.toml; then
  echo "setup: Trunk.toml [tools] wasm_bindgen must be \"$wbg\" (the version in Cargo.lock)" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg" ]; then
  say "installing wasm-bindgen-cli $wbg (about 4 minutes)"
  # Not --locked: one of its locked dependencies is yanked.
  cargo install wasm-bindgen-cli --version "$wbg"
fi

# wasm-split-cli, which splits the release module at the lazy pages (scripts/wasm-split-link),
# at the version whose format matches Cargo.lock's wasm_split_helpers.
# (It has no --version: cargo's list of installed crates says which one is there.)
if ! command -v wasm-split-cli >/dev/null \
  || ! cargo install --list | grep -qx 'wasm_split_cli_support v0.2.4:'; then
  say "installing wasm-split-cli 0.2.4 (about 2 minutes)"
  cargo install wasm_split_cli_support --version 0.2.4 --features build-binary --locked
fi

# Every crate of Cargo.lock, for all targets: trunk builds with cargo --offline.
cargo fetch --locked

# npm packages: binaryen's wasm-opt (Debian's 108 produces broken modules) and Playwright.
if ! command -v npm >/dev/null; then
  say "installing Node.js and npm from Debian"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/playwright ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (no browser download)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

if [ "$what" = test ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Chromium and ChromeDriver from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  fi
  # A small Chinese font, so that screenshots of the 简体中文 screens show characters, not boxes.
  if ! fc-list 2>/dev/null | grep -qi "WenQuanYi"; then
    say "installing a Chinese font (fonts-wqy-microhei) from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei fontconfig
  fi
fi
