#!/usr/bin/env bash
# Sustained rate of `otsensor sensor` (capture + analysis + store snapshots every second + console server), as opposed
# to run.sh's `otsensor capture`: for each rate, a fresh sensor on one end of a veth pair (default capture settings),
# tcpreplay --mbps=RATE --loop=0 --duration=SECONDS -K of CAPTURE from a network namespace on the other end, then the
# sensor's /health counters: a rate passes when every frame sent was received and nothing was dropped.
#
#   sudo RATES="100 200 300" SECONDS_PER_RATE=15 bash benchmarks/live/sensor.sh
#
# Environment: RATES (Mbit/s, or "top" for tcpreplay --topspeed), SECONDS_PER_RATE (60), CAPTURE (a public Modbus capture), WORK (/tmp/otsensor-sensor-rate).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RATES="${RATES:-100 200 300 400}"
SECONDS_PER_RATE="${SECONDS_PER_RATE:-60}"
CAPTURE="${CAPTURE:-/work/shared/pcaps/public/modbus/ICS-Security-Tools__ModbusTCP.pcap}"
WORK="${WORK:-/tmp/otsensor-sensor-rate}"
DLL="$ROOT/src/OtSensor.Cli/bin/Release/net10.0/otsensor.dll"
[ -f "$DLL" ] || dotnet build "$ROOT/src/OtSensor.Cli" -c Release -v q
NS="otsensor-rate-$$"
cleanup() { ip link del otrate0 2>/dev/null || true; ip netns del "$NS" 2>/dev/null || true; }
trap cleanup EXIT
ip netns add "$NS"
ip link add otrate0 type veth peer name otrate1 netns "$NS"
echo 1 > /proc/sys/net/ipv6/conf/otrate0/disable_ipv6
ip netns exec "$NS" sysctl -qw net.ipv6.conf.otrate1.disable_ipv6=1
ip link set otrate0 mtu 9000 up
ip netns exec "$NS" ip link set otrate1 mtu 9000 up
echo "| asked Mbit/s | achieved Mbit/s | sent | received | dropped kernel/interface/us | result |"
echo "|---|---|---|---|---|---|"
for rate in $RATES; do
    rm -rf "$WORK" && mkdir -p "$WORK"
    cat > "$WORK/sensor.json" <<JSON
{ "interfaces": ["otrate0"], "store": "$WORK/store", "urls": ["http://127.0.0.1:18499"], "http": true, "learning": "0", "logLevel": "Warning" }
JSON
    dotnet "$DLL" sensor --config "$WORK/sensor.json" > "$WORK/sensor.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do curl -sf http://127.0.0.1:18499/health >/dev/null && break; sleep 0.2; done
    pace="--mbps=$rate"; [ "$rate" = top ] && pace=--topspeed
    out="$(ip netns exec "$NS" tcpreplay -q -i otrate1 "$pace" --loop=0 --duration="$SECONDS_PER_RATE" -K "$CAPTURE" 2>&1)"
    sent="$(echo "$out" | awk '/Successful packets:/ { print $3 }')"
    achieved="$(echo "$out" | grep -o '[0-9.]* Mbps' | head -1 | awk '{ print $1 }')"
    sleep 3
    health="$(curl -s http://127.0.0.1:18499/health)"
    kill -TERM "$pid"; wait "$pid" || true
    read -r received kd id qd < <(echo "$health" | python3 -c 'import json,sys; t=json.load(sys.stdin)["capture"]["total"]; print(t["received"], t["droppedByKernel"], t["droppedByInterface"], t["droppedByUs"])')
    result=pass
    if [ "$received" != "$sent" ] || [ "$kd" != 0 ] || [ "$id" != 0 ] || [ "$qd" != 0 ]; then result=FAIL; fi
    echo "| $rate | $achieved | $sent | $received | $kd/$id/$qd | $result |"
done
