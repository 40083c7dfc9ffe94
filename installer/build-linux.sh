#!/usr/bin/env bash
# Builds the Linux app-image and .deb from what Maven staged in the installer folder:
# jlink only the JDK and JavaFX modules (natives copied into runtime/lib), keep the app and its jars
# on the class path, give the runtime a start-up archive, then package.
# The runtime comes from the newest LTS JDK on the machine (25 here; the build's own JDK 17 otherwise):
# on 25 the app ships an AOT cache (JEP 483/514) trained on the demo, which about halves start-up.
# AIGC_DESK_LINK_JDK=/path/to/jdk chooses another. Called by: mvn -B -Pinstaller -DskipTests package
set -euo pipefail
JAVA_HOME_DIR=$1 DIR=$2 APP_JAR=$3 MODULES=$4 VERSION=$5
JDK=${AIGC_DESK_LINK_JDK:-}
if [ -z "$JDK" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk /usr/lib/jvm/jdk-25; do
    if [ -x "$candidate/bin/jlink" ] && [ -x "$candidate/bin/jpackage" ]; then JDK=$candidate; break; fi
  done
fi
JDK=${JDK:-$JAVA_HOME_DIR}
FEATURE=$("$JDK/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
echo "[installer] runtime from $JDK (Java $FEATURE)"
cd "$DIR"
rm -rf runtime aigc-desk aigc-desk_*.deb
cp "$APP_JAR" input/aigc-desk.jar
# sqlite-jdbc carries natives for every OS (12 MB); the Linux package needs only Linux's.
SQLITE=$(ls input/sqlite-jdbc-*.jar)
zip -q -d "$SQLITE" 'org/sqlite/native/Windows/*' 'org/sqlite/native/Mac/*' 'org/sqlite/native/FreeBSD/*' 'org/sqlite/native/Linux-Android/*' \
  'org/sqlite/native/Linux-Musl/*' 'org/sqlite/native/Linux/arm*' 'org/sqlite/native/Linux/x86/*' 'org/sqlite/native/Linux/ppc64/*' \
  'org/sqlite/native/Linux/riscv64/*' 'org/sqlite/native/Linux/aarch64/*' > /dev/null || true

# Modules that a newer JDK folded into java.base (jdk.random in 23) are simply not asked for.
AVAILABLE=$("$JDK/bin/java" --list-modules | sed 's/@.*//')
WANTED=""
for m in ${MODULES//,/ }; do
  if [[ $m == javafx.* ]] || grep -qx "$m" <<< "$AVAILABLE"; then WANTED="$WANTED,$m"; fi
done
WANTED=${WANTED#,}
# JDKs without jmods (Temurin 25) link from their own run-time image (JEP 493).
MODULE_PATH=fxmods
[ -d "$JDK/jmods" ] && MODULE_PATH="$JDK/jmods:fxmods"
COMPRESS=2
[ "${FEATURE%%.*}" -ge 21 ] && COMPRESS=zip-6
echo "[installer] jlink: $WANTED"
"$JDK/bin/jlink" --module-path "$MODULE_PATH" --add-modules "$WANTED" --include-locales=en,zh \
  --strip-debug --no-header-files --no-man-pages --compress=$COMPRESS --output runtime
# JavaFX's ffmpeg plugins are left out: jpackage would derive the package's dependencies from
# whatever ffmpeg this build machine has. Without them a video shows its card with "Open in player".
find natives -name '*.so' ! -name 'libavplugin*' -exec cp {} runtime/lib/ \;
# On 17, the runtime's base class-data-sharing archive (JDK classes): it sits inside the runtime, so it
# still works wherever the app is installed. On 25 the app's AOT cache holds those classes too.
if [ "${FEATURE%%.*}" -lt 25 ]; then
  runtime/bin/java -Xshare:dump > /dev/null
fi

AOT=false
: > args/runtime-options.txt
if [ "${FEATURE%%.*}" -ge 25 ]; then
  AOT=true
  # Java 24+ asks before native code runs (JavaFX, SQLite): allowed here, so it is quiet about it.
  printf '%s\n' '--java-options --enable-native-access=ALL-UNNAMED,javafx.graphics,javafx.media' \
    '--java-options --sun-misc-unsafe-memory-access=allow' \
    '--java-options -XX:AOTCache=$APPDIR/aigc-desk.aot' > args/runtime-options.txt
  # The terminal launcher's options replace the main one's: it needs the same ones (a cache is only used
  # by a JVM started the way it was trained), plus its own.
  sed -i 's|^java-options=.*|java-options=-Daigcdesk.cli=true -XX:TieredStopAtLevel=1 -XX:+UseSerialGC --add-exports=javafx.graphics/com.sun.glass.ui=ALL-UNNAMED --enable-native-access=ALL-UNNAMED,javafx.graphics,javafx.media --sun-misc-unsafe-memory-access=allow -XX:AOTCache=$APPDIR/aigc-desk.aot|' \
    args/cli-launcher.properties
fi

echo "[installer] app-image"
"$JDK/bin/jpackage" @args/common.txt @args/linux-app-image.txt @args/runtime-options.txt

if $AOT; then
  # Train the AOT cache the way the app starts: the same launcher and options, writing the cache instead
  # of reading it, on the demo library, until the window shows its first page. The cache sits beside the
  # jars and moves with the app (Java 25 accepts a cache whose runtime and class path moved together).
  CFG=aigc-desk/lib/app/aigc-desk.cfg
  cp "$CFG" "$CFG.orig"
  sed -i 's|-XX:AOTCache=|-XX:AOTCacheOutput=|' "$CFG"
  TRAIN=$(mktemp -d)
  if command -v xvfb-run > /dev/null && AIGC_DESK_HOME=$TRAIN AIGC_DESK_KEYCHAIN=off JAVA_TOOL_OPTIONS=-Daigcdesk.exitWhenShown=true \
       timeout 300 xvfb-run -a -s "-screen 0 1280x800x24" aigc-desk/bin/aigc-desk --demo > "$TRAIN/train.log" 2>&1 \
       && [ -s aigc-desk/lib/app/aigc-desk.aot ]; then
    mv "$CFG.orig" "$CFG"
    echo "[installer] AOT cache: $(du -h aigc-desk/lib/app/aigc-desk.aot | cut -f1)"
  else
    # No display to train on: the app starts without the cache rather than with an error about a missing one.
    grep -v 'AOTCache' "$CFG.orig" > "$CFG"; rm -f "$CFG.orig" aigc-desk/lib/app/aigc-desk.aot
    sed -i 's| -XX:AOTCache=[^ ]*||' aigc-desk/lib/app/aigc-desk-cli.cfg
    echo "[installer] AOT cache not trained (no xvfb-run or the training run failed); see $TRAIN/train.log"
  fi
fi

echo "[installer] deb"
"$JDK/bin/jpackage" --name aigc-desk --app-version "$VERSION" @args/linux-deb.txt
# jpackage 17 adds a package release ("-1") to the file name; 25 does not.
[ -f aigc-desk_"$VERSION"-1_amd64.deb ] && mv aigc-desk_"$VERSION"-1_amd64.deb aigc-desk_"$VERSION"_amd64.deb
if $AOT && [ -s aigc-desk/lib/app/aigc-desk.aot ]; then
  # jpackage copies the app into the deb with new modification times, and the JVM refuses an AOT cache whose
  # class path's jars changed time since training: the deb's jars get the trained app-image's times back.
  REPACK=$(mktemp -d)
  fakeroot dpkg-deb -R aigc-desk_"$VERSION"_amd64.deb "$REPACK/pkg"
  for jar in aigc-desk/lib/app/*.jar; do touch -r "$jar" "$REPACK/pkg/opt/aigc-desk/lib/app/$(basename "$jar")"; done
  fakeroot dpkg-deb --build "$REPACK/pkg" aigc-desk_"$VERSION"_amd64.deb > /dev/null
  rm -rf "$REPACK"
fi
ls -l "$DIR"/*.deb
du -sh aigc-desk
