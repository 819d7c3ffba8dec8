# Test helpers for the hyperv/ Pester tests; dot-source inside BeforeAll (Pester 5+ scoping).
#
# 1. Stand-ins for the Hyper-V, NetNat, NetTCPIP, CIM and server-manager cmdlets, which do not exist on Linux. Mock
#    needs a command to exist before it can replace it, and the stand-in's parameters are what ParameterFilter sees.
#    Every stand-in throws: a call that no mock catches fails the test instead of passing silently. On a Windows host
#    that has the real cmdlets nothing is defined and the real cmdlets are mocked instead.
# 2. A fake Hyper-V host ($global:OtLabFakeHost: global because mock bodies run inside the lab scripts, where
#    $script: is the lab script's scope) and Register-FakeHostMock, which mocks every cmdlet the lab scripts call
#    with a body that reads or changes that fake state, so a second run really sees what the first one made.

$script:LabDir = Split-Path -Parent $PSScriptRoot

$stubParameters = [ordered]@{
    'Get-CimInstance'                       = '[string] $ClassName'
    'Get-WindowsFeature'                    = '[string[]] $Name'
    'Install-WindowsFeature'                = '[string[]] $Name, [switch] $IncludeManagementTools'
    'Get-WindowsOptionalFeature'            = '[switch] $Online, [string] $FeatureName'
    'Enable-WindowsOptionalFeature'         = '[switch] $Online, [string] $FeatureName, [switch] $All, [switch] $NoRestart'
    'Get-VMSwitch'                          = '[string] $Name'
    'New-VMSwitch'                          = '[string] $Name, [string] $SwitchType, [string] $NetAdapterName, [bool] $AllowManagementOS, [string] $Notes'
    'Remove-VMSwitch'                       = '[string] $Name, [switch] $Force'
    'Get-NetIPAddress'                      = '[string] $InterfaceAlias, [string] $AddressFamily'
    'New-NetIPAddress'                      = '[string] $IPAddress, [byte] $PrefixLength, [string] $InterfaceAlias'
    'Get-NetNat'                            = '[string] $Name'
    'New-NetNat'                            = '[string] $Name, [string] $InternalIPInterfaceAddressPrefix'
    'Remove-NetNat'                         = '[string] $Name'
    'Get-VHD'                               = '[string] $Path'
    'New-VHD'                               = '[string] $Path, [long] $SizeBytes, [switch] $Fixed, [switch] $Dynamic'
    'Get-VM'                                = '[string] $Name'
    'New-VM'                                = '[string] $Name, [int] $Generation, [long] $MemoryStartupBytes, [string] $VHDPath, [string] $Path'
    'Set-VM'                                = '[string] $Name, [string] $Notes, [bool] $AutomaticCheckpointsEnabled'
    'Start-VM'                              = '[string] $Name'
    'Stop-VM'                               = '[string] $Name, [switch] $TurnOff, [switch] $Force'
    'Remove-VM'                             = '[string] $Name, [switch] $Force'
    'Set-VMProcessor'                       = '[string] $VMName, [long] $Count'
    'Set-VMMemory'                          = '[string] $VMName, [bool] $DynamicMemoryEnabled, [long] $StartupBytes'
    'Get-VMFirmware'                        = '[string] $VMName'
    'Set-VMFirmware'                        = '[string] $VMName, [string] $EnableSecureBoot, [string] $SecureBootTemplate, [object] $FirstBootDevice'
    'Get-VMDvdDrive'                        = '[string] $VMName'
    'Add-VMDvdDrive'                        = '[string] $VMName, [string] $Path, [switch] $Passthru'
    'Set-VMDvdDrive'                        = '[string] $VMName, [string] $Path'
    'Get-VMHardDiskDrive'                   = '[string] $VMName'
    'Get-VMNetworkAdapter'                  = '[string] $VMName, [string] $Name, [switch] $All'
    'Add-VMNetworkAdapter'                  = '[string] $VMName, [string] $Name, [string] $SwitchName'
    'Remove-VMNetworkAdapter'               = '[string] $VMName, [string] $Name'
    'Connect-VMNetworkAdapter'              = '[string] $VMName, [string] $Name, [string] $SwitchName'
    'Set-VMNetworkAdapter'                  = '[string] $VMName, [string] $Name, [string] $PortMirroring, [Nullable[int]] $VmqWeight'
    'Get-VMSwitchExtension'                 = '[string] $VMSwitchName, [string] $Name'
    'Enable-VMSwitchExtension'              = '[string] $VMSwitchName, [string] $Name'
    'Get-VMSwitchExtensionPortFeature'      = '[string] $FeatureName, [string] $SwitchName, [switch] $ExternalPort'
    'Set-VMSwitchExtensionPortFeature'      = '[switch] $ExternalPort, [string] $SwitchName, [object] $VMSwitchExtensionFeature'
    'Add-VMSwitchExtensionPortFeature'      = '[switch] $ExternalPort, [string] $SwitchName, [object] $VMSwitchExtensionFeature'
    'Get-VMSystemSwitchExtensionPortFeature' = '[string] $FeatureName'
}
foreach ($stubName in $stubParameters.Keys) {
    if (-not (Get-Command -Name $stubName -ErrorAction Ignore)) {
        # SupportsShouldProcess: the real cmdlets take -WhatIf/-Confirm (Remove-NetNat -Confirm:$false, for one).
        $body = "[CmdletBinding(SupportsShouldProcess)] param($($stubParameters[$stubName])) throw '$stubName is a test stand-in: mock it.'"
        Set-Item -Path "function:$stubName" -Value ([scriptblock]::Create($body))
    }
}

