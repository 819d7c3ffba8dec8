#Requires -Version 7.0
<#
.SYNOPSIS
    CI entry point of the hyperv/ checks (run-tests.sh calls it): parse every script, then run the Pester tests.

.DESCRIPTION
    1. Every .ps1 and .psm1 under -LabRoot is parsed with the PowerShell parser; any parse error fails the run.
    2. Pester (the module at -PesterPath) runs hyperv/tests/*.Tests.ps1 with CI settings: no test result file, no
       code coverage, detailed failures, and the exit code is the number of failed tests plus failed containers.
    The last line is "Pester: N passed, N failed, N skipped".
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $LabRoot,
    [Parameter(Mandatory)] [string] $PesterPath
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$files = @(Get-ChildItem -LiteralPath $LabRoot -Recurse -File -Include '*.ps1', '*.psm1' | Sort-Object FullName)
$parseErrors = 0
foreach ($file in $files) {
    $tokens = $null
    $errors = $null
    $null = [System.Management.Automation.Language.Parser]::ParseFile($file.FullName, [ref]$tokens, [ref]$errors)
    foreach ($e in $errors) {
        $parseErrors++
        Write-Host ('{0}:{1}:{2}: parse error: {3}' -f $file.FullName, $e.Extent.StartLineNumber, $e.Extent.StartColumnNumber, $e.Message)
    }
}
Write-Host "hyperv: parsed $($files.Count) PowerShell files, $parseErrors parse errors"
if ($parseErrors -gt 0 -or $files.Count -eq 0) {
    exit 1
}

Import-Module -Name $PesterPath -Force
$config = New-PesterConfiguration
$config.Run.Path = Join-Path $LabRoot 'tests'
$config.Run.PassThru = $true
$config.Run.Exit = $false
$config.Output.Verbosity = 'Normal'
$config.Output.CIFormat = 'None'
$config.Output.RenderMode = 'Plaintext'
$config.Should.ErrorAction = 'Stop'
$config.TestResult.Enabled = $false
$config.CodeCoverage.Enabled = $false
$result = Invoke-Pester -Configuration $config

$failed = $result.FailedCount + $result.FailedContainersCount + $result.FailedBlocksCount
Write-Host ("Pester: {0} passed, {1} failed, {2} skipped" -f $result.PassedCount, $failed, $result.SkippedCount)
if ($failed -gt 0 -or $result.PassedCount -eq 0) {
    exit 1
}
exit 0
