#!/usr/bin/env bash
# Debian packages detente needs beside its Python ones, installed only when missing.
#   scripts/system.sh runtime   pango and fonts for PDF reports (WeasyPrint)
#   scripts/system.sh test      runtime, plus PostgreSQL, Chromium and ChromeDriver for the tests
set -euo pipefail

runtime=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core)
testing=(postgresql chromium chromium-driver)

case ${1:-runtime} in
    runtime) wanted=("${runtime[@]}") ;;
    test) wanted=("${runtime[@]}" "${testing[@]}") ;;
    *) echo "usage: $0 runtime|test" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
[[ ${#missing[@]} == 0 ]] && exit 0

if [[ $(id -u) == 0 ]]; then
    apt=(apt-get)
elif command -v sudo >/dev/null; then
    apt=(sudo apt-get)
else
    echo "system.sh: missing Debian packages ${missing[*]}, and installing them needs root" >&2
    exit 1
fi
echo "system.sh: installing ${missing[*]}" >&2
"${apt[@]}" update -qq >&2
DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}" >&2