# The commands whose calls change the host. A run that must change nothing asserts each was called zero times.
$script:ChangingCommands = @(
    'Install-WindowsFeature', 'Enable-WindowsOptionalFeature', 'New-VMSwitch', 'Remove-VMSwitch', 'New-NetIPAddress',
    'New-NetNat', 'Remove-NetNat', 'New-VHD', 'New-VM', 'Set-VM', 'Start-VM', 'Stop-VM', 'Remove-VM', 'Set-VMProcessor',
    'Set-VMMemory', 'Set-VMFirmware', 'Add-VMDvdDrive', 'Add-VMNetworkAdapter', 'Remove-VMNetworkAdapter',
    'Connect-VMNetworkAdapter', 'Set-VMNetworkAdapter', 'Enable-VMSwitchExtension', 'Set-VMSwitchExtensionPortFeature',
    'Add-VMSwitchExtensionPortFeature', 'Remove-Item'
)

function New-FakeHost {
    # An empty Windows Server host with Hyper-V enabled; tests add pre-existing objects with the Add-Fake* helpers.
    $global:OtLabFakeHost = @{
        ProductType  = 3
        HyperV       = $true
        Switches     = [ordered]@{}
        Addresses    = [Collections.Generic.List[object]]::new()
        Nats         = [ordered]@{}
        Vhds         = [ordered]@{}
        VMs          = [ordered]@{}
        Adapters     = [Collections.Generic.List[object]]::new()
        Extensions   = @{}
        PortFeatures = @{}
    }
}

function Add-FakeSwitch([string] $Name, [string] $SwitchType = 'Internal', [string] $Notes = '') {
    $global:OtLabFakeHost.Switches[$Name] = [pscustomobject]@{ Name = $Name; SwitchType = $SwitchType; Notes = $Notes }
}

function Add-FakeVM([string] $Name, [string] $Notes = '', [string] $State = 'Off', [string[]] $DiskPath = @()) {
    $global:OtLabFakeHost.VMs[$Name] = [pscustomobject]@{
        Name = $Name; Generation = 2; State = $State; ProcessorCount = 1; MemoryStartup = 1GB; DynamicMemoryEnabled = $false
        Notes = $Notes; SecureBoot = 'On'; SecureBootTemplate = 'MicrosoftWindows'
        Dvds = [Collections.Generic.List[object]]::new(); Disks = [Collections.Generic.List[object]]::new()
    }
    foreach ($path in $DiskPath) {
        $global:OtLabFakeHost.VMs[$Name].Disks.Add([pscustomobject]@{ VMName = $Name; Path = $path })
        $global:OtLabFakeHost.Vhds[$path] = [pscustomobject]@{ Path = $path; VhdType = 'Dynamic'; Size = 1GB }
    }
}

function Add-FakeAdapter([string] $VMName, [string] $Name, [string] $SwitchName, [string] $PortMirroringMode = 'None') {
    $global:OtLabFakeHost.Adapters.Add([pscustomobject]@{
            VMName = $VMName; Name = $Name; SwitchName = $SwitchName; PortMirroringMode = $PortMirroringMode; VmqWeight = 100
        })
}

