#!/usr/bin/env bash
# Compiles two models and opens their report.html in headless Chromium
# (check_report_html.js). usage: check_report_html.sh KILN REPO WORKDIR SCREENSHOT.png
set -euo pipefail
kiln=$1 repo=$2 work=$3 shot=$4
mkdir -p "$work"
models=("$repo/examples/models/tiny_cnn.onnx")
resnet="$repo/../shared/models/mlperf-tiny/pretrainedResnet.onnx"
if [ -f "$resnet" ]; then models=("$resnet" "${models[@]}"); else
  echo "note: $resnet not found; using the bundled seq_mixer instead"
  models+=("$repo/examples/models/seq_mixer.onnx")
fi
dirs=()
for m in "${models[@]}"; do
  d="$work/$(basename "$m" .onnx)"
  "$kiln" compile "$m" -o "$d" --force >/dev/null
  dirs+=("$d")
done
exec node "$(dirname "$0")/check_report_html.js" "$shot" "${dirs[@]}"
