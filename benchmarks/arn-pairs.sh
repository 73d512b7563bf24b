#!/usr/bin/env bash
# Measures ArnBenchmark's parse target (cloudir Arn.parse vs AWS SDK v2 Arn.fromString) as PAIRS
# of one-fork JMH runs taken back to back, in alternating order (SDK then cloudir, then cloudir then
# SDK, ...), and prints each pair's ratio and the median ratio.
#
# Why: `-f N` runs all N forks of parse_awsSdk first and then all N of parse_cloudir, minutes
# apart; on this shared 2-core VM the load changes in between, and pairing "fork i" of each side
# then compares two different machines. (Session 6's three-fork run: load 0.2 -> 1.1 during the
# run; the SDK forks came first, cloudir's scores swung 15.6 -> 9.9 ops/us inside one fork with
# the same compiled code.) A pair run back to back, with the order alternating, sees nearly the
# same machine on both sides; the median of the pairs is the number to read.
#
# Usage: benchmarks/arn-pairs.sh [PAIRS] [JMH options...]   (default 4 pairs, -wi 3 -i 5 -w 1 -r 1)
#   e.g. benchmarks/arn-pairs.sh 6 -wi 4 -i 10 -r 2
# Environment: JAVA (default java on PATH), JAVA_OPTS (host VM flags, e.g. -Djmh.ignoreLock=true).
# Needs benchmarks/target/benchmarks.jar (mvn -B -q -pl benchmarks -am package -DskipTests).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/benchmarks.jar"
if [[ ! -f "$jar" ]]; then
  echo "missing $jar: build it with mvn -B -q -pl benchmarks -am package -DskipTests" >&2
  exit 2
fi
pairs="${1:-4}"
shift || true
if [[ $# -eq 0 ]]; then
  set -- -wi 3 -i 5 -w 1 -r 1
fi

# one fork of one side; prints its score (ops/us)
score() {
  # shellcheck disable=SC2086
  "${JAVA:-java}" ${JAVA_OPTS:-} -jar "$jar" "ArnBenchmark.parse_$1\$" -f 1 "${@:2}" \
    | awk '/^ArnBenchmark\.parse_/ { print $(NF-3) }'
}

ratios=()
for ((k = 1; k <= pairs; k++)); do
  if ((k % 2 == 1)); then
    sdk="$(score awsSdk "$@")"
    cl="$(score cloudir "$@")"
  else
    cl="$(score cloudir "$@")"
    sdk="$(score awsSdk "$@")"
  fi
  if [[ -z "$cl" || -z "$sdk" ]]; then
    echo "pair $k: a JMH run gave no score (cloudir '$cl', sdk '$sdk')" >&2
    exit 1
  fi
  ratio="$(awk -v c="$cl" -v s="$sdk" 'BEGIN { printf "%.2f", c / s }')"
  ratios+=("$ratio")
  echo "pair $k: cloudir $cl  sdk $sdk ops/us  ratio $ratio  (load $(cut -d' ' -f1 /proc/loadavg))"
done
printf '%s\n' "${ratios[@]}" | sort -n \
  | awk '{ r[NR] = $1 } END { m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2;
      printf "median ratio of %d pairs: %.2f (min %.2f, max %.2f)\n", NR, m, r[1], r[NR] }'
