#!/usr/bin/env bash
# Re-captures Tests/KPlanSimulatorTests/Fixtures/real-apiserver from a real kube-apiserver.
# Usage: Scripts/capture-real-apiserver-fixtures.sh KUBECONFIG   (a running kube-apiserver, see the README there)
set -euo pipefail
kubeconfig=$1
root=$(cd "$(dirname "$0")/.." && pwd)
kubectl="$("$root/../shared/tools/kubectl-1.37" | tail -1) --kubeconfig $kubeconfig"
plan="$root/manifests/plan"
out="$root/Tests/KPlanSimulatorTests/Fixtures/real-apiserver"

$kubectl apply --server-side --field-manager team-a -f "$plan/conflict-and-force/team-a/web.yaml" >/dev/null
$kubectl apply --server-side --field-manager team-b -f "$plan/conflict-and-force/team-b/web.yaml" 2>&1 | head -3 > "$out/conflict-two-fields.txt" || true
$kubectl apply --server-side --field-manager team-b --force-conflicts -f "$plan/conflict-and-force/team-b/web.yaml" >/dev/null
$kubectl get deploy web -o json --show-managed-fields > "$out/conflict-and-force.json"
$kubectl delete deploy web >/dev/null

$kubectl apply --server-side --field-manager kplan -f "$plan/list-merge-by-key/v1/deploy.yaml" >/dev/null
$kubectl apply --server-side --field-manager kplan -f "$plan/list-merge-by-key/v2/deploy.yaml" >/dev/null
$kubectl get deploy shop -o json --show-managed-fields > "$out/list-merge-by-key.json"
$kubectl delete deploy shop >/dev/null

$kubectl apply --server-side --field-manager kplan -f "$plan/field-removed-by-owner/v1/web.yaml" >/dev/null
$kubectl apply --server-side --field-manager kplan -f "$plan/field-removed-by-owner/v2/web.yaml" >/dev/null
$kubectl get deploy web -o json --show-managed-fields > "$out/field-removed-by-owner.json"
$kubectl delete deploy web >/dev/null
