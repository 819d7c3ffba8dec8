#Requires -Version 7.0
using module ./OtSensorLab.psm1
<#
.SYNOPSIS
    Downloads the Debian installation ISO and verifies its SHA-256 checksum (optional lab step).

.DESCRIPTION
    Two ways to name the image:
      -Uri with -Sha256            a given ISO and its known checksum;
      -ChecksumUri                 a SHA256SUMS file of a Debian CD image folder (for example the current/amd64/iso-cd/
                                   folder of a Debian CD mirror): the line whose file name matches -FileNamePattern
                                   (default *-amd64-netinst.iso) gives the ISO name and checksum; the ISO is fetched
                                   from the same folder.
    Nothing is downloaded when the file is already in -DestinationDirectory with the right checksum. The download goes
    to '<name>.partial' and is renamed only once its checksum matches; a mismatch deletes it and stops with an error.
    The checksum guards against a damaged or truncated download; to authenticate the SHA256SUMS file itself, check its
    .sign signature with gpg against the Debian CD signing key (see the README).
    The step result's Target is the ISO path.

.EXAMPLE
    ./Save-LabIso.ps1 -ChecksumUri https://<debian-cd-mirror>/debian-cd/current/amd64/iso-cd/SHA256SUMS -DestinationDirectory D:\OtSensorLab\iso
#>
[CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'Sums')]
[OutputType([pscustomobject])]
param(
    [Parameter(Mandatory, ParameterSetName = 'Hash')]
    [ValidateScript({ $_.Scheme -eq 'https' }, ErrorMessage = "The ISO address must use https: '{0}'.")]
    [uri] $Uri,

    [Parameter(Mandatory, ParameterSetName = 'Hash')]
    [ValidatePattern('^[0-9a-fA-F]{64}$', ErrorMessage = "'{0}' is not a SHA-256 checksum (64 hexadecimal digits).")]
    [string] $Sha256,

    [Parameter(Mandatory, ParameterSetName = 'Sums')]
    [ValidateScript({ $_.Scheme -eq 'https' }, ErrorMessage = "The SHA256SUMS address must use https: '{0}'.")]
    [uri] $ChecksumUri,

    [Parameter(ParameterSetName = 'Sums')]
    [ValidateNotNullOrEmpty()]
    [string] $FileNamePattern = '*-amd64-netinst.iso',

    [ValidateNotNullOrEmpty()]
    [string] $DestinationDirectory = 'C:\OtSensorLab\iso'
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
# The progress display slows a large download down considerably.
$ProgressPreference = 'SilentlyContinue'

if ($PSCmdlet.ParameterSetName -eq 'Sums') {
    # SHA256SUMS lines read "<64 hex digits>  <file name>" (sha256sum's format; '*' marks binary mode).
    $content = [string](Invoke-WebRequest -Uri $ChecksumUri -UseBasicParsing).Content
    $entry = $null
    foreach ($line in $content -split "`r?`n") {
        if ($line -match '^([0-9a-fA-F]{64}) [ *](\S+)$' -and $Matches[2] -like $FileNamePattern) {
            $entry = @{ Hash = $Matches[1]; Name = $Matches[2] }
            break
        }
    }
    if (-not $entry) {
        throw "No file matching '$FileNamePattern' in $ChecksumUri."
    }
    $Sha256 = $entry.Hash
    $Uri = [uri]::new($ChecksumUri, $entry.Name)
}

$fileName = [IO.Path]::GetFileName($Uri.AbsolutePath)
if (-not $fileName.EndsWith('.iso', [StringComparison]::OrdinalIgnoreCase)) {
    throw "'$Uri' does not name an .iso file."
}
$isoPath = Join-LabPath -Directory $DestinationDirectory -ChildName $fileName
$wanted = $Sha256.ToUpperInvariant()

if (Test-Path -LiteralPath $isoPath -PathType Leaf) {
    $actual = (Get-FileHash -LiteralPath $isoPath -Algorithm SHA256).Hash
    if ($actual -eq $wanted) {
        New-LabStepResult -Step 'Iso' -Target $isoPath -Action Unchanged -Detail "SHA-256 $wanted"
        return
    }
    Write-Warning "'$isoPath' has SHA-256 $actual, not ${wanted}: it is downloaded again."
}

if (-not $PSCmdlet.ShouldProcess($isoPath, "Download $Uri and verify SHA-256 $wanted")) {
    New-LabStepResult -Step 'Iso' -Target $isoPath -Action WhatIf -Detail "from $Uri"
    return
}
if (-not (Test-Path -LiteralPath $DestinationDirectory -PathType Container)) {
    $null = New-Item -ItemType Directory -Path $DestinationDirectory -Force
}
$partial = "$isoPath.partial"
Invoke-WebRequest -Uri $Uri -OutFile $partial -UseBasicParsing
$actual = (Get-FileHash -LiteralPath $partial -Algorithm SHA256).Hash
if ($actual -ne $wanted) {
    Remove-Item -LiteralPath $partial -Force
    throw "Checksum mismatch for $Uri`: got SHA-256 $actual, expected $wanted. The download was deleted."
}
Move-Item -LiteralPath $partial -Destination $isoPath -Force
New-LabStepResult -Step 'Iso' -Target $isoPath -Action Created -Detail "SHA-256 $wanted"
