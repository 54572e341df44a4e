#!/bin/sh
# Build Passerelle.app (the spec adds a BUNDLE step on macOS) and a compressed disk image.
# Run from the repository root on a Mac, in a virtualenv with `pip install -e '.[installers]'`.
# Signing and notarisation need an Apple developer identity: set CODESIGN_IDENTITY to sign.
set -eu
VERSION=$(python3 -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
python3 -m PyInstaller --noconfirm --distpath dist/bundle --workpath build installers/passerelle.spec
if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --deep --force --options runtime --sign "$CODESIGN_IDENTITY" dist/bundle/Passerelle.app
fi
hdiutil create -volname Passerelle -srcfolder dist/bundle/Passerelle.app -ov -format UDZO \
    "dist/Passerelle-$VERSION-macos.dmg"
echo "dist/Passerelle-$VERSION-macos.dmg"
