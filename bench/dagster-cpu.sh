#!/usr/bin/env bash
# CPU-seconds the processes of one Dagster (matched by their DAGSTER_HOME: webserver,
# daemon, code servers and their gRPC children) use over a window, per process and
# in total (BENCHMARKS.md, "What polling and page loads cost"). Start and stop what
# should read that Dagster around it; it only watches.
#   bash bench/dagster-cpu.sh [DAGSTER_HOME (default .dagster-home-e2e)] [seconds (default 60)]
set -uo pipefail
HOME_DIR="$(realpath "${1:-.dagster-home-e2e}")"
SECONDS_WINDOW="${2:-60}"
ticks() {
  for pid in $(pgrep -f dagster || true); do
    # A process may end between pgrep and here: its files are gone.
    home="$({ tr '\0' '\n' <"/proc/$pid/environ"; } 2>/dev/null | sed -n 's/^DAGSTER_HOME=//p')" || continue
    [[ "$home" == "$HOME_DIR" ]] || continue
    # utime + stime (fields 14 and 15; the command name in field 2 has no spaces here).
    printf '%s %s %s\n' "$pid" "$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)" \
      "$({ tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | cut -c1-100)"
  done
}
before="$(ticks)"
sleep "$SECONDS_WINDOW"
after="$(ticks)"
# Per process: ticks after minus before (USER_HZ = 100).
awk 'NR == FNR { t[$1] = $2; next } ($1 in t) { d = ($2 - t[$1]) / 100; total += d; $2 = ""; printf "%6.2f s %s\n", d, $0 }
     END { printf "%6.2f s in total over '"$SECONDS_WINDOW"' s\n", total }' <(echo "$before") <(echo "$after") | sort -rn
