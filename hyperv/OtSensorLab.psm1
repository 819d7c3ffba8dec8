#Requires -Version 7.0
<#
.SYNOPSIS
    Shared pieces of the OtSensor Hyper-V lab scripts: the sensor profile table, IPv4 network arithmetic, the
    ownership marker and the step result record.

.DESCRIPTION
    The scripts beside this module (New-SensorLab.ps1 and one script per concern) load it with `using module`, so
    its functions are available while their parameters are validated. It calls no Hyper-V or networking cmdlet:
    everything that touches the host lives in the scripts, where the Pester tests mock it.

    Profile sizes are the virtual appliance requirements of Microsoft Defender for IoT OT sensors
    (shared/docs/sensor-reference.md section 8.2, "Virtual appliance requirements", 05/03/2022).
#>

Set-StrictMode -Version 3.0

# Section 8.2 of the sensor reference: vCPU, RAM and storage per virtual appliance profile. Sizes are in GiB because
# Hyper-V takes bytes and the table's "8 GB" means 8192 MB (section 11.1 uses 8192 / 16384 / 32768 MB).
# Storage: 5.6 TB and 1.8 TB are read as 5600 and 1800 GiB (Hyper-V sizes are binary; rounding up is harmless).
$script:SensorProfiles = [ordered]@{
    C5600 = @{ VCpu = 32; MemoryGB = 32; DiskGB = 5600; MaxBandwidthMbps = 2500; MaxAssets = 12000; Iops = 600 }
    E1800 = @{ VCpu = 8;  MemoryGB = 32; DiskGB = 1800; MaxBandwidthMbps = 800;  MaxAssets = 10000; Iops = 300 }
    E1000 = @{ VCpu = 8;  MemoryGB = 32; DiskGB = 1000; MaxBandwidthMbps = 800;  MaxAssets = 10000; Iops = 300 }
    E500  = @{ VCpu = 8;  MemoryGB = 32; DiskGB = 500;  MaxBandwidthMbps = 800;  MaxAssets = 10000; Iops = 300 }
    L500  = @{ VCpu = 4;  MemoryGB = 8;  DiskGB = 500;  MaxBandwidthMbps = 160;  MaxAssets = 1000;  Iops = 150 }
    L100  = @{ VCpu = 4;  MemoryGB = 8;  DiskGB = 100;  MaxBandwidthMbps = 100;  MaxAssets = 800;   Iops = 150 }
}

# Written into the Notes of every VM and switch the lab creates. Remove-SensorLab.ps1 deletes only objects that carry
# it, so a switch or VM that already existed under the same name is used but never torn down.
$script:LabMarker = 'otsensor-lab'

function Get-SensorProfile {
    <#
    .SYNOPSIS
        Returns the sizing of one sensor profile (or of all of them) from sensor-reference section 8.2.
    .EXAMPLE
        (Get-SensorProfile -Name L100).MemoryBytes
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Position = 0)]
        [ValidateScript({ Assert-SensorProfileName -Name $_ })]
        [string] $Name
    )

    $names = if ($Name) { @($script:SensorProfiles.Keys | Where-Object { $_ -eq $Name }) } else { @($script:SensorProfiles.Keys) }
    foreach ($key in $names) {
        $p = $script:SensorProfiles[$key]
        [pscustomobject]@{
            PSTypeName       = 'OtSensorLab.SensorProfile'
            Name             = $key
            VCpu             = $p.VCpu
            MemoryGB         = $p.MemoryGB
            MemoryBytes      = [long]$p.MemoryGB * 1GB
            DiskGB           = $p.DiskGB
            DiskBytes        = [long]$p.DiskGB * 1GB
            MaxBandwidthMbps = $p.MaxBandwidthMbps
            MaxAssets        = $p.MaxAssets
            Iops             = $p.Iops
        }
    }
}

function Get-SensorProfileName {
    <#
    .SYNOPSIS
        The profile names, largest first (tab completion and error messages).
    #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param()
    [string[]]@($script:SensorProfiles.Keys)
}

function Assert-SensorProfileName {
    <#
    .SYNOPSIS
        Returns $true for a known profile name; throws a message that lists the valid names otherwise.
    .DESCRIPTION
        Used inside [ValidateScript()] so a wrong -Profile fails at parameter binding, before anything is touched.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Name)

    # [ordered] tables compare keys without case, so l100 is accepted as L100 here and in Get-SensorProfile.
    if ($Name -and $script:SensorProfiles.Contains($Name)) { return $true }
    throw "Unknown sensor profile '$Name'. Valid profiles (sensor-reference section 8.2): $((Get-SensorProfileName) -join ', ')."
}

function ConvertTo-LabIpv4Number {
    # Dotted quad to a 32-bit value held in an Int64 (PowerShell's -shl on Int32 would wrap negative).
    [CmdletBinding()]
    [OutputType([long])]
    param([Parameter(Mandatory)] [string] $Address)

    if ($Address -notmatch '^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$') {
        throw "'$Address' is not an IPv4 address (expected four numbers 0-255 separated by dots, e.g. 192.168.100.1)."
    }
    [long]$value = 0
    foreach ($i in 1..4) {
        $octet = [int]$Matches[$i]
        if ($octet -gt 255) { throw "'$Address' is not an IPv4 address: $octet is larger than 255." }
        $value = $value * 256 + $octet
    }
    $value
}

function ConvertFrom-LabIpv4Number {
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [long] $Value)

    '{0}.{1}.{2}.{3}' -f (($Value -shr 24) -band 255), (($Value -shr 16) -band 255), (($Value -shr 8) -band 255), ($Value -band 255)
}

