#!/usr/bin/env python3
"""Generates kplan's embedded Kubernetes schema bundle (Sources/CKPlanSchemaData/bundle.c).

Source: the PyPI package kubernetes-validate==1.37.0, whose `kubernetes-json-schema/v1.NN.0-local/
_definitions.json` files hold every built-in definition as JSON Schema 2020-12 (`$defs`, refs
`#/$defs/NAME`). Descriptions are stripped; everything validation or a server-side-apply diff needs is
kept. Definitions identical across versions are stored once.

The bundle is line-oriented text, so kplan can index it without parsing the schemas:

    kplan-schema-bundle 1
    cluster <TAB> group <TAB> kind          one line per cluster-scoped built-in kind
    version <TAB> 1.37                       starts a version's definition table
    def <TAB> name <TAB> body <TAB> gvk...   a definition: body number, then group,version,kind triples
    body <TAB> json                          schema bodies, numbered from 0 in order of appearance

Usage: generate-schema-bundle.py [--source DIR] [--check]
"""

import argparse
import json
import os
import re
import sys

VERSIONS = ["1.35", "1.36", "1.37"]

# The kubernetes-validate release the bundle is made from.
SOURCE_VERSION = "1.37.0"

# Keywords that only document a schema; everything else is kept.
DOCUMENTATION_KEYWORDS = {"description", "title", "example", "examples", "$comment", "$schema", "$id"}

# Built-in kinds whose objects are not namespaced, by API group (the definitions do not say).
CLUSTER_SCOPED = {
    "": ["ComponentStatus", "Namespace", "Node", "PersistentVolume"],
    "admissionregistration.k8s.io": [
        "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding", "MutatingWebhookConfiguration",
        "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "ValidatingWebhookConfiguration",
    ],
    "apiextensions.k8s.io": ["CustomResourceDefinition"],
    "apiregistration.k8s.io": ["APIService"],
    "authentication.k8s.io": ["SelfSubjectReview", "TokenReview"],
    "authorization.k8s.io": ["SelfSubjectAccessReview", "SelfSubjectRulesReview", "SubjectAccessReview"],
    "certificates.k8s.io": ["CertificateSigningRequest", "ClusterTrustBundle"],
    "flowcontrol.apiserver.k8s.io": ["FlowSchema", "PriorityLevelConfiguration"],
    "internal.apiserver.k8s.io": ["StorageVersion"],
    "networking.k8s.io": ["IPAddress", "IngressClass", "ServiceCIDR"],
    "node.k8s.io": ["RuntimeClass"],
    "rbac.authorization.k8s.io": ["ClusterRole", "ClusterRoleBinding"],
    "resource.k8s.io": ["DeviceClass", "DeviceTaintRule", "ResourcePoolStatusRequest", "ResourceSlice"],
    "scheduling.k8s.io": ["PriorityClass"],
    "storage.k8s.io": ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment", "VolumeAttributesClass"],
    "storagemigration.k8s.io": ["StorageVersionMigration"],
}

# Characters of bundle text per C source line.
CHUNK = 110

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(REPO_ROOT, "Sources", "CKPlanSchemaData", "bundle.c")


def default_source():
    try:
        import kubernetes_validate
    except ImportError:
        sys.exit("error: the kubernetes_validate package is not installed; "
                 "run `pip install kubernetes-validate==1.37.0` or pass --source DIR")
    return os.path.dirname(kubernetes_validate.__file__)


def strip(schema):
    """Returns a schema without documentation keywords, recursing only into sub-schema positions."""
    if not isinstance(schema, dict):
        return schema
    out = {}
    for key, value in schema.items():
        if key in DOCUMENTATION_KEYWORDS:
            continue
        if key in ("properties", "patternProperties", "$defs", "definitions") and isinstance(value, dict):
            out[key] = {name: strip(sub) for name, sub in value.items()}
        elif key in ("items", "additionalProperties", "not", "additionalItems", "contains") and isinstance(value, dict):
            out[key] = strip(value)
        elif key in ("oneOf", "anyOf", "allOf", "prefixItems") and isinstance(value, list):
            out[key] = [strip(sub) for sub in value]
        else:
            out[key] = value
    return out


