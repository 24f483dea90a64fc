; Per-user installer for Opfølgningsfrister, built with Inno Setup 6 or 7 (ISCC):
;
;   uv sync --locked --group build
;   uv run --locked --group build pyinstaller --noconfirm build.spec
;   iscc /DAppVersion=0.1.0 installer\opfoelgningsfrister.iss
;
; Result: dist\installer\Opfoelgningsfrister-<version>-installer.exe. No administrator rights:
; the program goes to %LOCALAPPDATA%\Programs\Opfoelgningsfrister, the shortcut to the user's Start
; menu. The user's data (the case database, its backups and the log, in
; %LOCALAPPDATA%\Opfoelgningsfrister, and the window settings in %APPDATA%\Opfoelgningsfrister)
; is never part of the installation: the uninstaller leaves it unless the user ticks the box to
; delete it. This file is UTF-8 with a byte-order mark, so Inno Setup reads æøå correctly.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Opfølgningsfrister"
#define AppFolder "Opfoelgningsfrister"
#define AppExe "Opfoelgningsfrister.exe"

[Setup]
AppId={{CC83DD8C-B02E-4AC7-A42E-22FCCC637E21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
; Paths below are relative to the repository's root.
SourceDir=..
OutputDir=dist\installer
OutputBaseFilename={#AppFolder}-{#AppVersion}-installer
SetupIconFile=resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
; Per user, never elevated: no UAC prompt, nothing outside the user's own folders.
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppFolder}
DisableProgramGroupPage=yes
DisableDirPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An open program is closed (Windows' Restart Manager) before its files are replaced.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=no

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The PyInstaller folder (build.spec); no database or user file is in it.
Source: "dist\{#AppFolder}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
var
  DeleteUserData: Boolean;

function DataFolder(): String;
begin
  { caseworker_app/paths.py: %LOCALAPPDATA%\Opfoelgningsfrister (database, sikkerhedskopier, Logs) }
  Result := ExpandConstant('{localappdata}\{#AppFolder}');
end;

function SettingsFolder(): String;
begin
  { Qt's INI file with the window's size and columns (QSettings, ui/app.py) }
  Result := ExpandConstant('{userappdata}\{#AppFolder}');
end;

{ Asks, with an unticked box, whether the user's data should go too; False cancels the uninstall. }
function AskAboutUserData(): Boolean;
var
  Form: TSetupForm;
  Info: TNewStaticText;
  Box: TNewCheckBox;
  RemoveButton, CancelButton: TNewButton;
begin
#if Ver >= EncodeVer(6, 6, 0)
  Form := CreateCustomForm(ScaleX(460), ScaleY(190), False, True);
#else
  Form := CreateCustomForm();
  Form.ClientWidth := ScaleX(460);
  Form.ClientHeight := ScaleY(190);
#endif
  try
    Form.Caption := 'Afinstallér {#AppName}';

    Info := TNewStaticText.Create(Form);
    Info.Parent := Form;
    Info.AutoSize := False;
    Info.WordWrap := True;
    Info.Left := ScaleX(12);
    Info.Top := ScaleY(12);
    Info.Width := Form.ClientWidth - ScaleX(24);
    Info.Height := ScaleY(84);
    Info.Caption := 'Programmet fjernes fra computeren. Dine sager, sikkerhedskopier og logfiler i ' +
      DataFolder() + ' bliver liggende, så du kan installere programmet igen og fortsætte, hvor du slap.';

    Box := TNewCheckBox.Create(Form);
    Box.Parent := Form;
    Box.Left := ScaleX(12);
    Box.Top := ScaleY(104);
    Box.Width := Form.ClientWidth - ScaleX(24);
    Box.Height := ScaleY(34);
    Box.Caption := 'Slet også mine sager, sikkerhedskopier, logfiler og indstillinger (kan ikke fortrydes)';
    Box.Checked := False;

    RemoveButton := TNewButton.Create(Form);
    RemoveButton.Parent := Form;
    RemoveButton.Caption := 'Afinstallér';
    RemoveButton.Width := ScaleX(90);
    RemoveButton.Height := ScaleY(23);
    RemoveButton.Left := Form.ClientWidth - ScaleX(90 + 8 + 90 + 12);
    RemoveButton.Top := Form.ClientHeight - ScaleY(23 + 12);
    RemoveButton.ModalResult := mrOk;
    RemoveButton.Default := True;

    CancelButton := TNewButton.Create(Form);
    CancelButton.Parent := Form;
    CancelButton.Caption := 'Annuller';
    CancelButton.Width := ScaleX(90);
    CancelButton.Height := ScaleY(23);
    CancelButton.Left := Form.ClientWidth - ScaleX(90 + 12);
    CancelButton.Top := Form.ClientHeight - ScaleY(23 + 12);
    CancelButton.ModalResult := mrCancel;
    CancelButton.Cancel := True;

    Form.ActiveControl := RemoveButton;
    Result := Form.ShowModal() = mrOk;
    if Result and Box.Checked then
      DeleteUserData := MsgBox('Dine sager, sikkerhedskopier og logfiler slettes for altid og kan ikke gendannes. ' +
        'Vil du slette dem?', mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
  finally
    Form.Free();
  end;
end;

function InitializeUninstall(): Boolean;
begin
  DeleteUserData := False;
  Result := True;
  { A silent uninstall (IT, or the CI check) always keeps the data. }
  if not UninstallSilent() and (DirExists(DataFolder()) or DirExists(SettingsFolder())) then
    Result := AskAboutUserData();
end;

procedure DeleteFolder(const Folder: String);
begin
  if DirExists(Folder) and not DelTree(Folder, True, True, True) then
    MsgBox('Mappen ' + Folder + ' kunne ikke slettes helt (er programmet stadig åbent?). ' +
      'Luk programmet, og slet mappen selv.', mbError, MB_OK);
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DeleteUserData then
  begin
    DeleteFolder(DataFolder());
    DeleteFolder(SettingsFolder());
  end;
end;
