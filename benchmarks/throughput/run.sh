#!/usr/bin/env bash
# End-to-end throughput of `otsensor analyze` beside tcpdump and tshark on the same page-cached captures.
#
#   bash benchmarks/throughput/run.sh            # 1000 MB captures (about 15 minutes, most of it tshark)
#   SIZE_MB=200 TSHARK=0 bash benchmarks/throughput/run.sh
#
# Builds captures with benchmarks/OtSensor.Throughput (see LargeCaptureBuilder.cs):
#   modbus-N.pcap  the demo Modbus/TCP plant tiled to N MB (87-byte frames on average: the hardest case per byte)
#   public-N.pcap  every Ethernet frame of ../shared/pcaps/public, repeated to N MB (real mixed OT/IT traffic)
#   plant-N.pcapng the simulator's baseline plant run for as long as N MB takes (a clean mixed site, one clock)
# and the same at N/10 MB: memory must not grow with capture size, and the difference between the two runs is the
# steady-state rate (start-up and end-of-run work cancel out).
# otsensor runs twice: the native (AOT) build an appliance ships, and the JIT build `dotnet run` gives.
# Every tool is pinned to one core (taskset). Writes the tables to benchmarks/results/throughput.md.
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
command -v clang >/dev/null || missing+=(clang lld)  # the native AOT build links with clang
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "throughput: install ${missing[*]} first (or run as root)" >&2; exit 2
  fi
fi

dotnet build -c Release --nologo -v q src/OtSensor.Cli >/dev/null
dotnet build -c Release --nologo -v q benchmarks/OtSensor.Throughput >/dev/null
dotnet publish src/OtSensor.Cli -c Release -r linux-x64 -p:PublishAot=true --nologo -v q -o "$WORK/native" >/dev/null
CORE=${CORE:-$(( $(nproc) - 1 ))}
PIN="taskset -c $CORE"
OTSENSOR="$PIN $WORK/native/otsensor"
OTSENSOR_JIT="$PIN dotnet src/OtSensor.Cli/bin/Release/net10.0/otsensor.dll"
BUILDER="dotnet benchmarks/OtSensor.Throughput/bin/Release/net10.0/otsensor-throughput.dll"
SMALL_MB=$((SIZE_MB / 10))
SHARED=${OTSENSOR_SHARED:-../shared}/pcaps/public

ext() { [ "$1" = plant ] && echo pcapng || echo pcap; }
make() { local f="$WORK/$1-$2.$(ext "$1")"; [ -f "$f" ] || $BUILDER make-capture --kind "$1" --size-mb "$2" --out "$f" --shared "$SHARED"; }
KINDS=${KINDS:-modbus public plant}
for kind in $KINDS; do make "$kind" "$SIZE_MB"; make "$kind" "$SMALL_MB"; done

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

# steady BYTES_BIG WALL_BIG BYTES_SMALL WALL_SMALL: MB/s between the two runs (start-up and end-of-run costs cancel).
steady() { awk -v bb="$1" -v wb="$2" -v bs="$3" -v ws="$4" 'BEGIN { d = wb - ws; printf "%.0f", (d > 0 ? (bb - bs) / 1e6 / d : 0) }'; }

