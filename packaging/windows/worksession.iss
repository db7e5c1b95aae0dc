; Inno Setup script: the Windows installer of the standalone build (dist\worksession\, made by
; packaging\worksession.spec on Windows). Not built or tested on the project's own CI, which is
; Linux: .github/workflows/dist.yml builds it on a Windows runner.
;
;   iscc /DAppVersion=0.1.0 packaging\windows\worksession.iss
;
; It installs for the current user without administrator rights (a coach's laptop is often
; managed), puts Worksession in the Start menu, and leaves the user's data alone: the database
; lives in %LOCALAPPDATA%\worksession\ and neither an update nor uninstalling touches it.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6C0B1E52-5D1A-4F0B-9C61-2B3F7A8D4E19}
AppName=Worksession
AppVersion={#AppVersion}
AppVerName=Worksession {#AppVersion}
AppPublisher=worksession
DefaultDirName={autopf}\Worksession
DefaultGroupName=Worksession
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=worksession-{#AppVersion}-windows-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
SetupIconFile=..\icons\worksession.ico
UninstallDisplayIcon={app}\worksession.exe
; A running Worksession holds its files: ask to close it rather than fail half-way.
CloseApplications=yes

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; The previous version's program files: a module it had and this one has not must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\worksession\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Worksession"; Filename: "{app}\worksession.exe"
Name: "{autodesktop}\Worksession"; Filename: "{app}\worksession.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\worksession.exe"; Description: "{cm:LaunchProgram,Worksession}"; Flags: nowait postinstall skipifsilent
