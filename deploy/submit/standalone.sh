#!/usr/bin/env bash
# A campaign on a Spark standalone cluster.
#
#   deploy/submit/standalone.sh spark://HOST:7077 CONFIG OUT [campaign options...]
#
# OUT is where the summaries go: a path every node sees (NFS), hdfs://... or s3a://... .
# DEPLOY_MODE=client (default: the driver runs here) or cluster (on a worker; the config and
# its files travel with --files). Extra spark-submit options: SCOREDOS_SPARK_ARGS="--conf k=v ...".
# Campaign options go to `scoredos campaign` (--samples N, --wait-lock S, --format json, ...).
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ $# -ge 3 ] || die "usage: $0 spark://HOST:7077 CONFIG OUT [campaign options...]"
master="$1" config="$2" out="$3"
shift 3
case "$master" in spark://*) ;; *) die "the master must be spark://HOST:PORT, got $master" ;; esac
PLATFORM_ARGS=()
submit "$master" "${DEPLOY_MODE:-client}" "$config" "$out" "$@"
