# Windows: build dist\vpnotebook\ (PyInstaller), smoke-test it, compile the Inno Setup
# installer, install it silently for the current user, run the installed program, uninstall
# it, and write dist\installer\SHA256SUMS.
#
#     pwsh -File packaging\build-windows.ps1          ($env:PYTHON, default: python)
#
# NOT run in this project's own set-up (no Windows machine): written for Windows 10/11 with
# Python 3.11 and Inno Setup 6 (iscc on PATH or in its default folder), and run by
# .github/workflows/windows.yml on windows-latest. Signing is a separate workflow step.
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)
$py = if ($env:PYTHON) { $env:PYTHON } else { "python" }

function Check([string]$what) {
    if ($LASTEXITCODE -ne 0) { throw "FAILED: $what (exit $LASTEXITCODE)" }
}

& $py -m pip install --quiet --disable-pip-version-check -e . "pyinstaller>=6.10,<7"; Check "pip install"
$env:PYTHONHASHSEED = "0"
$version = (& $py -c "import vpnotebook; print(vpnotebook.__version__)").Trim(); Check "version"

Write-Output "== Building dist\vpnotebook (vpnotebook $version)"
& $py -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build `
    packaging\vpnotebook.spec
Check "PyInstaller"

Write-Output "== Smoke test of the frozen program"
& $py packaging\smoke_frozen.py dist\vpnotebook vpnotebook-cli.exe; Check "smoke test"

Write-Output "== Installer (Inno Setup)"
$iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" packaging\windows\vpnotebook.iss; Check "iscc"
$setup = "dist\installer\vpnotebook-$version-setup.exe"

Write-Output "== Installing silently for this user, running, uninstalling"
$target = Join-Path ([IO.Path]::GetTempPath()) "vpnotebook-install-test"
$process = Start-Process -FilePath $setup -Wait -PassThru -ArgumentList `
    "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/CURRENTUSER", "/NOICONS", "/DIR=$target"
if ($process.ExitCode -ne 0) { throw "the installer exited with $($process.ExitCode)" }
$shown = (& (Join-Path $target "vpnotebook-cli.exe") --version).Trim(); Check "installed --version"
if ($shown -ne "vpnotebook $version") { throw "the installed program says: $shown" }
if (-not (Test-Path (Join-Path $target "_internal\licenses\THIRD-PARTY-NOTICES.txt"))) {
    throw "the installed program has no third-party notices"
}
$process = Start-Process -FilePath (Join-Path $target "unins000.exe") -Wait -PassThru `
    -ArgumentList "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"
if ($process.ExitCode -ne 0) { throw "the uninstaller exited with $($process.ExitCode)" }

Get-ChildItem dist\installer\*.exe | Get-FileHash -Algorithm SHA256 |
    ForEach-Object { "$($_.Hash.ToLower())  $(Split-Path -Leaf $_.Path)" } |
    Set-Content -Encoding ascii dist\installer\SHA256SUMS
Write-Output "Installer: $setup; SHA-256 in dist\installer\SHA256SUMS"
