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

work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cp -r "$here/base" "$here/components" "$here/overlays" "$work/"
( cd "$work/overlays/$env"
  kustomize edit set image "icp-console=$registry/console:$tag" "icp-worker=$registry/worker:$tag"
  if [ "$env" = beta ]; then kustomize edit set image "icp-sap-sandbox=$registry/sap-sandbox:$tag"; fi )
kustomize build "$work/overlays/$env" > "$work/rendered.yaml"
log "rendered $(grep -c '^kind:' "$work/rendered.yaml") resources for $tag"

# 1. Everything but the two Rollouts and their Services (namespace, config, policies, Job …).
kubectl delete job icp-db-migrate -n "$ns" --ignore-not-found
kubectl apply --server-side --field-manager=icp-deploy -f "$work/rendered.yaml" \
  --selector 'app.kubernetes.io/name notin (icp-console,icp-worker)'
# 2. Database migrations must finish before new code runs.
log "waiting for migrations"
if ! kubectl wait job/icp-db-migrate -n "$ns" --for=condition=complete --timeout=15m; then
  kubectl logs job/icp-db-migrate -n "$ns" --all-containers --tail=200 || true
  log "migrations failed: nothing else was changed"; exit 1
fi
# 3. The Rollouts: Argo starts the console canary and the worker preview.
kubectl apply --server-side --field-manager=icp-deploy -f "$work/rendered.yaml"
log "console canary (10% → 30% → 60% → 100%, 5xx analysis at every step)"
kubectl argo rollouts status icp-console -n "$ns" --timeout 45m
log "worker preview (blue/green, pre-promotion analysis)"
# Waits until the preview is up and its analysis has passed (the rollout pauses for promotion).
kubectl argo rollouts status icp-worker -n "$ns" --timeout 20m || {
  phase="$(kubectl argo rollouts status icp-worker -n "$ns" --watch=false || true)"
  [ "$phase" = Paused ] || { log "worker rollout is $phase"; exit 1; }
}
if $promote_worker; then
  kubectl argo rollouts promote icp-worker -n "$ns"
  kubectl argo rollouts status icp-worker -n "$ns" --timeout 20m
  log "worker promoted"
else
  log "worker preview is waiting: promote with 'kubectl argo rollouts promote icp-worker -n $ns'"
fi
