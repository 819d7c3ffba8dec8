#!/usr/bin/env bash
# Installs the OtSensor appliance on a Debian VM (12 or later): the binary in /opt/otsensor, the user otsensor, the
# configuration /etc/otsensor/sensor.json, the store /var/lib/otsensor with the admin user (password shown once) and
# the TLS certificate (made by the sensor's own first start, `otsensor sensor --init`), and the hardened systemd unit.
#
#   sudo ./install.sh --binary <folder with otsensor> [--monitor eth1] [--management eth0] [--port 8443] [--yes]
#   sudo ./install.sh --publish ...           build it first: dotnet publish (self-contained linux-x64) from this clone
#   ./install.sh --dry-run ...                print every step, change nothing (no root needed)
#
# The monitor interface (the span/mirror port) gets no address and is captured in promiscuous mode; the console and
# API listen on the management interface's IPv4 address. Without --monitor/--management the script lists the
# interfaces (ip -o link) and asks. Re-running it keeps an existing sensor.json and store (upgrade in place).
set -euo pipefail

DRY=0
YES=0
BINARY=""
PUBLISH=0
MONITOR=""
MANAGEMENT=""
PORT=8443
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
UNIT_SOURCE="$HERE/otsensor.service"
PREFIX=/opt/otsensor
CONFIG_DIR=/etc/otsensor
STORE=/var/lib/otsensor
UNIT=/etc/systemd/system/otsensor.service

fail() { echo "install.sh: $*" >&2; exit 2; }

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        --dry-run) DRY=1 ;;
        --yes|-y) YES=1 ;;
        --binary) [ $# -ge 2 ] || fail "--binary needs a folder"; BINARY="$2"; shift ;;
        --publish) PUBLISH=1 ;;
        --monitor) [ $# -ge 2 ] || fail "--monitor needs an interface"; MONITOR="$2"; shift ;;
        --management) [ $# -ge 2 ] || fail "--management needs an interface"; MANAGEMENT="$2"; shift ;;
        --port) [ $# -ge 2 ] || fail "--port needs a number"; PORT="$2"; shift ;;
        --help|-h) usage; exit 0 ;;
        *) fail "unknown argument '$1' (see --help)" ;;
    esac
    shift
done

# Every change goes through step: printed always, run unless --dry-run.
step() {
    echo "+ $*"
    if [ "$DRY" -eq 0 ]; then "$@"; fi
}

# Writes stdin to a file (mode, owner): printed in full on --dry-run.
write_file() {
    local path="$1" mode="$2" owner="$3" content
    content="$(cat)"
    echo "+ write $path (mode $mode, owner $owner):"
    printf '%s\n' "$content" | sed 's/^/    /'
    if [ "$DRY" -eq 0 ]; then
        printf '%s\n' "$content" > "$path"
        chmod "$mode" "$path"
        chown "$owner" "$path"
    fi
}

case "$PORT" in ''|*[!0-9]*) fail "--port: '$PORT' is not a port number" ;; esac
[ "$PORT" -ge 1 ] && [ "$PORT" -le 65535 ] || fail "--port: $PORT is not a port (1-65535)"
[ -f "$UNIT_SOURCE" ] || fail "otsensor.service not found beside install.sh ($UNIT_SOURCE)"
if [ "$DRY" -eq 0 ] && [ "$(id -u)" -ne 0 ]; then fail "run as root (sudo), or with --dry-run to see the steps"; fi
if [ -z "$BINARY" ] && [ "$PUBLISH" -eq 0 ]; then
    if [ "$DRY" -eq 1 ]; then PUBLISH=1; else fail "give --binary <folder with otsensor> or --publish"; fi
fi
if [ -n "$BINARY" ] && [ "$DRY" -eq 0 ] && [ ! -x "$BINARY/otsensor" ]; then fail "--binary: $BINARY/otsensor is not an executable"; fi

