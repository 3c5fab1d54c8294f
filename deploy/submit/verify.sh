#!/usr/bin/env bash
# `scoredos verify` (thermodynamic integration against the DDOS estimate) on a Spark cluster
# (client mode: the driver runs here).
#
#   deploy/submit/verify.sh MASTER --summaries STORE --coeff X_W.snapcoeff --params D.snapparam \
#       --temperatures 1000,2000 [--perturb 3 --scale 0.05] [verify options...]
#
# MASTER: spark://HOST:PORT, yarn (with HADOOP_CONF_DIR), k8s://URL or local[N]. The driver reads
# the store and the model files here, computes the Hessians and broadcasts the TI tasks (plain
# data), one Spark task per (model, temperature, λ node). Extra spark-submit options:
# SCOREDOS_SPARK_ARGS="--conf k=v ...".
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ $# -ge 2 ] || die "usage: $0 MASTER [verify options...]"
master="$1"
shift
submit_command "$master" verify "$@"
