#!/usr/bin/env bash
# A self-signed certificate for local HTTPS (make up HTTPS=1), valid for 127.0.0.1 and
# localhost, made once with openssl into the given directory. Browsers will warn about it:
# it is a local certificate, trusted by nobody; production certificates come from
# cert-manager at the ingress (k8s/).
set -euo pipefail
dir=${1:?usage: dev-cert.sh <dir>}
mkdir -p "$dir"
if [ -s "$dir/cert.pem" ] && [ -s "$dir/key.pem" ] && openssl x509 -checkend 86400 -noout -in "$dir/cert.pem" >/dev/null; then
  exit 0
fi
command -v openssl >/dev/null || { echo "openssl not found (Debian package: openssl)" >&2; exit 1; }
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 365 \
  -keyout "$dir/key.pem" -out "$dir/cert.pem" \
  -subj "/CN=icp-console-local" \
  -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
  -addext "extendedKeyUsage=serverAuth" >/dev/null 2>&1
chmod 600 "$dir/key.pem"