declare -A WALL
{
  echo "# End-to-end throughput"
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), page-cached files,"
  echo "every tool pinned to one core (\`taskset -c $CORE\`)."
  echo "Reproduce: \`SIZE_MB=$SIZE_MB bash benchmarks/throughput/run.sh\`. Wall time is the whole process (start-up included), best of $RUNS; memory is peak RSS."
  echo "\"steady state\" is the rate between the $SIZE_MB MB and the $SMALL_MB MB run of the same traffic: what a long capture or a span port sees once start-up is paid."
  caps=(); for kind in $KINDS; do caps+=("$kind-$SIZE_MB"); done; for kind in $KINDS; do caps+=("$kind-$SMALL_MB"); done
  for cap in "${caps[@]}"; do
    f="$WORK/$cap.$(ext "${cap%-*}")"
    cat "$f" > /dev/null
    bytes=$(stat -c %s "$f")
    frames=$(tcpdump -r "$f" -w /dev/null 2>&1 | grep -o '[0-9]* packets' | head -1 | cut -d' ' -f1 || true)
    [ -n "$frames" ] || frames=$($OTSENSOR analyze "$f" --out "$WORK/out" -q --no-events >/dev/null 2>&1; python3 -c "import json;print(json.load(open('$WORK/out/summary.json'))['frames'])")
    big=1; case "$cap" in *-"$SMALL_MB") big=0 ;; esac
    echo
    echo "## $(basename "$f"): $((bytes / 1000000)) MB, $frames frames ($((bytes / frames)) bytes per frame with record headers)"
    echo
    echo "| tool | wall s | MB/s | Mpackets/s | peak RSS MB |"
    echo "|---|---:|---:|---:|---:|"
    read -r w r < <(timed $OTSENSOR analyze "$f" --out "$WORK/out" -q --no-events)
    WALL[$cap.native]=$w; WALL[$cap.bytes]=$bytes
    row "otsensor analyze --no-events, native build (decode, reassembly, all protocol decoders, inventory, detection, alerts)" "$bytes" "$frames" "$w" "$r"
    inner=$(cat "$WORK/inner.txt")
    row "... of which the analysis loop (summary.json elapsedSeconds)" "$bytes" "$frames" "$inner" "$r"
    read -r w r < <(timed $OTSENSOR analyze "$f" --out "$WORK/out" -q --no-events --no-detection)
    WALL[$cap.nodetect]=$w
    row "otsensor analyze --no-events --no-detection, native build (decode, reassembly, all protocol decoders, inventory)" "$bytes" "$frames" "$w" "$r"
    read -r w r < <(timed $OTSENSOR_JIT analyze "$f" --out "$WORK/out" -q --no-events)
    WALL[$cap.jit]=$w
    row "otsensor analyze --no-events, JIT build (\`dotnet otsensor.dll\`)" "$bytes" "$frames" "$w" "$r"
    read -r w r < <(RUNS=1 timed $OTSENSOR analyze "$f" --out "$WORK/out" -q)
    row "otsensor analyze, native build, also writing events.jsonl ($(du -m "$WORK/out/events.jsonl" | cut -f1) MB)" "$bytes" "$frames" "$w" "$r"
    read -r w r < <(timed $PIN tcpdump -r "$f" -w /dev/null)
    row "tcpdump -r FILE -w /dev/null" "$bytes" "$frames" "$w" "$r"
    if [ "$big" = 1 ] && [ "${TSHARK:-1}" = 1 ]; then
      read -r w r < <(RUNS=1 timed $PIN tshark -n -r "$f" -T fields -e modbus.func_code -e mbtcp.unit_id -e modbus.exception_code)
      row "tshark -n -r FILE -T fields -e modbus.func_code -e mbtcp.unit_id -e modbus.exception_code" "$bytes" "$frames" "$w" "$r"
    fi
  done
  echo
  echo "## Steady state (MB/s between the $SIZE_MB MB and $SMALL_MB MB runs)"
  echo
  echo "| traffic | native build | native, --no-detection | JIT build |"
  echo "|---|---:|---:|---:|"
  for kind in $KINDS; do
    b="$kind-$SIZE_MB"; s="$kind-$SMALL_MB"
    echo "| $kind | $(steady "${WALL[$b.bytes]}" "${WALL[$b.native]}" "${WALL[$s.bytes]}" "${WALL[$s.native]}") | $(steady "${WALL[$b.bytes]}" "${WALL[$b.nodetect]}" "${WALL[$s.bytes]}" "${WALL[$s.nodetect]}") | $(steady "${WALL[$b.bytes]}" "${WALL[$b.jit]}" "${WALL[$s.bytes]}" "${WALL[$s.jit]}") |"
  done
} | tee benchmarks/results/throughput.md
