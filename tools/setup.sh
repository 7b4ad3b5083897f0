#!/usr/bin/env bash
# Installs every Debian and npm dependency of kiln, idempotently: a package that is
# already installed is not touched, and the npm oracle is reinstalled only when its
# lockfile changed. Run as root on Debian 12 (CI and `make` call it).
set -euo pipefail
cd "$(dirname "$0")/.."

# One list, grouped by what needs it (docs/architecture.md explains each).
PKGS=(
  # build
  cmake ninja-build g++ clang make
  # compiler dependencies
  libonnx-dev libprotobuf-dev protobuf-compiler libfmt-dev libcli11-dev
  nlohmann-json3-dev
  # tests: GoogleTest, FileCheck + lit, the conformance generator
  googletest libgtest-dev llvm-14-tools python3-onnx python3-numpy
  # sim/: the PULP cluster model and its bare-metal toolchain, QEMU as ISA oracle
  verilator gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf qemu-user
  # tests/report: report.json against its JSON Schema, report.html in headless Chromium
  python3-jsonschema chromium
  # models tier: Fashion-MNIST (~30 MB) for the int8 accuracy test of fmnist_cnn
  dataset-fashion-mnist
)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

# Node.js runs the ONNX Runtime oracle. Use the machine's node if it has one.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "setup: installing nodejs + npm"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi

# npm packages pinned by each folder's package-lock.json, reinstalled only when the
# lockfile changed. --ignore-scripts: postinstalls would try blocked downloads.
npm_ci() {
  local dir=$1 what=$2 stamp=$1/node_modules/.kiln-lock-stamp
  if ! [ -f "$stamp" ] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    echo "setup: installing $what (npm ci --ignore-scripts)"
    (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
    cp "$dir/package-lock.json" "$stamp"
  fi
}
# ONNX Runtime, the float oracle: its Linux x64 CPU library is in the package.
npm_ci third_party/ort onnxruntime-node
# playwright-core drives Debian's /usr/bin/chromium (it downloads no browser).
npm_ci third_party/browser playwright-core
echo "setup: ok"
