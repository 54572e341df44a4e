#!/bin/sh
# Per-user install of the Passerelle bundle: no root, nothing outside the home folder.
#   ./install.sh            installs into ~/.local/share/passerelle-app and adds the menu entry
#   ./install.sh --remove   removes them (the data folder ~/.local/share/Passerelle is kept)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
PREFIX=$DATA_HOME/passerelle-app
APPS=$DATA_HOME/applications
ICONS=$DATA_HOME/icons/hicolor

if [ "${1:-}" = "--remove" ]; then
    rm -rf "$PREFIX" "$APPS/passerelle.desktop"
    for size in 16 32 48 64 128 256; do
        rm -f "$ICONS/${size}x${size}/apps/passerelle.png"
    done
    echo "Passerelle a été désinstallé. Vos données restent dans $DATA_HOME/Passerelle."
    exit 0
fi

mkdir -p "$PREFIX" "$APPS"
rm -rf "$PREFIX/passerelle"
cp -R "$HERE/passerelle" "$PREFIX/passerelle"
for size in 16 32 48 64 128 256; do
    mkdir -p "$ICONS/${size}x${size}/apps"
    cp "$HERE/icons/passerelle-$size.png" "$ICONS/${size}x${size}/apps/passerelle.png"
done
sed "s#@PREFIX@#$PREFIX#g" "$HERE/passerelle.desktop" > "$APPS/passerelle.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$APPS" || true
echo "Passerelle est installé : menu Bureautique › Passerelle, ou $PREFIX/passerelle/passerelle"
