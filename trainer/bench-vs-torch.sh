#!/usr/bin/env bash
# The seed LSTM side by side with libtorch in one run, on the same windows and the same cores.
# Writes the windows of --window as a CSV grouped by num_window (trainer windows; kept in a temporary
# folder, never in the repository), then, --repeat times, one pair under the machine's CPU lock: the
# libtorch anchor (../shared/anchors/torch-lstm: training, 2 threads, oneDNN) and TorchLatency
# (libtorch's inference at the windows' median length, batch 1 and 64), then trainer bench on the same
# CSV, which prints its figures and the ratios to libtorch's of the same pair.
#
# Usage: trainer/bench-vs-torch.sh [--window 2.5s|num_window] [--data FILE] [--epochs 20] [--calls 1000] [--repeat 2]
# Needs the built trainer (./mvnw -B -q install -DskipTests) and, for the anchor's first build, Maven
# Central (about 90 MB). Outputs (logs, results.json per pair) go to $BENCH_OUT or a temporary folder.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
window=2.5s
data=$root/../shared/data/wle/wle-full-dev.csv.gz
epochs=20
calls=1000
repeat=2
while [ $# -gt 0 ]; do
  case "$1" in
    --window) window=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --epochs) epochs=$2; shift 2 ;;
    --calls) calls=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    *) echo "unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done
jar=${TRAINER_JAR:-$here/target/trainer.jar}
anchor=${ANCHOR_DIR:-$root/../shared/anchors/torch-lstm}
export ANCHOR_WORK=${ANCHOR_WORK:-${TMPDIR:-/tmp}/torch-lstm-anchor}
lock=${FORMCHECK_CPU_LOCK:-/tmp/formcheck-cpu.lock}
out=${BENCH_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/bench-vs-torch.XXXXXX")}
[ -f "$jar" ] || { echo "no $jar: build first (./mvnw -B -q install -DskipTests)" >&2; exit 1; }
[ -x "$anchor/run.sh" ] || { echo "no libtorch anchor at $anchor (set ANCHOR_DIR)" >&2; exit 1; }
mkdir -p "$out"
csv=$out/windows.csv
java -jar "$jar" windows --data "$data" --window "$window" --out "$csv"
# the median window length, timed on both sides
len=$(awk -F, 'NR > 1 { n[$4]++ } END { for (w in n) print n[w] }' "$csv" | sort -n | awk '{ a[NR] = $1 } END { print a[int(NR / 2) + 1] }')
echo "windows of $window from $data: median $len readings; outputs in $out"
for r in $(seq 1 "$repeat"); do
  echo "== pair $r of $repeat (waiting for $lock)"
  flock "$lock" bash -c '
    set -euo pipefail
    "$0/run.sh" --csv "$1" --epochs "$2" --train-threads 2 --aten-threads "" --infer-calls "$3" > "$4/anchor-$5.log" 2>&1 \
      || { tail -20 "$4/anchor-$5.log" >&2; exit 1; }
    cp "$ANCHOR_WORK/results.json" "$4/torch-results-$5.json"
    OPENBLAS_NUM_THREADS=1 java -XX:+UseSerialGC -cp "$(cat "$ANCHOR_WORK/target/classpath.txt")" "$6/bench/TorchLatency.java" \
      "$7" "$3" "$4/torch-inference-$5.json" > "$4/torch-latency-$5.log" 2>&1
    OPENBLAS_NUM_THREADS=1 java -XX:+UseSerialGC --add-modules jdk.incubator.vector -jar "$8" bench --data "$1" --window num_window \
      --epochs "$2" --steps "$7" --calls "$((2 * $3))" \
      --torch-results "$4/torch-results-$5.json" --torch-inference "$4/torch-inference-$5.json" 2> "$4/bench-$5.log"
  ' "$anchor" "$csv" "$epochs" "$calls" "$out" "$r" "$here" "$len" "$jar"
done
