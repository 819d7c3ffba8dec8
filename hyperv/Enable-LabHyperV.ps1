#Requires -Version 7.0
using module ./OtSensorLab.psm1
<#
.SYNOPSIS
    Checks that the Hyper-V role (with its PowerShell module) is enabled on this host and enables it when it is not.

.DESCRIPTION
    Windows Server (an Azure VM of a size with nested virtualization, or an on-premises server) uses the server feature
    "Hyper-V" plus "Hyper-V-PowerShell"; Windows 10/11 Pro or Enterprise uses the optional feature
    "Microsoft-Hyper-V-All". Nothing is changed when the role is already there. Enabling it needs a restart: the script
    never restarts the host itself, it reports Action=Changed with Detail "restart required".

.EXAMPLE
    ./Enable-LabHyperV.ps1 -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
[OutputType([pscustomobject])]
param()

# Note for every lab script: ForEach-Object <PropertyName> honours -WhatIf and would print a "What if:" line for each
# property read, so property reads use script blocks.

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$target = [Environment]::MachineName
# ProductType 1 is a workstation (Windows 10/11); 2 and 3 are servers, where the role is a server feature.
$os = Get-CimInstance -ClassName Win32_OperatingSystem
$isServer = [int]$os.ProductType -ne 1

if ($isServer) {
    $features = @(Get-WindowsFeature -Name Hyper-V, Hyper-V-PowerShell)
    $missing = @($features | Where-Object { -not $_.Installed } | ForEach-Object { $_.Name })
    if ($features.Count -lt 2) { $missing = @('Hyper-V', 'Hyper-V-PowerShell') }
}
else {
    $feature = Get-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V-All
    $missing = @(if (-not $feature -or "$($feature.State)" -ne 'Enabled') { 'Microsoft-Hyper-V-All' })
}

if ($missing.Count -eq 0) {
    New-LabStepResult -Step 'HyperV' -Target $target -Action Unchanged -Detail 'Hyper-V role enabled'
    return
}

if ($PSCmdlet.ShouldProcess($target, "Enable Hyper-V ($($missing -join ', ')); a restart is needed afterwards")) {
    if ($isServer) {
        $null = Install-WindowsFeature -Name Hyper-V, Hyper-V-PowerShell -IncludeManagementTools
    }
    else {
        $null = Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V-All -All -NoRestart
    }
    Write-Warning "Hyper-V was enabled on $target. Restart the host, then run the lab script again."
    New-LabStepResult -Step 'HyperV' -Target $target -Action Changed -Detail 'restart required'
}
else {
    New-LabStepResult -Step 'HyperV' -Target $target -Action WhatIf -Detail "enable $($missing -join ', ')"
}
