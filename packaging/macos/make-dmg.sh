#!/bin/sh
# The macOS disk image of the standalone build: Worksession.app (made by packaging/worksession.spec
# on a Mac, as dist/Worksession.app) beside a link to Applications to drag it onto. Not built or
# tested on the project's own CI, which is Linux: .github/workflows/dist.yml runs this on a macOS
# runner. The app is not signed with a Developer ID nor notarised (see the README).
#
#   packaging/macos/make-dmg.sh      writes dist/worksession-<version>-macos.dmg
set -eu
cd "$(dirname "$0")/../.."

app=dist/Worksession.app
if [ ! -d "$app" ]; then
    echo "make-dmg.sh: $app does not exist; build it on macOS first:" >&2
    echo "  pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/worksession.spec" >&2
    exit 1
fi
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' worksession/__init__.py)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
hdiutil create -volname "Worksession" -srcfolder "$stage" -ov -format UDZO \
    "dist/worksession-$version-macos.dmg"
echo "dist/worksession-$version-macos.dmg"
