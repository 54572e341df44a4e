#!/bin/sh
# Build the Linux one-folder bundle and its tarball:
#   installers/build_linux.sh [DIST_DIR] [WORK_DIR]
# Result: DIST_DIR/passerelle-<version>-linux-<arch>.tar.gz holding passerelle/ (the bundle),
# icons/, passerelle.desktop and install.sh (per-user install, see linux/install.sh).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIST=${1:-$ROOT/dist}
WORK=${2:-$ROOT/build}
PYTHON=${PYTHON:-python3}
VERSION=$("$PYTHON" -c "import tomllib,sys; print(tomllib.load(open(sys.argv[1],'rb'))['project']['version'])" "$ROOT/pyproject.toml")
ARCH=$(uname -m)

"$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST/bundle" \
    --workpath "$WORK" "$ROOT/installers/passerelle.spec"

STAGE=$DIST/passerelle-$VERSION
rm -rf "$STAGE"
mkdir -p "$STAGE/icons"
mv "$DIST/bundle/passerelle" "$STAGE/passerelle"
cp "$ROOT"/installers/icons/passerelle-*.png "$STAGE/icons/"
cp "$ROOT/installers/linux/passerelle.desktop" "$ROOT/installers/linux/install.sh" "$STAGE/"
tar -C "$DIST" -czf "$DIST/passerelle-$VERSION-linux-$ARCH.tar.gz" "passerelle-$VERSION"
echo "$DIST/passerelle-$VERSION-linux-$ARCH.tar.gz"
