#Requires -Version 7.0
using module ./OtSensorLab.psm1
<#
.SYNOPSIS
    Builds the OtSensor virtual sensor lab on a Hyper-V host (Azure VM with nested virtualization, or on-premises).

.DESCRIPTION
    Runs the per-concern scripts beside it, in order; each checks the host first and changes only what differs, so
    running it again is safe and a second run on a complete lab changes nothing:
      1. Enable-LabHyperV.ps1        Hyper-V role present (stops if a restart is needed)
      2. Save-LabIso.ps1             optional: download the Debian ISO and verify its SHA-256 checksum
      3. New-LabNatSwitch.ps1        internal NATSwitch, host gateway address, NAT network
      4. New-LabMonitorSwitch.ps1    monitoring switch (Private for a lab, External for a SPAN/TAP adapter)
      5. New-LabVM.ps1               the sensor VM sized from -Profile (sensor-reference section 8.2), Gen 2, secure boot
      6. Set-LabVMNetworkAdapter.ps1 adapters "Management" (NATSwitch) and "Monitor" (monitoring switch, VMQ off)
      7. traffic-generator VMs       optional: -TrafficGeneratorCount small VMs with "Management" and "Lab" adapters
      8. Set-LabPortMirroring.ps1    Monitor = Destination; the generators' "Lab" adapters, the -MirrorSourceVMName
                                     VMs' adapters on the monitoring switch and, with -MirrorExternalPort, the
                                     external port = Source
      9. Start-VM                    only with -Start
    Run with -WhatIf first: every step prints "What if: Performing the operation ..." and nothing changes.
    The output is one record per step (Step, Target, Action, Detail); Action is Created, Changed, Unchanged, WhatIf or
    Skipped. Remove-SensorLab.ps1 takes it all down again.

.EXAMPLE
    ./New-SensorLab.ps1 -Profile L100 -IsoPath D:\iso\debian-13-amd64-netinst.iso -TrafficGeneratorCount 1 -WhatIf

.EXAMPLE
    ./New-SensorLab.ps1 -Profile L500 -MonitorSwitchName vSwitch_Span -MonitorSwitchType External -MonitorNetAdapterName 'Ethernet 2' -MirrorExternalPort