function Get-LabIpv4Network {
    <#
    .SYNOPSIS
        Parses and checks a NAT network in CIDR form and works out its host gateway address.
    .DESCRIPTION
        The prefix must be between /8 and /30 (room for the host gateway and at least one VM) and must be the network
        address itself (no host bits set), because New-NetNat -InternalIPInterfaceAddressPrefix rejects anything else
        with a far less readable error. The default gateway is the first host address, e.g. 192.168.100.1 for
        192.168.100.0/24; -GatewayAddress picks another one inside the network.
    .EXAMPLE
        Get-LabIpv4Network -Cidr 192.168.100.0/24
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)] [AllowEmptyString()] [string] $Cidr,
        [string] $GatewayAddress
    )

    if ($Cidr -notmatch '^([0-9.]+)/(\d{1,2})$') {
        throw "'$Cidr' is not an IPv4 network in CIDR form (expected address/prefix, e.g. 192.168.100.0/24)."
    }
    $addressText = $Matches[1]
    $prefix = [int]$Matches[2]
    $address = ConvertTo-LabIpv4Number -Address $addressText
    if ($prefix -lt 8 -or $prefix -gt 30) {
        throw "'$Cidr': the prefix length must be between 8 and 30 (a NAT network needs room for the host gateway and the VMs)."
    }
    $size = [long][math]::Pow(2, 32 - $prefix)
    $network = $address - ($address % $size)
    if ($network -ne $address) {
        throw "'$Cidr' is not a network address: host bits are set (did you mean $(ConvertFrom-LabIpv4Number $network)/${prefix}?)."
    }
    $broadcast = $network + $size - 1
    $gateway = if ($GatewayAddress) { ConvertTo-LabIpv4Number -Address $GatewayAddress } else { $network + 1 }
    if ($gateway -le $network -or $gateway -ge $broadcast) {
        throw "Gateway '$GatewayAddress' is not a host address of $Cidr (it must lie between $(ConvertFrom-LabIpv4Number ($network + 1)) and $(ConvertFrom-LabIpv4Number ($broadcast - 1)))."
    }

    [pscustomobject]@{
        PSTypeName     = 'OtSensorLab.Ipv4Network'
        Cidr           = "$(ConvertFrom-LabIpv4Number $network)/$prefix"
        NetworkAddress = ConvertFrom-LabIpv4Number $network
        PrefixLength   = $prefix
        GatewayAddress = ConvertFrom-LabIpv4Number $gateway
        FirstHost      = ConvertFrom-LabIpv4Number ($network + 1)
        LastHost       = ConvertFrom-LabIpv4Number ($broadcast - 1)
    }
}

function Assert-LabIpv4Cidr {
    <#
    .SYNOPSIS
        Returns $true for a usable NAT network in CIDR form; throws the reason otherwise (for [ValidateScript()]).
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Cidr)

    $null = Get-LabIpv4Network -Cidr $Cidr
    $true
}

function Get-LabMarker {
    <#
    .SYNOPSIS
        The text written into the Notes of everything the lab creates.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $script:LabMarker
}

function New-LabNote {
    <#
    .SYNOPSIS
        Notes text for an object the lab creates: the marker first, then what it is for.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [string] $Role)
    "$script:LabMarker`: $Role (created by the OtSensor Hyper-V lab scripts; Remove-SensorLab.ps1 deletes it)"
}

function Test-LabOwned {
    <#
    .SYNOPSIS
        True when a VM or switch object carries the lab marker in its Notes.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param([Parameter(Mandatory)] [AllowNull()] [object] $InputObject)

    if ($null -eq $InputObject) { return $false }
    $notes = $InputObject.PSObject.Properties['Notes']
    [bool]($notes -and $notes.Value -and ([string]$notes.Value).StartsWith("$script:LabMarker`:", [StringComparison]::Ordinal))
}

function Join-LabPath {
    <#
    .SYNOPSIS
        Joins a folder and a file name without resolving the drive (Join-Path fails on 'D:\...' where there is no D:).
    .DESCRIPTION
        A folder written with backslashes (a Windows path) gets a backslash, any other the platform separator, so a
        plan printed under -WhatIf shows the path the host will use.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)] [string] $Directory,
        [Parameter(Mandatory)] [string] $ChildName
    )
    $separator = if ($Directory.Contains('\')) { '\' } else { [IO.Path]::DirectorySeparatorChar }
    $Directory.TrimEnd('\', '/') + $separator + $ChildName
}

function New-LabStepResult {
    <#
    .SYNOPSIS
        One line of a run's outcome: which step, on what, and what was done.
    .DESCRIPTION
        Action is Created, Changed or Removed when something was done, Unchanged when the host already held the wanted
        state, WhatIf when -WhatIf (or a declined -Confirm) stopped a change, Skipped when the step did not apply.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)] [string] $Step,
        [Parameter(Mandatory)] [string] $Target,
        [Parameter(Mandatory)] [ValidateSet('Created', 'Changed', 'Removed', 'Unchanged', 'WhatIf', 'Skipped')] [string] $Action,
        [string] $Detail = ''
    )
    [pscustomobject]@{
        PSTypeName = 'OtSensorLab.StepResult'
        Step       = $Step
        Target     = $Target
        Action     = $Action
        Detail     = $Detail
    }
}

Export-ModuleMember -Function Get-SensorProfile, Get-SensorProfileName, Assert-SensorProfileName, ConvertTo-LabIpv4Number,
    ConvertFrom-LabIpv4Number, Get-LabIpv4Network, Assert-LabIpv4Cidr, Get-LabMarker, New-LabNote, Test-LabOwned, Join-LabPath, New-LabStepResult
