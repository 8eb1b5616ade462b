#!/usr/bin/env bash
# Deploys one environment from this repository, as both pipelines do (Jenkinsfile, .gitlab-ci.yml):
#   k8s/deploy.sh <beta|stage|prod> <image tag>          render, migrate, apply, watch
#   k8s/deploy.sh <env> <tag> --promote-worker           … and promote the worker's blue/green
#                                                        once its pre-promotion analysis passed
#   k8s/deploy.sh <env> --rollback                       abort both rollouts (back to stable)
# Needs kubectl (with a context for the target cluster), kustomize and the
# kubectl-argo-rollouts plugin. REGISTRY overrides the image registry
# (default registry.example.com/icp). Secrets never pass through here: pods get them from Vault.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
env="${1:?usage: deploy.sh <beta|stage|prod> <tag>|--rollback [--promote-worker]}"
case "$env" in beta|stage|prod) ;; *) echo "unknown environment: $env" >&2; exit 2 ;; esac
ns="icp-$env"
registry="${REGISTRY:-registry.example.com/icp}"
log() { printf '[deploy %s] %s\n' "$env" "$*" >&2; }

if [ "${2:-}" = "--rollback" ]; then
  # Abort returns traffic (console) or the active Service (worker) to the stable ReplicaSet.
  # For a release that was already fully promoted, use `kubectl argo rollouts undo` (docs/deploy.md).
  log "aborting rollouts in $ns"
  kubectl argo rollouts abort icp-console -n "$ns"
  kubectl argo rollouts abort icp-worker -n "$ns"
  exit 0
fi
tag="${2:?image tag required}"
[[ "$tag" =~ ^[A-Za-z0-9._-]+$ ]] && [ "$tag" != latest ] || { echo "bad image tag: $tag" >&2; exit 2; }
promote_worker=false; [ "${3:-}" = "--promote-worker" ] && promote_worker=true

# Timeouts (seconds) and the poll interval; the overrides exist for tests/k8s/deploy.test.ts.
poll="${DEPLOY_POLL_SECONDS:-10}"
migrate_timeout="${DEPLOY_MIGRATE_TIMEOUT:-900}"
console_timeout="${DEPLOY_CONSOLE_TIMEOUT:-2700}"
worker_timeout="${DEPLOY_WORKER_TIMEOUT:-1200}"

# wait_job <job> <timeout>: prints Complete and returns 0, or prints Failed / "timed out" and
# returns 1 as soon as the Job has failed (backoffLimit exhausted, activeDeadlineSeconds passed).
wait_job() {
  local job="$1" deadline=$((SECONDS + $2)) conditions
  while :; do
    conditions=" $(kubectl get "job/$job" -n "$ns" \
      -o jsonpath='{range .status.conditions[?(@.status=="True")]}{.type}{" "}{end}' 2>/dev/null || true) "
    case "$conditions" in
      *" Failed "* | *" FailureTarget "*) echo Failed; return 1 ;;
      *" Complete "*) echo Complete; return 0 ;;
    esac
    [ "$SECONDS" -lt "$deadline" ] || { echo "timed out after $2 s"; return 1; }
    sleep "$poll"
  done
}

# wait_rollout <rollout> <timeout> <state>...: polls the plugin's one-shot status ("Healthy",
# "Degraded", or "<phase> - <message>", e.g. "Paused - BlueGreenPause") until it is one of the
# given states (printed, return 0); Degraded (aborted, analysis failed) or the timeout return 1.
wait_rollout() {
  local name="$1" deadline=$((SECONDS + $2)) state want
  shift 2
  while :; do
    state="$(kubectl argo rollouts status "$name" -n "$ns" --watch=false 2>/dev/null | tail -n 1 || true)"
    for want in "$@"; do
      if [ "$state" = "$want" ]; then echo "$state"; return 0; fi
    done
    case "$state" in Degraded*) log "$name is $state"; return 1 ;; esac
    [ "$SECONDS" -lt "$deadline" ] || { log "$name is still '$state' after $2 s"; return 1; }
    sleep "$poll"
  done
}

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cp -r "$here/base" "$here/components" "$here/overlays" "$work/"
( cd "$work/overlays/$env"
  kustomize edit set image "icp-console=$registry/console:$tag" "icp-worker=$registry/worker:$tag"
  if [ "$env" = beta ]; then kustomize edit set image "icp-sap-sandbox=$registry/sap-sandbox:$tag"; fi )
