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

Describe 'New-SensorLab.ps1 on a fresh host' {
    BeforeEach {
        New-FakeHost
    }

    It 'creates the internal NATSwitch, the host gateway address and the NAT network' {
        $null = Invoke-NewLab
        Should -Invoke New-VMSwitch -Times 1 -Exactly -ParameterFilter { $Name -eq 'NATSwitch' -and $SwitchType -eq 'Internal' }
        Should -Invoke New-NetIPAddress -Times 1 -Exactly -ParameterFilter {
            $IPAddress -eq '192.168.100.1' -and $PrefixLength -eq 24 -and $InterfaceAlias -eq 'vEthernet (NATSwitch)'
        }
        Should -Invoke New-NetNat -Times 1 -Exactly -ParameterFilter { $Name -eq 'OtSensorLabNat' -and $InternalIPInterfaceAddressPrefix -eq '192.168.100.0/24' }
    }

    It 'uses the given NAT network and gateway' {
        $null = Invoke-NewLab @{ NatCidr = '10.20.0.0/16'; GatewayAddress = '10.20.255.254'; NatSwitchName = 'LabNat' }
        Should -Invoke New-VMSwitch -Times 1 -Exactly -ParameterFilter { $Name -eq 'LabNat' -and $SwitchType -eq 'Internal' }
        Should -Invoke New-NetIPAddress -Times 1 -Exactly -ParameterFilter {
            $IPAddress -eq '10.20.255.254' -and $PrefixLength -eq 16 -and $InterfaceAlias -eq 'vEthernet (LabNat)'
        }
        Should -Invoke New-NetNat -Times 1 -Exactly -ParameterFilter { $InternalIPInterfaceAddressPrefix -eq '10.20.0.0/16' }
    }

    It 'creates a private monitoring switch' {
        $null = Invoke-NewLab
        Should -Invoke New-VMSwitch -Times 1 -Exactly -ParameterFilter { $Name -eq 'OtSensorMonitor' -and $SwitchType -eq 'Private' }
        Should -Invoke New-VMSwitch -Times 2 -Exactly
    }

    It 'sizes the sensor VM from profile <SensorProfile>: <VCpu> vCPU, <MemoryGB> GB static, <DiskGB> GB fixed VHDX' -TestCases @(
        @{ SensorProfile = 'L100'; VCpu = 4; MemoryGB = 8; DiskGB = 100 }
        @{ SensorProfile = 'L500'; VCpu = 4; MemoryGB = 8; DiskGB = 500 }
        @{ SensorProfile = 'E1800'; VCpu = 8; MemoryGB = 32; DiskGB = 1800 }
        @{ SensorProfile = 'C5600'; VCpu = 32; MemoryGB = 32; DiskGB = 5600 }
    ) {
        $null = Invoke-NewLab @{ Profile = $SensorProfile }
        $vhd = "$script:Vhd\otsensor.vhdx"
        Should -Invoke New-VHD -Times 1 -Exactly -ParameterFilter { $Path -eq $vhd -and $SizeBytes -eq $DiskGB * 1GB -and $Fixed }
        Should -Invoke New-VM -Times 1 -Exactly -ParameterFilter {
            $Name -eq 'otsensor' -and $Generation -eq 2 -and $MemoryStartupBytes -eq $MemoryGB * 1GB -and $VHDPath -eq $vhd -and $Path -eq 'D:\Lab'
        }
        Should -Invoke Set-VMProcessor -Times 1 -Exactly -ParameterFilter { $VMName -eq 'otsensor' -and $Count -eq $VCpu }
        $vm = $global:OtLabFakeHost.VMs['otsensor']
        $vm.MemoryStartup | Should -Be ($MemoryGB * 1GB)
        $vm.DynamicMemoryEnabled | Should -BeFalse
        $vm.ProcessorCount | Should -Be $VCpu
    }

    It 'turns dynamic memory off on an existing VM that has it' {
        Add-FakeVM -Name 'otsensor' -Notes 'otsensor-lab: sensor'
        $global:OtLabFakeHost.VMs['otsensor'].DynamicMemoryEnabled = $true
        $null = Invoke-NewLab
        Should -Invoke Set-VMMemory -Times 1 -Exactly -ParameterFilter {
            $VMName -eq 'otsensor' -and $DynamicMemoryEnabled -eq $false -and $StartupBytes -eq 8GB
        }
        Should -Invoke New-VM -Times 0 -Exactly -ParameterFilter { $Name -eq 'otsensor' }
    }

    It 'sets Linux secure boot, attaches the ISO and boots from it first' {
        $null = Invoke-NewLab
        Should -Invoke Set-VMFirmware -Times 1 -Exactly -ParameterFilter {
            $VMName -eq 'otsensor' -and $EnableSecureBoot -eq 'On' -and $SecureBootTemplate -eq 'MicrosoftUEFICertificateAuthority'
        }
        Should -Invoke Add-VMDvdDrive -Times 1 -Exactly -ParameterFilter { $VMName -eq 'otsensor' -and $Path -eq $script:Iso }
        Should -Invoke Set-VMFirmware -Times 1 -Exactly -ParameterFilter { $VMName -eq 'otsensor' -and $FirstBootDevice.Path -eq $script:Iso }
    }

    It 'gives the sensor a Management adapter on NATSwitch and a Monitor adapter on the monitoring switch with VMQ off' {
        $null = Invoke-NewLab
        Should -Invoke Remove-VMNetworkAdapter -Times 1 -Exactly -ParameterFilter { $VMName -eq 'otsensor' -and $Name -eq 'Network Adapter' }
        Should -Invoke Add-VMNetworkAdapter -Times 1 -Exactly -ParameterFilter { $VMName -eq 'otsensor' -and $Name -eq 'Management' -and $SwitchName -eq 'NATSwitch' }
        Should -Invoke Add-VMNetworkAdapter -Times 1 -Exactly -ParameterFilter { $VMName -eq 'otsensor' -and $Name -eq 'Monitor' -and $SwitchName -eq 'OtSensorMonitor' }
        Should -Invoke Set-VMNetworkAdapter -Times 1 -Exactly -ParameterFilter { $VMName -eq 'otsensor' -and $Name -eq 'Monitor' -and $VmqWeight -eq 0 }
        @($global:OtLabFakeHost.Adapters | Where-Object VMName -EQ 'otsensor' | ForEach-Object Name) | Should -Be @('Management', 'Monitor')
    }

    It 'builds a small traffic-generator VM with Management and Lab adapters' {
        $null = Invoke-NewLab
        Should -Invoke New-VHD -Times 1 -Exactly -ParameterFilter { $Path -eq "$script:Vhd\otsensor-gen1.vhdx" -and $SizeBytes -eq 32GB -and $Dynamic }
        Should -Invoke New-VM -Times 1 -Exactly -ParameterFilter { $Name -eq 'otsensor-gen1' -and $Generation -eq 2 -and $MemoryStartupBytes -eq 2GB }
        Should -Invoke Set-VMProcessor -Times 1 -Exactly -ParameterFilter { $VMName -eq 'otsensor-gen1' -and $Count -eq 2 }
        Should -Invoke Add-VMNetworkAdapter -Times 1 -Exactly -ParameterFilter { $VMName -eq 'otsensor-gen1' -and $Name -eq 'Management' -and $SwitchName -eq 'NATSwitch' }
        Should -Invoke Add-VMNetworkAdapter -Times 1 -Exactly -ParameterFilter { $VMName -eq 'otsensor-gen1' -and $Name -eq 'Lab' -and $SwitchName -eq 'OtSensorMonitor' }
        Should -Invoke New-VM -Times 2 -Exactly
    }

    It 'marks every VM and switch it creates with the lab note' {
        $null = Invoke-NewLab
        foreach ($o in @($global:OtLabFakeHost.VMs.Values) + @($global:OtLabFakeHost.Switches.Values)) {
            $o.Notes | Should -BeLike 'otsensor-lab: *' -Because "$($o.Name) was created by the lab"
        }
        $global:OtLabFakeHost.VMs['otsensor'].Notes | Should -BeLike 'otsensor-lab: sensor, profile L100 *'
    }

    It 'reports every step as Created or Changed' {
        $results = @(Invoke-NewLab)
        $results.Count | Should -BeGreaterThan 20
        # New-VM already sets the static startup memory, so only the memory check may find nothing to do.
        @($results | Where-Object { $_.Action -notin 'Created', 'Changed' -and $_.Step -notin 'HyperV', 'Memory' }) | Should -BeNullOrEmpty
        ($results | Where-Object Step -EQ 'HyperV').Action | Should -Be 'Unchanged'
    }

    It 'starts the VMs with -Start' {
        $null = Invoke-NewLab @{ Start = $true }
        Should -Invoke Start-VM -Times 1 -Exactly -ParameterFilter { $Name -eq 'otsensor' }
        Should -Invoke Start-VM -Times 1 -Exactly -ParameterFilter { $Name -eq 'otsensor-gen1' }
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
