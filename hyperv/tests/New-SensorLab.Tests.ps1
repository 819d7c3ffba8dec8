# New-SensorLab.ps1 and the per-concern scripts it runs, against a fake Hyper-V host whose every cmdlet is mocked.
BeforeAll {
    . (Join-Path $PSScriptRoot 'LabTestHelpers.ps1')
    $script:NewLab = Join-Path $script:LabDir 'New-SensorLab.ps1'
    $script:Iso = Join-Path $TestDrive 'debian-13-amd64-netinst.iso'
    Set-Content -LiteralPath $script:Iso -Value 'not really an ISO'
    $script:Vhd = 'D:\Lab\Virtual Hard Disks'
    Register-FakeHostMock

    # A complete fresh-host build: the sensor, one traffic generator, the ISO already on the host.
    function Invoke-NewLab {
        param([hashtable] $Extra = @{})
        $params = @{ LabRoot = 'D:\Lab'; IsoPath = $script:Iso; TrafficGeneratorCount = 1 }
        foreach ($k in $Extra.Keys) { $params[$k] = $Extra[$k] }
        & $script:NewLab @params 3>$null
    }
}

AfterAll {
    Remove-Variable -Name OtLabFakeHost -Scope Global -ErrorAction Ignore
}

Describe 'New-SensorLab.ps1 on a fresh host' {
    # One build (profile L100, one traffic generator, -Start) checked from several sides: -Scope Describe counts the
    # calls made in BeforeAll.
    BeforeAll {
        New-FakeHost
        $script:Fresh = @(Invoke-NewLab @{ Start = $true })
    }

    It 'creates the internal NATSwitch, the host gateway address and the NAT network' {
        Should -Invoke New-VMSwitch -Times 1 -Exactly -Scope Describe -ParameterFilter { $Name -eq 'NATSwitch' -and $SwitchType -eq 'Internal' }
        Should -Invoke New-NetIPAddress -Times 1 -Exactly -Scope Describe -ParameterFilter {
            $IPAddress -eq '192.168.100.1' -and $PrefixLength -eq 24 -and $InterfaceAlias -eq 'vEthernet (NATSwitch)'
        }
        Should -Invoke New-NetNat -Times 1 -Exactly -Scope Describe -ParameterFilter {
            $Name -eq 'OtSensorLabNat' -and $InternalIPInterfaceAddressPrefix -eq '192.168.100.0/24'
        }
    }

    It 'creates a private monitoring switch' {
        Should -Invoke New-VMSwitch -Times 1 -Exactly -Scope Describe -ParameterFilter { $Name -eq 'OtSensorMonitor' -and $SwitchType -eq 'Private' }
        Should -Invoke New-VMSwitch -Times 2 -Exactly -Scope Describe
    }

    It 'creates the sensor VM: Generation 2, L100 sizes (4 vCPU, 8 GB static memory, 100 GB fixed VHDX)' {
        $vhd = "$script:Vhd\otsensor.vhdx"
        Should -Invoke New-VHD -Times 1 -Exactly -Scope Describe -ParameterFilter { $Path -eq $vhd -and $SizeBytes -eq 100GB -and $Fixed }
        Should -Invoke New-VM -Times 1 -Exactly -Scope Describe -ParameterFilter {
            $Name -eq 'otsensor' -and $Generation -eq 2 -and $MemoryStartupBytes -eq 8GB -and $VHDPath -eq $vhd -and $Path -eq 'D:\Lab'
        }
        Should -Invoke Set-VMProcessor -Times 1 -Exactly -Scope Describe -ParameterFilter { $VMName -eq 'otsensor' -and $Count -eq 4 }
        $vm = $global:OtLabFakeHost.VMs['otsensor']
        $vm.MemoryStartup | Should -Be 8GB
        $vm.DynamicMemoryEnabled | Should -BeFalse
    }

    It 'sets Linux secure boot, attaches the ISO and boots from it first' {
        Should -Invoke Set-VMFirmware -Times 1 -Exactly -Scope Describe -ParameterFilter {
            $VMName -eq 'otsensor' -and $EnableSecureBoot -eq 'On' -and $SecureBootTemplate -eq 'MicrosoftUEFICertificateAuthority'
        }
        Should -Invoke Add-VMDvdDrive -Times 1 -Exactly -Scope Describe -ParameterFilter { $VMName -eq 'otsensor' -and $Path -eq $script:Iso }
        Should -Invoke Set-VMFirmware -Times 1 -Exactly -Scope Describe -ParameterFilter { $VMName -eq 'otsensor' -and $FirstBootDevice.Path -eq $script:Iso }
    }

    It 'gives the sensor a Management adapter on NATSwitch and a Monitor adapter on the monitoring switch with VMQ off' {
        Should -Invoke Remove-VMNetworkAdapter -Times 1 -Exactly -Scope Describe -ParameterFilter { $VMName -eq 'otsensor' -and $Name -eq 'Network Adapter' }
        Should -Invoke Add-VMNetworkAdapter -Times 1 -Exactly -Scope Describe -ParameterFilter {
            $VMName -eq 'otsensor' -and $Name -eq 'Management' -and $SwitchName -eq 'NATSwitch'
        }
        Should -Invoke Add-VMNetworkAdapter -Times 1 -Exactly -Scope Describe -ParameterFilter {
            $VMName -eq 'otsensor' -and $Name -eq 'Monitor' -and $SwitchName -eq 'OtSensorMonitor'
        }
        Should -Invoke Set-VMNetworkAdapter -Times 1 -Exactly -Scope Describe -ParameterFilter { $VMName -eq 'otsensor' -and $Name -eq 'Monitor' -and $VmqWeight -eq 0 }
        @($global:OtLabFakeHost.Adapters | Where-Object VMName -EQ 'otsensor' | ForEach-Object { $_.Name }) | Should -Be @('Management', 'Monitor')
    }

    It 'builds a small traffic-generator VM with Management and Lab adapters' {
        Should -Invoke New-VHD -Times 1 -Exactly -Scope Describe -ParameterFilter { $Path -eq "$script:Vhd\otsensor-gen1.vhdx" -and $SizeBytes -eq 32GB -and $Dynamic }
        Should -Invoke New-VM -Times 1 -Exactly -Scope Describe -ParameterFilter { $Name -eq 'otsensor-gen1' -and $Generation -eq 2 -and $MemoryStartupBytes -eq 2GB }
        Should -Invoke Set-VMProcessor -Times 1 -Exactly -Scope Describe -ParameterFilter { $VMName -eq 'otsensor-gen1' -and $Count -eq 2 }
        Should -Invoke Add-VMNetworkAdapter -Times 1 -Exactly -Scope Describe -ParameterFilter {
            $VMName -eq 'otsensor-gen1' -and $Name -eq 'Management' -and $SwitchName -eq 'NATSwitch'
        }
        Should -Invoke Add-VMNetworkAdapter -Times 1 -Exactly -Scope Describe -ParameterFilter {
            $VMName -eq 'otsensor-gen1' -and $Name -eq 'Lab' -and $SwitchName -eq 'OtSensorMonitor'
        }
        Should -Invoke New-VM -Times 2 -Exactly -Scope Describe
    }

    It 'makes the Monitor adapter the mirroring Destination and the generator Lab adapter a Source, nothing else' {
        Should -Invoke Set-VMNetworkAdapter -Times 1 -Exactly -Scope Describe -ParameterFilter {
            $VMName -eq 'otsensor' -and $Name -eq 'Monitor' -and $PortMirroring -eq 'Destination'
        }
        Should -Invoke Set-VMNetworkAdapter -Times 1 -Exactly -Scope Describe -ParameterFilter {
            $VMName -eq 'otsensor-gen1' -and $Name -eq 'Lab' -and $PortMirroring -eq 'Source'
        }
        Should -Invoke Set-VMNetworkAdapter -Times 2 -Exactly -Scope Describe -ParameterFilter { $PortMirroring }
    }

    It 'starts the VMs' {
        Should -Invoke Start-VM -Times 1 -Exactly -Scope Describe -ParameterFilter { $Name -eq 'otsensor' }
        Should -Invoke Start-VM -Times 1 -Exactly -Scope Describe -ParameterFilter { $Name -eq 'otsensor-gen1' }
    }

    It 'marks every VM and switch it creates with the lab note' {
        foreach ($o in @($global:OtLabFakeHost.VMs.Values) + @($global:OtLabFakeHost.Switches.Values)) {
            $o.Notes | Should -BeLike 'otsensor-lab: *' -Because "$($o.Name) was created by the lab"
        }
        $global:OtLabFakeHost.VMs['otsensor'].Notes | Should -BeLike 'otsensor-lab: sensor, profile L100 *'
    }

    It 'reports every step as Created or Changed' {
        $script:Fresh.Count | Should -Be 26
        # New-VM already sets the static startup memory, so only the memory check may find nothing to do.
        @($script:Fresh | Where-Object { $_.Action -notin 'Created', 'Changed' -and $_.Step -notin 'HyperV', 'Memory' }) | Should -BeNullOrEmpty
        ($script:Fresh | Where-Object Step -EQ 'HyperV').Action | Should -Be 'Unchanged'
    }
}

