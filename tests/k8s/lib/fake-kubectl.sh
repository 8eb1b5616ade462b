#!/usr/bin/env bash
# A stand-in for kubectl + the kubectl-argo-rollouts plugin, for tests/k8s/deploy.test.ts: it
# answers the commands k8s/deploy.sh runs the way the real ones do, from a scripted cluster
# (FAKE_SCENARIO), and records every call in $FAKE_STATE/calls.log. Time is virtual: every
# one-shot status or Job poll moves the cluster one step on; a call that would block in the real
# tool until its timeout records "BLOCKED <timeout>" and fails the way the real one does then.
#
# Scenarios:
#   first        first release: the Job completes, both Rollouts go Progressing → Healthy
#   second       a later release: the console canary pauses on its steps and becomes Healthy;
#                the worker's preview comes up and the Rollout stops at "Paused - BlueGreenPause"
#                until promoted, then switches and becomes Healthy
#   second-bad   as second, but the pre-promotion analysis fails after the promotion: Degraded
#   migrate-fail the migration Job fails (backoffLimit exhausted)
#
# The plugin's outputs (argo-rollouts pkg/kubectl-argo-rollouts/cmd/status/status.go): with
# --watch=false it prints "Healthy" or "Degraded" alone, otherwise "<status> - <message>", and
# exits 1 on Degraded; watching (the default) it prints every change and returns only on Healthy
# (exit 0) or Degraded (exit 1), or after --timeout with "Rollout status watch exceeded timeout".
set -euo pipefail
state="${FAKE_STATE:?FAKE_STATE}"
scenario="${FAKE_SCENARIO:?FAKE_SCENARIO}"
echo "$*" >> "$state/calls.log"

states_of() { # the status sequence of one Rollout, one per line
  case "$scenario:$1" in
    first:* | migrate-fail:*)
      printf '%s\n' "Progressing - waiting for rollout spec update to be observed" \
        "Progressing - more replicas need to be updated" "Healthy" ;;
    second*:icp-console)
      printf '%s\n' "Progressing - waiting for rollout spec update to be observed" \
        "Paused - CanaryPauseStep" "Progressing - more replicas need to be updated" \
        "Paused - CanaryPauseStep" "Paused - CanaryPauseStep" "Progressing - more replicas need to be updated" \
        "Healthy" ;;
    second*:icp-worker)
      printf '%s\n' "Progressing - waiting for rollout spec update to be observed" \
        "Progressing - more replicas need to be updated" "Paused - BlueGreenPause" ;;
    second*:icp-worker-promoted)
      if [ "$scenario" = second-bad ]; then
        printf '%s\n' "Paused - BlueGreenPause" "Progressing - waiting for analysis to complete" \
          "Degraded - RolloutAborted: Rollout aborted update to revision 2: Metric \"sap-error-ratio\" assessed Failed"
      else
        printf '%s\n' "Paused - BlueGreenPause" "Progressing - active service cutover pending" "Healthy"
      fi ;;
    *) echo "fake kubectl: no rollout $1" >&2; exit 1 ;;
  esac
}
current() { # sets LINE (the Rollout's status now) and AT_END; advances its clock if $2 = advance
  local name="$1" key="$1" idx
  [ -f "$state/$name.promoted" ] && key="$name-promoted"
  idx="$(cat "$state/$key.idx" 2>/dev/null || echo 0)"
  mapfile -t seq < <(states_of "$key")
  local n=${#seq[@]}
  [ "$idx" -lt "$n" ] || idx=$((n - 1))
  if [ "${2:-}" = advance ]; then echo $((idx + 1)) > "$state/$key.idx"; fi
  LINE="${seq[$idx]}"
  AT_END=false; [ "$idx" -lt $((n - 1)) ] || AT_END=true
}
plugin_line() { # how the one-shot status prints a status line
  case "$1" in Healthy) echo Healthy ;; Degraded*) echo Degraded ;; *) echo "$1" ;; esac
}
arg_after() { # the value of an option (--opt v or --opt=v)
  local opt="$1"; shift
  while [ $# -gt 0 ]; do
    case "$1" in "$opt") echo "${2:-}"; return ;; "$opt"=*) echo "${1#*=}"; return ;; esac
    shift
  done
}

case "${1:-} ${2:-}" in
  "delete job") exit 0 ;;
  "apply "*)
    file="$(arg_after -f "$@")"
    if [ -n "$(arg_after --selector "$@")" ]; then what=others; else what=all; fi
    grep -E '^\s+image:' "$file" | sed "s/^ *image: */APPLIED-IMAGE $what /" >> "$state/calls.log"
    if [ "$what" = all ]; then rm -f "$state"/*.idx; fi
    cp "$file" "$state/applied-$what.yaml" # what was applied, for the test to read
    echo "applied ($what)"
    exit 0 ;;
  "get services")
    # The Services Argo Rollouts manages (annotated by the controller) exist after a first release.
    [ "$scenario" = first ] || printf 'icp-console icp-console-canary icp-worker icp-worker-preview '
    exit 0 ;;
  "get job/icp-db-migrate" | "get job")
    n="$(cat "$state/job.polls" 2>/dev/null || echo 0)"; echo $((n + 1)) > "$state/job.polls"
    [ "$n" -ge 2 ] || exit 0 # running: no condition yet
    if [ "$scenario" = migrate-fail ]; then printf 'FailureTarget Failed '; else printf 'SuccessCriteriaMet Complete '; fi
    exit 0 ;;
  "wait job/icp-db-migrate")
    if [ "$scenario" = migrate-fail ]; then
      echo "BLOCKED $(arg_after --timeout "$@")" >> "$state/calls.log"
      echo "error: timed out waiting for the condition on jobs/icp-db-migrate" >&2
      exit 1
    fi
    echo "job.batch/icp-db-migrate condition met"; exit 0 ;;
  "logs job/icp-db-migrate") echo "[migrate] MIGRATION_FAILED: 20260101_add_index: relation exists"; exit 0 ;;
  "argo rollouts")
    cmd="${3:-}"; name="${4:-}"
    case "$cmd" in
      status)
        if [ "$(arg_after --watch "$@")" = false ]; then
          current "$name" advance
          plugin_line "$LINE"
          case "$LINE" in Degraded*) echo "Error: The rollout is in a degraded state with message: ${LINE#* - }" >&2; exit 1 ;; esac
          exit 0
        fi
        last=""
        while :; do
          current "$name" advance
          [ "$LINE" = "$last" ] || echo "$LINE"
          last="$LINE"
          case "$LINE" in
            Healthy) exit 0 ;;
            Degraded*) echo "Error: The rollout is in a degraded state with message: ${LINE#* - }" >&2; exit 1 ;;
          esac
          if $AT_END; then # the cluster stays here (a pause for promotion): the watch times out
            echo "BLOCKED $(arg_after --timeout "$@")" >> "$state/calls.log"
            echo "Error: Rollout status watch exceeded timeout" >&2
            exit 1
          fi
        done ;;
      promote)
        current "$name"
        [ "$LINE" = "Paused - BlueGreenPause" ] || { echo "fake kubectl: promote while $LINE" >&2; exit 1; }
        touch "$state/$name.promoted"
        echo "rollout '$name' promoted"; exit 0 ;;
      abort) echo "rollout '$name' aborted"; exit 0 ;;
    esac ;;
esac
echo "UNEXPECTED $*" >> "$state/calls.log"
echo "fake kubectl: unexpected command: $*" >&2
exit 1
