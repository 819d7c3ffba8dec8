# Save-LabIso.ps1: the ISO download with SHA-256 verification. Files are real (in TestDrive); only the network is mocked.
BeforeAll {
    $script:SaveIso = Join-Path (Split-Path -Parent $PSScriptRoot) 'Save-LabIso.ps1'
    $script:Folder = 'https://mirror.example/debian-cd/current/amd64/iso-cd/'
    $script:IsoBytes = [Text.Encoding]::ASCII.GetBytes('pretend this is debian-13.2.0-amd64-netinst.iso')
    $script:IsoHash = [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData($script:IsoBytes)).ToLowerInvariant()
    $script:Sums = @(
        "$('1' * 64)  debian-13.2.0-amd64-DVD-1.iso"
        "$script:IsoHash  debian-13.2.0-amd64-netinst.iso"
        "$('2' * 64)  debian-edu-13.2.0-amd64-netinst.iso"
    ) -join "`n"

    # The network: SHA256SUMS as text, the ISO written to -OutFile (or, for the damaged case, other bytes). Globals,
    # because a mock body runs inside Save-LabIso.ps1, where $script: is that script's scope.
    function Register-NetworkMock([byte[]] $Served = $script:IsoBytes) {
        $global:OtLabServedSums = $script:Sums
        $global:OtLabServedIso = $Served
        Mock Invoke-WebRequest -ParameterFilter { -not $OutFile } { [pscustomobject]@{ Content = $global:OtLabServedSums } }
        Mock Invoke-WebRequest -ParameterFilter { $OutFile } { [IO.File]::WriteAllBytes($OutFile, $global:OtLabServedIso) }
    }
}

AfterAll {
    Remove-Variable -Name OtLabServedSums, OtLabServedIso -Scope Global -ErrorAction Ignore
}

Describe 'Save-LabIso.ps1' {
    BeforeEach {
        $script:Dest = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
        $script:Target = Join-Path $script:Dest 'debian-13.2.0-amd64-netinst.iso'
    }

    It 'finds the netinst image in SHA256SUMS, downloads it from the same folder and keeps it once the checksum matches' {
        Register-NetworkMock
        $result = & $script:SaveIso -ChecksumUri "${script:Folder}SHA256SUMS" -DestinationDirectory $script:Dest
        Should -Invoke Invoke-WebRequest -Times 1 -Exactly -ParameterFilter { $Uri -eq "${script:Folder}SHA256SUMS" -and -not $OutFile }
        Should -Invoke Invoke-WebRequest -Times 1 -Exactly -ParameterFilter {
            $Uri -eq "${script:Folder}debian-13.2.0-amd64-netinst.iso" -and $OutFile -eq "$script:Target.partial"
        }
        $result.Action | Should -Be 'Created'
        $result.Target | Should -Be $script:Target
        [IO.File]::ReadAllBytes($script:Target) | Should -Be $script:IsoBytes
        Test-Path -LiteralPath "$script:Target.partial" | Should -BeFalse
    }

    It 'downloads a given address checked against a given checksum' {
        Register-NetworkMock
        $result = & $script:SaveIso -Uri "${script:Folder}debian-13.2.0-amd64-netinst.iso" -Sha256 $script:IsoHash.ToUpperInvariant() -DestinationDirectory $script:Dest
        $result.Action | Should -Be 'Created'
        Should -Invoke Invoke-WebRequest -Times 0 -Exactly -ParameterFilter { -not $OutFile }
    }

    It 'downloads nothing when the ISO is there with the right checksum' {
        Register-NetworkMock
        $null = New-Item -ItemType Directory -Path $script:Dest
        [IO.File]::WriteAllBytes($script:Target, $script:IsoBytes)
        $result = & $script:SaveIso -ChecksumUri "${script:Folder}SHA256SUMS" -DestinationDirectory $script:Dest
        $result.Action | Should -Be 'Unchanged'
        Should -Invoke Invoke-WebRequest -Times 0 -Exactly -ParameterFilter { $OutFile }
    }

    It 'deletes a damaged download and stops with both checksums' {
        Register-NetworkMock -Served ([Text.Encoding]::ASCII.GetBytes('truncated'))
        { & $script:SaveIso -ChecksumUri "${script:Folder}SHA256SUMS" -DestinationDirectory $script:Dest } |
            Should -Throw "*Checksum mismatch for ${script:Folder}debian-13.2.0-amd64-netinst.iso: got SHA-256 *, expected $($script:IsoHash.ToUpperInvariant()). The download was deleted.*"
        Test-Path -LiteralPath $script:Target | Should -BeFalse
        Test-Path -LiteralPath "$script:Target.partial" | Should -BeFalse
    }

    It 'replaces a file whose checksum is wrong' {
        Register-NetworkMock
        $null = New-Item -ItemType Directory -Path $script:Dest
        [IO.File]::WriteAllBytes($script:Target, [byte[]](1, 2, 3))
        $result = & $script:SaveIso -ChecksumUri "${script:Folder}SHA256SUMS" -DestinationDirectory $script:Dest 3>$null
        $result.Action | Should -Be 'Created'
        [IO.File]::ReadAllBytes($script:Target) | Should -Be $script:IsoBytes
    }

    It 'only reads SHA256SUMS under -WhatIf' {
        Register-NetworkMock
        $result = & $script:SaveIso -ChecksumUri "${script:Folder}SHA256SUMS" -DestinationDirectory $script:Dest -WhatIf
        $result.Action | Should -Be 'WhatIf'
        $result.Target | Should -Be $script:Target
        Should -Invoke Invoke-WebRequest -Times 0 -Exactly -ParameterFilter { $OutFile }
        Test-Path -LiteralPath $script:Dest | Should -BeFalse
    }

    It 'rejects <Case>' -TestCases @(
        @{ Case = 'a plain-http address'; Params = @{ Uri = 'http://mirror.example/x.iso'; Sha256 = 'a' * 64 }; Message = "*The ISO address must use https: 'http://mirror.example/x.iso'.*" }
        @{ Case = 'a checksum that is not SHA-256'; Params = @{ Uri = 'https://mirror.example/x.iso'; Sha256 = 'abc' }; Message = "*'abc' is not a SHA-256 checksum (64 hexadecimal digits).*" }
        @{ Case = 'a SHA256SUMS without the image'; Params = @{ ChecksumUri = 'https://mirror.example/SHA256SUMS'; FileNamePattern = '*-arm64-netinst.iso' }; Message = "*No file matching '*-arm64-netinst.iso' in https://mirror.example/SHA256SUMS.*" }
        @{ Case = 'an address that names no ISO'; Params = @{ Uri = 'https://mirror.example/readme.txt'; Sha256 = 'a' * 64 }; Message = "*'https://mirror.example/readme.txt' does not name an .iso file.*" }
    ) {
        Register-NetworkMock
        { & $script:SaveIso @Params -DestinationDirectory $script:Dest } | Should -Throw $Message
        Should -Invoke Invoke-WebRequest -Times 0 -Exactly -ParameterFilter { $OutFile }
    }
}
