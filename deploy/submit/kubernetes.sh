#!/usr/bin/env bash
# A campaign on Kubernetes (cluster deploy mode: driver and executors are pods of the image
# deploy/kubernetes/Dockerfile builds).
#
#   SCOREDOS_IMAGE=registry.example/scoredos:0.1.0 SCOREDOS_UPLOAD_PATH=s3a://bucket/spark-uploads \
#     deploy/submit/kubernetes.sh k8s://https://API-SERVER:6443 CONFIG s3a://bucket/scoredos/NAME [campaign options...]
#
# The config and its files are uploaded to SCOREDOS_UPLOAD_PATH (spark-submit --files) and
# downloaded into the driver pod. The jar is the image's (local://); SCOREDOS_NAMESPACE
# (default scoredos) and the service account scoredos come from deploy/kubernetes/campaign-job.yaml.
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ $# -ge 3 ] || die "usage: $0 k8s://https://API-SERVER:PORT CONFIG OUT [campaign options...]"
master="$1" config="$2" out="$3"
shift 3
case "$master" in k8s://*) ;; *) die "the master must be k8s://https://HOST:PORT, got $master" ;; esac
[ -n "${SCOREDOS_IMAGE:-}" ] || die "set SCOREDOS_IMAGE to the image built from deploy/kubernetes/Dockerfile"
[ -n "${SCOREDOS_UPLOAD_PATH:-}" ] || die "set SCOREDOS_UPLOAD_PATH (s3a:// or hdfs://) for the config upload"
SCOREDOS_JAR="${SCOREDOS_JAR:-local:///opt/scoredos/scoredos-jobs-spark.jar}"
SCOREDOS_HADOOP_AWS="${SCOREDOS_HADOOP_AWS:-provided}" # the image carries hadoop-aws
PLATFORM_ARGS=(
  --conf "spark.kubernetes.container.image=$SCOREDOS_IMAGE"
  --conf "spark.kubernetes.namespace=${SCOREDOS_NAMESPACE:-scoredos}"
  --conf spark.kubernetes.authenticate.driver.serviceAccountName=scoredos
  --conf "spark.kubernetes.file.upload.path=$SCOREDOS_UPLOAD_PATH"
  --conf "spark.executor.instances=${SCOREDOS_EXECUTORS:-4}"
)
submit "$master" "${DEPLOY_MODE:-cluster}" "$config" "$out" "$@"
