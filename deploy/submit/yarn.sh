#!/usr/bin/env bash
# A campaign on YARN (cluster deploy mode: the driver runs in the application master).
#
#   HADOOP_CONF_DIR=/etc/hadoop/conf deploy/submit/yarn.sh CONFIG hdfs:///scoredos/NAME [campaign options...]
#
# The config and the files it names travel with --files. One application attempt only: a
# second attempt of a failed driver would find the first attempt's lock in the output (stale
# after --lock-max-age; break it with --break-lock once the first attempt is gone).
# SCOREDOS_QUEUE picks the YARN queue; SCOREDOS_SPARK_ARGS="--conf k=v ..." adds options.
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ $# -ge 2 ] || die "usage: $0 CONFIG OUT [campaign options...]"
[ -n "${HADOOP_CONF_DIR:-}${YARN_CONF_DIR:-}" ] || die "set HADOOP_CONF_DIR (or YARN_CONF_DIR) to the cluster's Hadoop configuration"
config="$1" out="$2"
shift 2
PLATFORM_ARGS=(--queue "${SCOREDOS_QUEUE:-default}" --conf spark.yarn.maxAppAttempts=1)
submit yarn "${DEPLOY_MODE:-cluster}" "$config" "$out" "$@"
