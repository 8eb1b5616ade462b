#!/usr/bin/env bash
# What both pipelines (Jenkinsfile, .gitlab-ci.yml: stage build-images) run for one app image, on
# a runner that reaches the registries (the development machines reach none: docs/deploy.md).
# Needs buildah, skopeo, trivy and cosign (the pipeline's supply-chain image carries them).
#   1. the base pinned by digest: the Dockerfiles' default NODE_IMAGE (a tag) resolved to its
#      index digest at build time and passed as --build-arg NODE_IMAGE=<tag>@sha256:<digest>;
#   2. build with buildah (maintained; kaniko is archived upstream), no Docker daemon;
#   3. push, keeping the pushed manifest's digest — everything below names the image by digest;
#   4. SBOM (CycloneDX) of the pushed image: the base's Debian packages (dpkg status) and the npm
#      packages, by trivy; scripts/images.sh's cyclonedx-npm SBOM covers npm in `make test`;
#   5. scan: fails on a HIGH or CRITICAL vulnerability that has a fix;
#   6. sign the digest and attach the SBOM as a signed attestation (cosign, key from the CI secret
#      COSIGN_PRIVATE_KEY + COSIGN_PASSWORD), so the cluster can verify what it runs.
# Usage: scripts/release-image.sh <console|worker|sap-sandbox> <registry> <tag> <revision>
# Writes .local/release/<app>.{digest,cdx.json,scan.json}.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app=${1:?app}; registry=${2:?registry}; tag=${3:?tag}; revision=${4:?revision}
case "$app" in console | worker | sap-sandbox) ;; *) echo "unknown app: $app" >&2; exit 2 ;; esac
for tool in buildah skopeo trivy cosign; do
  command -v "$tool" >/dev/null || { echo "release-image: $tool is not installed on this runner" >&2; exit 1; }
done
dockerfile="$ROOT/apps/$app/Dockerfile"
out="$ROOT/.local/release"; mkdir -p "$out"

# 1. The Dockerfile's default base (ARG NODE_IMAGE=node:<version>-bookworm-slim) by digest.
base=$(sed -n 's/^ARG NODE_IMAGE=\(.*\)$/\1/p' "$dockerfile" | head -n1)
[ -n "$base" ] || { echo "release-image: no ARG NODE_IMAGE default in $dockerfile" >&2; exit 1; }
base=${base%%@*}
digest="sha256:$(skopeo inspect --raw "docker://docker.io/library/$base" | sha256sum | cut -d' ' -f1)"
[[ "$digest" =~ ^sha256:[0-9a-f]{64}$ ]] || { echo "release-image: could not resolve $base" >&2; exit 1; }
pinned="$base@$digest"
echo "base $pinned"

# 2. + 3. Build and push.
ref="$registry/$app"
buildah bud --layers --pull=always --format oci \
  --build-arg "NODE_IMAGE=$pinned" \
  --label "org.opencontainers.image.revision=$revision" \
  --label "org.opencontainers.image.base.name=docker.io/library/$base" \
  --label "org.opencontainers.image.base.digest=$digest" \
  -f "$dockerfile" -t "$ref:$tag" "$ROOT"
buildah push --digestfile "$out/$app.digest" "$ref:$tag" "docker://$ref:$tag"
image="$ref@$(cat "$out/$app.digest")"
echo "pushed $image"

# 4. SBOM (OS packages + npm) of what was pushed.
trivy image --quiet --format cyclonedx --output "$out/$app.cdx.json" "$image"
# 5. Scan; the report is kept as an artifact.
trivy image --quiet --format json --output "$out/$app.scan.json" "$image"
trivy image --quiet --exit-code 1 --ignore-unfixed --severity HIGH,CRITICAL "$image"
# 6. Sign the digest; attest the SBOM.
cosign sign --yes --key env://COSIGN_PRIVATE_KEY "$image"
cosign attest --yes --key env://COSIGN_PRIVATE_KEY --type cyclonedx --predicate "$out/$app.cdx.json" "$image"
echo "signed $image"
