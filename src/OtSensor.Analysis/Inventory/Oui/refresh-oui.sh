#!/usr/bin/env bash
# Rebuilds oui.tsv.gz (embedded in OtSensor.Analysis) from the IEEE registry files of the Debian `ieee-data` package:
#   MA-L (24-bit prefixes, oui.csv), MA-M (28-bit, mam.csv), MA-S (36-bit, oui36.csv) and the older IAB (36-bit, iab.csv).
# Usage: apt-get install -y ieee-data && src/OtSensor.Analysis/Inventory/Oui/refresh-oui.sh [ieee-data folder]
# Output lines: <prefix bits> TAB <prefix as hex digits, 6/7/9 of them> TAB <organisation name>, sorted; "Private"
# assignments (no organisation published) are left out. gzip -n keeps the file byte-identical for identical input.
set -euo pipefail
src="${1:-/usr/share/ieee-data}"
here="$(cd "$(dirname "$0")" && pwd)"
for f in oui.csv mam.csv oui36.csv iab.csv; do
  [ -f "$src/$f" ] || { echo "refresh-oui: $src/$f not found (apt-get install -y ieee-data)" >&2; exit 2; }
done
python3 - "$src" > "$here/oui.tsv" <<'PY'
import csv, sys, os
src = sys.argv[1]
rows = {}
for name, bits in (("oui.csv", 24), ("mam.csv", 28), ("oui36.csv", 36), ("iab.csv", 36)):
    with open(os.path.join(src, name), newline="", encoding="utf-8", errors="replace") as f:
        for row in csv.DictReader(f):
            prefix = row["Assignment"].strip().upper()
            org = " ".join(row["Organization Name"].replace("\t", " ").split()).rstrip(" ,")
            if len(prefix) * 4 != bits or not org or org.lower() == "private":
                continue
            rows[(bits, prefix)] = org
for (bits, prefix), org in sorted(rows.items()):
    print(f"{bits}\t{prefix}\t{org}")
PY
gzip -n -9 -f "$here/oui.tsv"
echo "refresh-oui: $(zcat "$here/oui.tsv.gz" | wc -l) prefixes from $src ($(cat "$src/.lastupdate" 2>/dev/null || echo 'date unknown')) -> $here/oui.tsv.gz"
