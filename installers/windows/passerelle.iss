; Inno Setup script: per-user Windows installer of the PyInstaller bundle, French wizard.
; Build on Windows (installers\windows\build_windows.ps1 does all of this):
;   pyinstaller --noconfirm installers\passerelle.spec
;   iscc /DAppVersion=<version from pyproject.toml> installers\windows\passerelle.iss
; Per-user (no administrator rights): facilitators' laptops are often managed by IT.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z (build_windows.ps1 reads pyproject.toml)
#endif

[Setup]
AppId={{6F1D3C1E-2B7A-4E8B-9C55-5A7E0C3D1B42}
AppName=Passerelle
AppVersion={#AppVersion}
AppVerName=Passerelle {#AppVersion}
AppPublisher=Passerelle
DefaultDirName={autopf}\Passerelle
DefaultGroupName=Passerelle
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=Passerelle-{#AppVersion}-installation
SetupIconFile=..\icons\passerelle.ico
UninstallDisplayIcon={app}\passerelle.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ShowLanguageDialog=auto

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
french.DesktopIcon=Créer un raccourci sur le Bureau
english.DesktopIcon=Create a desktop shortcut
french.LaunchApp=Ouvrir Passerelle
english.LaunchApp=Open Passerelle
french.DataKept=Vos données (base, sauvegardes, documents) restent dans votre dossier utilisateur.
english.DataKept=Your data (database, backups, documents) stays in your user folder.

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
Source: "..\..\dist\bundle\passerelle\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Passerelle"; Filename: "{app}\passerelle.exe"
Name: "{group}\{cm:UninstallProgram,Passerelle}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Passerelle"; Filename: "{app}\passerelle.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\passerelle.exe"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder: the user's data lives in %LOCALAPPDATA%\passerelle and is kept.
Type: filesandordirs; Name: "{app}"

[Messages]
french.FinishedLabel=Passerelle est installé. [name] se lance depuis le menu Démarrer.%n%n{cm:DataKept}
