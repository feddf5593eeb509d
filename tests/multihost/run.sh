#!/bin/sh
# GNU parallel over two ssh hosts, for real (issue 13, item 14): the two
# commands of the README's "Past one machine" each lose a host halfway and
# still end with the JSON Lines of one baogao run over the same names,
# every input there once, in order.
#
# The hosts are two sshd on 127.0.0.1 (random free ports) with a throw-away
# host key and a throw-away user key, logging in the user running the test
# (root in CI). Each host's sessions start in a directory of their own
# (ForceCommand), so a host sees none of the controller's files unless the
# command shares the file system (--workdir "$PWD") or sends them
# (--transferfile). ssh shares one connection per host (ControlMaster), as
# a ~/.ssh/config would for many short jobs: the test then takes seconds,
# not minutes, and losing the host still ends every session on it.
# Everything the test starts is stopped on exit; every command that could
# wait forever runs under timeout; nothing outside the repository and a
# temporary directory is used, but /run/sshd (made and removed when run as
# root on a machine without it).
#
# Usage: run.sh BUILD   (the build tree: build, or build-san)
# Environment: MULTIHOST_BAOGAO, an absolute path to run instead of
# BUILD/baogao (tests/run_all.sh gives a script running it under valgrind).
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
B=${MULTIHOST_BAOGAO:-$top/$BUILD/baogao}
W=$top/$BUILD/tests/wholejson
SSHD=/usr/sbin/sshd                 # sshd re-executes itself: an absolute path
pass=0
fail=0
tmp=$(mktemp -d)
sshd_pids=
made_privsep=

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() {   # check DESCRIPTION COMMAND...: the command must succeed
    what=$1; shift
    if "$@"; then ok; else bad "$what"; return 1; fi
}
same() {    # same DESCRIPTION GOT WANT
    if [ "$2" = "$3" ]; then ok; else bad "$1: got '$2', want '$3'"; return 1; fi
}
finish() {
    echo "multihost: $pass passed, $fail failed"
    [ "$fail" -eq 0 ]
    exit
}

# tree PID: "PID COMMAND" of PID and of every process below it, from one
# read of /proc (no procps needed).
tree() {
    cat /proc/[0-9]*/stat 2>/dev/null | awk -v root="$1" '
        {   # "pid (comm) state ppid ...": comm may hold spaces and parentheses
            c = $0; sub(/^[^(]*\(/, "", c); sub(/\) [^)]*$/, "", c)
            r = $0; sub(/.*\) /, "", r); split(r, f, " ")
            parent[$1] = f[2]; comm[$1] = c
        }
        END {
            keep[root] = 1
            for (grew = 1; grew; ) {
                grew = 0
                for (p in parent)
                    if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; grew = 1 }
            }
            for (p in keep) if (p in comm) print p, comm[p]
        }'
}

pids() { awk '{ print $1 }'; }

# freeze PID: the host of the sshd PID stops answering: it and every
# session under it stopped, twice over, so that no process escapes by
# forking meanwhile.
freeze() {
    kill -STOP "$1" 2>/dev/null
    # shellcheck disable=SC2046
    for _ in 1 2; do kill -STOP $(tree "$1" | pids) 2>/dev/null; done
}
# lose_host PID: the host of the sshd PID goes off the network: it and
# every session under it (ssh channels, rsync, the jobs) die at once. Once
# reaped, PID is no longer ours (another process may get it): it leaves
# the list cleanup stops.
lose_host() {
    freeze "$1"
    # shellcheck disable=SC2046
    kill -KILL $(tree "$1" | pids) 2>/dev/null
    wait "$1" 2>/dev/null
    sshd_pids=$(echo " $sshd_pids " | sed "s/ $1 / /")
}
# sessions_to_host2 PID: how many ssh clients under PID talk to host2.
sessions_to_host2() {
    n=0
    for p in $(tree "$1" | awk '$2 == "ssh" { print $1 }'); do
        { tr '\0' ' ' < "/proc/$p/cmdline"; } 2>/dev/null | grep -q ' host2 ' && n=$((n + 1))
    done
    echo "$n"
}