function Register-FakeHostMock {
    # Called from BeforeAll/BeforeEach of a block: every mock lives as long as that block.
    Mock Get-CimInstance { [pscustomobject]@{ ProductType = $global:OtLabFakeHost.ProductType } }
    Mock Get-WindowsFeature { foreach ($n in $Name) { [pscustomobject]@{ Name = $n; Installed = $global:OtLabFakeHost.HyperV } } }
    Mock Get-WindowsOptionalFeature {
        [pscustomobject]@{ FeatureName = $FeatureName; State = $(if ($global:OtLabFakeHost.HyperV) { 'Enabled' } else { 'Disabled' }) }
    }
    Mock Install-WindowsFeature { }
    Mock Enable-WindowsOptionalFeature { }

    Mock Get-VMSwitch { if ($Name) { $global:OtLabFakeHost.Switches[$Name] } else { @($global:OtLabFakeHost.Switches.Values) } }
    Mock New-VMSwitch {
        $type = if ($NetAdapterName) { 'External' } else { $SwitchType }
        Add-FakeSwitch -Name $Name -SwitchType $type -Notes $Notes
        $global:OtLabFakeHost.Switches[$Name]
    }
    Mock Remove-VMSwitch {
        $global:OtLabFakeHost.Switches.Remove($Name)
        foreach ($a in @($global:OtLabFakeHost.Addresses | Where-Object InterfaceAlias -EQ "vEthernet ($Name)")) { $null = $global:OtLabFakeHost.Addresses.Remove($a) }
    }
    Mock Get-NetIPAddress { $global:OtLabFakeHost.Addresses | Where-Object InterfaceAlias -EQ $InterfaceAlias }
    Mock New-NetIPAddress {
        $global:OtLabFakeHost.Addresses.Add([pscustomobject]@{ InterfaceAlias = $InterfaceAlias; IPAddress = $IPAddress; PrefixLength = $PrefixLength })
    }
    Mock Get-NetNat { if ($Name) { $global:OtLabFakeHost.Nats[$Name] } else { @($global:OtLabFakeHost.Nats.Values) } }
    Mock New-NetNat { $global:OtLabFakeHost.Nats[$Name] = [pscustomobject]@{ Name = $Name; InternalIPInterfaceAddressPrefix = $InternalIPInterfaceAddressPrefix } }
    Mock Remove-NetNat { $global:OtLabFakeHost.Nats.Remove($Name) }

    Mock Get-VHD { $global:OtLabFakeHost.Vhds[$Path] }
    Mock New-VHD { $global:OtLabFakeHost.Vhds[$Path] = [pscustomobject]@{ Path = $Path; VhdType = $(if ($Fixed) { 'Fixed' } else { 'Dynamic' }); Size = $SizeBytes } }

    Mock Get-VM { if ($Name) { $global:OtLabFakeHost.VMs[$Name] } else { @($global:OtLabFakeHost.VMs.Values) } }
    Mock New-VM {
        Add-FakeVM -Name $Name
        $vm = $global:OtLabFakeHost.VMs[$Name]
        $vm.Generation = $Generation
        $vm.MemoryStartup = $MemoryStartupBytes
        $vm.Disks.Add([pscustomobject]@{ VMName = $Name; Path = $VHDPath })
        Add-FakeAdapter -VMName $Name -Name 'Network Adapter' -SwitchName ''
        $vm
    }
    Mock Set-VM { $global:OtLabFakeHost.VMs[$Name].Notes = $Notes }
    Mock Start-VM { $global:OtLabFakeHost.VMs[$Name].State = 'Running' }
    Mock Stop-VM { $global:OtLabFakeHost.VMs[$Name].State = 'Off' }
    Mock Remove-VM {
        $global:OtLabFakeHost.VMs.Remove($Name)
        foreach ($a in @($global:OtLabFakeHost.Adapters | Where-Object VMName -EQ $Name)) { $null = $global:OtLabFakeHost.Adapters.Remove($a) }
    }
    Mock Set-VMProcessor { $global:OtLabFakeHost.VMs[$VMName].ProcessorCount = $Count }
    Mock Set-VMMemory {
        $global:OtLabFakeHost.VMs[$VMName].DynamicMemoryEnabled = $DynamicMemoryEnabled
        $global:OtLabFakeHost.VMs[$VMName].MemoryStartup = $StartupBytes
    }
    Mock Get-VMFirmware {
        $vm = $global:OtLabFakeHost.VMs[$VMName]
        [pscustomobject]@{ VMName = $VMName; SecureBoot = $vm.SecureBoot; SecureBootTemplate = $vm.SecureBootTemplate }
    }
    Mock Set-VMFirmware {
        if ($EnableSecureBoot) { $global:OtLabFakeHost.VMs[$VMName].SecureBoot = $EnableSecureBoot }
        if ($SecureBootTemplate) { $global:OtLabFakeHost.VMs[$VMName].SecureBootTemplate = $SecureBootTemplate }
    }
    Mock Get-VMDvdDrive { @($global:OtLabFakeHost.VMs[$VMName].Dvds) }
    Mock Add-VMDvdDrive {
        $drive = [pscustomobject]@{ VMName = $VMName; ControllerNumber = 0; ControllerLocation = 1; Path = $Path }
        $global:OtLabFakeHost.VMs[$VMName].Dvds.Add($drive)
        $drive
    }
    Mock Set-VMDvdDrive { throw 'the lab never changes an existing DVD drive' }
    Mock Get-VMHardDiskDrive { @($global:OtLabFakeHost.VMs[$VMName].Disks) }

    Mock Get-VMNetworkAdapter {
        @($global:OtLabFakeHost.Adapters) | Where-Object { $All -or ($_.VMName -eq $VMName -and (-not $Name -or $_.Name -eq $Name)) }
    }
    Mock Add-VMNetworkAdapter { Add-FakeAdapter -VMName $VMName -Name $Name -SwitchName $SwitchName }
    Mock Remove-VMNetworkAdapter {
        foreach ($a in @($global:OtLabFakeHost.Adapters | Where-Object { $_.VMName -eq $VMName -and $_.Name -eq $Name })) { $null = $global:OtLabFakeHost.Adapters.Remove($a) }
    }
    Mock Connect-VMNetworkAdapter {
        foreach ($a in @($global:OtLabFakeHost.Adapters | Where-Object { $_.VMName -eq $VMName -and $_.Name -eq $Name })) { $a.SwitchName = $SwitchName }
    }
    Mock Set-VMNetworkAdapter {
        foreach ($a in @($global:OtLabFakeHost.Adapters | Where-Object { $_.VMName -eq $VMName -and $_.Name -eq $Name })) {
            if ($PortMirroring) { $a.PortMirroringMode = $PortMirroring }
            if ($null -ne $VmqWeight) { $a.VmqWeight = $VmqWeight }
        }
    }

    Mock Get-VMSwitchExtension { [pscustomobject]@{ Name = $Name; Enabled = [bool]$global:OtLabFakeHost.Extensions[$VMSwitchName] } }
    Mock Enable-VMSwitchExtension { $global:OtLabFakeHost.Extensions[$VMSwitchName] = $true }
    Mock Get-VMSwitchExtensionPortFeature { $global:OtLabFakeHost.PortFeatures[$SwitchName] }
    Mock Get-VMSystemSwitchExtensionPortFeature { [pscustomobject]@{ Name = $FeatureName; SettingData = [pscustomobject]@{ MonitorMode = 0 } } }
    Mock Add-VMSwitchExtensionPortFeature { $global:OtLabFakeHost.PortFeatures[$SwitchName] = $VMSwitchExtensionFeature }
    Mock Set-VMSwitchExtensionPortFeature { $global:OtLabFakeHost.PortFeatures[$SwitchName] = $VMSwitchExtensionFeature }

    # Teardown deletes VHDX files; the fake keeps them in its table.
    Mock Remove-Item -ParameterFilter { $LiteralPath -like '*.vhdx' } { $global:OtLabFakeHost.Vhds.Remove("$LiteralPath") }
}