#>
[CmdletBinding(SupportsShouldProcess)]
[OutputType([pscustomobject])]
param(
    # Sensor size (sensor-reference section 8.2): C5600, E1800, E1000, E500, L500 or L100.
    [Alias('Profile')]
    [ValidateScript({ Assert-SensorProfileName -Name $_ })]
    [ArgumentCompleter({ param($c, $p, $word) Get-SensorProfileName | Where-Object { $_ -like "$word*" } })]
    [string] $SensorProfile = 'L100',

    [ValidateNotNullOrEmpty()]
    [string] $SensorVMName = 'otsensor',

    # Root folder of the lab on the host: VM configurations, '<LabRoot>\Virtual Hard Disks', '<LabRoot>\iso'.
    [ValidateNotNullOrEmpty()]
    [string] $LabRoot = 'C:\OtSensorLab',

    # Fixed (section 11.1) or Dynamic (saves space in a lab) VHDX for the sensor.
    [ValidateSet('Fixed', 'Dynamic')]
    [string] $DiskType = 'Fixed',

    [ValidateNotNullOrEmpty()]
    [string] $NatSwitchName = 'NATSwitch',

    [ValidateNotNullOrEmpty()]
    [string] $NatName = 'OtSensorLabNat',

    # NAT network of the management side (network address/prefix).
    [ValidateScript({ Assert-LabIpv4Cidr -Cidr $_ })]
    [string] $NatCidr = '192.168.100.0/24',

    # Host address on NATSwitch (the VMs' gateway); default: first host of -NatCidr.
    [string] $GatewayAddress,

    [ValidateNotNullOrEmpty()]
    [string] $MonitorSwitchName = 'OtSensorMonitor',

    [ValidateSet('Private', 'Internal', 'External')]
    [string] $MonitorSwitchType = 'Private',

    # Physical adapter fed by the SPAN/TAP port (External monitoring switch only).
    [string] $MonitorNetAdapterName,

    # External monitoring switch only: share the adapter with the host.
    [switch] $AllowManagementOS,

    # Make the external port of the (External) monitoring switch a mirror source.
    [switch] $MirrorExternalPort,

    # Existing VMs whose adapters on the monitoring switch are mirrored to the sensor.
    [string[]] $MirrorSourceVMName = @(),

    # Debian installation ISO already on the host.
    [string] $IsoPath,

    # Download the ISO from this https address (with -IsoSha256) ...
    [uri] $IsoUri,

    [string] $IsoSha256,

    # ... or find it in a Debian SHA256SUMS file (https) and download it from the same folder.
    [uri] $IsoChecksumUri,

    # Small traffic-generator VMs on the monitoring switch, mirrored to the sensor (0 = none).
    [ValidateRange(0, 8)]
    [int] $TrafficGeneratorCount = 0,

    [ValidateNotNullOrEmpty()]
    [string] $TrafficGeneratorPrefix = 'otsensor-gen',

    # Start the sensor VM (and the generators) at the end.
    [switch] $Start
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

# Combinations that parameter attributes cannot express, checked before anything is touched.
if ($IsoPath -and ($IsoUri -or $IsoChecksumUri)) {
    throw 'Give either -IsoPath (an ISO already on the host) or -IsoUri/-IsoChecksumUri (download it), not both.'
}
if ($IsoUri -and $IsoChecksumUri) {
    throw 'Give either -IsoUri with -IsoSha256, or -IsoChecksumUri, not both.'
}
if ($IsoUri -and -not $IsoSha256) {
    throw '-IsoUri needs -IsoSha256 (the published SHA-256 of the ISO), or use -IsoChecksumUri with the SHA256SUMS file.'
}
if ($IsoSha256 -and -not $IsoUri) {
    throw '-IsoSha256 goes with -IsoUri.'
}
if ($MonitorSwitchType -eq 'External' -and -not $MonitorNetAdapterName) {
    throw "-MonitorSwitchType External needs -MonitorNetAdapterName (the physical adapter connected to the SPAN/TAP port; see Get-NetAdapter)."
}
if ($MonitorSwitchType -ne 'External' -and ($MonitorNetAdapterName -or $AllowManagementOS)) {
    throw "-MonitorNetAdapterName and -AllowManagementOS apply to -MonitorSwitchType External only (the monitoring switch is $MonitorSwitchType)."
}
if ($MirrorExternalPort -and $MonitorSwitchType -ne 'External') {
    throw '-MirrorExternalPort needs -MonitorSwitchType External (the external port is the physical SPAN/TAP adapter).'
}
if ($MirrorSourceVMName -contains $SensorVMName) {
    throw "The sensor VM '$SensorVMName' cannot be its own mirror source (-MirrorSourceVMName)."
}
$null = Get-LabIpv4Network -Cidr $NatCidr -GatewayAddress $GatewayAddress

$whatIf = @{ WhatIf = [bool]$WhatIfPreference }
$root = $LabRoot.TrimEnd('\')

# 1. Hyper-V.
$hyperV = & "$PSScriptRoot/Enable-LabHyperV.ps1" @whatIf
$hyperV
if ($hyperV.Action -eq 'Changed') {
    Write-Warning 'Hyper-V was just enabled: restart the host and run New-SensorLab.ps1 again to build the lab.'
    return
}

# Without the role the Hyper-V module is missing too, so the rest of the plan cannot be read from this host.
if (-not (Get-Command -Name Get-VMSwitch -ErrorAction Ignore)) {
    Write-Warning 'The Hyper-V cmdlets are not available until the role is enabled and the host restarted; the remaining steps are planned after that.'
    return
}

# 2. The installation ISO.
if ($IsoUri -or $IsoChecksumUri) {
    $isoArgs = if ($IsoUri) { @{ Uri = $IsoUri; Sha256 = $IsoSha256 } } else { @{ ChecksumUri = $IsoChecksumUri } }
    $iso = & "$PSScriptRoot/Save-LabIso.ps1" @isoArgs -DestinationDirectory "$root\iso" @whatIf
    $iso
    $IsoPath = $iso.Target
}

# 3-4. Switches.
& "$PSScriptRoot/New-LabNatSwitch.ps1" -SwitchName $NatSwitchName -NatName $NatName -NatCidr $NatCidr -GatewayAddress $GatewayAddress @whatIf
$monitorArgs = @{ SwitchName = $MonitorSwitchName; SwitchType = $MonitorSwitchType }
if ($MonitorSwitchType -eq 'External') {
    $monitorArgs.NetAdapterName = $MonitorNetAdapterName
    $monitorArgs.AllowManagementOS = $AllowManagementOS
}
& "$PSScriptRoot/New-LabMonitorSwitch.ps1" @monitorArgs @whatIf

# 5-6. The sensor VM and its two adapters.
$vmArgs = @{ LabRoot = $root; DiskType = $DiskType }
if ($IsoPath) { $vmArgs.IsoPath = $IsoPath }
& "$PSScriptRoot/New-LabVM.ps1" -Name $SensorVMName -SensorProfile $SensorProfile -Role "sensor, profile $SensorProfile" @vmArgs @whatIf
& "$PSScriptRoot/Set-LabVMNetworkAdapter.ps1" -VMName $SensorVMName -AdapterName 'Management' -SwitchName $NatSwitchName @whatIf
& "$PSScriptRoot/Set-LabVMNetworkAdapter.ps1" -VMName $SensorVMName -AdapterName 'Monitor' -SwitchName $MonitorSwitchName -DisableVmq @whatIf

# 7. Traffic generators: 2 vCPU, 2 GB, 32 GB dynamic disk, same ISO; "Lab" is the mirrored adapter.
# (1..0 would count down to 0, hence the guard.)
$generators = @(if ($TrafficGeneratorCount -gt 0) { 1..$TrafficGeneratorCount | ForEach-Object { "$TrafficGeneratorPrefix$_" } })
foreach ($generator in $generators) {
    & "$PSScriptRoot/New-LabVM.ps1" -Name $generator -ProcessorCount 2 -MemoryStartupBytes 2GB -DiskSizeBytes 32GB -LabRoot $root -DiskType Dynamic -Role 'traffic generator' -IsoPath:$IsoPath @whatIf
    & "$PSScriptRoot/Set-LabVMNetworkAdapter.ps1" -VMName $generator -AdapterName 'Management' -SwitchName $NatSwitchName @whatIf
    & "$PSScriptRoot/Set-LabVMNetworkAdapter.ps1" -VMName $generator -AdapterName 'Lab' -SwitchName $MonitorSwitchName @whatIf
}

# 8. Port mirroring. A generator's only adapter on the monitoring switch is "Lab", so "every adapter of the VM on the
#    monitoring switch" picks exactly it; the listed VMs may have several.
$sources = @($generators) + @($MirrorSourceVMName)
& "$PSScriptRoot/Set-LabPortMirroring.ps1" -SensorVMName $SensorVMName -MonitorAdapterName 'Monitor' -MonitorSwitchName $MonitorSwitchName -SourceVMName $sources -MirrorExternalPort:$MirrorExternalPort @whatIf

# 9. Start.
if (-not $Start) {
    return
}
foreach ($name in @($SensorVMName) + $generators) {
    $vm = Get-VM -Name $name -ErrorAction SilentlyContinue
    if ($vm -and "$($vm.State)" -eq 'Running') {
        New-LabStepResult -Step 'Start' -Target $name -Action Unchanged -Detail 'running'
    }
    elseif ($PSCmdlet.ShouldProcess($name, 'Start VM')) {
        Start-VM -Name $name
        New-LabStepResult -Step 'Start' -Target $name -Action Changed -Detail 'started'
    }
    else {
        New-LabStepResult -Step 'Start' -Target $name -Action WhatIf -Detail 'start'
    }
}