Describe 'Single steps' {
    BeforeEach {
        New-FakeHost
    }

    It 'sizes the VM from profile <SensorProfile>: <VCpu> vCPU, <MemoryGB> GB static, <DiskGB> GB fixed VHDX' -TestCases @(
        @{ SensorProfile = 'L500'; VCpu = 4; MemoryGB = 8; DiskGB = 500 }
        @{ SensorProfile = 'E1800'; VCpu = 8; MemoryGB = 32; DiskGB = 1800 }
        @{ SensorProfile = 'C5600'; VCpu = 32; MemoryGB = 32; DiskGB = 5600 }
    ) {
        $null = & (Join-Path $script:LabDir 'New-LabVM.ps1') -Name 'otsensor' -Profile $SensorProfile -LabRoot 'D:\Lab'
        Should -Invoke New-VHD -Times 1 -Exactly -ParameterFilter { $Path -eq "$script:Vhd\otsensor.vhdx" -and $SizeBytes -eq $DiskGB * 1GB -and $Fixed }
        Should -Invoke New-VM -Times 1 -Exactly -ParameterFilter { $Generation -eq 2 -and $MemoryStartupBytes -eq $MemoryGB * 1GB }
        Should -Invoke Set-VMProcessor -Times 1 -Exactly -ParameterFilter { $Count -eq $VCpu }
        $global:OtLabFakeHost.VMs['otsensor'].DynamicMemoryEnabled | Should -BeFalse
    }

    It 'turns dynamic memory off on an existing VM that has it' {
        Add-FakeVM -Name 'otsensor' -Notes 'otsensor-lab: sensor'
        $global:OtLabFakeHost.VMs['otsensor'].DynamicMemoryEnabled = $true
        $null = & (Join-Path $script:LabDir 'New-LabVM.ps1') -Name 'otsensor' -Profile L100 -LabRoot 'D:\Lab'
        Should -Invoke Set-VMMemory -Times 1 -Exactly -ParameterFilter { $VMName -eq 'otsensor' -and $DynamicMemoryEnabled -eq $false -and $StartupBytes -eq 8GB }
        Should -Invoke New-VM -Times 0 -Exactly
    }

    It 'leaves an existing DVD drive alone: the ISO ejected after installation is not put back' {
        Add-FakeVM -Name 'otsensor' -Notes 'otsensor-lab: sensor'
        $global:OtLabFakeHost.VMs['otsensor'].Dvds.Add([pscustomobject]@{ VMName = 'otsensor'; ControllerNumber = 0; ControllerLocation = 1; Path = $null })
        $results = @(& (Join-Path $script:LabDir 'New-LabVM.ps1') -Name 'otsensor' -Profile L100 -LabRoot 'D:\Lab' -IsoPath $script:Iso)
        Should -Invoke Set-VMDvdDrive -Times 0 -Exactly
        Should -Invoke Add-VMDvdDrive -Times 0 -Exactly
        ($results | Where-Object Step -EQ 'Iso').Detail | Should -Be 'DVD drive is empty; left as it is'
    }

    It 'creates no disk for a VM that exists' {
        Add-FakeVM -Name 'otsensor' -Notes 'otsensor-lab: sensor' -DiskPath 'E:\VMs\otsensor-system.vhdx'
        $null = & (Join-Path $script:LabDir 'New-LabVM.ps1') -Name 'otsensor' -Profile L100 -LabRoot 'D:\Lab'
        Should -Invoke New-VHD -Times 0 -Exactly
        Should -Invoke New-VM -Times 0 -Exactly
    }

    It 'builds the VM on a disk kept from an earlier lab instead of a new one' {
        $global:OtLabFakeHost.Vhds["$script:Vhd\otsensor.vhdx"] = [pscustomobject]@{ Path = "$script:Vhd\otsensor.vhdx"; VhdType = 'Fixed'; Size = 100GB }
        $null = & (Join-Path $script:LabDir 'New-LabVM.ps1') -Name 'otsensor' -Profile L100 -LabRoot 'D:\Lab'
        Should -Invoke New-VHD -Times 0 -Exactly
        Should -Invoke New-VM -Times 1 -Exactly -ParameterFilter { $VHDPath -eq "$script:Vhd\otsensor.vhdx" }
    }

    It 'uses the given NAT network and gateway' {
        $null = & (Join-Path $script:LabDir 'New-LabNatSwitch.ps1') -NatCidr '10.20.0.0/16' -GatewayAddress '10.20.255.254' -SwitchName 'LabNat'
        Should -Invoke New-VMSwitch -Times 1 -Exactly -ParameterFilter { $Name -eq 'LabNat' -and $SwitchType -eq 'Internal' }
        Should -Invoke New-NetIPAddress -Times 1 -Exactly -ParameterFilter {
            $IPAddress -eq '10.20.255.254' -and $PrefixLength -eq 16 -and $InterfaceAlias -eq 'vEthernet (LabNat)'
        }
        Should -Invoke New-NetNat -Times 1 -Exactly -ParameterFilter { $InternalIPInterfaceAddressPrefix -eq '10.20.0.0/16' }
    }
}

