#!/usr/bin/env bash
# Sustained live-capture rate: the largest tcpreplay rate at which `otsensor capture` on a veth pair loses nothing.
#
#   sudo bash benchmarks/live/run.sh                         # 60 s per rate, 100..1000 Mbit/s
#   SECONDS_PER_RATE=10 RATES="100 200 300" sudo -E bash benchmarks/live/run.sh
#
# For each rate: a fresh `otsensor capture` (default settings: 64 MiB kernel buffer, 64 MiB queue) on one end of a
# veth pair; on the other end, inside a network namespace made for the run, `tcpreplay --mbps=RATE --loop=0
# --duration=SECONDS_PER_RATE -K` replays a mixed capture (every Ethernet frame of ../shared/pcaps/public, built by
# benchmarks/OtSensor.Throughput, MIX_MB in size). Then SIGTERM: the sensor analyses what is queued and writes
# capture.json. A rate passes when capture.json's received equals tcpreplay's sent count and every drop counter (kernel,
# interface, queue) is 0. Rates are tried in increasing order until one fails (set KEEP_GOING=1 to try them all);
# "top" is tcpreplay --topspeed (as fast as it can send). The figure reported is the largest rate tcpreplay actually
# achieved in a passing run: when tcpreplay cannot reach the rate asked, the sender is the limit, not the sensor.
#
# Environment: RATES (Mbit/s, space separated), SECONDS_PER_RATE (60), MIX_MB (200), EVENTS (1 = also write
# events.jsonl, as a sensor does; 0 = --no-events), NATIVE (1 = the native AOT build an appliance ships, as
# benchmarks/throughput does; 0 = the JIT build), WORK (/tmp/otsensor-live). Needs root (namespaces, raw sockets),
# tcpreplay, iproute2, libpcap0.8. Writes the table to benchmarks/results/live.md.
#
# On a 2-core machine the sensor's two threads (capture, analysis) and tcpreplay share the cores: tcpreplay's own
# ceiling (printed as "achieved") is part of what is measured. On the appliance the sender is the network.
set -euo pipefail
cd "$(dirname "$0")/../.."
RATES=${RATES:-"100 200 300 400 600 800 1000 top"}
SECONDS_PER_RATE=${SECONDS_PER_RATE:-60}
MIX_MB=${MIX_MB:-200}
EVENTS=${EVENTS:-1}
KEEP_GOING=${KEEP_GOING:-0}
NATIVE=${NATIVE:-0}
WORK=${WORK:-/tmp/otsensor-live}
SHARED=${OTSENSOR_SHARED:-../shared}/pcaps/public
RESULT=benchmarks/results/live.md

if [ "$(id -u)" != 0 ]; then echo "live: needs root (network namespace, veth pair, raw capture)" >&2; exit 2; fi
missing=()
command -v tcpreplay >/dev/null || missing+=(tcpreplay)
command -v ip >/dev/null || missing+=(iproute2)
ldconfig -p 2>/dev/null | grep 'libpcap\.so\.0\.8' >/dev/null || missing+=(libpcap0.8)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

mkdir -p "$WORK" benchmarks/results
dotnet build -c Release --nologo -v q src/OtSensor.Cli >/dev/null
dotnet build -c Release --nologo -v q benchmarks/OtSensor.Throughput >/dev/null
MIX="$WORK/public-$MIX_MB.pcap"
[ -f "$MIX" ] || dotnet benchmarks/OtSensor.Throughput/bin/Release/net10.0/otsensor-throughput.dll \
  make-capture --kind public --size-mb "$MIX_MB" --out "$MIX" --shared "$SHARED"
OTSENSOR="dotnet src/OtSensor.Cli/bin/Release/net10.0/otsensor.dll"
if [ "$NATIVE" = 1 ]; then
  dotnet publish src/OtSensor.Cli -c Release -r linux-x64 -p:PublishAot=true --nologo -v q -o "$WORK/native" >/dev/null
  OTSENSOR="$WORK/native/otsensor"
fi

