#!/bin/sh
# Adds kzeu-desk to your applications menu, for you only (no sudo). The menu entry points at this folder:
# move the folder where you want to keep it first, then run this script from there.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/icons"
cp -R "$here/icons/hicolor" "$data/icons/"
sed "s|^Exec=kzeu-desk|Exec=\"$here/kzeu-desk\"|" "$here/kzeu-desk.desktop" > "$data/applications/kzeu-desk.desktop"
# Menus refresh on their own on most desktops; these make it immediate where the tools exist.
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "kzeu-desk added to your applications menu (entry: $data/applications/kzeu-desk.desktop)."