Describe 'Port mirroring' {
    BeforeEach {
        New-FakeHost
    }

    It 'makes the sensor Monitor adapter the Destination and the generators Lab adapters Sources, nothing else' {
        $null = Invoke-NewLab @{ TrafficGeneratorCount = 2 }
        Should -Invoke Set-VMNetworkAdapter -Times 1 -Exactly -ParameterFilter { $VMName -eq 'otsensor' -and $Name -eq 'Monitor' -and $PortMirroring -eq 'Destination' }
        Should -Invoke Set-VMNetworkAdapter -Times 1 -Exactly -ParameterFilter { $VMName -eq 'otsensor-gen1' -and $Name -eq 'Lab' -and $PortMirroring -eq 'Source' }
        Should -Invoke Set-VMNetworkAdapter -Times 1 -Exactly -ParameterFilter { $VMName -eq 'otsensor-gen2' -and $Name -eq 'Lab' -and $PortMirroring -eq 'Source' }
        Should -Invoke Set-VMNetworkAdapter -Times 3 -Exactly -ParameterFilter { $PortMirroring }
        $modes = $global:OtLabFakeHost.Adapters | ForEach-Object { "$($_.VMName)/$($_.Name)=$($_.PortMirroringMode)" }
        $modes | Should -Contain 'otsensor/Management=None'
        $modes | Should -Contain 'otsensor-gen1/Management=None'
    }

    It 'mirrors only the adapters of a listed VM that are on the monitoring switch' {
        Add-FakeSwitch -Name 'Corp' -SwitchType External
        Add-FakeSwitch -Name 'OtSensorMonitor' -SwitchType Private
        Add-FakeVM -Name 'plc-sim'
        Add-FakeAdapter -VMName 'plc-sim' -Name 'Ot' -SwitchName 'OtSensorMonitor'
        Add-FakeAdapter -VMName 'plc-sim' -Name 'Office' -SwitchName 'Corp'
        $null = Invoke-NewLab @{ TrafficGeneratorCount = 0; MirrorSourceVMName = @('plc-sim') }
        Should -Invoke Set-VMNetworkAdapter -Times 1 -Exactly -ParameterFilter { $VMName -eq 'plc-sim' -and $Name -eq 'Ot' -and $PortMirroring -eq 'Source' }
        Should -Invoke Set-VMNetworkAdapter -Times 0 -Exactly -ParameterFilter { $VMName -eq 'plc-sim' -and $Name -eq 'Office' }
        Should -Invoke Set-VMNetworkAdapter -Times 1 -Exactly -ParameterFilter { $VMName -eq 'otsensor' -and $PortMirroring -eq 'Destination' }
    }

    It 'fails clearly when a listed VM has no adapter on the monitoring switch' {
        Add-FakeSwitch -Name 'Corp' -SwitchType External
        Add-FakeVM -Name 'hmi'
        Add-FakeAdapter -VMName 'hmi' -Name 'Office' -SwitchName 'Corp'
        { Invoke-NewLab @{ TrafficGeneratorCount = 0; MirrorSourceVMName = @('hmi') } } |
            Should -Throw "*VM 'hmi' has no adapter on switch 'OtSensorMonitor': port mirroring only works within one switch*"
    }

    It 'mirrors the external port of a SPAN-fed External switch: NDIS Capture on, MonitorMode 2' {
        $null = Invoke-NewLab @{
            TrafficGeneratorCount = 0; MonitorSwitchName = 'vSwitch_Span'; MonitorSwitchType = 'External'
            MonitorNetAdapterName = 'Ethernet 2'; MirrorExternalPort = $true
        }
        Should -Invoke New-VMSwitch -Times 1 -Exactly -ParameterFilter { $Name -eq 'vSwitch_Span' -and $NetAdapterName -eq 'Ethernet 2' -and $AllowManagementOS -eq $false }
        Should -Invoke Set-VMNetworkAdapter -Times 1 -Exactly -ParameterFilter { $VMName -eq 'otsensor' -and $Name -eq 'Monitor' -and $PortMirroring -eq 'Destination' }
        Should -Invoke Enable-VMSwitchExtension -Times 1 -Exactly -ParameterFilter { $VMSwitchName -eq 'vSwitch_Span' -and $Name -eq 'Microsoft NDIS Capture' }
        Should -Invoke Add-VMSwitchExtensionPortFeature -Times 1 -Exactly -ParameterFilter {
            $ExternalPort -and $SwitchName -eq 'vSwitch_Span' -and $VMSwitchExtensionFeature.SettingData.MonitorMode -eq 2
        }
    }

    It 'changes an external port feature that is not Source yet' {
        Add-FakeSwitch -Name 'vSwitch_Span' -SwitchType External
        $global:OtLabFakeHost.Extensions['vSwitch_Span'] = $true
        $global:OtLabFakeHost.PortFeatures['vSwitch_Span'] = [pscustomobject]@{ SettingData = [pscustomobject]@{ MonitorMode = 1 } }
        $null = Invoke-NewLab @{
            TrafficGeneratorCount = 0; MonitorSwitchName = 'vSwitch_Span'; MonitorSwitchType = 'External'
            MonitorNetAdapterName = 'Ethernet 2'; MirrorExternalPort = $true
        }
        Should -Invoke Enable-VMSwitchExtension -Times 0 -Exactly
        Should -Invoke Add-VMSwitchExtensionPortFeature -Times 0 -Exactly
        Should -Invoke Set-VMSwitchExtensionPortFeature -Times 1 -Exactly -ParameterFilter { $VMSwitchExtensionFeature.SettingData.MonitorMode -eq 2 }
    }
}

