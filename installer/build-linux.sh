#!/usr/bin/env bash
# Builds the Linux app-image and .deb from what Maven staged in the installer folder:
# jlink only the JDK and JavaFX modules (natives copied into runtime/lib), keep the app and its jars
# on the class path, give the runtime a class-data-sharing archive, then package.
# Called by: mvn -B -Pinstaller -DskipTests package
set -euo pipefail
JAVA_HOME_DIR=$1 DIR=$2 APP_JAR=$3 MODULES=$4 VERSION=$5
JDK=$JAVA_HOME_DIR
cd "$DIR"
rm -rf runtime aigc-desk aigc-desk_*.deb
cp "$APP_JAR" input/aigc-desk.jar
# sqlite-jdbc carries natives for every OS (12 MB); the Linux package needs only Linux's.
SQLITE=$(ls input/sqlite-jdbc-*.jar)
zip -q -d "$SQLITE" 'org/sqlite/native/Windows/*' 'org/sqlite/native/Mac/*' 'org/sqlite/native/FreeBSD/*' 'org/sqlite/native/Linux-Android/*' \
  'org/sqlite/native/Linux-Musl/*' 'org/sqlite/native/Linux/arm*' 'org/sqlite/native/Linux/x86/*' 'org/sqlite/native/Linux/ppc64/*' \
  'org/sqlite/native/Linux/riscv64/*' 'org/sqlite/native/Linux/aarch64/*' > /dev/null || true

echo "[installer] jlink: $MODULES"
"$JDK/bin/jlink" --module-path "$JDK/jmods:fxmods" --add-modules "$MODULES" --include-locales=en,zh \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output runtime
# JavaFX's ffmpeg plugins are left out: jpackage would derive the package's dependencies from
# whatever ffmpeg this build machine has. Without them a video shows its card with "Open in player".
find natives -name '*.so' ! -name 'libavplugin*' -exec cp {} runtime/lib/ \;
# The runtime's base class-data-sharing archive (JDK classes): it sits inside the runtime, so it
# still works wherever the app is installed.
runtime/bin/java -Xshare:dump > /dev/null

echo "[installer] app-image"
"$JDK/bin/jpackage" @args/common.txt @args/linux-app-image.txt

# An app-level (dynamic) CDS archive cut start-up further in a measurement, but JDK 17 rejects it once
# the image is installed elsewhere ("shared class paths mismatch"), so only the runtime's base archive ships.

echo "[installer] deb"
"$JDK/bin/jpackage" --name aigc-desk --app-version "$VERSION" @args/linux-deb.txt
mv aigc-desk_"$VERSION"-1_amd64.deb aigc-desk_"$VERSION"_amd64.deb
ls -l "$DIR"/*.deb
du -sh aigc-desk