# 1. Interfaces: what the VM has, and which is which.
echo "== interfaces (ip -o link)"
mapfile -t INTERFACES < <(ip -o link show | awk -F': ' '{ sub(/@.*/, "", $2); print $2 }' | grep -vx lo || true)
[ "${#INTERFACES[@]}" -gt 0 ] || fail "no network interface besides lo"
for i in "${!INTERFACES[@]}"; do echo "  $((i + 1))) ${INTERFACES[$i]}"; done
pick() {
    local role="$1" answer
    if [ "$YES" -eq 1 ] || [ ! -t 0 ]; then fail "give --$role <interface> (no terminal to ask on)"; fi
    read -r -p "Which interface is the $role interface? (number or name) " answer
    if [[ "$answer" =~ ^[0-9]+$ ]] && [ "$answer" -ge 1 ] && [ "$answer" -le "${#INTERFACES[@]}" ]; then answer="${INTERFACES[$((answer - 1))]}"; fi
    echo "$answer"
}
[ -n "$MONITOR" ] || MONITOR="$(pick monitor)"
[ -n "$MANAGEMENT" ] || MANAGEMENT="$(pick management)"
known() { local n; for n in "${INTERFACES[@]}" lo; do [ "$n" = "$1" ] && return 0; done; return 1; }
known "$MONITOR" || fail "--monitor: no such interface '$MONITOR' (have: ${INTERFACES[*]})"
known "$MANAGEMENT" || fail "--management: no such interface '$MANAGEMENT' (have: ${INTERFACES[*]})"
[ "$MONITOR" != "$MANAGEMENT" ] || fail "the monitor and management interfaces must differ ('$MONITOR')"
ADDRESS="$(ip -o -4 addr show dev "$MANAGEMENT" 2>/dev/null | awk '{ split($4, a, "/"); print a[1]; exit }')"
[ -n "$ADDRESS" ] || ADDRESS=0.0.0.0
echo "monitor: $MONITOR, management: $MANAGEMENT (console on https://$ADDRESS:$PORT)"

# 2. Packages: libpcap for capture (the published binary is self-contained: no .NET runtime needed).
echo "== packages"
step apt-get install -y --no-install-recommends libpcap0.8 iproute2 ca-certificates

# 3. The binary.
echo "== binary"
if [ "$PUBLISH" -eq 1 ]; then
    REPO="$(cd "$HERE/../../.." && pwd)"
    BINARY="$REPO/artifacts/otsensor-linux-x64"
    step dotnet publish "$REPO/src/OtSensor.Cli" -c Release -r linux-x64 --self-contained -o "$BINARY"
fi
step install -d -m 0755 "$PREFIX"
step cp -a "$BINARY/." "$PREFIX/"
step chmod 0755 "$PREFIX/otsensor"

# 4. The service user: no login, no home beyond the store.
echo "== user"
if id otsensor >/dev/null 2>&1; then
    echo "user otsensor exists"
else
    step useradd --system --user-group --home-dir "$STORE" --no-create-home --shell /usr/sbin/nologin otsensor
fi

# 5. The store folder, owned by the service only.
echo "== store"
step install -d -o otsensor -g otsensor -m 0750 "$STORE"

# 6. The configuration (kept when it exists: re-running the script upgrades the binary only).
echo "== configuration"
step install -d -m 0755 "$CONFIG_DIR"
if [ -f "$CONFIG_DIR/sensor.json" ]; then
    echo "$CONFIG_DIR/sensor.json exists: kept"
else
    write_file "$CONFIG_DIR/sensor.json" 0640 root:otsensor <<EOF
{
  "interfaces": ["$MONITOR"],
  "promiscuous": true,
  "snaplen": 65535,
  "bufferMb": 64,
  "queueMb": 64,
  "store": "$STORE",
  "urls": ["https://$ADDRESS:$PORT"],
  "learning": "7d",
  "logLevel": "Information",
  "sensorName": "$(hostname)"
}
EOF
fi

# 7. The monitor interface: up, promiscuous, no address of its own (a span port only receives).
echo "== monitor interface"
step ip link set dev "$MONITOR" up promisc on
step ip -4 addr flush dev "$MONITOR"

# 8. First start as the service user: store, admin user (password printed once, below) and TLS certificate.
echo "== first start (store, admin credentials, TLS certificate)"
step runuser -u otsensor -- "$PREFIX/otsensor" sensor --config "$CONFIG_DIR/sensor.json" --init

# 9. The hardened unit.
echo "== service"
step install -m 0644 "$UNIT_SOURCE" "$UNIT"
step systemctl daemon-reload
step systemctl enable --now otsensor.service
echo "done: console https://$ADDRESS:$PORT (user admin; the password is printed above, once)."
echo "health: curl -k https://$ADDRESS:$PORT/health; logs: journalctl -u otsensor; reload: systemctl reload otsensor"
