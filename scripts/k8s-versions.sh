# Versions of the Kubernetes toolchain, sourced by scripts/k8s-tools.sh (kustomize, kubeconform,
# schemas) and scripts/k8s-apiserver.sh (kube-apiserver, kine, CRDs). One place, so the schemas
# the manifests are validated against and the API server they are applied to are the same release.
# shellcheck shell=bash disable=SC2034
KUSTOMIZE_VERSION="v5.8.2"      # v5.8.3 needs go >= 1.27
KUBECONFORM_VERSION="v0.8.0"
KUBERNETES_VERSION="v1.37.2"    # OpenAPI v3 spec we validate against; the kube-apiserver we apply to
ARGO_ROLLOUTS_VERSION="v1.10.1" # v1.10.2's go.mod needs go >= 1.26.10
KEDA_VERSION="v2.21.0"
PROMETHEUS_OPERATOR_VERSION="v0.85.0"
KINE_VERSION="v0.17.5"          # etcd API on SQLite: the API server's store in tests/k8s
KWOK_VERSION="v0.8.0"           # fake nodes + pod lifecycle for the deploy.sh test
GATEWAY_API_VERSION="v1.6.3"    # Gateway API CRDs (standard channel); v1.7.0 needs go >= 1.27
ENVOY_GATEWAY_VERSION="v1.9.1"  # the edge implementation: its BackendTrafficPolicy CRD (rate limits)