Describe 'A second run on a complete lab' {
    BeforeAll {
        New-FakeHost
        $script:FirstRun = @(Invoke-NewLab @{ TrafficGeneratorCount = 2; Start = $true })
        $script:Before = Get-FakeHostSummary
    }

    It 'changes nothing and reports every step Unchanged' {
        $second = @(Invoke-NewLab @{ TrafficGeneratorCount = 2; Start = $true })
        Assert-NoHostChange
        @($second | Where-Object Action -NE 'Unchanged') | Should -BeNullOrEmpty
        $second.Count | Should -Be $script:FirstRun.Count
        Get-FakeHostSummary | Should -Be $script:Before
    }

    It 'puts back only what drifted' {
        $global:OtLabFakeHost.VMs['otsensor'].State = 'Off'
        $global:OtLabFakeHost.VMs['otsensor'].ProcessorCount = 2
        ($global:OtLabFakeHost.Adapters | Where-Object { $_.VMName -eq 'otsensor-gen2' -and $_.Name -eq 'Lab' }).PortMirroringMode = 'None'
        $results = @(Invoke-NewLab @{ TrafficGeneratorCount = 2 })
        Should -Invoke Set-VMProcessor -Times 1 -Exactly -Scope It -ParameterFilter { $VMName -eq 'otsensor' -and $Count -eq 4 }
        Should -Invoke Set-VMNetworkAdapter -Times 1 -Exactly -Scope It -ParameterFilter { $VMName -eq 'otsensor-gen2' -and $PortMirroring -eq 'Source' }
        Should -Invoke Set-VMNetworkAdapter -Times 1 -Exactly -Scope It
        Should -Invoke New-VMSwitch -Times 0 -Exactly -Scope It
        Should -Invoke New-VM -Times 0 -Exactly -Scope It
        @($results | Where-Object Action -NE 'Unchanged').Count | Should -Be 2
    }
}

