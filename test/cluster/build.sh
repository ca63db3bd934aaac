#!/usr/bin/env bash
# Builds the test cluster's binaries from the pinned Go modules into a cache outside the checkout and
# prints the bin folder. A second run with the same pins builds nothing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/versions.env"

# Bump recipe when the build flags below change, so the cache key follows them.
recipe=1
key=$( (echo "recipe=$recipe"; cat "$here/versions.env" "$here"/{kube,etcd,kwok}/go.{mod,sum}) | sha256sum | cut -c1-16)
cache_root=${KDG_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kube-deploy-gate}
bin="$cache_root/$key/bin"
wanted=(etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kwok)

missing=()
for b in "${wanted[@]}"; do [ -x "$bin/$b" ] || missing+=("$b"); done
if [ ${#missing[@]} -eq 0 ] || [ "${1:-}" = "--print" ]; then echo "$bin"; exit 0; fi

mkdir -p "$bin"
export CGO_ENABLED=0 GOFLAGS="-mod=mod -trimpath"
minor=${KUBERNETES_VERSION#v1.}; minor=${minor%%.*}
version_flags=""
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  version_flags+=" -X $pkg.gitVersion=$KUBERNETES_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
  version_flags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
done

build() { # module-dir output-name package [ldflags]
  local start=$SECONDS
  (cd "$here/$1" && go build -ldflags "-s -w ${4:-}" -o "$bin/$2.tmp" "$3")
  mv "$bin/$2.tmp" "$bin/$2"
  echo "built $2 in $((SECONDS - start))s" >&2
}
for b in "${missing[@]}"; do
  case $b in
    etcd) build etcd etcd go.etcd.io/etcd/server/v3 ;;
    kwok) build kwok kwok sigs.k8s.io/kwok/cmd/kwok "-X sigs.k8s.io/kwok/pkg/consts.Version=$KWOK_VERSION" ;;
    *) build kube "$b" "k8s.io/kubernetes/cmd/$b" "$version_flags" ;;
  esac
done
echo "$bin"
