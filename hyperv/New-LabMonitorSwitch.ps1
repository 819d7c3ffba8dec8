#Requires -Version 7.0
using module ./OtSensorLab.psm1
<#
.SYNOPSIS
    Creates the monitoring switch that carries the traffic the sensor watches.

.DESCRIPTION
    Private (the default) suits a lab where traffic-generator VMs on the same switch are the mirror sources.
    External binds the switch to a physical adapter that receives a SPAN/TAP feed (sensor-reference section 11.2,
    vSwitch_Span); the external port is then made a mirror source by Set-LabPortMirroring.ps1 -MirrorExternalPort.
    Internal is accepted for completeness. Nothing is changed when a switch of that name and type exists; a switch of
    that name and another type stops the script with an error.

.EXAMPLE
    ./New-LabMonitorSwitch.ps1 -SwitchName OtSensorMonitor

.EXAMPLE
    ./New-LabMonitorSwitch.ps1 -SwitchName vSwitch_Span -SwitchType External -NetAdapterName 'Ethernet 2'
#>
[CmdletBinding(SupportsShouldProcess)]
[OutputType([pscustomobject])]
param(
    [ValidateNotNullOrEmpty()]
    [string] $SwitchName = 'OtSensorMonitor',

    [ValidateSet('Private', 'Internal', 'External')]
    [string] $SwitchType = 'Private',

    # Physical adapter receiving the SPAN/TAP feed (External only). It should carry no IP address.
    [string] $NetAdapterName,

    # External only: let the host share the adapter (the Defender for IoT walkthrough checks this box).
    [switch] $AllowManagementOS
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

if ($SwitchType -eq 'External' -and -not $NetAdapterName) {
    throw "-MonitorSwitchType External needs -NetAdapterName (the physical adapter connected to the SPAN/TAP port; see Get-NetAdapter)."
}
if ($SwitchType -ne 'External' -and ($NetAdapterName -or $AllowManagementOS)) {
    throw "-NetAdapterName and -AllowManagementOS apply to an External monitoring switch only (this one is $SwitchType)."
}

$switch = Get-VMSwitch -Name $SwitchName -ErrorAction SilentlyContinue
if ($switch) {
    if ("$($switch.SwitchType)" -ne $SwitchType) {
        throw "Switch '$SwitchName' already exists as a $($switch.SwitchType) switch, not $SwitchType. Choose another -MonitorSwitchName or -MonitorSwitchType."
    }
    New-LabStepResult -Step 'MonitorSwitch' -Target $SwitchName -Action Unchanged -Detail "$SwitchType switch present"
    return
}

$what = if ($SwitchType -eq 'External') { "Create External virtual switch on adapter '$NetAdapterName'" } else { "Create $SwitchType virtual switch" }
if ($PSCmdlet.ShouldProcess($SwitchName, $what)) {
    $notes = New-LabNote -Role 'monitoring switch'
    if ($SwitchType -eq 'External') {
        $null = New-VMSwitch -Name $SwitchName -NetAdapterName $NetAdapterName -AllowManagementOS $AllowManagementOS.IsPresent -Notes $notes
    }
    else {
        $null = New-VMSwitch -Name $SwitchName -SwitchType $SwitchType -Notes $notes
    }
    New-LabStepResult -Step 'MonitorSwitch' -Target $SwitchName -Action Created -Detail "$SwitchType switch"
}
else {
    New-LabStepResult -Step 'MonitorSwitch' -Target $SwitchName -Action WhatIf -Detail "$SwitchType switch"
}
