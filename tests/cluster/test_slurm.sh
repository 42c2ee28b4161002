#!/usr/bin/env bash
# A real single-node SLURM cluster from Debian's packages runs packaging/cluster/
# streetlens-array.sbatch (issue 23): munged, slurmctld and slurmd on localhost, each with this
# test's own key, socket, ports and state folder, started here and stopped on every exit.
#  1. An array of 4 tasks over 200 generated photos with the tiny-clip model, after one
#     prepare-labels; `merge` of the JSON shards and of the project shards: every photo exactly
#     once, and the results equal one process's predict of the same folder (same JSON after
#     sorting by path); merging again gives the same bytes.
#  2. Task 0 killed (SIGKILL) once some of its results are committed, the array submitted again:
#     the results committed before the kill are kept (not recomputed), none is duplicated or lost.
#   test_slurm.sh STREETLENS_CLI FIXTURE_DIR SOURCE_DIR
# Exit 0 passed, 1 failed, 77 skipped (CTest SKIP_RETURN_CODE) with the reason printed.
set -euo pipefail
cli=$1
fixture=$2
src=$3
photos_n=200
tasks=4

skip() {
  echo "SKIPPED: $*"
  exit 77
}
fail() {
  echo "FAIL: $*"
  exit 1
}

codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-unknown}")
[ "$codename" = bookworm ] || skip "runs in the Debian 12 stage only: this is $codename (the Debian 13" \
  "root is a chroot of the same host, where SLURM's daemons would share its ports and processes and" \
  "installing SLURM would change the cached root)"
[ "$(id -u)" -eq 0 ] || skip "slurmd must run as root (CI runs .ci/run as root)"
[ -d "$fixture/model" ] || fail "the tiny-clip fixture is missing at $fixture"
"$src/scripts/install-cluster-deps.sh" slurm || skip "scripts/install-cluster-deps.sh slurm could not install SLURM"
for tool in munged slurmctld slurmd sbatch squeue scancel sinfo sqlite3 python3; do
  command -v "$tool" >/dev/null || fail "$tool is missing after install-cluster-deps.sh"
done