def encode(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def check_source_version(source):
    """Exits unless `source` is the kubernetes-validate release the bundle is pinned to."""
    try:
        with open(os.path.join(source, "version.py"), encoding="utf-8") as handle:
            match = re.search(r"__version__\s*=\s*['\"]([^'\"]+)['\"]", handle.read())
    except FileNotFoundError:
        match = None
    found = match.group(1) if match else "unknown"
    if found != SOURCE_VERSION:
        sys.exit("error: %s is kubernetes-validate %s; the bundle is made from %s "
                 "(pip install kubernetes-validate==%s)" % (source, found, SOURCE_VERSION, SOURCE_VERSION))


def build_bundle(source):
    check_source_version(source)
    lines = ["kplan-schema-bundle 1"]
    for group in sorted(CLUSTER_SCOPED):
        for kind in sorted(CLUSTER_SCOPED[group]):
            lines.append("cluster\t%s\t%s" % (group, kind))
    bodies = []
    body_numbers = {}
    for version in VERSIONS:
        path = os.path.join(source, "kubernetes-json-schema", "v%s.0-local" % version, "_definitions.json")
        if not os.path.exists(path):
            sys.exit("error: %s not found; is %s a kubernetes_validate 1.37.0 package directory?" % (path, source))
        with open(path, encoding="utf-8") as handle:
            definitions = json.load(handle)["$defs"]
        lines.append("version\t%s" % version)
        for name in sorted(definitions):
            body = encode(strip(definitions[name]))
            if body not in body_numbers:
                body_numbers[body] = len(bodies)
                bodies.append(body)
            gvks = sorted(
                "%s,%s,%s" % (gvk["group"], gvk["version"], gvk["kind"])
                for gvk in definitions[name].get("x-kubernetes-group-version-kind", [])
            )
            lines.append("\t".join(["def", name, str(body_numbers[body])] + gvks))
    for body in bodies:
        lines.append("body\t" + body)
    return "\n".join(lines) + "\n"


def c_literal(text):
    """Renders text as one C string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("?", "\\?")
    return '"%s"' % escaped.replace("\t", "\\t").replace("\n", "\\n")


def render_c(bundle):
    out = [
        "// Generated by Scripts/generate-schema-bundle.py from kubernetes-validate 1.37.0. Do not edit.",
        "#include \"CKPlanSchemaData.h\"",
        "",
        "#pragma clang diagnostic ignored \"-Woverlength-strings\"",
        "",
        "static const char bundle[] =",
    ]
    for line in bundle.split("\n")[:-1]:
        line += "\n"
        for start in range(0, len(line), CHUNK):
            out.append("    " + c_literal(line[start:start + CHUNK]))
    out[-1] += ";"
    out += [
        "",
        "const char *kplan_schema_bundle(void) { return bundle; }",
        "",
        "size_t kplan_schema_bundle_length(void) { return sizeof(bundle) - 1; }",
        "",
    ]
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", help="a kubernetes_validate package directory")
    parser.add_argument("--check", action="store_true", help="exit non-zero if the committed file is stale")
    args = parser.parse_args()
    source = args.source or default_source()
    bundle = build_bundle(source)
    rendered = render_c(bundle)
    if args.check:
        try:
            with open(OUTPUT, encoding="utf-8") as handle:
                current = handle.read()
        except FileNotFoundError:
            current = ""
        if current != rendered:
            sys.exit("error: %s is stale; run Scripts/generate-schema-bundle.py" % os.path.relpath(OUTPUT, REPO_ROOT))
        print("schema bundle is up to date (%d bytes)" % len(bundle.encode()))
        return
    with open(OUTPUT, "w", encoding="utf-8") as handle:
        handle.write(rendered)
    print("wrote %s: bundle %d bytes, C source %d bytes"
          % (os.path.relpath(OUTPUT, REPO_ROOT), len(bundle.encode()), len(rendered.encode())))


if __name__ == "__main__":
    main()
