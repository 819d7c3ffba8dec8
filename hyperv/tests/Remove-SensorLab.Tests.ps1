# Remove-SensorLab.ps1 against the fake host: it removes what New-SensorLab.ps1 created, and nothing else.
BeforeAll {
    . (Join-Path $PSScriptRoot 'LabTestHelpers.ps1')
    $script:NewLab = Join-Path $script:LabDir 'New-SensorLab.ps1'
    $script:RemoveLab = Join-Path $script:LabDir 'Remove-SensorLab.ps1'
    $script:Iso = Join-Path $TestDrive 'debian-13-amd64-netinst.iso'
    Set-Content -LiteralPath $script:Iso -Value 'not really an ISO'
    Register-FakeHostMock

    function Invoke-NewLab {
        $null = & $script:NewLab -LabRoot 'D:\Lab' -IsoPath $script:Iso -TrafficGeneratorCount 1 -Start 3>$null
    }
}

AfterAll {
    Remove-Variable -Name OtLabFakeHost -Scope Global -ErrorAction Ignore
}

Describe 'Remove-SensorLab.ps1' {
    BeforeEach {
        # A host with a life of its own: a domain controller on an external switch, and a VHDX of its own.
        New-FakeHost
        Add-FakeSwitch -Name 'Corp' -SwitchType External -Notes 'uplink'
        Add-FakeVM -Name 'dc01' -State Running -DiskPath 'D:\VMs\dc01.vhdx'
        Add-FakeAdapter -VMName 'dc01' -Name 'Network Adapter' -SwitchName 'Corp'
        $script:HostBefore = Get-FakeHostSummary
    }

    It 'leaves the host exactly as it was before the lab' {
        Invoke-NewLab
        $results = @(& $script:RemoveLab -Confirm:$false)
        Get-FakeHostSummary | Should -Be $script:HostBefore
        Should -Invoke Stop-VM -Times 2 -Exactly -ParameterFilter { $TurnOff -and $Force }
        Should -Invoke Remove-VM -Times 2 -Exactly
        Should -Invoke Remove-VM -Times 0 -Exactly -ParameterFilter { $Name -eq 'dc01' }
        Should -Invoke Remove-Item -Times 2 -Exactly -ParameterFilter { $LiteralPath -like 'D:\Lab\Virtual Hard Disks\otsensor*.vhdx' }
        Should -Invoke Remove-NetNat -Times 1 -Exactly -ParameterFilter { $Name -eq 'OtSensorLabNat' }
        Should -Invoke Remove-VMSwitch -Times 1 -Exactly -ParameterFilter { $Name -eq 'NATSwitch' }
        Should -Invoke Remove-VMSwitch -Times 1 -Exactly -ParameterFilter { $Name -eq 'OtSensorMonitor' }
        Should -Invoke Remove-VMSwitch -Times 2 -Exactly
        @($results | Where-Object Action -EQ 'Removed').Count | Should -Be 7
    }

    It 'keeps a switch and a NAT that existed before the lab' {
        Add-FakeSwitch -Name 'NATSwitch' -SwitchType Internal -Notes 'made by hand'
        $global:OtLabFakeHost.Addresses.Add([pscustomobject]@{ InterfaceAlias = 'vEthernet (NATSwitch)'; IPAddress = '192.168.100.1'; PrefixLength = 24 })
        $global:OtLabFakeHost.Nats['OtSensorLabNat'] = [pscustomobject]@{ Name = 'OtSensorLabNat'; InternalIPInterfaceAddressPrefix = '192.168.100.0/24' }
        $before = Get-FakeHostSummary
        Invoke-NewLab
        $null = & $script:RemoveLab -Confirm:$false 3>$null
        Get-FakeHostSummary | Should -Be $before
        Should -Invoke Remove-VMSwitch -Times 0 -Exactly -ParameterFilter { $Name -eq 'NATSwitch' }
        Should -Invoke Remove-NetNat -Times 0 -Exactly
    }

    It 'keeps a VM with a lab name that the lab did not create, and warns' {
        Add-FakeVM -Name 'otsensor-gen9' -DiskPath 'D:\VMs\otsensor-gen9.vhdx'
        Invoke-NewLab
        $results = @(& $script:RemoveLab -Confirm:$false -WarningVariable warnings 3>$null)
        $global:OtLabFakeHost.VMs.Keys | Should -Be @('dc01', 'otsensor-gen9')
        $global:OtLabFakeHost.Vhds.Keys | Should -Contain 'D:\VMs\otsensor-gen9.vhdx'
        Should -Invoke Remove-VM -Times 0 -Exactly -ParameterFilter { $Name -eq 'otsensor-gen9' }
        ($results | Where-Object Target -EQ 'otsensor-gen9').Action | Should -Be 'Skipped'
        $warnings -join "`n" | Should -BeLike "*VM 'otsensor-gen9' was not created by the lab (no 'otsensor-lab' note): left in place.*"
    }

    It 'keeps a lab switch that another VM still uses, and with it the NAT' {
        Invoke-NewLab
        Add-FakeAdapter -VMName 'dc01' -Name 'Lab side' -SwitchName 'NATSwitch'
        $null = & $script:RemoveLab -Confirm:$false -WarningVariable warnings 3>$null
        $global:OtLabFakeHost.Switches.Keys | Should -Be @('Corp', 'NATSwitch')
        $global:OtLabFakeHost.Nats.Keys | Should -Be @('OtSensorLabNat')
        Should -Invoke Remove-VMSwitch -Times 1 -Exactly -ParameterFilter { $Name -eq 'OtSensorMonitor' }
        $warnings -join "`n" | Should -BeLike "*Switch 'NATSwitch' is still used by dc01: left in place.*"
    }

    It 'deletes only the disk it made for a VM, not one attached later' {
        Invoke-NewLab
        $global:OtLabFakeHost.VMs['otsensor'].Disks.Add([pscustomobject]@{ VMName = 'otsensor'; Path = 'E:\Data\pcap-archive.vhdx' })
        $global:OtLabFakeHost.Vhds['E:\Data\pcap-archive.vhdx'] = [pscustomobject]@{ Path = 'E:\Data\pcap-archive.vhdx'; VhdType = 'Dynamic'; Size = 1TB }
        $null = & $script:RemoveLab -Confirm:$false
        $global:OtLabFakeHost.Vhds.Keys | Should -Be @('D:\VMs\dc01.vhdx', 'E:\Data\pcap-archive.vhdx')
    }

    It 'keeps the disks with -KeepDisks' {
        Invoke-NewLab
        $null = & $script:RemoveLab -Confirm:$false -KeepDisks
        Should -Invoke Remove-Item -Times 0 -Exactly
        $global:OtLabFakeHost.VMs.Keys | Should -Be @('dc01')
        @($global:OtLabFakeHost.Vhds.Keys).Count | Should -Be 3
    }

    It 'does nothing on a host without the lab' {
        $results = @(& $script:RemoveLab -Confirm:$false)
        Assert-NoHostChange
        $results | Should -BeNullOrEmpty
        Get-FakeHostSummary | Should -Be $script:HostBefore
    }
}

Describe 'Remove-SensorLab.ps1 -WhatIf' {
    BeforeAll {
        New-FakeHost
        Invoke-NewLab
    }

    It 'changes nothing and lists each removal' {
        $built = Get-FakeHostSummary
        $results = @(& $script:RemoveLab -WhatIf)
        Assert-NoHostChange
        Get-FakeHostSummary | Should -Be $built
        $results | ForEach-Object { "$($_.Step) $($_.Target) $($_.Action)" } | Should -Be @(
            'RemoveVM otsensor WhatIf', 'RemoveDisk D:\Lab\Virtual Hard Disks\otsensor.vhdx WhatIf'
            'RemoveVM otsensor-gen1 WhatIf', 'RemoveDisk D:\Lab\Virtual Hard Disks\otsensor-gen1.vhdx WhatIf'
            'RemoveNat OtSensorLabNat WhatIf', 'RemoveSwitch OtSensorMonitor WhatIf', 'RemoveSwitch NATSwitch WhatIf'
        )
    }
}