# A veth pair for this run only: the sensor's end here, tcpreplay's end in its own namespace. IPv6 off before the
# links come up, so the kernel sends nothing of its own; no addresses; MTU raised for the captures' jumbo frames.
ID=$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')
NS="otsensor-bench-$ID"; CAP="otb${ID}a"; REP="otb${ID}b"
SENSOR_PID=""
cleanup() {
  [ -n "$SENSOR_PID" ] && kill "$SENSOR_PID" 2>/dev/null || true
  ip link del "$CAP" 2>/dev/null || true
  ip netns del "$NS" 2>/dev/null || true
}
trap cleanup EXIT
ip netns add "$NS"
ip link add "$CAP" type veth peer name "$REP" netns "$NS"
echo 1 > "/proc/sys/net/ipv6/conf/$CAP/disable_ipv6"
ip netns exec "$NS" sysctl -qw "net.ipv6.conf.$REP.disable_ipv6=1"
ip link set "$CAP" mtu 9000 up
ip netns exec "$NS" ip link set "$REP" mtu 9000 up

events_flag=""; [ "$EVENTS" = 1 ] || events_flag="--no-events"
rows=(); best=""; best_line=""; best_mbps=0
for rate in $RATES; do
  out="$WORK/rate-$rate"; rm -rf "$out"
  $OTSENSOR capture --interface "$CAP" --out "$out" --quiet $events_flag > "$WORK/sensor.out" 2> "$WORK/sensor.err" &
  SENSOR_PID=$!
  for _ in $(seq 200); do grep -q "capturing on" "$WORK/sensor.err" 2>/dev/null && break; sleep 0.05; done
  if [ "$rate" = top ]; then pace=--topspeed; else pace="--mbps=$rate"; fi
  replay=$(ip netns exec "$NS" tcpreplay -q -K --loop=0 --duration="$SECONDS_PER_RATE" "$pace" -i "$REP" "$MIX" 2>&1)
  kill -TERM "$SENSOR_PID"; wait "$SENSOR_PID" || true; SENSOR_PID=""
  sent=$(sed -n 's/.*Successful packets: *\([0-9]*\).*/\1/p' <<<"$replay")
  achieved=$(sed -n 's/.*Rated: [0-9.]* Bps, \([0-9.]*\) Mbps, \([0-9.]*\) pps.*/\1 \2/p' <<<"$replay")
  read -r mbps pps <<<"$achieved"
  read -r received kernel iface queue < <(python3 -c "
import json; t = json.load(open('$out/capture.json'))['total']
print(t['received'], t['dropped_by_kernel'], t['dropped_by_interface'], t['dropped_by_queue'])")
  if [ "$received" = "$sent" ] && [ "$kernel" = 0 ] && [ "$iface" = 0 ] && [ "$queue" = 0 ]; then verdict=ok; else verdict=DROPS; fi
  line="| $rate | $mbps | ${pps%.*} | $sent | $received | $kernel | $iface | $queue | $verdict |"
  echo "$line"; rows+=("$line")
  if [ "$verdict" = ok ]; then
    if awk "BEGIN{exit !($mbps > $best_mbps)}"; then best="$rate"; best_mbps="$mbps"; best_line="$mbps Mbit/s, ${pps%.*} packets/s"; fi
  elif [ "$KEEP_GOING" != 1 ]; then
    break
  fi
done

{
  echo "# Live capture: sustained rate without drops"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(uname -r), .NET $(dotnet --version)."
  echo "Mixed capture: $(basename "$MIX") (every Ethernet frame of the public captures, $(python3 -c "import os;print(round(os.path.getsize('$MIX')/1e6))") MB), looped by tcpreplay -K."
  echo "$SECONDS_PER_RATE s per rate, events.jsonl $( [ "$EVENTS" = 1 ] && echo written || echo 'not written (--no-events)'), $( [ "$NATIVE" = 1 ] && echo 'native (AOT) build' || echo 'JIT build')."
  echo "Command: \`SECONDS_PER_RATE=$SECONDS_PER_RATE RATES=\"$RATES\" MIX_MB=$MIX_MB EVENTS=$EVENTS NATIVE=$NATIVE KEEP_GOING=$KEEP_GOING bash benchmarks/live/run.sh\`"
  echo
  echo "| asked Mbit/s | achieved Mbit/s | packets/s | sent | received | dropped kernel | dropped interface | dropped queue | result |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${rows[@]}"
  echo
  if [ -n "$best" ]; then echo "Largest rate with no drops: $best_line (asked: $best)."; else echo "Drops at every rate tried."; fi
} > "$RESULT"
echo "live: wrote $RESULT"
if [ -n "$best" ]; then echo "live: largest rate with no drops: $best_line (asked: $best)"; fi
