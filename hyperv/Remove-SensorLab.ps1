#Requires -Version 7.0
using module ./OtSensorLab.psm1
<#
.SYNOPSIS
    Tears the sensor lab down again, removing only what the lab scripts created.

.DESCRIPTION
    Ownership is read from the Notes that New-LabVM.ps1 and the switch scripts write (they start with "otsensor-lab:").
    A VM or switch with a lab name but without that marker existed before the lab and is left in place, with a warning.
      1. lab VMs (the sensor and every "<TrafficGeneratorPrefix>*" VM): turned off, removed, and their VHDX
         '<Name>.vhdx' deleted (-KeepDisks keeps the disks);
      2. the NAT network -NatName, when the NAT switch is the lab's;
      3. the monitoring switch and the NAT switch, when they are the lab's and no other VM is still connected
         (the host gateway address goes with the NAT switch's host adapter).
    The downloaded ISO is kept. Use -WhatIf first to see what would go.

.EXAMPLE
    ./Remove-SensorLab.ps1 -WhatIf
#>
[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
[OutputType([pscustomobject])]
param(
    [ValidateNotNullOrEmpty()]
    [string] $SensorVMName = 'otsensor',

    [ValidateNotNullOrEmpty()]
    [string] $TrafficGeneratorPrefix = 'otsensor-gen',

    [ValidateNotNullOrEmpty()]
    [string] $NatSwitchName = 'NATSwitch',

    [ValidateNotNullOrEmpty()]
    [string] $NatName = 'OtSensorLabNat',

    [ValidateNotNullOrEmpty()]
    [string] $MonitorSwitchName = 'OtSensorMonitor',

    # Keep the VMs' virtual disks.
    [switch] $KeepDisks
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

# 1. VMs.
$removedVMs = [Collections.Generic.List[string]]::new()
$candidates = @(Get-VM -ErrorAction SilentlyContinue | Where-Object { $_.Name -eq $SensorVMName -or $_.Name -like "$TrafficGeneratorPrefix*" })
foreach ($vm in $candidates) {
    $name = $vm.Name
    if (-not (Test-LabOwned -InputObject $vm)) {
        Write-Warning "VM '$name' was not created by the lab (no '$(Get-LabMarker)' note): left in place."
        New-LabStepResult -Step 'RemoveVM' -Target $name -Action Skipped -Detail 'not created by the lab'
        continue
    }
    # Only the disk New-LabVM.ps1 made (<Name>.vhdx); other disks attached later are not ours to delete.
    $disks = @(Get-VMHardDiskDrive -VMName $name | Where-Object { $_.Path -and ($_.Path -split '[\\/]')[-1] -eq "$name.vhdx" } | ForEach-Object { $_.Path })
    if (-not $PSCmdlet.ShouldProcess($name, 'Turn off and remove VM')) {
        New-LabStepResult -Step 'RemoveVM' -Target $name -Action WhatIf
        foreach ($disk in @($disks | Where-Object { -not $KeepDisks })) {
            $null = $PSCmdlet.ShouldProcess($disk, 'Delete virtual disk')
            New-LabStepResult -Step 'RemoveDisk' -Target $disk -Action WhatIf
        }
        # Under -WhatIf the plan goes on as if the VM were gone; a VM kept by answering No to -Confirm still uses its
        # switches, which then stay.
        if ($WhatIfPreference) { $removedVMs.Add($name) }
        continue
    }
    if ("$($vm.State)" -ne 'Off') {
        Stop-VM -Name $name -TurnOff -Force
    }
    Remove-VM -Name $name -Force
    $removedVMs.Add($name)
    New-LabStepResult -Step 'RemoveVM' -Target $name -Action Removed
    foreach ($disk in $disks) {
        if ($KeepDisks) {
            New-LabStepResult -Step 'RemoveDisk' -Target $disk -Action Skipped -Detail '-KeepDisks'
        }
        elseif ($PSCmdlet.ShouldProcess($disk, 'Delete virtual disk')) {
            Remove-Item -LiteralPath $disk -Force
            New-LabStepResult -Step 'RemoveDisk' -Target $disk -Action Removed
        }
        else {
            New-LabStepResult -Step 'RemoveDisk' -Target $disk -Action WhatIf
        }
    }
}

# A switch goes only when it is the lab's and no VM outside the lab (nor one kept above) still uses it.
function Test-SwitchRemovable {
    param([string] $SwitchName, [object] $Switch)
    if (-not (Test-LabOwned -InputObject $Switch)) {
        Write-Warning "Switch '$SwitchName' was not created by the lab (no '$(Get-LabMarker)' note): left in place."
        return $false
    }
    $users = @(Get-VMNetworkAdapter -All -ErrorAction SilentlyContinue |
            Where-Object { "$($_.SwitchName)" -eq $SwitchName -and $_.VMName -and $removedVMs -notcontains $_.VMName } |
            ForEach-Object { $_.VMName } | Sort-Object -Unique)
    if ($users.Count -gt 0) {
        Write-Warning "Switch '$SwitchName' is still used by $($users -join ', '): left in place."
        return $false
    }
    $true
}

# 2. The NAT network, with its switch only.
$natSwitch = Get-VMSwitch -Name $NatSwitchName -ErrorAction SilentlyContinue
$nat = Get-NetNat -Name $NatName -ErrorAction SilentlyContinue
$natSwitchRemovable = $natSwitch -and (Test-SwitchRemovable -SwitchName $NatSwitchName -Switch $natSwitch)
if ($nat) {
    if (-not $natSwitchRemovable) {
        New-LabStepResult -Step 'RemoveNat' -Target $NatName -Action Skipped -Detail "switch '$NatSwitchName' stays"
    }
    elseif ($PSCmdlet.ShouldProcess($NatName, "Remove NAT network $($nat.InternalIPInterfaceAddressPrefix)")) {
        Remove-NetNat -Name $NatName -Confirm:$false
        New-LabStepResult -Step 'RemoveNat' -Target $NatName -Action Removed
    }
    else {
        New-LabStepResult -Step 'RemoveNat' -Target $NatName -Action WhatIf
    }
}

# 3. Switches.
$monitorSwitch = Get-VMSwitch -Name $MonitorSwitchName -ErrorAction SilentlyContinue
foreach ($entry in @(@{ Name = $MonitorSwitchName; Switch = $monitorSwitch; Removable = $monitorSwitch -and (Test-SwitchRemovable -SwitchName $MonitorSwitchName -Switch $monitorSwitch) },
        @{ Name = $NatSwitchName; Switch = $natSwitch; Removable = $natSwitchRemovable })) {
    if (-not $entry.Switch) {
        continue
    }
    if (-not $entry.Removable) {
        New-LabStepResult -Step 'RemoveSwitch' -Target $entry.Name -Action Skipped -Detail 'not the lab''s, or in use'
    }
    elseif ($PSCmdlet.ShouldProcess($entry.Name, 'Remove virtual switch')) {
        Remove-VMSwitch -Name $entry.Name -Force
        New-LabStepResult -Step 'RemoveSwitch' -Target $entry.Name -Action Removed
    }
    else {
        New-LabStepResult -Step 'RemoveSwitch' -Target $entry.Name -Action WhatIf
    }
}
