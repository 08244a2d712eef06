#!/usr/bin/env bash
# CPU-seconds the processes of one Dagster (matched by their DAGSTER_HOME: webserver,
# daemon, code servers and their gRPC children) use over a window, per process and
# in total (BENCHMARKS.md, "What polling and page loads cost"). Start and stop what
# should read that Dagster around it; it only watches.
# Processes that start or end within the window are left out: a floor.
#   bash bench/dagster-cpu.sh [DAGSTER_HOME (default: this checkout's .dagster-home-e2e)] [seconds (default 60)]
set -uo pipefail
HOME_DIR="$(realpath "${1:-$(dirname "$0")/../.dagster-home-e2e}")"
HZ="$(getconf CLK_TCK)"
SECONDS_WINDOW="${2:-60}"
ticks() {
  for pid in $(pgrep -f dagster || true); do
    # A process may end between pgrep and here: its files are gone.
    home="$({ tr '\0' '\n' <"/proc/$pid/environ"; } 2>/dev/null | sed -n 's/^DAGSTER_HOME=//p')" || continue
    [[ "$home" == "$HOME_DIR" ]] || continue
    # utime and stime: fields 14 and 15, counted after the ") " that ends the command name.
    printf '%s %s %s\n' "$pid" "$({ sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}'; } 2>/dev/null || echo 0)" \
      "$({ tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | cut -c1-100)"
  done
}
before="$(ticks)"
if [[ -z "$before" ]]; then
  echo "no process of a Dagster with DAGSTER_HOME=$HOME_DIR is running" >&2
  exit 1
fi
sleep "$SECONDS_WINDOW"
after="$(ticks)"
# Per process: ticks after minus before.
awk -v hz="$HZ" 'NR == FNR { t[$1] = $2; next } ($1 in t) { d = ($2 - t[$1]) / hz; total += d; $2 = ""; printf "%6.2f s %s\n", d, $0 }
     END { printf "%6.2f s in total over '"$SECONDS_WINDOW"' s\n", total }' <(echo "$before") <(echo "$after") | sort -rn
