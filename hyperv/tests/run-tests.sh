#!/usr/bin/env bash
# Checks the Hyper-V lab scripts in hyperv/ under PowerShell 7 on Linux:
#   1. installs (once, into a cache) PowerShell 7.6.9 as a dotnet tool and the Pester 6.2.0 module package;
#   2. parses every .ps1/.psm1 under hyperv/ with the PowerShell parser and fails on any parse error;
#   3. runs the Pester tests in hyperv/tests/ (every Hyper-V and networking cmdlet is mocked) and fails on any failure.
# The cache is $OTSENSOR_TOOLS when set, else $HOME/.cache/otsensor (outside the repository: nothing to ignore).
# Ends with the plain line "Pester: N passed, N failed, N skipped".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lab="$(cd "$here/.." && pwd)"

pwsh_version=7.6.9
pester_version=6.2.0
cache="${OTSENSOR_TOOLS:-${HOME:-/tmp}/.cache/otsensor}"
pwsh_dir="$cache/pwsh-$pwsh_version"
pkgs="$cache/nuget-packages"
pester_psd1="$pkgs/pester/$pester_version/tools/Pester.psd1"

# Each tool is installed only when missing, so a second run does no network work.
if [ ! -x "$pwsh_dir/pwsh" ]; then
  echo "hyperv: installing PowerShell $pwsh_version into $pwsh_dir"
  dotnet tool install PowerShell --version "$pwsh_version" --tool-path "$pwsh_dir" >/dev/null
fi
if [ ! -f "$pester_psd1" ]; then
  echo "hyperv: restoring Pester $pester_version into $pkgs"
  # Restored from a copy in the cache: inside the repository the root Directory.Build.props and central package
  # management would apply to this tool-only project.
  restore_dir="$cache/pester-restore"
  mkdir -p "$restore_dir"
  cp "$here/PesterTools.csproj" "$restore_dir/PesterTools.csproj"
  dotnet restore "$restore_dir/PesterTools.csproj" --packages "$pkgs" --nologo -v quiet >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 POWERSHELL_TELEMETRY_OPTOUT=1 POWERSHELL_UPDATECHECK=Off
"$pwsh_dir/pwsh" -NoLogo -NoProfile -NonInteractive -File "$here/Invoke-LabTests.ps1" -LabRoot "$lab" -PesterPath "$pester_psd1"