function Get-FakeHostSummary {
    # A comparable snapshot of everything the fake host holds.
    $h = $global:OtLabFakeHost
    @(
        $h.Switches.Values | ForEach-Object { "switch $($_.Name) $($_.SwitchType) [$($_.Notes)]" }
        $h.Addresses | ForEach-Object { "ip $($_.InterfaceAlias) $($_.IPAddress)/$($_.PrefixLength)" }
        $h.Nats.Values | ForEach-Object { "nat $($_.Name) $($_.InternalIPInterfaceAddressPrefix)" }
        $h.Vhds.Values | ForEach-Object { "vhd $($_.Path) $($_.VhdType) $($_.Size)" }
        $h.VMs.Values | ForEach-Object { "vm $($_.Name) gen$($_.Generation) $($_.State) cpu$($_.ProcessorCount) mem$($_.MemoryStartup) dyn$($_.DynamicMemoryEnabled) $($_.SecureBoot) $($_.SecureBootTemplate) dvd[$(@($_.Dvds | ForEach-Object { $_.Path }) -join ',')] [$($_.Notes)]" }
        $h.Adapters | ForEach-Object { "nic $($_.VMName)/$($_.Name) $($_.SwitchName) $($_.PortMirroringMode) vmq$($_.VmqWeight)" }
        $h.Extensions.Keys | ForEach-Object { "ext $_ $($h.Extensions[$_])" }
        $h.PortFeatures.Keys | ForEach-Object { "port $_ monitor$($h.PortFeatures[$_].SettingData.MonitorMode)" }
    ) | Sort-Object
}

function Assert-NoHostChange {
    # Every changing command was called zero times in the current It.
    foreach ($command in $script:ChangingCommands) {
        Should -Invoke -CommandName $command -Times 0 -Exactly -Scope It -Because "$command changes the host"
    }
}
