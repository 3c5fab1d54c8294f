# shellcheck shell=bash
# Shared by the submission scripts (sourced): the shaded jar, the config and the files it names,
# and the spark-submit command lines of a campaign and of the other Spark commands. Versions the jar is built against: Spark
# 4.0.1 (Scala 2.13), Hadoop 3.4.1, Java 17 (deploy/README.md).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HADOOP_VERSION=3.4.1

die() {
  echo "scoredos: $*" >&2
  exit 2
}

spark_submit_command() {
  [ -n "${SPARK_HOME:-}" ] || die "set SPARK_HOME to a Spark 4.0.1 (Scala 2.13) installation"
  [ -x "$SPARK_HOME/bin/spark-submit" ] || die "$SPARK_HOME/bin/spark-submit not found"
  echo "$SPARK_HOME/bin/spark-submit"
}

# The shaded jobs jar (Spark and Hadoop excluded: the cluster provides them), built if missing.
shaded_jar() {
  local jar
  jar="$(ls "$root"/jobs/target/scoredos-jobs-*-spark.jar 2>/dev/null | head -n 1 || true)"
  if [ -z "$jar" ]; then
    echo "scoredos: building the shaded jar (about a minute)..." >&2
    (cd "$root" && mvn -B -q -ntp -DskipTests package) >&2
    jar="$(ls "$root"/jobs/target/scoredos-jobs-*-spark.jar | head -n 1)"
  fi
  echo "$jar"
}

# The config and every file it names (descriptor, reference coeff and params, structure file),
# comma-separated for --files; in cluster mode they land flat in the driver's working directory,
# where the campaign finds them beside the config.
config_files() {
  local config="$1" dir rel f files
  [ -f "$config" ] || die "$config: no such campaign config"
  dir="$(cd "$(dirname "$config")" && pwd)"
  files="$dir/$(basename "$config")"
  while IFS= read -r rel; do
    [ -n "$rel" ] || continue
    case "$rel" in /*) f="$rel" ;; *) f="$dir/$rel" ;; esac
    [ -f "$f" ] || die "$config: it names $rel, which does not exist"
    files="$files,$f"
  done < <(grep -oE '\b(descriptor|coeff|params|file)[[:space:]]*:[[:space:]]*[^,}#[:space:]]+' "$config" \
    | sed -E "s/^[a-z]+[[:space:]]*:[[:space:]]*//; s/^[\"']//; s/[\"']\$//")
  echo "$files"
}

# The estimators' SIMD kernel needs the incubator module jdk.incubator.vector in the driver's and the
# executors' JVMs (without it they run the plain-Java kernel: the same numbers, slower). Placed
# before the user's SCOREDOS_SPARK_ARGS, whose own extraJavaOptions win; SCOREDOS_VECTOR=off leaves it out.
vector_conf() {
  [ "${SCOREDOS_VECTOR:-on}" = off ] && return 0
  echo --conf spark.driver.extraJavaOptions=--add-modules=jdk.incubator.vector \
    --conf spark.executor.extraJavaOptions=--add-modules=jdk.incubator.vector
}

# submit MASTER DEPLOY_MODE CONFIG OUT [campaign options...]; PLATFORM_ARGS (array) holds the
# cluster manager's spark-submit options, SCOREDOS_SPARK_ARGS (string) the user's extra ones.
submit() {
  local master="$1" mode="$2" config="$3" out="$4" jar files config_arg spark_submit
  shift 4
  spark_submit="$(spark_submit_command)"
  files="$(config_files "$config")"
  jar="${SCOREDOS_JAR:-$(shaded_jar)}"
  case "$mode" in
    client) config_arg="$(cd "$(dirname "$config")" && pwd)/$(basename "$config")" ;;
    cluster) config_arg="$(basename "$config")" ;;
    *) die "DEPLOY_MODE must be client or cluster, got $mode" ;;
  esac
  local extra=() vector=()
  read -r -a vector <<< "$(vector_conf)"
  read -r -a extra <<< "${SCOREDOS_SPARK_ARGS:-}"
  case "$out" in
    s3a://*) [ "${SCOREDOS_HADOOP_AWS:-packages}" = packages ] \
      && extra+=(--packages "org.apache.hadoop:hadoop-aws:$HADOOP_VERSION") ;;
  esac
  echo "scoredos: submitting $(basename "$config") to $master ($mode mode), output $out" >&2
  exec "$spark_submit" --master "$master" --deploy-mode "$mode" \
    --name "scoredos-campaign-$(basename "$config" .yaml)" \
    --class org.scoredos.cli.ScoreDos \
    --files "$files" \
    "${PLATFORM_ARGS[@]}" "${vector[@]}" "${extra[@]}" \
    "$jar" campaign --config "$config_arg" --out "$out" "$@"
}

# submit_command MASTER COMMAND [options...]: a Spark command other than campaign (ingest,
# verify) in client mode: its driver runs here and reads its local inputs (the store, the
# parameter files, the temperature map) where the options name them; executors receive what
# they need from the driver, except ingest's trajectories, which they read from the URIs given
# (hdfs://, s3a://, or a path every node mounts).
submit_command() {
  local master="$1" command="$2" jar spark_submit
  shift 2
  case "$master" in
    spark://* | yarn | k8s://* | local | local\[*\]) ;;
    *) die "the master must be spark://HOST:PORT, yarn, k8s://URL or local[N], got $master" ;;
  esac
  spark_submit="$(spark_submit_command)"
  jar="${SCOREDOS_JAR:-$(shaded_jar)}"
  local extra=() vector=()
  read -r -a vector <<< "$(vector_conf)"
  read -r -a extra <<< "${SCOREDOS_SPARK_ARGS:-}"
  if printf '%s\n' "$@" | grep -q '^s3a://'; then
    [ "${SCOREDOS_HADOOP_AWS:-packages}" = packages ] && extra+=(--packages "org.apache.hadoop:hadoop-aws:$HADOOP_VERSION")
  fi
  echo "scoredos: submitting $command to $master (client mode)" >&2
  exec "$spark_submit" --master "$master" --deploy-mode client \
    --name "scoredos-$command" \
    --class org.scoredos.cli.ScoreDos \
    "${vector[@]}" "${extra[@]}" \
    "$jar" "$command" "$@"
}
