#!/usr/bin/env bash
# Builds the Linux app-image and .deb from what Maven staged in the installer folder:
# jlink only the JDK and JavaFX modules (natives copied into runtime/lib), keep the app and its jars
# on the class path, give the image a class-data-sharing archive from a training run, then package.
# Called by: mvn -B -Pinstaller -DskipTests package
set -euo pipefail
JAVA_HOME_DIR=$1 DIR=$2 APP_JAR=$3 MODULES=$4 VERSION=$5
JDK=$JAVA_HOME_DIR
cd "$DIR"
rm -rf runtime aigc-desk aigc-desk_*.deb cds-training
cp "$APP_JAR" input/aigc-desk.jar
# sqlite-jdbc carries natives for every OS (12 MB); the Linux package needs only Linux's.
SQLITE=$(ls input/sqlite-jdbc-*.jar)
zip -q -d "$SQLITE" 'org/sqlite/native/Windows/*' 'org/sqlite/native/Mac/*' 'org/sqlite/native/FreeBSD/*' 'org/sqlite/native/Linux-Android/*' \
  'org/sqlite/native/Linux-Musl/*' 'org/sqlite/native/Linux/arm*' 'org/sqlite/native/Linux/x86/*' 'org/sqlite/native/Linux/ppc64/*' \
  'org/sqlite/native/Linux/riscv64/*' 'org/sqlite/native/Linux/aarch64/*' > /dev/null || true

echo "[installer] jlink: $MODULES"
"$JDK/bin/jlink" --module-path "$JDK/jmods:fxmods" --add-modules "$MODULES" --include-locales=en,zh \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output runtime
find natives -name '*.so' -exec cp {} runtime/lib/ \;
# The base CDS archive of the runtime: the app's own archive below builds on it.
runtime/bin/java -Xshare:dump > /dev/null

echo "[installer] app-image"
"$JDK/bin/jpackage" @args/common.txt @args/linux-app-image.txt

echo "[installer] class-data-sharing archive from a training run"
mkdir -p cds-training
CFG=aigc-desk/lib/app/aigc-desk.cfg
if command -v xvfb-run > /dev/null; then
  # Opening the window on the demo, until the snapshot is written, loads what a real start loads.
  AIGC_DESK_HOME="$DIR/cds-training" AIGC_DESK_KEYCHAIN=off JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$DIR/aigc-desk/lib/app/aigc-desk.jsa" \
    timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" aigc-desk/bin/aigc-desk --demo open --snapshot "$DIR/cds-training/window.png" > cds-training/log.txt 2>&1 || true
fi
if [ -s aigc-desk/lib/app/aigc-desk.jsa ]; then
  sed -i 's|^\[JavaOptions\]$|[JavaOptions]\njava-options=-XX:SharedArchiveFile=$APPDIR/aigc-desk.jsa\njava-options=-Xshare:auto|' "$CFG"
  sed -i 's|^\[JavaOptions\]$|[JavaOptions]\njava-options=-XX:SharedArchiveFile=$APPDIR/aigc-desk.jsa\njava-options=-Xshare:auto|' aigc-desk/lib/app/aigc-desk-cli.cfg
  echo "[installer] CDS archive: $(du -h aigc-desk/lib/app/aigc-desk.jsa | cut -f1)"
else
  echo "[installer] no display for the training run (install xvfb): the image starts without an app CDS archive"
fi

echo "[installer] deb"
"$JDK/bin/jpackage" --name aigc-desk --app-version "$VERSION" @args/linux-deb.txt
mv aigc-desk_"$VERSION"-1_amd64.deb aigc-desk_"$VERSION"_amd64.deb
ls -l "$DIR"/*.deb
du -sh aigc-desk
