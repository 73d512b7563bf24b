#!/usr/bin/env bash
# Runs one JMH benchmark (a class name or regex) with the GC profiler and writes JSON results to
# benchmarks/results/. Builds benchmarks/target/benchmarks.jar first when it is missing or older
# than the module's sources. Any further arguments go to JMH, e.g.
#   benchmarks/run.sh CloudTrailParseBenchmark -p input=generated -wi 2 -i 3 -f 1
# Environment: JAVA (default: java on PATH), JAVA_OPTS (host VM flags; the forks inherit them and
# then append their own -Xms=-Xmx and -XX:+AlwaysPreTouch from @Fork), CLOUDIR_SHARED (the shared/
# directory holding corpus/, default ../shared beside the repository).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"

if [[ $# -lt 1 ]]; then
  echo "usage: $0 <benchmark class or regex> [JMH options...]" >&2
  exit 2
fi
name="$1"
shift

if [[ ! -f "$jar" || -n "$(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit)" ]]; then
  echo "building $jar" >&2
  (cd "$root" && mvn -B -q -pl benchmarks -am -DskipTests package)
fi

mkdir -p "$here/results"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$here/results/${name//[^A-Za-z0-9_.-]/_}-$stamp.json"

# shellcheck disable=SC2086
"${JAVA:-java}" ${JAVA_OPTS:--Xms4g -Xmx4g -XX:+AlwaysPreTouch} \
  -Dcloudir.shared="${CLOUDIR_SHARED:-$root/../shared}" \
  -jar "$jar" "$name" -prof gc -rf json -rff "$out" "$@"
echo "results: $out" >&2
