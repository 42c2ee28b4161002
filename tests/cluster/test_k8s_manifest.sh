#!/usr/bin/env bash
# The Kubernetes manifests of packaging/cluster/ against the Kubernetes API schema, offline (no
# cluster): tests/cluster/validate_k8s.mjs with the npm package kubernetes-models, installed by
# scripts/install-cluster-deps.sh. Then broken copies of the Indexed Job must be refused, field
# named, so the check is shown to be able to fail.
#   test_k8s_manifest.sh SOURCE_DIR
# Exit 0 passed, 1 failed, 77 skipped (CTest SKIP_RETURN_CODE), with the reason printed.
set -euo pipefail
src=$1
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-unknown}")
if [ "$codename" != bookworm ]; then
  echo "SKIPPED: the manifest check is a file check independent of the build; it runs once, in the" \
    "Debian 12 stage (this is $codename, where node/npm would be added to the cached root)"
  exit 77
fi
if ! modules=$("$src/scripts/install-cluster-deps.sh" k8s); then
  echo "SKIPPED: scripts/install-cluster-deps.sh k8s could not install node, npm or kubernetes-models"
  exit 77
fi
check() { node "$src/tests/cluster/validate_k8s.mjs" "$modules" "$@"; }

manifests=("$src"/packaging/cluster/*.yaml)
[ ${#manifests[@]} -ge 2 ] || { echo "FAIL: expected the Job manifests in packaging/cluster/"; exit 1; }
check "${manifests[@]}" || { echo "FAIL: a manifest of packaging/cluster/ is not valid"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
job=$src/packaging/cluster/indexed-job.yaml
# name | sed expression | what the refusal must say
while IFS='|' read -r name expr says; do
  sed -e "$expr" "$job" >"$tmp/$name.yaml"
  if cmp -s "$job" "$tmp/$name.yaml"; then
    echo "FAIL: the '$name' edit changed nothing in $job"
    exit 1
  fi
  if out=$(check "$tmp/$name.yaml"); then
    echo "FAIL: the broken copy '$name' was accepted:"
    echo "$out"
    exit 1
  fi
  if ! grep -qF -- "$says" <<<"$out"; then
    echo "FAIL: the refusal of '$name' does not say '$says':"
    echo "$out"
    exit 1
  fi
  echo "refused as expected ($name): $(grep -F -- "$says" <<<"$out" | head -1)"
done <<'EOF_CASES'
count as text|s/^  completions: 16/  completions: "16"/|spec/completions must be integer
unknown mode|s/completionMode: Indexed/completionMode: Sharded/|spec/completionMode must be equal to one of the allowed values
misspelt field|s/^  parallelism: 16/  paralellism: 16/|.spec.paralellism: unknown field
misspelt mount option|s/mountPath: \/photos, readOnly: true/mountPath: \/photos, readonly: true/|.volumeMounts[1].readonly: unknown field
container without a name|s/- name: predict/- nam: predict/|containers/0 must have required property name
EOF_CASES
echo "PASS: ${#manifests[@]} manifests valid; 5 broken copies refused"
