#!/usr/bin/env bash
# The script cron runs. Usage: jobs/tyss-cron.sh jobs/params/<name>.env
#
# Loads a parameter file, writes one log file per run, holds a lock so a second launch exits at
# once (exit 4) and passes the pipeline's exit code through:
#   0 finished, 1 internal failure (run again to resume), 2 bad arguments or configuration,
#   3 too many rows rejected (see rejects.csv), 4 another run in progress.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
params="${1:?usage: tyss-cron.sh PARAMS_FILE}"
[ -r "$params" ] || { echo "tyss-cron: cannot read parameter file $params" >&2; exit 2; }
# shellcheck disable=SC1090
source "$params"

: "${TYSS_HOME:=$(dirname "$here")}"
: "${TYSS_JAR:=$TYSS_HOME/target/tyss-reports.jar}"
: "${TYSS_COMMAND:=run}"
: "${TYSS_QUARTER:=latest}"
: "${TYSS_INBOX:?set TYSS_INBOX in $params}"
: "${TYSS_DATA_DIR:=$TYSS_HOME/data}"
: "${TYSS_OUT:=$TYSS_HOME/out}"
: "${TYSS_LOG_DIR:=$TYSS_DATA_DIR/logs/runs}"
: "${JAVA:=java}"
# A bounded heap and the throughput collector suit a batch job on a shared server: the live heap
# stays under 300 MB even at ten times a county's volume, and peak RSS then grows 1.13 times for
# 10 times the input (G1 at -Xmx2g let it grow 1.69 times). The benchmark reads its options from
# the line below. At a region's scale the heap grows towards -Xmx (see the README, "memory at
# region scale").
: "${JAVA_OPTS:=-Xmx1g -XX:+UseParallelGC}"

# Children's records: everything this run creates (store, archive, logs, outputs) is the service
# account's alone, whatever the server's default umask.
umask 077
mkdir -p "$TYSS_LOG_DIR" "$TYSS_DATA_DIR"
log="$TYSS_LOG_DIR/$(date +%Y%m%d-%H%M%S)-${TYSS_COMMAND}.log"

# The pipeline has its own lock too; this one also stops two wrappers racing to start Java.
exec 9>"$TYSS_DATA_DIR/cron.lock"
if ! flock -n 9; then
    echo "tyss-cron: another run is in progress on $TYSS_DATA_DIR; this one did nothing" | tee -a "$log" >&2
    exit 4
fi

args=("$TYSS_COMMAND" --data-dir "$TYSS_DATA_DIR" --out "$TYSS_OUT")
case "$TYSS_COMMAND" in
    run|report) args+=(--quarter "$TYSS_QUARTER") ;;
esac
case "$TYSS_COMMAND" in
    run|ingest|validate) args+=(--inbox "$TYSS_INBOX") ;;
esac
[ -n "${TYSS_MAPPING:-}" ] && args+=(--mapping "$TYSS_MAPPING")
[ -n "${TYSS_KEY_FILE:-}" ] && args+=(--key-file "$TYSS_KEY_FILE")
[ -n "${TYSS_BASELINE:-}" ] && args+=(--baseline "$TYSS_BASELINE")
[ -n "${TYSS_REJECT_THRESHOLD:-}" ] && args+=(--reject-threshold "$TYSS_REJECT_THRESHOLD")

echo "tyss-cron: $(date -Is) starting: ${args[*]}" >>"$log"
# shellcheck disable=SC2086
"$JAVA" $JAVA_OPTS -jar "$TYSS_JAR" "${args[@]}" >>"$log" 2>&1
code=$?
echo "tyss-cron: $(date -Is) finished with exit code $code" >>"$log"
exit $code