# Services a Rollout manages (the controller marks them with this annotation) get the current
# ReplicaSet's `rollouts-pod-template-hash` added to their selector by the controller. A Service's
# selector is an atomic map, so the controller then owns all of it, and a server-side apply that
# names a selector conflicts ("conflict with rollouts-controller: .spec.selector") — every release
# after the first would fail; forcing it would drop the hash and send traffic to old and new pods
# alike. So once such a Service exists, the deploy applies it without its selector (the controller
# keeps it; ports, labels and the rest stay ours). The first release creates them with it.
managed="$(kubectl get services -n "$ns" --ignore-not-found \
  -o jsonpath='{range .items[?(@.metadata.annotations.argo-rollouts\.argoproj\.io/managed-by-rollouts)]}{.metadata.name}{" "}{end}')"
for svc in $managed; do
  ( cd "$work/overlays/$env"
    kustomize edit add patch --kind Service --name "$svc" --patch '[{"op": "remove", "path": "/spec/selector"}]' )
done
[ -z "$managed" ] || log "selectors left to Argo Rollouts on: $managed"
kustomize build "$work/overlays/$env" > "$work/rendered.yaml"
log "rendered $(grep -c '^kind:' "$work/rendered.yaml") resources for $tag"

# 1. Everything but the two Rollouts and their Services (namespace, config, policies, Job …).
kubectl delete job icp-db-migrate -n "$ns" --ignore-not-found
kubectl apply --server-side --field-manager=icp-deploy -f "$work/rendered.yaml" \
  --selector 'app.kubernetes.io/name notin (icp-console,icp-worker)'
# 2. Database migrations must finish before new code runs. `kubectl wait --for=condition=complete`
#    would sit out its whole timeout on a Job that failed: poll for either outcome instead.
log "waiting for migrations"
migrations="$(wait_job icp-db-migrate "$migrate_timeout")" || {
  kubectl logs job/icp-db-migrate -n "$ns" --all-containers --tail=200 || true
  log "migrations ${migrations:-did not finish}: nothing else was changed"; exit 1
}
# 3. The Rollouts: Argo starts the console canary and the worker preview.
kubectl apply --server-side --field-manager=icp-deploy -f "$work/rendered.yaml"
log "console canary (10% → 30% → 60% → 100%, 5xx analysis at every step)"
wait_rollout icp-console "$console_timeout" Healthy >/dev/null || { log "console rollout failed"; exit 1; }
log "console is Healthy"
# The worker: a first release (no stable ReplicaSet yet) or an unchanged one goes straight to
# Healthy; any later release stops at the blue/green pause ("Paused - BlueGreenPause") once the
# preview is up. `kubectl argo rollouts status` (watching) returns only on Healthy or Degraded,
# so it cannot wait for that pause: poll the one-shot status instead.
log "worker preview (blue/green)"
worker="$(wait_rollout icp-worker "$worker_timeout" Healthy "Paused - BlueGreenPause")" ||
  { log "worker rollout failed"; exit 1; }
if [ "$worker" = Healthy ]; then
  log "worker is Healthy (first release or unchanged: no preview to promote)"
elif $promote_worker; then
  # Promotion switches the active Service only after the pre-promotion analysis passed; a failed
  # analysis aborts the rollout (Degraded) and the stable version keeps running.
  kubectl argo rollouts promote icp-worker -n "$ns"
  wait_rollout icp-worker "$worker_timeout" Healthy >/dev/null || { log "worker promotion failed"; exit 1; }
  log "worker promoted"
else
  log "worker preview is waiting: promote with 'kubectl argo rollouts promote icp-worker -n $ns'"
fi
