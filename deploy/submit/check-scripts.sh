#!/usr/bin/env bash
# Checks the command lines the submission scripts build, with a SPARK_HOME whose bin/spark-submit
# prints its arguments (the real submission is exercised by StandaloneClusterIT).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/bin"
printf '#!/usr/bin/env bash\nprintf "%%s\\n" "$@"\n' > "$home/bin/spark-submit"
chmod +x "$home/bin/spark-submit"
export SPARK_HOME="$home" SCOREDOS_JAR=/jobs.jar
config="$root/conf/campaigns/w-bcc.yaml"

fail() { echo "check-scripts: $*" >&2; exit 1; }
expect() { # expect ARGS-FILE LINE...: each line must appear, in this order
  local args="$1" line at=0 n
  shift
  for line in "$@"; do
    n="$(grep -n -x -F -- "$line" "$args" | cut -d: -f1 | awk -v a="$at" '$1 > a' | head -n 1)"
    [ -n "$n" ] || fail "missing or out of order: $line"$'\n'"$(cat "$args")"
    at="$n"
  done
}

"$here/standalone.sh" spark://10.0.0.1:7077 "$config" hdfs://nn/w --samples 512 > "$home/a"
expect "$home/a" --master spark://10.0.0.1:7077 --deploy-mode client --class org.scoredos.cli.ScoreDos --files \
  /jobs.jar campaign --config "$config" --out hdfs://nn/w --samples 512
grep -q "^$root/conf/campaigns/w-bcc.yaml,.*W-bcc.dat,.*D.snapparam,.*X_W.snapcoeff\$" "$home/a" || fail "--files: $(cat "$home/a")"

HADOOP_CONF_DIR=/etc/hadoop "$here/yarn.sh" "$config" s3a://b/w > "$home/b"
expect "$home/b" --master yarn --deploy-mode cluster --queue default spark.yarn.maxAppAttempts=1 \
  --packages org.apache.hadoop:hadoop-aws:3.4.1 /jobs.jar campaign --config w-bcc.yaml --out s3a://b/w

SCOREDOS_IMAGE=img:1 SCOREDOS_UPLOAD_PATH=s3a://b/up SCOREDOS_JAR= "$here/kubernetes.sh" k8s://https://api:6443 "$config" s3a://b/w > "$home/c"
expect "$home/c" --master k8s://https://api:6443 --deploy-mode cluster spark.kubernetes.container.image=img:1 \
  spark.kubernetes.file.upload.path=s3a://b/up local:///opt/scoredos/scoredos-jobs-spark.jar campaign --config w-bcc.yaml
! grep -q -- --packages "$home/c" || fail "the image carries hadoop-aws: $(cat "$home/c")"

"$here/ingest.sh" spark://10.0.0.1:7077 --snapshots 'hdfs://nn/md/*.dump' --temperature 300 --out s3a://b/w-md > "$home/d"
expect "$home/d" --master spark://10.0.0.1:7077 --deploy-mode client --class org.scoredos.cli.ScoreDos \
  --packages org.apache.hadoop:hadoop-aws:3.4.1 /jobs.jar ingest --snapshots 'hdfs://nn/md/*.dump' --temperature 300 --out s3a://b/w-md

"$here/verify.sh" yarn --summaries /data/w-bcc --temperatures 1000,2000 --perturb 3 > "$home/e"
expect "$home/e" --master yarn --deploy-mode client --class org.scoredos.cli.ScoreDos \
  /jobs.jar verify --summaries /data/w-bcc --temperatures 1000,2000 --perturb 3
! grep -q -- --packages "$home/e" || fail "verify without s3a:// needs no hadoop-aws: $(cat "$home/e")"

# the estimators' SIMD module in driver and executors, before the user's options (which win); off on request
expect "$home/e" --conf spark.driver.extraJavaOptions=--add-modules=jdk.incubator.vector \
  --conf spark.executor.extraJavaOptions=--add-modules=jdk.incubator.vector /jobs.jar
expect "$home/a" spark.executor.extraJavaOptions=--add-modules=jdk.incubator.vector /jobs.jar
SCOREDOS_SPARK_ARGS="--conf spark.executor.extraJavaOptions=-Xss4m" "$here/verify.sh" yarn --summaries /data/w-bcc > "$home/f"
expect "$home/f" spark.executor.extraJavaOptions=--add-modules=jdk.incubator.vector spark.executor.extraJavaOptions=-Xss4m /jobs.jar
SCOREDOS_VECTOR=off "$here/verify.sh" yarn --summaries /data/w-bcc > "$home/g"
! grep -q -- jdk.incubator.vector "$home/g" || fail "SCOREDOS_VECTOR=off must leave the module out: $(cat "$home/g")"

rc=0; "$here/standalone.sh" yarn "$config" /tmp/x 2> "$home/err" || rc=$?
[ "$rc" = 2 ] && grep -q "the master must be spark://" "$home/err" || fail "a wrong master must exit 2"
rc=0; "$here/standalone.sh" spark://h:1 "$root/nope.yaml" /tmp/x 2> "$home/err" || rc=$?
[ "$rc" = 2 ] && grep -q "no such campaign config" "$home/err" || fail "a missing config must exit 2"
rc=0; "$here/verify.sh" mesos://h:5050 --summaries /data/w 2> "$home/err" || rc=$?
[ "$rc" = 2 ] && grep -q "the master must be" "$home/err" || fail "verify.sh: a wrong master must exit 2"
rc=0; "$here/ingest.sh" spark://h:1 2> "$home/err" || rc=$?
[ "$rc" = 2 ] && grep -q "usage:" "$home/err" || fail "ingest.sh without options must exit 2 with its usage"
echo "check-scripts: standalone, YARN and Kubernetes campaigns, ingest and verify command lines (SIMD module included) as expected" >&2
