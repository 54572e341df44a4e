# Build the Windows installer: PyInstaller bundle, then Inno Setup (iscc on PATH).
# Run from the repository root in a virtualenv with `pip install -e .[installers]`.
$ErrorActionPreference = "Stop"
$version = python -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"
python -m PyInstaller --noconfirm --distpath dist\bundle --workpath build installers\passerelle.spec
iscc /DAppVersion=$version installers\windows\passerelle.iss
Write-Host "dist\Passerelle-$version-installation.exe"