Describe 'Existing objects on the host' {
    BeforeEach {
        New-FakeHost
    }

    It 'uses an existing internal NATSwitch and NAT without touching or marking them' {
        Add-FakeSwitch -Name 'NATSwitch' -SwitchType Internal -Notes 'made by hand'
        $global:OtLabFakeHost.Addresses.Add([pscustomobject]@{ InterfaceAlias = 'vEthernet (NATSwitch)'; IPAddress = '192.168.100.1'; PrefixLength = 24 })
        $global:OtLabFakeHost.Nats['HandNat'] = [pscustomobject]@{ Name = 'HandNat'; InternalIPInterfaceAddressPrefix = '192.168.100.0/24' }
        $results = @(Invoke-NewLab)
        Should -Invoke New-VMSwitch -Times 0 -Exactly -ParameterFilter { $Name -eq 'NATSwitch' }
        Should -Invoke New-NetIPAddress -Times 0 -Exactly
        Should -Invoke New-NetNat -Times 0 -Exactly
        $global:OtLabFakeHost.Switches['NATSwitch'].Notes | Should -Be 'made by hand'
        ($results | Where-Object Step -EQ 'Nat').Detail | Should -Be "192.168.100.0/24 already served by NAT 'HandNat'"
    }

    It 'stops on a NATSwitch of another type' {
        Add-FakeSwitch -Name 'NATSwitch' -SwitchType External
        { Invoke-NewLab } | Should -Throw "*Switch 'NATSwitch' already exists as a External switch; the NAT switch must be Internal*"
        Should -Invoke New-VMSwitch -Times 0 -Exactly
    }

    It 'stops on a NAT of the same name for another network' {
        $global:OtLabFakeHost.Nats['OtSensorLabNat'] = [pscustomobject]@{ Name = 'OtSensorLabNat'; InternalIPInterfaceAddressPrefix = '10.0.0.0/24' }
        { Invoke-NewLab } | Should -Throw "*NAT 'OtSensorLabNat' already exists for 10.0.0.0/24, not 192.168.100.0/24*"
    }

    It 'leaves the size of a running VM alone and warns' {
        Add-FakeVM -Name 'otsensor' -State 'Running' -Notes 'otsensor-lab: sensor'
        $results = @(& $script:NewLab -LabRoot 'D:\Lab' -IsoPath $script:Iso -WarningVariable warnings 3>$null)
        Should -Invoke Set-VMProcessor -Times 0 -Exactly
        Should -Invoke Set-VMMemory -Times 0 -Exactly
        ($results | Where-Object Step -EQ 'Processor').Action | Should -Be 'Skipped'
        $warnings -join "`n" | Should -BeLike "*VM 'otsensor' is Running: its 1 vCPU stay until it is stopped*"
    }
}

