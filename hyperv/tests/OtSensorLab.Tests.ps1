# Tests of the shared module: the profile table against sensor-reference section 8.2, IPv4 network checks, ownership.
BeforeAll {
    Import-Module (Join-Path (Split-Path -Parent $PSScriptRoot) 'OtSensorLab.psm1') -Force
}

Describe 'Get-SensorProfile' {
    It 'gives <Name> <VCpu> vCPU, <MemoryGB> GB RAM and <DiskGB> GB disk as in section 8.2' -TestCases @(
        @{ Name = 'C5600'; VCpu = 32; MemoryGB = 32; DiskGB = 5600; Mbps = 2500; Assets = 12000 }
        @{ Name = 'E1800'; VCpu = 8; MemoryGB = 32; DiskGB = 1800; Mbps = 800; Assets = 10000 }
        @{ Name = 'E1000'; VCpu = 8; MemoryGB = 32; DiskGB = 1000; Mbps = 800; Assets = 10000 }
        @{ Name = 'E500'; VCpu = 8; MemoryGB = 32; DiskGB = 500; Mbps = 800; Assets = 10000 }
        @{ Name = 'L500'; VCpu = 4; MemoryGB = 8; DiskGB = 500; Mbps = 160; Assets = 1000 }
        @{ Name = 'L100'; VCpu = 4; MemoryGB = 8; DiskGB = 100; Mbps = 100; Assets = 800 }
    ) {
        $p = Get-SensorProfile -Name $Name
        $p.VCpu | Should -Be $VCpu
        $p.MemoryBytes | Should -Be ($MemoryGB * 1GB)
        $p.DiskBytes | Should -Be ($DiskGB * 1GB)
        $p.MaxBandwidthMbps | Should -Be $Mbps
        $p.MaxAssets | Should -Be $Assets
    }

    It 'lists the six profiles largest first' {
        Get-SensorProfileName | Should -Be @('C5600', 'E1800', 'E1000', 'E500', 'L500', 'L100')
        @(Get-SensorProfile).Count | Should -Be 6
    }

    It 'accepts a profile name in any case and returns its canonical name' {
        (Get-SensorProfile -Name l100).Name | Should -BeExactly 'L100'
    }

    It 'rejects an unknown profile with the list of valid ones' {
        { Get-SensorProfile -Name L60 } | Should -Throw "*Unknown sensor profile 'L60'. Valid profiles (sensor-reference section 8.2): C5600, E1800, E1000, E500, L500, L100.*"
    }
}

Describe 'Get-LabIpv4Network' {
    It 'takes the first host of <Cidr> as gateway' -TestCases @(
        @{ Cidr = '192.168.100.0/24'; Gateway = '192.168.100.1'; Last = '192.168.100.254' }
        @{ Cidr = '10.0.0.0/8'; Gateway = '10.0.0.1'; Last = '10.255.255.254' }
        @{ Cidr = '172.16.8.0/22'; Gateway = '172.16.8.1'; Last = '172.16.11.254' }
        @{ Cidr = '192.168.7.4/30'; Gateway = '192.168.7.5'; Last = '192.168.7.6' }
    ) {
        $n = Get-LabIpv4Network -Cidr $Cidr
        $n.Cidr | Should -Be $Cidr
        $n.GatewayAddress | Should -Be $Gateway
        $n.LastHost | Should -Be $Last
    }

    It 'accepts a gateway inside the network' {
        (Get-LabIpv4Network -Cidr 192.168.100.0/24 -GatewayAddress 192.168.100.254).GatewayAddress | Should -Be '192.168.100.254'
    }

    It 'rejects <Cidr> saying <Message>' -TestCases @(
        @{ Cidr = '192.168.100.5/24'; Message = "*'192.168.100.5/24' is not a network address: host bits are set (did you mean 192.168.100.0/24?)*" }
        @{ Cidr = '192.168.100.0'; Message = "*'192.168.100.0' is not an IPv4 network in CIDR form*" }
        @{ Cidr = '192.168.300.0/24'; Message = "*'192.168.300.0' is not an IPv4 address: 300 is larger than 255*" }
        @{ Cidr = '10.0.0.0/31'; Message = "*prefix length must be between 8 and 30*" }
        @{ Cidr = '10.0.0.0/4'; Message = "*prefix length must be between 8 and 30*" }
        @{ Cidr = '10.0.0/24'; Message = "*'10.0.0' is not an IPv4 address*" }
        @{ Cidr = ''; Message = "*is not an IPv4 network in CIDR form*" }
    ) {
        { Assert-LabIpv4Cidr -Cidr $Cidr } | Should -Throw $Message
    }

    It 'rejects a gateway outside the host range' -TestCases @(
        @{ Gateway = '192.168.101.1' }, @{ Gateway = '192.168.100.0' }, @{ Gateway = '192.168.100.255' }
    ) {
        { Get-LabIpv4Network -Cidr 192.168.100.0/24 -GatewayAddress $Gateway } |
            Should -Throw "*is not a host address of 192.168.100.0/24 (it must lie between 192.168.100.1 and 192.168.100.254)*"
    }
}

Describe 'Test-LabOwned' {
    It 'is true only for objects whose Notes start with the lab marker' {
        Test-LabOwned -InputObject ([pscustomobject]@{ Notes = (New-LabNote -Role 'sensor') }) | Should -BeTrue
        Test-LabOwned -InputObject ([pscustomobject]@{ Notes = 'production switch; see otsensor-lab: later' }) | Should -BeFalse
        Test-LabOwned -InputObject ([pscustomobject]@{ Notes = '' }) | Should -BeFalse
        Test-LabOwned -InputObject ([pscustomobject]@{ Name = 'no notes at all' }) | Should -BeFalse
        Test-LabOwned -InputObject $null | Should -BeFalse
    }
}
