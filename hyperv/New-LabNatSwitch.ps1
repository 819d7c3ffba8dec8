#Requires -Version 7.0
using module ./OtSensorLab.psm1
<#
.SYNOPSIS
    Creates the internal NAT switch of the lab: the switch, the host's gateway address on it and the NAT network.

.DESCRIPTION
    Three steps, each skipped when the host already holds it:
      1. New-VMSwitch -SwitchType Internal (default name NATSwitch);
      2. New-NetIPAddress: the gateway address (default: first host of -NatCidr) on "vEthernet (<switch>)";
      3. New-NetNat for -NatCidr, unless a NAT with the same name or another NAT for the same prefix exists.
    The NAT gives the sensor's management adapter outbound access (package installation) and lets the host reach the
    sensor's web console. Hyper-V NAT has no DHCP: VMs on it use static addresses from -NatCidr.
    An existing switch of another type, or a NAT of the same name for another prefix, stops the script with an error
    rather than being changed.

.EXAMPLE
    ./New-LabNatSwitch.ps1 -NatCidr 192.168.100.0/24 -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
[OutputType([pscustomobject])]
param(
    # Name of the internal switch.
    [ValidateNotNullOrEmpty()]
    [string] $SwitchName = 'NATSwitch',

    # Name of the NetNat object.
    [ValidateNotNullOrEmpty()]
    [string] $NatName = 'OtSensorLabNat',

    # NAT network (network address/prefix, /8 to /30).
    [ValidateScript({ Assert-LabIpv4Cidr -Cidr $_ })]
    [string] $NatCidr = '192.168.100.0/24',

    # Host address on the switch, the VMs' default gateway. Default: the first host address of -NatCidr.
    [string] $GatewayAddress
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$net = Get-LabIpv4Network -Cidr $NatCidr -GatewayAddress $GatewayAddress
$interfaceAlias = "vEthernet ($SwitchName)"

# 1. The internal switch.
$switch = Get-VMSwitch -Name $SwitchName -ErrorAction SilentlyContinue
if ($switch) {
    if ("$($switch.SwitchType)" -ne 'Internal') {
        throw "Switch '$SwitchName' already exists as a $($switch.SwitchType) switch; the NAT switch must be Internal. Choose another -NatSwitchName or remove that switch."
    }
    New-LabStepResult -Step 'NatSwitch' -Target $SwitchName -Action Unchanged -Detail 'internal switch present'
}
elseif ($PSCmdlet.ShouldProcess($SwitchName, 'Create internal virtual switch')) {
    $null = New-VMSwitch -Name $SwitchName -SwitchType Internal -Notes (New-LabNote -Role 'NAT switch')
    New-LabStepResult -Step 'NatSwitch' -Target $SwitchName -Action Created -Detail 'internal switch'
}
else {
    New-LabStepResult -Step 'NatSwitch' -Target $SwitchName -Action WhatIf -Detail 'internal switch'
}

# 2. The host's gateway address on the switch's host adapter.
$gatewayText = "$($net.GatewayAddress)/$($net.PrefixLength)"
$addresses = @(Get-NetIPAddress -InterfaceAlias $interfaceAlias -AddressFamily IPv4 -ErrorAction SilentlyContinue)
$existing = @($addresses | Where-Object { $_.IPAddress -eq $net.GatewayAddress })
if ($existing.Count -gt 0) {
    if ([int]$existing[0].PrefixLength -ne $net.PrefixLength) {
        throw "'$interfaceAlias' already has $($net.GatewayAddress)/$($existing[0].PrefixLength), not /$($net.PrefixLength). Remove it (Remove-NetIPAddress) or use a -NatCidr with that prefix."
    }
    New-LabStepResult -Step 'GatewayAddress' -Target $interfaceAlias -Action Unchanged -Detail $gatewayText
}
elseif ($PSCmdlet.ShouldProcess($interfaceAlias, "Assign host gateway address $gatewayText")) {
    $null = New-NetIPAddress -IPAddress $net.GatewayAddress -PrefixLength $net.PrefixLength -InterfaceAlias $interfaceAlias
    New-LabStepResult -Step 'GatewayAddress' -Target $interfaceAlias -Action Created -Detail $gatewayText
}
else {
    New-LabStepResult -Step 'GatewayAddress' -Target $interfaceAlias -Action WhatIf -Detail $gatewayText
}

# 3. The NAT network.
$nat = Get-NetNat -Name $NatName -ErrorAction SilentlyContinue
if ($nat) {
    if ("$($nat.InternalIPInterfaceAddressPrefix)" -ne $net.Cidr) {
        throw "NAT '$NatName' already exists for $($nat.InternalIPInterfaceAddressPrefix), not $($net.Cidr). Use that network as -NatCidr, another -NatName, or remove it (Remove-NetNat -Name $NatName)."
    }
    New-LabStepResult -Step 'Nat' -Target $NatName -Action Unchanged -Detail $net.Cidr
    return
}
$sharing = @(Get-NetNat -ErrorAction SilentlyContinue | Where-Object { "$($_.InternalIPInterfaceAddressPrefix)" -eq $net.Cidr })
if ($sharing.Count -gt 0) {
    New-LabStepResult -Step 'Nat' -Target $sharing[0].Name -Action Unchanged -Detail "$($net.Cidr) already served by NAT '$($sharing[0].Name)'"
}
elseif ($PSCmdlet.ShouldProcess($NatName, "Create NAT network $($net.Cidr)")) {
    $null = New-NetNat -Name $NatName -InternalIPInterfaceAddressPrefix $net.Cidr
    New-LabStepResult -Step 'Nat' -Target $NatName -Action Created -Detail $net.Cidr
}
else {
    New-LabStepResult -Step 'Nat' -Target $NatName -Action WhatIf -Detail $net.Cidr
}
