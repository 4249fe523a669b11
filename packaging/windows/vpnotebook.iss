; =========================================================================================
;  NOT BUILT OR TESTED. Written from the Inno Setup 6 documentation; there is no Windows
;  machine in this project's build set-up. Treat it as a starting point and test it on a
;  real Windows 10/11 laptop before anyone relies on it (docs/installing.md).
; =========================================================================================
;
; Inno Setup script for vpnotebook on Windows (x64). Input: the one-folder program from
;     py -3.11 -m PyInstaller --noconfirm --clean packaging\vpnotebook.spec
; run on Windows, which gives dist\vpnotebook\ with vpnotebook.exe (the desktop program, no
; console window) and vpnotebook-cli.exe (the same program for the command line).
; Compile with (the version comes from vpnotebook.__version__, the one version source):
;     iscc /DAppVersion=0.0.0 packaging\windows\vpnotebook.iss   ->  dist\installer\
; packaging/build-windows.ps1 and .github/workflows/windows.yml pass the real version.
;
; Installs per user by default (no administrator needed; a VP's work laptop often has no
; admin rights), or for all users if the installer is started as administrator.
; The vault is never touched: it lives in the user's own folders, outside {app}, and the
; uninstaller removes the program only.

#define AppName "vpnotebook"
#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (python -c "import vpnotebook; print(vpnotebook.__version__)")
#endif
#define AppExe "vpnotebook.exe"

[Setup]
AppId=nl.vpnotebook.VPNotebook
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The vpnotebook developers
AppComments=Versleuteld logboek voor de vertrouwenspersoon
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
LicenseFile=..\..\LICENSE
OutputDir=..\..\dist\installer
OutputBaseFilename=vpnotebook-{#AppVersion}-setup
; SetupIconFile needs an .ico; none is committed. Make one from resources\icons\*.png if
; wanted. The installed program's icon comes from vpnotebook.exe (PyInstaller embeds it).
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; Unsigned installers and programs get a SmartScreen warning. Sign both before handing
; them out (SignTool=... here, and signtool on dist\vpnotebook\*.exe before compiling).

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\vpnotebook\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "nl.vpnotebook.VPNotebook"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] on purpose: nothing outside {app} is removed, least of all a vault.
