#!/usr/bin/env bash
# Time from JVM start to the first shown window, median of N runs each, alternating:
# the packaged app-image (with the runtime's class-data-sharing archive), the same image with CDS off, and java -jar.
# Usage: bash installer/startup-bench.sh [N]   (after mvn -B -Pinstaller -DskipTests package; needs xvfb)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-7}
IMG=target/installer/aigc-desk
HOME_DIR=$(mktemp -d)
export AIGC_DESK_HOME=$HOME_DIR AIGC_DESK_KEYCHAIN=off
run() { xvfb-run -a -s "-screen 0 1280x800x24" "$@" 2>/dev/null | sed -n 's/^shown-after-ms=//p'; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
cds=() nocds=() jar=()
for i in $(seq "$N"); do
  cds+=("$(JAVA_TOOL_OPTIONS=-Daigcdesk.exitWhenShown=true run "$IMG/bin/aigc-desk")")
  nocds+=("$(JAVA_TOOL_OPTIONS="-Daigcdesk.exitWhenShown=true -Xshare:off" run "$IMG/bin/aigc-desk")")
  jar+=("$(run java -Daigcdesk.exitWhenShown=true -jar target/aigc-desk.jar)")
done
m_cds=$(printf '%s\n' "${cds[@]}" | median); m_nocds=$(printf '%s\n' "${nocds[@]}" | median); m_jar=$(printf '%s\n' "${jar[@]}" | median)
echo "first window shown, median of $N (ms): app-image with CDS $m_cds | app-image without CDS $m_nocds | java -jar $m_jar"
echo "runs: cds=${cds[*]} | no-cds=${nocds[*]} | jar=${jar[*]}"
awk -v a="$m_cds" -v b="$m_nocds" -v c="$m_jar" 'BEGIN { printf "ratio app-image(CDS)/java -jar = %.2f ; app-image(CDS)/app-image(no CDS) = %.2f\n", a/c, a/b }'
rm -rf "$HOME_DIR"
