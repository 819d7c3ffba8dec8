#Requires -Version 7.0
using module ./OtSensorLab.psm1
<#
.SYNOPSIS
    Mirrors traffic into the sensor: its monitor adapter becomes the port mirroring Destination, the chosen adapters
    (and optionally the switch's external port) become Sources.

.DESCRIPTION
    Hyper-V mirrors only between ports of one switch, so every source must be on the monitoring switch:
      - VM adapters: Set-VMNetworkAdapter -PortMirroring Source on each adapter of -SourceVMName connected to
        -MonitorSwitchName (or only the one named -SourceAdapterName);
      - the external port of an External monitoring switch fed by a SPAN/TAP port (-MirrorExternalPort): the
        "Microsoft NDIS Capture" extension is enabled and the "Ethernet Switch Port Security Settings" feature of the
        external port gets MonitorMode 2 (Source), as in sensor-reference section 11.2.
    The sensor's monitor adapter gets -PortMirroring Destination. Adapters already in the wanted mode are left alone.

.EXAMPLE
    ./Set-LabPortMirroring.ps1 -SensorVMName otsensor -MonitorSwitchName OtSensorMonitor -SourceVMName plc-sim, hmi-sim
#>
[CmdletBinding(SupportsShouldProcess)]
[OutputType([pscustomobject])]
param(
    [Parameter(Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string] $SensorVMName,

    [ValidateNotNullOrEmpty()]
    [string] $MonitorAdapterName = 'Monitor',

    [Parameter(Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string] $MonitorSwitchName,

    # VMs whose adapters on the monitoring switch are mirrored to the sensor.
    [string[]] $SourceVMName = @(),

    # Only this adapter of each source VM (default: every adapter of the VM on the monitoring switch).
    [string] $SourceAdapterName,

    # Mirror the external port of an External monitoring switch (SPAN/TAP feed on a physical adapter).
    [switch] $MirrorExternalPort
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

# 1. The sensor's monitor adapter receives everything: Destination.
$target = "$SensorVMName/$MonitorAdapterName"
$destination = Get-VMNetworkAdapter -VMName $SensorVMName -Name $MonitorAdapterName -ErrorAction SilentlyContinue | Select-Object -First 1
if (-not $destination -and -not $WhatIfPreference) {
    throw "Adapter '$MonitorAdapterName' of VM '$SensorVMName' not found: add it first (Set-LabVMNetworkAdapter.ps1)."
}
if ($destination -and "$($destination.SwitchName)" -ne $MonitorSwitchName -and -not $WhatIfPreference) {
    throw "Adapter '$target' is on switch '$($destination.SwitchName)', not '$MonitorSwitchName': port mirroring only works within one switch."
}
if ($destination -and "$($destination.PortMirroringMode)" -eq 'Destination') {
    New-LabStepResult -Step 'MirrorDestination' -Target $target -Action Unchanged -Detail 'Destination'
}
elseif ($PSCmdlet.ShouldProcess($target, 'Set port mirroring mode Destination')) {
    Set-VMNetworkAdapter -VMName $SensorVMName -Name $MonitorAdapterName -PortMirroring Destination
    New-LabStepResult -Step 'MirrorDestination' -Target $target -Action Changed -Detail 'Destination'
}
else {
    New-LabStepResult -Step 'MirrorDestination' -Target $target -Action WhatIf -Detail 'Destination'
}

# 2. Mirrored VM adapters: Source.
foreach ($vmName in $SourceVMName) {
    if ($vmName -eq $SensorVMName) {
        throw "The sensor VM '$SensorVMName' cannot be its own mirror source; list the VMs whose traffic it should see."
    }
    $adapters = @(Get-VMNetworkAdapter -VMName $vmName -ErrorAction SilentlyContinue |
            Where-Object { "$($_.SwitchName)" -eq $MonitorSwitchName -and (-not $SourceAdapterName -or $_.Name -eq $SourceAdapterName) })
    if ($adapters.Count -eq 0) {
        if (-not $WhatIfPreference) {
            throw "VM '$vmName' has no adapter$(if ($SourceAdapterName) { " named '$SourceAdapterName'" }) on switch '$MonitorSwitchName': port mirroring only works within one switch. Connect it first (Set-LabVMNetworkAdapter.ps1)."
        }
        # -WhatIf before the VM exists: plan the adapter New-SensorLab.ps1 will have given it.
        $planned = "$vmName/$(if ($SourceAdapterName) { $SourceAdapterName } else { "adapters on $MonitorSwitchName" })"
        $null = $PSCmdlet.ShouldProcess($planned, 'Set port mirroring mode Source')
        New-LabStepResult -Step 'MirrorSource' -Target $planned -Action WhatIf -Detail 'Source'
        continue
    }
    foreach ($adapter in $adapters) {
        $sourceTarget = "$vmName/$($adapter.Name)"
        if ("$($adapter.PortMirroringMode)" -eq 'Source') {
            New-LabStepResult -Step 'MirrorSource' -Target $sourceTarget -Action Unchanged -Detail 'Source'
        }
        elseif ($PSCmdlet.ShouldProcess($sourceTarget, 'Set port mirroring mode Source')) {
            Set-VMNetworkAdapter -VMName $vmName -Name $adapter.Name -PortMirroring Source
            New-LabStepResult -Step 'MirrorSource' -Target $sourceTarget -Action Changed -Detail 'Source'
        }
        else {
            New-LabStepResult -Step 'MirrorSource' -Target $sourceTarget -Action WhatIf -Detail 'Source'
        }
    }
}

if (-not $MirrorExternalPort) {
    if ($SourceVMName.Count -eq 0) {
        Write-Warning "No mirror source given: the sensor's monitor adapter will see only broadcast and its own traffic."
    }
    return
}

# 3. The external port of a SPAN-fed switch: NDIS Capture extension on, port feature MonitorMode 2 (Source).
$switch = Get-VMSwitch -Name $MonitorSwitchName -ErrorAction SilentlyContinue
if ($switch -and "$($switch.SwitchType)" -ne 'External') {
    throw "-MirrorExternalPort needs an External monitoring switch; '$MonitorSwitchName' is $($switch.SwitchType)."
}
if (-not $switch -and -not $WhatIfPreference) {
    throw "Switch '$MonitorSwitchName' not found: create it first (New-LabMonitorSwitch.ps1 -SwitchType External)."
}

$extensionName = 'Microsoft NDIS Capture'
$extension = if ($switch) { Get-VMSwitchExtension -VMSwitchName $MonitorSwitchName -Name $extensionName -ErrorAction SilentlyContinue } else { $null }
if ($extension -and $extension.Enabled) {
    New-LabStepResult -Step 'CaptureExtension' -Target $MonitorSwitchName -Action Unchanged -Detail $extensionName
}
elseif ($PSCmdlet.ShouldProcess($MonitorSwitchName, "Enable switch extension '$extensionName'")) {
    $null = Enable-VMSwitchExtension -VMSwitchName $MonitorSwitchName -Name $extensionName
    New-LabStepResult -Step 'CaptureExtension' -Target $MonitorSwitchName -Action Changed -Detail $extensionName
}
else {
    New-LabStepResult -Step 'CaptureExtension' -Target $MonitorSwitchName -Action WhatIf -Detail $extensionName
}

$featureName = 'Ethernet Switch Port Security Settings'
$portTarget = "$MonitorSwitchName/external port"
$feature = if ($switch) { Get-VMSwitchExtensionPortFeature -FeatureName $featureName -SwitchName $MonitorSwitchName -ExternalPort -ErrorAction SilentlyContinue | Select-Object -First 1 } else { $null }
if ($feature -and [int]$feature.SettingData.MonitorMode -eq 2) {
    New-LabStepResult -Step 'MirrorExternalPort' -Target $portTarget -Action Unchanged -Detail 'Source (MonitorMode 2)'
}
elseif ($PSCmdlet.ShouldProcess($portTarget, 'Set port mirroring mode Source (MonitorMode 2)')) {
    # MonitorMode: 0 none, 1 destination, 2 source.
    if ($feature) {
        $feature.SettingData.MonitorMode = 2
        Set-VMSwitchExtensionPortFeature -ExternalPort -SwitchName $MonitorSwitchName -VMSwitchExtensionFeature $feature
    }
    else {
        $feature = Get-VMSystemSwitchExtensionPortFeature -FeatureName $featureName
        $feature.SettingData.MonitorMode = 2
        Add-VMSwitchExtensionPortFeature -ExternalPort -SwitchName $MonitorSwitchName -VMSwitchExtensionFeature $feature
    }
    New-LabStepResult -Step 'MirrorExternalPort' -Target $portTarget -Action Changed -Detail 'Source (MonitorMode 2)'
}
else {
    New-LabStepResult -Step 'MirrorExternalPort' -Target $portTarget -Action WhatIf -Detail 'Source (MonitorMode 2)'
}
