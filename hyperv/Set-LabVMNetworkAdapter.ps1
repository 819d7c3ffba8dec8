#Requires -Version 7.0
using module ./OtSensorLab.psm1
<#
.SYNOPSIS
    Gives a lab VM one named network adapter connected to a given switch.

.DESCRIPTION
    Adds the adapter when the VM has none of that name, reconnects it when it is on another switch, and leaves it
    alone otherwise. -DisableVmq sets VMQ weight 0 on it, as sensor-reference section 11.1 asks for the monitoring
    (SPAN) adapter. Port mirroring modes are set by Set-LabPortMirroring.ps1.

.EXAMPLE
    ./Set-LabVMNetworkAdapter.ps1 -VMName otsensor -AdapterName Monitor -SwitchName OtSensorMonitor -DisableVmq
#>
[CmdletBinding(SupportsShouldProcess)]
[OutputType([pscustomobject])]
param(
    [Parameter(Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string] $VMName,

    [Parameter(Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string] $AdapterName,

    [Parameter(Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string] $SwitchName,

    [switch] $DisableVmq
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$target = "$VMName/$AdapterName"
$vm = Get-VM -Name $VMName -ErrorAction SilentlyContinue
if (-not $vm -and -not $WhatIfPreference) {
    throw "VM '$VMName' not found: create it first (New-LabVM.ps1)."
}
$adapter = if ($vm) { Get-VMNetworkAdapter -VMName $VMName -Name $AdapterName -ErrorAction SilentlyContinue | Select-Object -First 1 } else { $null }

if (-not $adapter) {
    if ($PSCmdlet.ShouldProcess($target, "Add network adapter connected to switch '$SwitchName'")) {
        Add-VMNetworkAdapter -VMName $VMName -Name $AdapterName -SwitchName $SwitchName
        New-LabStepResult -Step 'Adapter' -Target $target -Action Created -Detail $SwitchName
    }
    else {
        New-LabStepResult -Step 'Adapter' -Target $target -Action WhatIf -Detail $SwitchName
    }
}
elseif ("$($adapter.SwitchName)" -ne $SwitchName) {
    if ($PSCmdlet.ShouldProcess($target, "Connect to switch '$SwitchName' (now on '$($adapter.SwitchName)')")) {
        Connect-VMNetworkAdapter -VMName $VMName -Name $AdapterName -SwitchName $SwitchName
        New-LabStepResult -Step 'Adapter' -Target $target -Action Changed -Detail $SwitchName
    }
    else {
        New-LabStepResult -Step 'Adapter' -Target $target -Action WhatIf -Detail $SwitchName
    }
}
else {
    New-LabStepResult -Step 'Adapter' -Target $target -Action Unchanged -Detail $SwitchName
}

if (-not $DisableVmq) {
    return
}
if ($adapter -and [int]$adapter.VmqWeight -eq 0) {
    New-LabStepResult -Step 'Vmq' -Target $target -Action Unchanged -Detail 'VMQ off'
}
elseif ($PSCmdlet.ShouldProcess($target, 'Disable virtual machine queue (VMQ weight 0)')) {
    Set-VMNetworkAdapter -VMName $VMName -Name $AdapterName -VmqWeight 0
    New-LabStepResult -Step 'Vmq' -Target $target -Action Changed -Detail 'VMQ off'
}
else {
    New-LabStepResult -Step 'Vmq' -Target $target -Action WhatIf -Detail 'VMQ off'
}