work=$(mktemp -d /tmp/streetlens-slurm.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/state" "$work/spool" "$work/log"
export SLURM_CONF=$work/slurm.conf
status=1
stop_daemon() { # pid file
  local pid
  [ -f "$1" ] || return 0
  pid=$(cat "$1")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  status=$?
  set +e
  if [ -f "$work/slurmctld.pid" ]; then
    scancel --quiet --full --signal=KILL --jobname=streetlens 2>/dev/null
    scancel --quiet 2>/dev/null
  fi
  stop_daemon "$work/slurmd.pid"
  stop_daemon "$work/slurmctld.pid"
  stop_daemon "$work/munged.pid"
  if [ "$status" -ne 0 ] && [ "$status" -ne 77 ]; then
    for f in "$work"/log/*.log "$work"/out*/task-*.log; do
      [ -f "$f" ] && { echo "--- $f (last lines)"; tail -n 15 "$f"; }
    done
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# --- the cluster: own munge key and socket, own ports, own state
free_ports=$(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(" ".join(str(x.getsockname()[1]) for x in s))')
read -r ctld_port slurmd_port <<<"$free_ports"
mungekey --create --keyfile="$work/munge.key" --bits=1024
chmod 600 "$work/munge.key"
munged --force --key-file="$work/munge.key" --socket="$work/munge.socket" --pid-file="$work/munged.pid" \
  --log-file="$work/log/munged.log" --seed-file="$work/munged.seed"
memory_mb=$(($(awk '/MemTotal/ {print $2}' /proc/meminfo) / 2048))
cat >"$SLURM_CONF" <<CONF
ClusterName=streetlens-test
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge.socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
ReturnToService=2
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=$memory_mb State=UNKNOWN
PartitionName=cpu Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF" -N localhost
for _ in $(seq 120); do
  [ "$(sinfo -h -n localhost -o %t 2>/dev/null)" = idle ] && break
  sleep 0.5
done
[ "$(sinfo -h -n localhost -o %t)" = idle ] || fail "the SLURM node did not come up: $(sinfo -h -o '%t %E' 2>&1)"
echo "SLURM up: slurmctld on port $ctld_port, slurmd on $slurmd_port, $(nproc) CPUs"

# --- the photos, the label cache (once), one process over the whole folder
python3 "$src/tests/cluster/make_photos.py" "$work/photos" "$photos_n"
model=$fixture/model
"$cli" prepare-labels --model "$model" --cache-dir "$work/cache" >"$work/prepare.json"
# With the tasks' engine options (one thread: --cpus-per-task=1; --batch-size 1): the CPU's matrix
# kernels may round differently for another batch size or thread count.
"$cli" predict --model "$model" --cache-dir "$work/cache" --threads 1 --batch-size 1 \
  -o "$work/single.json" "$work/photos"

# One submission of the packaged array script; returns sbatch's status (non-zero if a task failed).
submit() { # out-folder [STREETLENS_CLI]
  mkdir -p "$1"
  STREETLENS_MODEL=$model STREETLENS_INPUT=$work/photos STREETLENS_OUT=$1 STREETLENS_CACHE_DIR=$work/cache \
    STREETLENS_CLI=${2:-$cli} STREETLENS_ARGS="--batch-size 1" \
    sbatch --wait --quiet --array=0-$((tasks - 1)) --cpus-per-task=1 --mem=200M --time=30 \
    --chdir="$work" --output="$1/task-%a.log" "$src/packaging/cluster/streetlens-array.sbatch"
}
# Same results as one process: the JSON after sorting by path (and the model block).
# The model block whole, or without "device" (a project records the device without the CPU's name).
same_as_single() { # merged.json [whole|no-device]
  python3 - "$1" "$work/single.json" "$photos_n" "${2:-whole}" <<'PY'
import json, sys
merged, single = (json.load(open(f)) for f in sys.argv[1:3])
if sys.argv[4] == "no-device":
    for doc in (merged, single):
        doc["model"].pop("device", None)
paths = [r["path"] for r in merged["results"]]
if len(paths) != int(sys.argv[3]) or len(set(paths)) != len(paths):
    sys.exit("%s: %d results, %d distinct paths; expected %s" % (sys.argv[1], len(paths), len(set(paths)), sys.argv[3]))
key = lambda r: r["path"]
if merged["model"] != single["model"]:
    sys.exit("model differs: %s vs %s" % (merged["model"], single["model"]))
a, b = sorted(merged["results"], key=key), sorted(single["results"], key=key)
for x, y in zip(a, b):
    if x != y:
        keys = [k for k in sorted(set(x) | set(y)) if x.get(k) != y.get(k)]
        sys.exit("%s differs from the single process's result in %s: %s vs %s"
                 % (x["path"], keys, str(x.get(keys[0]))[:300], str(y.get(keys[0]))[:300]))
print("%s: %d results, equal to one process" % (sys.argv[1], len(a)))
PY
}
# Every photo exactly once in a merged project, every one analysed.
project_complete() { # case.streetlens
  local row
  row=$(sqlite3 "$1" "SELECT count(*), count(DISTINCT sha256), count(DISTINCT path),
                         sum(status = 'done') FROM images")
  [ "$row" = "$photos_n|$photos_n|$photos_n|$photos_n" ] ||
    fail "$1: images, distinct SHA-256, distinct paths, done = $row (expected $photos_n each)"
  sqlite3 "$1" "SELECT path FROM images ORDER BY path" >"$work/project-paths.txt"
  find "$work/photos" -type f | sort >"$work/photo-paths.txt"
  cmp -s "$work/project-paths.txt" "$work/photo-paths.txt" || fail "$1 does not list exactly the photos"
  echo "$1: $photos_n photos, each once, all done"
}

# --- 1. the array, then merge
submit "$work/out1" || fail "the array job failed"
"$cli" merge -o "$work/out1/merged.json" "$work"/out1/shard-*.json >/dev/null
"$cli" merge -o "$work/out1/case.streetlens" "$work"/out1/shard-*.streetlens >/dev/null
same_as_single "$work/out1/merged.json"
project_complete "$work/out1/case.streetlens"
"$cli" report --project "$work/out1/case.streetlens" -o "$work/out1/case.json"
same_as_single "$work/out1/case.json" no-device
cp "$work/out1/merged.json" "$work/out1/merged-first.json"
"$cli" merge -o "$work/out1/merged.json" "$work"/out1/shard-*.json >/dev/null
cmp -s "$work/out1/merged.json" "$work/out1/merged-first.json" || fail "merging again changed the JSON"
n0=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["results"]))' "$work/out1/shard-0.json")
echo "array of $tasks tasks: shard 0 has $n0 photos"

# --- 2. task 0 killed mid-way, the array submitted again
cat >"$work/kill-task0.sh" <<'WRAP'
#!/bin/bash
# Runs the CLI; in task 0, the first time, lets it run in 10 ms slices (SIGCONT/SIGSTOP) until 3
# results are committed to its project, then kills it (SIGKILL): a task killed mid-way.
if [ "$SLURM_ARRAY_TASK_ID" != 0 ] || [ -e "$KILL_MARK" ]; then
  exec "$REAL_CLI" "$@"
fi
touch "$KILL_MARK"
project=
prev=
for a in "$@"; do
  [ "$prev" = --project ] && project=$a
  prev=$a
done
"$REAL_CLI" "$@" &
pid=$!
while kill -0 "$pid" 2>/dev/null; do
  kill -STOP "$pid"
  n=$(sqlite3 "$project" "SELECT count(*) FROM results" 2>/dev/null || echo 0)
  if [ "${n:-0}" -ge 3 ]; then
    kill -KILL "$pid"
    echo "killed the CLI with $n results committed" >&2
    exit 137
  fi
  kill -CONT "$pid"
  sleep 0.01
done
wait "$pid"
WRAP
chmod +x "$work/kill-task0.sh"
export REAL_CLI=$cli KILL_MARK=$work/killed
if submit "$work/out2" "$work/kill-task0.sh"; then
  fail "the first submission should have failed (task 0 killed)"
fi
[ -e "$work/killed" ] || fail "task 0 was not run through the killing wrapper"
grep -q "killed the CLI" "$work/out2/task-0.log" || fail "task 0 finished before it could be killed"
[ ! -e "$work/out2/shard-0.json" ] || fail "the killed task left a JSON output"
kept=$(sqlite3 "$work/out2/shard-0.streetlens" \
  "SELECT i.sha256 || ' ' || r.analyzed_at FROM images i JOIN results r ON r.image_id = i.id ORDER BY 1")
k=$(grep -c . <<<"$kept" || true)
[ "$k" -ge 3 ] && [ "$k" -lt "$n0" ] || fail "the killed task committed $k of $n0 results (expected some, not all)"
echo "task 0 killed with $k of $n0 results committed"
submit "$work/out2" || fail "the re-submitted array failed"
after=$(sqlite3 "$work/out2/shard-0.streetlens" \
  "SELECT i.sha256 || ' ' || r.analyzed_at FROM images i JOIN results r ON r.image_id = i.id ORDER BY 1")
missing=$(comm -23 <(echo "$kept") <(echo "$after"))
[ -z "$missing" ] || fail "results committed before the kill were analysed again: $missing"
"$cli" merge -o "$work/out2/merged.json" "$work"/out2/shard-*.json >/dev/null
"$cli" merge -o "$work/out2/case.streetlens" "$work"/out2/shard-*.streetlens >/dev/null
same_as_single "$work/out2/merged.json"
project_complete "$work/out2/case.streetlens"
echo "PASS: $photos_n photos in $tasks SLURM array tasks, merged; a killed task resumed without loss or duplicates"
