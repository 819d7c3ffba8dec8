#Requires -Version 7.0
using module ./OtSensorLab.psm1
<#
.SYNOPSIS
    Creates or brings into line one lab VM: Generation 2, Linux secure boot, static memory, a VHDX and the install ISO.

.DESCRIPTION
    Sized either from a sensor profile (-SensorProfile / -Profile, sensor-reference section 8.2) or explicitly (traffic
    generators). Each setting is checked against the VM as it is and changed only when it differs:
      VHDX       <LabRoot>\Virtual Hard Disks\<Name>.vhdx, Fixed by default as section 11.1 asks (Dynamic saves
                 space in a lab); created only with the VM, an existing VM keeps its disks
      VM         New-VM -Generation 2, default adapter removed (Set-LabVMNetworkAdapter.ps1 adds named ones),
                 Notes carry the lab marker, automatic checkpoints off
      vCPU       Set-VMProcessor -Count
      memory     Set-VMMemory -DynamicMemoryEnabled $false (section 8.2: static RAM, no dynamic memory)
      firmware   secure boot on with the MicrosoftUEFICertificateAuthority template (the one that boots Debian's shim)
      ISO        a DVD drive holding -IsoPath, made the first boot device when it is added; an existing DVD
                 drive (empty once the ISO is ejected after installation) is left as it is
    Processor and memory can only change while the VM is off; a running VM keeps its values and a warning says so.
    The VM is never started here (New-SensorLab.ps1 -Start does that).

.EXAMPLE
    ./New-LabVM.ps1 -Name otsensor -Profile L100 -LabRoot D:\OtSensorLab -IsoPath D:\OtSensorLab\iso\debian-netinst.iso
#>
[CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'Profile')]
[OutputType([pscustomobject])]
param(
    [Parameter(Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string] $Name,

    # Sensor profile from sensor-reference section 8.2 (vCPU / RAM / disk).
    [Parameter(ParameterSetName = 'Profile')]
    [Alias('Profile')]
    [ValidateScript({ Assert-SensorProfileName -Name $_ })]
    [ArgumentCompleter({ param($c, $p, $word) Get-SensorProfileName | Where-Object { $_ -like "$word*" } })]
    [string] $SensorProfile = 'L100',

    [Parameter(Mandatory, ParameterSetName = 'Size')]
    [ValidateRange(1, 240)]
    [int] $ProcessorCount,

    [Parameter(Mandatory, ParameterSetName = 'Size')]
    [ValidateRange(512MB, 12TB)]
    [long] $MemoryStartupBytes,

    [Parameter(Mandatory, ParameterSetName = 'Size')]
    [ValidateRange(1GB, 64TB)]
    [long] $DiskSizeBytes,

    # Folder for the VM configuration; the VHDX goes to '<LabRoot>\Virtual Hard Disks'.
    [ValidateNotNullOrEmpty()]
    [string] $LabRoot = 'C:\OtSensorLab',

    [ValidateSet('Fixed', 'Dynamic')]
    [string] $DiskType = 'Fixed',

    # Installation ISO to attach (the Debian netinst image); optional.
    [string] $IsoPath,

    # What the VM is for, written into its Notes.
    [ValidateNotNullOrEmpty()]
    [string] $Role = 'sensor'
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

if ($PSCmdlet.ParameterSetName -eq 'Profile') {
    $size = Get-SensorProfile -Name $SensorProfile
    $ProcessorCount = $size.VCpu
    $MemoryStartupBytes = $size.MemoryBytes
    $DiskSizeBytes = $size.DiskBytes
}
if ($IsoPath -and -not $WhatIfPreference -and -not (Test-Path -LiteralPath $IsoPath -PathType Leaf)) {
    throw "ISO '$IsoPath' not found. Download it first (New-SensorLab.ps1 -IsoUri/-IsoChecksumUri, or Save-LabIso.ps1)."
}

$root = $LabRoot.TrimEnd('\')
$vhdPath = "$root\Virtual Hard Disks\$Name.vhdx"
$sizeText = '{0} vCPU, {1} GB static memory, {2} GB {3} VHDX' -f $ProcessorCount, ($MemoryStartupBytes / 1GB), ($DiskSizeBytes / 1GB), $DiskType

$vm = Get-VM -Name $Name -ErrorAction SilentlyContinue
if ($vm -and [int]$vm.Generation -ne 2) {
    throw "VM '$Name' already exists as a Generation $($vm.Generation) VM; the lab needs Generation 2. Choose another name or remove it."
}

# 1. The virtual disk. An existing VM keeps the disks it has; a disk left from an earlier lab (Remove-SensorLab.ps1
#    -KeepDisks) is used again, with the system installed on it.
if ($vm) {
    New-LabStepResult -Step 'Disk' -Target $vhdPath -Action Unchanged -Detail 'VM present; its disks are left as they are'
}
elseif (Get-VHD -Path $vhdPath -ErrorAction SilentlyContinue) {
    New-LabStepResult -Step 'Disk' -Target $vhdPath -Action Unchanged -Detail 'VHDX present'
}
elseif ($PSCmdlet.ShouldProcess($vhdPath, "Create $DiskType VHDX of $($DiskSizeBytes / 1GB) GB")) {
    if ($DiskType -eq 'Fixed') { $null = New-VHD -Path $vhdPath -SizeBytes $DiskSizeBytes -Fixed }
    else { $null = New-VHD -Path $vhdPath -SizeBytes $DiskSizeBytes -Dynamic }
    New-LabStepResult -Step 'Disk' -Target $vhdPath -Action Created -Detail "$DiskType, $($DiskSizeBytes / 1GB) GB"
}
else {
    New-LabStepResult -Step 'Disk' -Target $vhdPath -Action WhatIf -Detail "$DiskType, $($DiskSizeBytes / 1GB) GB"
}

# 2. The VM itself.
if ($vm) {
    New-LabStepResult -Step 'VM' -Target $Name -Action Unchanged -Detail 'Generation 2 VM present'
}
elseif ($PSCmdlet.ShouldProcess($Name, "Create Generation 2 VM ($Role; $sizeText)")) {
    $null = New-VM -Name $Name -Generation 2 -MemoryStartupBytes $MemoryStartupBytes -VHDPath $vhdPath -Path $root
    # New-VM adds an unconnected adapter called "Network Adapter"; the lab's adapters are named for their role.
    $defaultAdapters = @(Get-VMNetworkAdapter -VMName $Name -ErrorAction SilentlyContinue | Where-Object { $_.Name -eq 'Network Adapter' })
    foreach ($adapter in $defaultAdapters) {
        Remove-VMNetworkAdapter -VMName $Name -Name $adapter.Name
    }
    Set-VM -Name $Name -Notes (New-LabNote -Role $Role) -AutomaticCheckpointsEnabled $false
    New-LabStepResult -Step 'VM' -Target $Name -Action Created -Detail "Generation 2, $Role"
    $vm = Get-VM -Name $Name -ErrorAction SilentlyContinue
}
else {
    New-LabStepResult -Step 'VM' -Target $Name -Action WhatIf -Detail "Generation 2, $Role"
}

# A setting that is already right on an existing VM is left alone; on a VM still to be created (-WhatIf) every setting
# is part of the plan.
$isOff = -not $vm -or "$($vm.State)" -eq 'Off'

# 3. Processors.
if ($vm -and [int]$vm.ProcessorCount -eq $ProcessorCount) {
    New-LabStepResult -Step 'Processor' -Target $Name -Action Unchanged -Detail "$ProcessorCount vCPU"
}
elseif (-not $isOff) {
    Write-Warning "VM '$Name' is $($vm.State): its $($vm.ProcessorCount) vCPU stay until it is stopped and this runs again (wanted $ProcessorCount)."
    New-LabStepResult -Step 'Processor' -Target $Name -Action Skipped -Detail "VM not off; wanted $ProcessorCount vCPU"
}
elseif ($PSCmdlet.ShouldProcess($Name, "Set $ProcessorCount virtual processors")) {
    Set-VMProcessor -VMName $Name -Count $ProcessorCount
    New-LabStepResult -Step 'Processor' -Target $Name -Action Changed -Detail "$ProcessorCount vCPU"
}
else {
    New-LabStepResult -Step 'Processor' -Target $Name -Action WhatIf -Detail "$ProcessorCount vCPU"
}

# 4. Static memory.
$memoryText = "$($MemoryStartupBytes / 1MB) MB static"
if ($vm -and -not $vm.DynamicMemoryEnabled -and [long]$vm.MemoryStartup -eq $MemoryStartupBytes) {
    New-LabStepResult -Step 'Memory' -Target $Name -Action Unchanged -Detail $memoryText
}
elseif (-not $isOff) {
    Write-Warning "VM '$Name' is $($vm.State): its memory stays until it is stopped and this runs again (wanted $memoryText)."
    New-LabStepResult -Step 'Memory' -Target $Name -Action Skipped -Detail "VM not off; wanted $memoryText"
}
elseif ($PSCmdlet.ShouldProcess($Name, "Set memory to $memoryText (dynamic memory off)")) {
    Set-VMMemory -VMName $Name -DynamicMemoryEnabled $false -StartupBytes $MemoryStartupBytes
    New-LabStepResult -Step 'Memory' -Target $Name -Action Changed -Detail $memoryText
}
else {
    New-LabStepResult -Step 'Memory' -Target $Name -Action WhatIf -Detail $memoryText
}

# 5. Secure boot with the template that trusts Linux boot loaders.
$template = 'MicrosoftUEFICertificateAuthority'
$firmware = if ($vm) { Get-VMFirmware -VMName $Name } else { $null }
if ($firmware -and "$($firmware.SecureBoot)" -eq 'On' -and "$($firmware.SecureBootTemplate)" -eq $template) {
    New-LabStepResult -Step 'SecureBoot' -Target $Name -Action Unchanged -Detail $template
}
elseif ($PSCmdlet.ShouldProcess($Name, "Enable secure boot with template $template (Linux)")) {
    Set-VMFirmware -VMName $Name -EnableSecureBoot On -SecureBootTemplate $template
    New-LabStepResult -Step 'SecureBoot' -Target $Name -Action Changed -Detail $template
}
else {
    New-LabStepResult -Step 'SecureBoot' -Target $Name -Action WhatIf -Detail $template
}

# 6. The installation ISO.
if (-not $IsoPath) {
    return
}
$drives = @(if ($vm) { Get-VMDvdDrive -VMName $Name })
if (@($drives | Where-Object { $_.Path -eq $IsoPath }).Count -gt 0) {
    New-LabStepResult -Step 'Iso' -Target $Name -Action Unchanged -Detail $IsoPath
}
elseif ($drives.Count -gt 0) {
    # A DVD drive that is empty or holds something else is left alone: after the installation the ISO is ejected, and
    # putting it back (the DVD is the first boot device) would boot the installer again on the next start.
    $held = if ($drives[0].Path) { "holds '$($drives[0].Path)'" } else { 'is empty' }
    Write-Verbose "VM '$Name': its DVD drive $held; not changed (Set-VMDvdDrive -VMName $Name -Path <iso> inserts an ISO)."
    New-LabStepResult -Step 'Iso' -Target $Name -Action Skipped -Detail "DVD drive $held; left as it is"
}
elseif ($PSCmdlet.ShouldProcess($Name, "Add a DVD drive holding $IsoPath and boot from it first")) {
    $drive = Add-VMDvdDrive -VMName $Name -Path $IsoPath -Passthru
    # A Generation 2 VM would try its empty disk and a PXE boot before a DVD added later.
    Set-VMFirmware -VMName $Name -FirstBootDevice $drive
    New-LabStepResult -Step 'Iso' -Target $Name -Action Created -Detail $IsoPath
}
else {
    New-LabStepResult -Step 'Iso' -Target $Name -Action WhatIf -Detail $IsoPath
}
