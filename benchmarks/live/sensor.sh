#!/usr/bin/env bash
# Sustained rate of `otsensor sensor` (capture + analysis + store snapshots every second + console server), as opposed
# to run.sh's `otsensor capture`: for each rate, a fresh sensor on one end of a veth pair (default capture settings),
# after a 5 s warm-up at 100 Mbit/s, tcpreplay --mbps=RATE --loop=0 --duration=SECONDS -K of CAPTURE from a network
# namespace on the other end, then the sensor's /health counters (less those after the warm-up): a rate passes when
# every frame sent was received, nothing was dropped and every frame reached the traffic ring on disk (the default
# ring: 32 segments of 32 MiB in the store).
#
#   sudo RATES="800 1000 top" SECONDS_PER_RATE=60 bash benchmarks/live/sensor.sh
#
# Environment: RATES (Mbit/s, or "top" for tcpreplay --topspeed), SECONDS_PER_RATE (60), WORK (/tmp/otsensor-sensor-rate),
# CAPTURE (default: the mixed capture below, made with mergecap -a from seven public captures: C37.118, EtherNet/IP
# with CIP, PROFINET IO CM, MELSOFT, S7comm; 18,011 frames of 60 to 1,514 bytes, 349 bytes on average).
# SENDERS: tcpreplay processes sending at once (1), each at the asked rate; their counts and rates are summed.
# EXTRA: more configuration keys, e.g. EXTRA='"ring": false'.
# The sensor's CPU time (user + system, /proc/<pid>/stat) over the replay is printed as a share of one core.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RATES="${RATES:-800 1000 top}"
SECONDS_PER_RATE="${SECONDS_PER_RATE:-60}"
SENDERS="${SENDERS:-1}"
WORK="${WORK:-/tmp/otsensor-sensor-rate}"
PUBLIC="${PUBLIC:-/work/shared/pcaps/public}"
if [ -z "${CAPTURE:-}" ]; then
    CAPTURE="${WORK}-mixed.pcap"
    mergecap -a -F pcap -w "$CAPTURE" \
        "$PUBLIC/other/icsnpp-synchrophasor__C37.118_4in1PMU_TCP.pcap" \
        "$PUBLIC/enip-cip/ICS-Security-Tools__EIP-IPAddressChangeAttempt.pcap" \
        "$PUBLIC/enip-cip/ICS-Security-Tools__EIP-FirmwareChangeFailure.pcap" \
        "$PUBLIC/profinet/icsnpp-profinet-io-cm__profinet_io_cm_connect.pcapng" \
        "$PUBLIC/profinet/icsnpp-profinet-io-cm__profinet_io_cm.pcap" \
        "$PUBLIC/other/ICS-Security-Tools__melsoft_UDP_clean_1.pcap" \
        "$PUBLIC/s7comm/ICS-Security-Tools__s7comm_downloading_block_db1.pcap"
fi
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
COUNTERS='import json,sys; c=json.load(sys.stdin)["capture"]; t=c["total"]; r=c.get("ring", {}); print(t["received"], t["droppedByKernel"], t["droppedByInterface"], t["droppedByUs"], r.get("framesWritten", 0), r.get("framesLost", 0))'
counters() { curl -s http://127.0.0.1:18499/health | python3 -c "$COUNTERS"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
echo "| asked Mbit/s | achieved Mbit/s | kpps | sent | received | dropped kernel/interface/us | ring written/lost | sensor CPU (cores) | result |"
echo "|---|---|---|---|---|---|---|---|---|"
for rate in $RATES; do
    rm -rf "$WORK" && mkdir -p "$WORK"
    cat > "$WORK/sensor.json" <<JSON
{ "interfaces": ["otrate0"], "store": "$WORK/store", "urls": ["http://127.0.0.1:18499"], "http": true, "learning": "0", "logLevel": "Warning"${EXTRA:+, $EXTRA} }
JSON
    dotnet "$DLL" sensor --config "$WORK/sensor.json" > "$WORK/sensor.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do curl -sf http://127.0.0.1:18499/health >/dev/null && break; sleep 0.2; done
    # Warm-up: 5 s at 100 Mbit/s, so the JIT has compiled the analysis paths (tier 0 code on a cold start overruns
    # the queue within the first second at full rate); the table counts only what follows.
    ip netns exec "$NS" tcpreplay -q -i otrate1 --mbps=100 --loop=0 --duration=5 -K "$CAPTURE" > /dev/null 2>&1
    sleep 2
    read -r r0 kd0 id0 qd0 rw0 rl0 < <(counters)
    pace="--mbps=$rate"; [ "$rate" = top ] && pace=--topspeed
    # The sensor runs as a child of `dotnet`'s host: its own pid is $pid.
    ticks0="$(cpu_ticks "$pid")"; t0="$(date +%s.%N)"
    # SENDERS tcpreplay processes at once, each at the asked rate (the rate column is their sum).
    for s in $(seq 1 "$SENDERS"); do
        ip netns exec "$NS" tcpreplay -q -i otrate1 "$pace" --loop=0 --duration="$SECONDS_PER_RATE" -K "$CAPTURE" > "$WORK/tcpreplay-$s.txt" 2>&1 &
    done
    wait $(jobs -p | grep -v "^$pid\$") 2>/dev/null || true
    ticks1="$(cpu_ticks "$pid")"; t1="$(date +%s.%N)"
    out="$(cat "$WORK"/tcpreplay-*.txt)"
    sent="$(echo "$out" | awk '/Successful packets:/ { n += $3 } END { print n }')"
    achieved="$(echo "$out" | grep -o '[0-9.]* Mbps' | awk '{ n += $1 } END { printf "%.1f", n }')"
    kpps="$(echo "$out" | grep -o '[0-9.]* pps' | awk '{ n += $1 } END { printf "%.0f", n / 1000 }')"
    cores="$(awk -v a="$ticks0" -v b="$ticks1" -v s="$t0" -v e="$t1" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (b - a) / hz / (e - s) }')"
    sleep 3
    health="$(curl -s http://127.0.0.1:18499/health)"
    kill -TERM "$pid"; wait "$pid" || true
    read -r received kd id qd rw rl < <(echo "$health" | python3 -c "$COUNTERS")
    received=$((received - r0)); kd=$((kd - kd0)); id=$((id - id0)); qd=$((qd - qd0)); rw=$((rw - rw0)); rl=$((rl - rl0))
    result=pass
    if [ "$received" != "$sent" ] || [ "$kd" != 0 ] || [ "$id" != 0 ] || [ "$qd" != 0 ]; then result=FAIL; fi
    # With the ring on (the default), every frame must also have reached it.
    if [ "$rw$rl" != 00 ] && { [ "$rw" != "$sent" ] || [ "$rl" != 0 ]; }; then result=FAIL; fi
    echo "| $rate | $achieved | $kpps | $sent | $received | $kd/$id/$qd | $rw/$rl | $cores | $result |"
done