cleanup() {
    for h in host1 host2; do
        timeout 10 ssh -F "$tmp/ssh_config" -O exit "$h" 2>/dev/null
    done
    for p in $sshd_pids; do
        lose_host "$p"
    done
    [ -n "$made_privsep" ] && rmdir /run/sshd 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 2' HUP INT TERM

# ---- the tools: `make test` installs them (mk/install.mk); never skipped ----
for t in $SSHD ssh ssh-keygen parallel rsync timeout od; do
    command -v "$t" >/dev/null 2>&1 ||
        bad "$t is missing (apt-get install openssh-server openssh-client parallel rsync)"
done
if [ ! -x "$B" ] || [ ! -x "$W" ]; then bad "$B or $W not built"; fi
[ "$fail" -eq 0 ] || finish

# ssh, rsync and GNU parallel keep their state here, not in the user's home.
export HOME="$tmp/home" TMPDIR="$tmp/tmp"
mkdir -p "$HOME/.parallel" "$TMPDIR" "$tmp/keys"
touch "$HOME/.parallel/will-cite"

# ---- two hosts --------------------------------------------------------------------
user=$(id -un)
ssh-keygen -q -t ed25519 -N '' -C "baogao test host" -f "$tmp/keys/host"
ssh-keygen -q -t ed25519 -N '' -C "baogao test user" -f "$tmp/keys/user"
cp "$tmp/keys/user.pub" "$tmp/keys/authorized_keys"
# Run as root, sshd separates privileges into /run/sshd, which Debian makes
# when it starts the service: a container never did.
if [ "$(id -u)" = 0 ] && [ ! -d /run/sshd ]; then
    mkdir -m 755 /run/sshd && made_privsep=1
fi
random_port() {                     # 20000-59999; a port taken is tried again
    echo $((20000 + $(od -An -N2 -tu2 /dev/urandom) % 40000))
}
# start_host N: an sshd for hostN on a free port, its sessions in
# $tmp/hostN (their HOME and TMPDIR); sets pid_N and writes the client's
# configuration for every host started so far.
start_host() {
    n=$1
    dir=$tmp/host$n
    mkdir -p "$dir/tmp"
    tries=0
    while [ "$tries" -lt 5 ]; do
        tries=$((tries + 1))
        port=$(random_port)
        cat > "$tmp/sshd$n.conf" <<EOF
ListenAddress 127.0.0.1
Port $port
HostKey $tmp/keys/host
PidFile none
AuthorizedKeysFile $tmp/keys/authorized_keys
AllowUsers $user
StrictModes no
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin prohibit-password
MaxStartups 200
MaxSessions 100
SetEnv HOME=$dir TMPDIR=$dir/tmp SHELL=/bin/sh
ForceCommand exec /bin/sh -c 'cd "\$HOME" && eval "\$SSH_ORIGINAL_COMMAND"'
EOF
        : > "$tmp/sshd$n.log"
        "$SSHD" -D -f "$tmp/sshd$n.conf" -E "$tmp/sshd$n.log" &
        pid=$!
        sshd_pids="$sshd_pids $pid"
        i=0
        until grep -q "^Server listening on 127.0.0.1 port $port" "$tmp/sshd$n.log"; do
            if ! kill -0 "$pid" 2>/dev/null || [ "$i" -ge 100 ]; then break; fi
            sleep 0.1
            i=$((i + 1))
        done
        if grep -q "^Server listening on 127.0.0.1 port $port" "$tmp/sshd$n.log"; then
            eval "pid_$n=$pid port_$n=$port"
            echo "[127.0.0.1]:$port $(cat "$tmp/keys/host.pub")" >> "$tmp/keys/known_hosts"
            {
                for h in 1 2; do
                    eval "p=\${port_$h:-}"
                    [ -n "$p" ] && printf 'Host host%s\n    Port %s\n' "$h" "$p"
                done
                cat <<EOF
Host *
    HostName 127.0.0.1
    User $user
    IdentityFile $tmp/keys/user
    IdentitiesOnly yes
    UserKnownHostsFile $tmp/keys/known_hosts
    StrictHostKeyChecking yes
    BatchMode yes
    ConnectTimeout 10
    LogLevel ERROR
    ControlMaster auto
    ControlPath $tmp/mux-%p
    ControlPersist 120
EOF
            } > "$tmp/ssh_config"
            return 0
        fi
        lose_host "$pid"            # the port was taken meanwhile: another one
    done
    cat "$tmp/sshd$n.log"
    return 1
}
# GNU parallel's ssh, and rsync's under it.
export PARALLEL_SSH="ssh -F $tmp/ssh_config"
# logs_in N: hostN answers, in its own directory.
logs_in() {
    same "ssh host$1 logs in, in a directory of its own" \
        "$(timeout 30 ssh -F "$tmp/ssh_config" "host$1" pwd < /dev/null)" "$tmp/host$1"
}
for n in 1 2; do
    check "sshd for host$n starts" start_host $n
    logs_in $n
done
[ "$fail" -eq 0 ] || finish

# ---- the archive, and what one machine makes of it ------------------------------
ctl=$tmp/ctl                        # the controller's directory
mkdir -p "$ctl/tpl" "$ctl/archive"
cd "$ctl" || exit 2
for f in $(find "$top/corpus" -name '*.txt' ! -name '*.expect.*' | LC_ALL=C sort); do
    cp "$f" "tpl/$(basename "$(dirname "$f")")_$(basename "$f")"
done
for i in 1 2 3 4; do
    cp -r tpl "archive/batch$i"
done
rm -r tpl
cp archive/batch1/seeds_001.txt "archive/batch1/名称 带空格's.txt"   # quoted through ssh and rsync
printf '\211PNG\r\n\032\n\000\000' > archive/batch1/image.txt         # its error record
find archive -type f | LC_ALL=C sort > names.txt
total=$(wc -l < names.txt)
"$B" --format jsonl -q --files-from names.txt > one.jsonl 2> one.err
same "one machine: exit status (one input is broken)" "$?" 1
same "one machine: every input" "$("$W" -l one.jsonl)" "$((total - 1)) results, 1 errors"

# Shell text of a recipe below runs with these; $MORE adds options.
export B MORE

# joblog_done LOG: how many jobs of LOG ended well (exit 0, no signal),
# each counted once however often it ran.
joblog_done() {
    awk -F '\t' 'NR > 1 && $7 == 0 && $8 == 0 { done[$1] = 1 } END { print length(done) }' "$1"
}
# host2_did_some LOG: host2 ended a job well.
host2_did_some() {
    awk -F '\t' '$2 == "host2" && $7 == 0 && $8 == 0 { found = 1 } END { exit !found }' "$1"
}
# joblog_failed LOG: how many runs in LOG failed.
joblog_failed() {
    awk -F '\t' 'NR > 1 && ($7 != 0 || $8 != 0) { n++ } END { print n + 0 }' "$1"
}

# run_losing_host2 LOG RECIPE: run RECIPE in the background. Once its
# joblog LOG shows a job done on host2, host2 stops answering; once the run
# has a job on host2, which now cannot end, host2 is lost. Sets lost_at,
# the jobs done then, and lost_sessions, the run's ssh sessions to host2
# then (both empty if the run ended first). RECIPE's exit status.
run_losing_host2() {
    timeout -k 5 300 sh -c "$2" > /dev/null 2> "$1.err" &
    run=$!
    lost_at=
    lost_sessions=
    frozen=
    i=0
    while [ "$i" -lt 3000 ] && kill -0 "$run" 2>/dev/null; do
        i=$((i + 1))
        if [ -z "$frozen" ]; then
            if [ -f "$1" ] && grep -q '	host2	' "$1"; then
                freeze "$pid_2"
                frozen=1
            fi
        else
            n=$(sessions_to_host2 "$run")
            if [ "$n" -gt 0 ]; then
                lost_at=$(joblog_done "$1")
                lost_sessions=$n
                break
            fi
        fi
        sleep 0.05
    done
    [ -n "$frozen" ] && lose_host "$pid_2"
    wait "$run"
}
# explain DIR: what the run keeping its outputs in DIR/ (joblog DIR.log)
# said, for a failure that may depend on timing.
explain() {
    echo "---- $1.log"
    cat "$1.log"
    for f in "$1.log.err" "$1"/*.err "$tmp"/sshd*.log; do
        [ -s "$f" ] && { echo "---- $f"; cut -c 1-300 "$f"; }
    done
}
# lost_halfway WHAT LOG NJOBS: run_losing_host2 lost host2 while the run
# was going, after host2 had done some of it.
lost_halfway() {
    echo "$1: host2 lost after ${lost_at:-?} of $3 jobs, ${lost_sessions:-no} ssh sessions to it running"
    check "$1: host2 lost halfway" test -n "$lost_at"
    check "$1: host2 did some before" host2_did_some "$2"
}
# same_as_one_run WHAT DIR NAMES WANT: the outputs --results DIR/{#} kept,
# in job order (DIR.jsonl), are WANT, one baogao run over the names NAMES
# (one of them broken): every input once, in order.
same_as_one_run() {
    ls -v "$2"/*[0-9] | xargs cat > "$2.jsonl"
    if ! check "$1: the outputs in order are the one-machine run" cmp -s "$2.jsonl" "$4"; then
        diff "$2.jsonl" "$4" | cut -c 1-300 | head -n 20
        explain "$2"
    fi
    "$W" -p "$2.jsonl" > "$2.paths"
    check "$1: every input once, in order" cmp -s "$2.paths" "$3"
    same "$1: whole records" "$("$W" -l "$2.jsonl")" "$(($(wc -l < "$3") - 1)) results, 1 errors"
}

# ---- hosts sharing the archive's file system: shards of names ---------------------
# The README's command, in shards of 5 names, 2 jobs on each host.
pipe='parallel --pipe -N 5 --sshlogin 2/host1,2/host2 --workdir "$PWD" $MORE \
    --joblog pipe.log --results pipe/{#} \
    "$B --format jsonl -q --files-from - || [ \$? -eq 1 ]" < names.txt > /dev/null'
njobs=$(((total + 4) / 5))
MORE=
run_losing_host2 pipe.log "$pipe"
rc=$?
lost_halfway shards pipe.log "$njobs"
failed=$(joblog_failed pipe.log)
lost=$(awk -F '\t' 'NR > 1 && $2 == "host2" && ($7 != 0 || $8 != 0) { n++ } END { print n + 0 }' pipe.log)
check "shards: the jobs host2 lost failed ($lost)" test "$lost" -gt 0
same "shards: each with ssh's exit status 255" \
    "$(awk -F '\t' 'NR > 1 && $2 == "host2" && $7 == 255 { n++ } END { print n + 0 }' pipe.log)" "$lost" ||
    explain pipe
# A job can fail on host1 too (any ssh session can break under load): the
# rerun takes care of it like the others; say so, it is worth knowing.
[ "$failed" -eq "$lost" ] || { echo "shards: $((failed - lost)) jobs failed on host1 as well:"; explain pipe; }
same "shards: exit status, the number of failed jobs" "$rc" "$failed"
same "shards: the others done" "$(joblog_done pipe.log)" "$((njobs - failed))"
# The same command again, with --resume-failed; host2 is still down, and
# --retries moves a job it fails to host1.
MORE="--resume-failed --retries 3"
timeout -k 5 300 sh -c "$pipe" 2> pipe.log.err
same "shards, --resume-failed: exit status" "$?" 0
same "shards, --resume-failed: every job done" "$(joblog_done pipe.log)" "$njobs"
same "shards, --resume-failed: only the failed ones run again" "$(($(wc -l < pipe.log) - 1))" "$((njobs + failed))"
same_as_one_run shards pipe names.txt one.jsonl

# ---- hosts without a shared file system: each report sent, its JSON back ----------
check "host2 back on the network" start_host 2
logs_in 2
grep '^archive/batch1/' names.txt > sent.txt                 # a smaller archive: a transfer per file
nsent=$(wc -l < sent.txt)
"$B" --format jsonl -q --files-from sent.txt > sent.jsonl 2> /dev/null
check "the hosts have no archive of their own" test ! -e "$tmp/host1/archive" -a ! -e "$tmp/host2/archive"
# The README's command, 2 reports a job, 2 jobs on each host, with
# --retries 3: a job host2 lost moves to host1 in the same run.
files='parallel -N 2 --sshlogin 2/host1,2/host2 --workdir ... --transferfile {} --cleanup \
    $MORE --joblog files.log --results files/{#} \
    "ls {} > /dev/null && $B --format jsonl -q {} || [ \$? -eq 1 ]" :::: sent.txt > /dev/null'
njobs=$(((nsent + 1) / 2))
MORE="--retries 3"
run_losing_host2 files.log "$files"
same "sent: exit status, with host2 lost" "$?" 0
lost_halfway sent files.log "$njobs"
same "sent: every job done" "$(joblog_done files.log)" "$njobs"
same_as_one_run sent files sent.txt sent.jsonl
same "sent: --cleanup left nothing on host1" "$(find "$tmp/host1" -type f | wc -l)" 0
MORE="--resume-failed --retries 3"
timeout -k 5 300 sh -c "$files" 2> files.log.err
same "sent: --resume-failed finds nothing to do" "$?.$(($(wc -l < files.log) - 1))" "0.$njobs"

# A report that did not arrive fails its job (ls), so that --retries or
# --resume-failed runs it again: never an error record for a file the
# controller has. GNU parallel sends no file it cannot read, a stand-in
# here for a transfer that broke.
printf 'archive/batch1/seeds_000.txt\narchive/batch1/vanished.txt\n' > sent.txt
rm -rf files files.log
MORE=
timeout -k 5 300 sh -c "$files" 2> files.log.err
same "sent: a report that did not arrive fails the job" "$?.$(joblog_failed files.log)" "1.1"

# ---- why neither recipe uses --return ---------------------------------------------
# A file --return cannot bring back leaves the job logged as done: a host
# lost after its job ran and before the file came home would lose an
# output without a trace. The recipes send output on standard output.
timeout 60 parallel --sshlogin host1 --joblog return.log --return {}.out true ::: lost > /dev/null 2>&1
same "--return of a missing file: exit status" "$?" 0
same "--return of a missing file: logged as done" "$(joblog_done return.log)" 1
check "--return of a missing file: nothing came back" test ! -e lost.out

finish
