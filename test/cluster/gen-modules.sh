#!/usr/bin/env bash
# Regenerates the three wrapper modules (kube, etcd, kwok) from versions.env.
# Run it after changing a version; commit the go.mod/go.sum it writes.
# Separate modules keep Go's version selection from lifting one component's dependencies for another.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=versions.env
source "$here/versions.env"
export GOFLAGS=-mod=mod

kube_mod=$(go mod download -json "k8s.io/kubernetes@$KUBERNETES_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
staging_version="v0.${KUBERNETES_VERSION#v1.}"
# k8s.io/kubernetes points each staging module at ./staging; we point it at the matching release instead.
mapfile -t staging < <(awk '$2 == "=>" && $3 ~ /^\.\/staging\// {print $1}' "$kube_mod")

cd "$here/kube"
rm -f go.mod go.sum
go mod init kube-deploy-gate.dev/test-cluster/kube >/dev/null 2>&1
go mod edit -go=1.26.0 -godebug=default=go1.26
for m in "${staging[@]}"; do go mod edit -replace "$m=$m@$staging_version"; done
go get -tool \
  "k8s.io/kubernetes/cmd/kube-apiserver@$KUBERNETES_VERSION" \
  "k8s.io/kubernetes/cmd/kube-controller-manager@$KUBERNETES_VERSION" \
  "k8s.io/kubernetes/cmd/kube-scheduler@$KUBERNETES_VERSION" \
  "k8s.io/kubernetes/cmd/kubectl@$KUBERNETES_VERSION"
go mod tidy

cd "$here/etcd"
rm -f go.mod go.sum
go mod init kube-deploy-gate.dev/test-cluster/etcd >/dev/null 2>&1
go get -tool "go.etcd.io/etcd/server/v3@$ETCD_VERSION"
go mod tidy

cd "$here/kwok"
rm -f go.mod go.sum
go mod init kube-deploy-gate.dev/test-cluster/kwok >/dev/null 2>&1
go get -tool "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION"
go mod tidy
echo "modules written for kubernetes $KUBERNETES_VERSION (staging $staging_version), etcd $ETCD_VERSION, kwok $KWOK_VERSION"
