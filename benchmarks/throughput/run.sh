#!/usr/bin/env bash
# End-to-end throughput of `otsensor analyze` beside tcpdump and tshark on the same page-cached captures.
#
#   bash benchmarks/throughput/run.sh            # 1000 MB captures (about 15 minutes, most of it tshark)
#   SIZE_MB=200 bash benchmarks/throughput/run.sh
#
# Builds two captures with benchmarks/OtSensor.Throughput (see LargeCaptureBuilder.cs):
#   modbus-N.pcap  the demo Modbus/TCP plant tiled to N MB (87-byte frames on average: the hardest case per byte)
#   public-N.pcap  every Ethernet frame of ../shared/pcaps/public, repeated to N MB (real mixed OT/IT traffic)
# plus modbus-N/10.pcap to show that memory does not grow with capture size.
# Writes the table to benchmarks/results/throughput.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE_MB=${SIZE_MB:-1000}
WORK=${WORK:-/tmp/otsensor-throughput}
RUNS=${RUNS:-3}
mkdir -p "$WORK" benchmarks/results

missing=()
command -v tshark >/dev/null || missing+=(tshark)
command -v tcpdump >/dev/null || missing+=(tcpdump)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "throughput: install ${missing[*]} first (or run as root)" >&2; exit 2
  fi
fi

dotnet build -c Release --nologo -v q src/OtSensor.Cli >/dev/null
dotnet build -c Release --nologo -v q benchmarks/OtSensor.Throughput >/dev/null
OTSENSOR="dotnet src/OtSensor.Cli/bin/Release/net10.0/otsensor.dll"
BUILDER="dotnet benchmarks/OtSensor.Throughput/bin/Release/net10.0/otsensor-throughput.dll"
SMALL_MB=$((SIZE_MB / 10))
SHARED=${OTSENSOR_SHARED:-../shared}/pcaps/public

make() { [ -f "$WORK/$1-$2.pcap" ] || $BUILDER make-capture --kind "$1" --size-mb "$2" --out "$WORK/$1-$2.pcap" --shared "$SHARED"; }
make modbus "$SIZE_MB"; make public "$SIZE_MB"; make modbus "$SMALL_MB"

# timed CMD...: prints "wall_seconds peak_rss_kb", best wall of $RUNS runs (the first run also warms the page cache).
timed() {
  local best="" rss=""
  for _ in $(seq "$RUNS"); do
    local out
    rm -f "$WORK/out/summary.json"
    /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >/dev/null 2>&1 || true
    out=$(tail -1 "$WORK/time.txt")
    local w=${out% *}
    if [ -z "$best" ] || awk "BEGIN{exit !($w < $best)}"; then
      best=$w; rss=${out#* }
      # otsensor's own timing of its analysis loop, from the same (best) run
      [ -f "$WORK/out/summary.json" ] && python3 -c "import json;print(json.load(open('$WORK/out/summary.json'))['elapsedSeconds'])" > "$WORK/inner.txt"
    fi
  done
  echo "$best $rss"
}

row() { # name bytes frames wall rss
  awk -v n="$1" -v b="$2" -v f="$3" -v w="$4" -v r="$5" 'BEGIN {
    printf "| %s | %.2f | %.0f | %.2f | %.0f |\n", n, w, (w > 0 ? b / 1e6 / w : 0), (w > 0 ? f / 1e6 / w : 0), r / 1024 }'
}

{
  echo "# End-to-end throughput"
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), page-cached files, one core per tool."
  echo "Reproduce: \`SIZE_MB=$SIZE_MB bash benchmarks/throughput/run.sh\`. Wall time is the whole process (start-up included), best of $RUNS; memory is peak RSS."
  for cap in "modbus-$SIZE_MB" "public-$SIZE_MB" "modbus-$SMALL_MB"; do
    f="$WORK/$cap.pcap"
    cat "$f" > /dev/null
    bytes=$(stat -c %s "$f")
    frames=$(tcpdump -r "$f" -w /dev/null 2>&1 | grep -o '[0-9]* packets' | head -1 | cut -d' ' -f1 || true)
    [ -n "$frames" ] || frames=$($OTSENSOR analyze "$f" --out "$WORK/out" -q --no-events >/dev/null 2>&1; python3 -c "import json;print(json.load(open('$WORK/out/summary.json'))['frames'])")
    echo
    echo "## $cap.pcap: $((bytes / 1000000)) MB, $frames frames ($((bytes / frames)) bytes per frame with record headers)"
    echo
    echo "| tool | wall s | MB/s | Mpackets/s | peak RSS MB |"
    echo "|---|---:|---:|---:|---:|"
    read -r w r < <(timed $OTSENSOR analyze "$f" --out "$WORK/out" -q --no-events)
    row "otsensor analyze --no-events (decode, reassembly, all protocol decoders, inventory, summary)" "$bytes" "$frames" "$w" "$r"
    inner=$(cat "$WORK/inner.txt")
    row "... of which the analysis loop (summary.json elapsedSeconds)" "$bytes" "$frames" "$inner" "$r"
    read -r w r < <(RUNS=1 timed $OTSENSOR analyze "$f" --out "$WORK/out" -q)
    row "otsensor analyze (also writing events.jsonl, $(du -m "$WORK/out/events.jsonl" | cut -f1) MB)" "$bytes" "$frames" "$w" "$r"
    read -r w r < <(timed tcpdump -r "$f" -w /dev/null)
    row "tcpdump -r FILE -w /dev/null" "$bytes" "$frames" "$w" "$r"
    if [ "$cap" != "modbus-$SMALL_MB" ]; then
      read -r w r < <(RUNS=1 timed tshark -n -r "$f" -T fields -e modbus.func_code -e mbtcp.unit_id -e modbus.exception_code)
      row "tshark -n -r FILE -T fields -e modbus.func_code -e mbtcp.unit_id -e modbus.exception_code" "$bytes" "$frames" "$w" "$r"
    fi
  done
} | tee benchmarks/results/throughput.md