Describe 'Hyper-V role' {
    BeforeEach {
        New-FakeHost
        $global:OtLabFakeHost.HyperV = $false
    }

    It 'installs the Hyper-V feature on Windows Server, then stops for the restart' {
        $results = @(Invoke-NewLab)
        Should -Invoke Install-WindowsFeature -Times 1 -Exactly -ParameterFilter { $Name -contains 'Hyper-V' -and $Name -contains 'Hyper-V-PowerShell' -and $IncludeManagementTools }
        Should -Invoke New-VMSwitch -Times 0 -Exactly
        $results.Count | Should -Be 1
        $results[0].Detail | Should -Be 'restart required'
    }

    It 'enables the optional feature on Windows 10/11' {
        $global:OtLabFakeHost.ProductType = 1
        $null = Invoke-NewLab
        Should -Invoke Enable-WindowsOptionalFeature -Times 1 -Exactly -ParameterFilter { $Online -and $FeatureName -eq 'Microsoft-Hyper-V-All' -and $NoRestart }
        Should -Invoke Install-WindowsFeature -Times 0 -Exactly
    }
}

Describe '-WhatIf' {
    BeforeEach {
        New-FakeHost
    }

    It 'changes nothing and returns a WhatIf record for every planned step' {
        $results = @(Invoke-NewLab @{ Start = $true; WhatIf = $true })
        Assert-NoHostChange
        Get-FakeHostSummary | Should -BeNullOrEmpty
        @($results | Where-Object { $_.Step -ne 'HyperV' -and $_.Action -ne 'WhatIf' }) | Should -BeNullOrEmpty
        $plan = $results | Where-Object Action -EQ 'WhatIf' | ForEach-Object { "$($_.Step) $($_.Target)" }
        $plan | Should -Be @(
            'NatSwitch NATSwitch', 'GatewayAddress vEthernet (NATSwitch)', 'Nat OtSensorLabNat', 'MonitorSwitch OtSensorMonitor',
            'Disk D:\Lab\Virtual Hard Disks\otsensor.vhdx', 'VM otsensor', 'Processor otsensor', 'Memory otsensor', 'SecureBoot otsensor', 'Iso otsensor',
            'Adapter otsensor/Management', 'Adapter otsensor/Monitor', 'Vmq otsensor/Monitor',
            'Disk D:\Lab\Virtual Hard Disks\otsensor-gen1.vhdx', 'VM otsensor-gen1', 'Processor otsensor-gen1', 'Memory otsensor-gen1',
            'SecureBoot otsensor-gen1', 'Iso otsensor-gen1', 'Adapter otsensor-gen1/Management', 'Adapter otsensor-gen1/Lab',
            'MirrorDestination otsensor/Monitor', 'MirrorSource otsensor-gen1/adapters on OtSensorMonitor',
            'Start otsensor', 'Start otsensor-gen1'
        )
    }

    It 'plans the Hyper-V role and the ISO download too, downloading nothing' {
        $global:OtLabFakeHost.HyperV = $false
        Mock Invoke-WebRequest { throw 'no download under -WhatIf' } -ParameterFilter { $OutFile }
        $results = @(Invoke-NewLab @{ IsoPath = $null; IsoUri = 'https://mirror.example/debian-13.2.0-amd64-netinst.iso'; IsoSha256 = 'a' * 64; WhatIf = $true })
        Assert-NoHostChange
        Should -Invoke Invoke-WebRequest -Times 0 -Exactly -Scope It
        ($results | Where-Object Step -EQ 'HyperV').Action | Should -Be 'WhatIf'
        ($results | Where-Object Step -EQ 'Iso' | Select-Object -First 1).Target | Should -Be 'D:\Lab\iso\debian-13.2.0-amd64-netinst.iso'
        ($results | Where-Object { $_.Step -eq 'Iso' -and $_.Target -eq 'otsensor' }).Detail | Should -Be 'D:\Lab\iso\debian-13.2.0-amd64-netinst.iso'
    }

    It 'prints every planned operation as a "What if:" line' {
        # "What if:" lines go to the host, not to an output stream; a transcript records what the host printed.
        # Every changing cmdlet is a mock that would show up in Assert-NoHostChange.
        $transcript = Join-Path $TestDrive 'whatif.txt'
        $null = Start-Transcript -LiteralPath $transcript -Force
        try {
            $null = Invoke-NewLab @{ Start = $true; WhatIf = $true }
        }
        finally {
            $null = Stop-Transcript
        }
        Assert-NoHostChange
        $output = @(Get-Content -LiteralPath $transcript)
        $whatIf = @($output | Where-Object { $_ -like 'What if: *' })
        $whatIf.Count | Should -Be 25 -Because ($output -join "`n")
        foreach ($line in @(
                'What if: Performing the operation "Create internal virtual switch" on target "NATSwitch".'
                'What if: Performing the operation "Assign host gateway address 192.168.100.1/24" on target "vEthernet (NATSwitch)".'
                'What if: Performing the operation "Create NAT network 192.168.100.0/24" on target "OtSensorLabNat".'
                'What if: Performing the operation "Create Private virtual switch" on target "OtSensorMonitor".'
                'What if: Performing the operation "Create Fixed VHDX of 100 GB" on target "D:\Lab\Virtual Hard Disks\otsensor.vhdx".'
                'What if: Performing the operation "Create Generation 2 VM (sensor, profile L100; 4 vCPU, 8 GB static memory, 100 GB Fixed VHDX)" on target "otsensor".'
                'What if: Performing the operation "Set 4 virtual processors" on target "otsensor".'
                'What if: Performing the operation "Set memory to 8192 MB static (dynamic memory off)" on target "otsensor".'
                'What if: Performing the operation "Enable secure boot with template MicrosoftUEFICertificateAuthority (Linux)" on target "otsensor".'
                "What if: Performing the operation `"Add a DVD drive holding $script:Iso and boot from it first`" on target `"otsensor`"."
                'What if: Performing the operation "Add network adapter connected to switch ''NATSwitch''" on target "otsensor/Management".'
                'What if: Performing the operation "Add network adapter connected to switch ''OtSensorMonitor''" on target "otsensor/Monitor".'
                'What if: Performing the operation "Disable virtual machine queue (VMQ weight 0)" on target "otsensor/Monitor".'
                'What if: Performing the operation "Add network adapter connected to switch ''OtSensorMonitor''" on target "otsensor-gen1/Lab".'
                'What if: Performing the operation "Set port mirroring mode Destination" on target "otsensor/Monitor".'
                'What if: Performing the operation "Set port mirroring mode Source" on target "otsensor-gen1/adapters on OtSensorMonitor".'
                'What if: Performing the operation "Start VM" on target "otsensor".'
            )) {
            $whatIf | Should -Contain $line
        }
    }
}

