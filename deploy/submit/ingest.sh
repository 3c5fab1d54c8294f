#!/usr/bin/env bash
# `scoredos ingest` on a Spark cluster (client mode: the driver runs here).
#
#   deploy/submit/ingest.sh MASTER --snapshots 'hdfs:///md/T*/*.dump' --temperatures-file temps.tsv \
#       --params D.snapparam --coeff X_W.snapcoeff --mass 183.84 --out hdfs:///scoredos/stores/w-md [ingest options...]
#
# MASTER: spark://HOST:PORT, yarn (with HADOOP_CONF_DIR), k8s://URL or local[N]. Executors read
# the trajectories themselves, so --snapshots must name URIs every executor reaches (hdfs://,
# s3a://, or a path every node mounts); the parameter files and the temperature map are read
# here. Extra spark-submit options: SCOREDOS_SPARK_ARGS="--conf k=v ...".
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ $# -ge 2 ] || die "usage: $0 MASTER [ingest options...]"
master="$1"
shift
submit_command "$master" ingest "$@"
