#!/usr/bin/env bash
# Runs every test of the solution (the README's test command; .ci/run calls it).
# Needs the .NET SDK and ../shared beside the clone (public captures are read in place).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the suites use: tshark checks every generated capture (0 malformed frames, same PDU counts);
# libpcap (SharpPcap's native library) and tcpreplay run the live-capture tests on a veth pair.
need=()
command -v tshark >/dev/null || need+=(tshark)
command -v tcpreplay >/dev/null || need+=(tcpreplay)
command -v ip >/dev/null || need+=(iproute2)
# grep reads to the end (no -q): an early exit would fail the pipe under pipefail and reinstall every run.
ldconfig -p 2>/dev/null | grep 'libpcap\.so\.0\.8' >/dev/null || need+=(libpcap0.8)
# The PDF report embeds DejaVu Sans (OtSensor.Reports.Tests render reports).
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
# The web console's browser tests (OtSensor.Console.Tests) drive Debian's headless Chromium; its build runs npm ci.
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v npm >/dev/null || need+=(npm)
# The native (AOT) build the README's throughput figures come from links with clang.
command -v clang >/dev/null || need+=(clang lld)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "run-all: installing ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "run-all: please install ${need[*]} first (sudo apt-get install -y ${need[*]}), or run as root" >&2
    exit 2
  fi
fi

if [ ! -d ../shared/pcaps/public ] && [ -z "${OTSENSOR_SHARED:-}" ]; then
  echo "run-all: ../shared/pcaps/public not found beside the repository (set OTSENSOR_SHARED to its parent folder)" >&2
  exit 2
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test OtSensor.sln -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Benchmarks keep compiling and running (every benchmark once, BenchmarkDotNet's Dry job), and no frame of the
# demo plant allocates on the hot path, new flows included. Timings are not judged here.
echo "run-all: benchmark smoke run and allocation probe"
if ! dotnet run -c Release --project benchmarks/OtSensor.Benchmarks -- --alloc-probe > "$log.bench" 2>&1 \
   || ! dotnet run -c Release --no-build --project benchmarks/OtSensor.Benchmarks -- --smoke >> "$log.bench" 2>&1; then
  tail -40 "$log.bench"
  echo "run-all: the benchmark smoke run or the allocation probe failed" >&2
  status=1
  bench_failed=1
fi
tail -3 "$log.bench"
rm -f "$log.bench"
# The native build (the appliance binary behind the README's throughput figures) compiles and analyses the demo
# capture exactly as the JIT build does: same events, devices, connections and alerts.
echo "run-all: native (AOT) build of otsensor, compared with the JIT build on the demo capture"
native=$(mktemp -d)
if dotnet publish src/OtSensor.Cli -c Release -r linux-x64 -p:PublishAot=true --nologo -v q -o "$native/bin" > "$native/publish.log" 2>&1 \
   && "$native/bin/otsensor" analyze pcaps/demo/modbus-plant.pcap --out "$native/aot" -q > /dev/null \
   && dotnet src/OtSensor.Cli/bin/Release/net10.0/otsensor.dll analyze pcaps/demo/modbus-plant.pcap --out "$native/jit" -q > /dev/null; then
  for f in events.jsonl devices.json connections.json alerts.json; do
    cmp -s "$native/aot/$f" "$native/jit/$f" || { echo "run-all: the native build's $f differs from the JIT build's" >&2; status=1; bench_failed=1; }
  done
else
  tail -20 "$native/publish.log"
  echo "run-all: the native (AOT) build failed or could not analyse the demo capture" >&2
  status=1
  bench_failed=1
fi
rm -rf "$native"
bash hyperv/tests/run-tests.sh || { echo "run-all: the hyperv/ PowerShell parse check or Pester tests failed" >&2; status=1; }
set -e

# One plain closing line over all test assemblies.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { gsub(",", "", f); printf "Tests: %d passed, %d failed, %d skipped\n", p, f + bf, s }' bf="${bench_failed:-0}" "$log"
if [ "$status" != 0 ]; then
  echo "run-all: dotnet test exited with status $status (a build error or a crashed test host fails the run even when no test failed)" >&2
fi
exit "$status"