Describe 'Parameter validation' {
    BeforeEach {
        New-FakeHost
    }

    It 'rejects <Case> before touching the host' -TestCases @(
        @{ Case = 'an unknown profile'; Params = @{ Profile = 'L60' }
            Message = "*Cannot validate argument on parameter 'SensorProfile'. Unknown sensor profile 'L60'. Valid profiles (sensor-reference section 8.2): C5600, E1800, E1000, E500, L500, L100.*" }
        @{ Case = 'a NAT network with host bits'; Params = @{ NatCidr = '192.168.100.1/24' }
            Message = "*Cannot validate argument on parameter 'NatCidr'. '192.168.100.1/24' is not a network address: host bits are set (did you mean 192.168.100.0/24?)*" }
        @{ Case = 'a NAT prefix out of range'; Params = @{ NatCidr = '192.168.100.0/33' }
            Message = "*Cannot validate argument on parameter 'NatCidr'. '192.168.100.0/33': the prefix length must be between 8 and 30*" }
        @{ Case = 'a NAT network that is no CIDR'; Params = @{ NatCidr = 'lab-net' }
            Message = "*'lab-net' is not an IPv4 network in CIDR form (expected address/prefix, e.g. 192.168.100.0/24)*" }
        @{ Case = 'a gateway outside the NAT network'; Params = @{ GatewayAddress = '10.0.0.1' }
            Message = "*Gateway '10.0.0.1' is not a host address of 192.168.100.0/24*" }
        @{ Case = 'too many traffic generators'; Params = @{ TrafficGeneratorCount = 9 }
            Message = "*Cannot validate argument on parameter 'TrafficGeneratorCount'. The 9 argument is greater than the maximum allowed range of 8*" }
        @{ Case = 'an ISO address without checksum'; Params = @{ IsoPath = $null; IsoUri = 'https://mirror.example/x.iso' }
            Message = '*-IsoUri needs -IsoSha256*' }
        @{ Case = 'an ISO path and an ISO address'; Params = @{ IsoUri = 'https://mirror.example/x.iso'; IsoSha256 = 'a' * 64 }
            Message = '*Give either -IsoPath*' }
        @{ Case = 'an External monitoring switch without adapter'; Params = @{ MonitorSwitchType = 'External' }
            Message = '*-MonitorSwitchType External needs -MonitorNetAdapterName*' }
        @{ Case = 'a SPAN adapter for a private switch'; Params = @{ MonitorNetAdapterName = 'Ethernet 2' }
            Message = '*-MonitorNetAdapterName and -AllowManagementOS apply to -MonitorSwitchType External only (the monitoring switch is Private)*' }
        @{ Case = 'external-port mirroring on a private switch'; Params = @{ MirrorExternalPort = $true }
            Message = '*-MirrorExternalPort needs -MonitorSwitchType External*' }
        @{ Case = 'the sensor as its own mirror source'; Params = @{ MirrorSourceVMName = @('otsensor') }
            Message = "*The sensor VM 'otsensor' cannot be its own mirror source*" }
    ) {
        { Invoke-NewLab $Params } | Should -Throw $Message
        Assert-NoHostChange
    }

    It 'rejects an unknown profile in New-LabVM.ps1 too' {
        { & (Join-Path $script:LabDir 'New-LabVM.ps1') -Name x -Profile 'Big' } | Should -Throw "*Unknown sensor profile 'Big'*"
    }

    It 'offers the profile names for tab completion' {
        $line = "& '$script:NewLab' -Profile L"
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        @($completion.CompletionMatches.CompletionText) | Should -Be @('L500', 'L100')
    }
}
