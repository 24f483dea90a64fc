# Run the built program the way CI needs it. Opfoelgningsfrister.exe is a windowed program (no
# console): PowerShell would neither wait for it nor show what it prints. This waits, captures
# stdout and stderr, stops it after a time limit (a message box left open would wait forever),
# prints what it said and exits with its exit code. Arguments are passed one by one, so paths
# with spaces and æøå arrive whole.
param(
    [Parameter(Mandatory = $true)] [string] $Exe,
    [string[]] $Arguments = @(),
    [int] $TimeoutSeconds = 300,
    # Where stdout is kept for the next step to read (optional).
    [string] $OutFile = ""
)
$ErrorActionPreference = 'Stop'

$info = [System.Diagnostics.ProcessStartInfo]::new($Exe)
foreach ($argument in $Arguments) { $info.ArgumentList.Add($argument) }
$info.UseShellExecute = $false
$info.RedirectStandardOutput = $true
$info.RedirectStandardError = $true
# Python writes to a pipe in the ANSI code page (Windows-1252 here); æøå are the same in Latin-1.
$info.StandardOutputEncoding = [System.Text.Encoding]::Latin1
$info.StandardErrorEncoding = [System.Text.Encoding]::Latin1

$process = [System.Diagnostics.Process]::Start($info)
$stdout = $process.StandardOutput.ReadToEndAsync()
$stderr = $process.StandardError.ReadToEndAsync()
if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
    $process.Kill($true)
    Write-Output "::error::$Exe $($Arguments -join ' ') ran longer than $TimeoutSeconds seconds and was stopped"
    exit 124
}
$process.WaitForExit()  # let the output readers finish
Write-Output $stdout.Result
if ($stderr.Result) { Write-Output $stderr.Result }
if ($OutFile) { Set-Content -Path $OutFile -Value $stdout.Result -Encoding utf8 }
exit $process.ExitCode
