#!/usr/bin/env python3
"""Writes cloudshift-core/src/main/resources/catalog/provider-schemas/{aws,azure,gcp}.yaml.

Sources (machine-readable forms of the providers' own schemas, the same data the registry documentation
pages are generated from):
  aws    `terraform providers schema -json` of hashicorp/aws (the provider binary, from a filesystem mirror)
  azure  the jsii assemblies of the npm packages @cdktf/provider-azurerm and @cdktf/provider-azuread
  gcp    the jsii assemblies of @cdktf/provider-google and @cdktf/provider-google-beta
         (cdktf generates them from `terraform providers schema -json`; every property keeps its Terraform
         name in its registry documentation link, which is the name used here)

Usage: extract.py --aws aws-schema.json --aws-version 5.100.0 \
         --azurerm azurerm.jsii --azuread azuread.jsii --google google.jsii --google-beta google-beta.jsii \
         --catalog cloudshift-core/src/main/resources/catalog
Getting the inputs:
  aws      a directory with `terraform { required_providers { aws = { source = "hashicorp/aws", version = "5.100.0" } } }`,
           `terraform init` (with a provider mirror if offline), then `terraform providers schema -json > aws-schema.json`
  others   `npm pack @cdktf/provider-azurerm@14.23.1 @cdktf/provider-azuread@14.3.1 @cdktf/provider-google@16.12.1
           @cdktf/provider-google-beta@16.12.1` and `tar xzf <tgz> package/.jsii` (the provider version each package
           was generated from is in its package.json under cdktf.provider.version)
Types: every type in catalog/provider-types/<provider>.txt, every type named by catalog/mappings/** and
tools/provider-schemas/extra-types.txt.
"""
import argparse, json, os, re, sys

TYPE_WORDS = {"string": "string", "number": "number", "bool": "bool", "boolean": "bool", "any": "any",
              "dynamic": "any", "json": "any", "date": "string"}


def wanted_types(catalog, extra):
    names = set()
    for p in ("aws", "azure", "gcp"):
        with open(os.path.join(catalog, "provider-types", p + ".txt")) as f:
            for line in f:
                line = line.split("#")[0].strip()
                if line:
                    names.add(line.split()[0])
    for root, _, files in os.walk(os.path.join(catalog, "mappings")):
        for fn in files:
            text = open(os.path.join(root, fn)).read()
            for m in re.finditer(r"resource_types:\s*\[([^\]]*)\]", text):
                names.update(x.strip() for x in m.group(1).split(",") if x.strip())
            for m in re.finditer(r"absorbed_by:\s*([a-z0-9_]+)", text):
                names.add(m.group(1))
    for line in open(extra):
        line = line.split("#")[0].strip()
        if line:
            names.add(line)
    return names


# ---------- terraform providers schema -json ----------

def tf_type(t):
    if isinstance(t, str):
        return TYPE_WORDS.get(t, t)
    kind = t[0]
    return {"list": "list", "set": "set", "map": "map", "object": "object", "tuple": "list"}.get(kind, "any")


def tf_block(block, top, path=()):
    args, blocks = {}, {}
    for name, a in sorted(block.get("attributes", {}).items()):
        if not a.get("required") and not a.get("optional"):
            continue  # computed only: not an argument
        if top and name == "id" and not a.get("required"):
            continue
        if "nested_type" in a:
            mode = a["nested_type"].get("nesting_mode", "single")
            typ = {"single": "object", "list": "list", "set": "set", "map": "map"}.get(mode, "list")
        else:
            typ = tf_type(a["type"])
        args[name] = ("required " if a.get("required") else "optional ") + typ
    for name, b in sorted(block.get("block_types", {}).items()):
        entry = {"nesting": b.get("nesting_mode", "list")}
        if b.get("min_items"):
            entry["min_items"] = b["min_items"]
        if b.get("max_items"):
            entry["max_items"] = b["max_items"]
        if b.get("nesting_mode") == "single":
            entry["max_items"] = 1
        if name in path:
            entry["open"] = True  # recursive structure (wafv2 statements): contents not listed
        else:
            entry.update(tf_block(b["block"], False, path + (name,)))
        blocks[name] = entry
    out = {}
    if args:
        out["args"] = args
    if blocks:
        out["blocks"] = blocks
    return out


def from_tf_json(path, names, prefix):
    data = json.load(open(path))
    schemas = next(iter(data["provider_schemas"].values()))["resource_schemas"]
    found = {}
    for n in sorted(names):
        if n.startswith(prefix) and n in schemas:
            found[n] = tf_block(schemas[n]["block"], True)
    return found


# ---------- jsii (cdktf) ----------

LINK = re.compile(r"docs/resources/([a-z0-9_]+)#([A-Za-z0-9_]+)")
REPRESENTS = re.compile(r"Represents a \{@link \S+ ([a-z0-9_]+)\}")


def snake(name):
    return re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), name)


class Jsii:
    def __init__(self, path):
        self.types = json.load(open(path))["types"]
        self.by_tf = {}
        for fqn, t in self.types.items():
            if t.get("kind") == "class" and t.get("base") == "cdktf.TerraformResource":
                m = REPRESENTS.search(t.get("docs", {}).get("summary", ""))
                if m:
                    params = t.get("initializer", {}).get("parameters", [])
                    config = [p for p in params if p["name"] == "config"]
                    if config:
                        self.by_tf[m.group(1)] = config[0]["type"]["fqn"]

    def tf_name(self, prop):
        docs = prop.get("docs", {})
        m = LINK.search(docs.get("remarks", "") + " " + docs.get("summary", ""))
        return m.group(2) if m else snake(prop["name"])

    def classify(self, typ):
        """(kind, detail): ('arg', coarse type) or ('block', (fqn, many))."""
        if "union" in typ:
            members = [m for m in typ["union"]["types"] if m.get("fqn") != "cdktf.IResolvable"]
            if len(members) == 1:
                return self.classify(members[0])
            return ("arg", "any")
        if "primitive" in typ:
            return ("arg", TYPE_WORDS.get(typ["primitive"], "any"))
        if "collection" in typ:
            c = typ["collection"]
            el = c["elementtype"]
            if c["kind"] == "array":
                inner = self.classify(el)
                if inner[0] == "block":
                    return ("block", (inner[1][0], True))
                return ("arg", "list")
            return ("arg", "map")
        if "fqn" in typ:
            t = self.types.get(typ["fqn"], {})
            if t.get("datatype"):
                return ("block", (typ["fqn"], False))
            return ("arg", "any")
        return ("arg", "any")

    def block(self, fqn, top, path=()):
        t = self.types[fqn]
        props = list(t.get("properties", []))
        args, blocks = {}, {}
        for p in props:
            name = self.tf_name(p)
            if top and name in ("id",) and p.get("optional"):
                continue
            if top and name in ("count", "depends_on", "for_each", "lifecycle", "provider", "provisioners",
                                "connection"):
                continue
            kind, detail = self.classify(p["type"])
            required = not p.get("optional")
            if kind == "arg":
                args[name] = ("required " if required else "optional ") + detail
            else:
                sub_fqn, many = detail
                entry = {"nesting": "list"}
                if required:
                    entry["min_items"] = 1
                if not many:
                    entry["max_items"] = 1
                if name in path or len(path) > 10:
                    entry["open"] = True
                else:
                    entry.update(self.block(sub_fqn, False, path + (name,)))
                blocks[name] = entry
        out = {}
        if args:
            out["args"] = dict(sorted(args.items()))
        if blocks:
            out["blocks"] = dict(sorted(blocks.items()))
        return out

    def resources(self, names, prefix):
        found = {}
        for n in sorted(names):
            if n.startswith(prefix) and n in self.by_tf:
                found[n] = self.block(self.by_tf[n], True)
        return found


# ---------- YAML writer (fixed layout, no dependency) ----------

def q(s):
    return s if re.fullmatch(r"[A-Za-z0-9_.\-]+", s) else json.dumps(s)


def write_block(out, body, indent):
    pad = " " * indent
    for k in ("provider", "nesting", "min_items", "max_items", "open"):
        if k in body:
            out.append(f"{pad}{k}: {str(body[k]).lower() if isinstance(body[k], bool) else body[k]}")
    if "args" in body:
        out.append(f"{pad}args:")
        for name, spec in body["args"].items():
            out.append(f"{pad}  {q(name)}: {spec}")
    if "blocks" in body:
        out.append(f"{pad}blocks:")
        for name, b in body["blocks"].items():
            out.append(f"{pad}  {q(name)}:")
            write_block(out, b, indent + 4)


def write(path, header, providers, resources):
    out = [("# " + line).rstrip() for line in header.strip().splitlines()]
    out.append("providers:")
    for name, (source, version) in providers.items():
        out.append(f"  {name}:")
        out.append(f"    source: {source}")
        out.append(f"    version: \"{version}\"")
    out.append("resources:")
    for name in sorted(resources):
        out.append(f"  {name}:")
        body = resources[name]
        if body:
            write_block(out, body, 4)
        else:
            out.append("    args: {}")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


HEADER = """Argument schemas of the {what} resource types CloudShift names (catalog/provider-types/{p}.txt,
catalog/mappings/** targets, and tools/provider-schemas/extra-types.txt), {versions}.
Source: {source}
Generated by tools/provider-schemas/extract.py; do not edit by hand, re-run it (see its docstring).
Layout: resources.<type>.args.<name>: required|optional <type> (string, number, bool, list, set, map,
object, any); resources.<type>.blocks.<name>: nested block with nesting (single, list, set, map),
min_items/max_items when the provider states them, and its own args/blocks (open: true marks a recursive
block, such as wafv2 statements, whose contents are not listed). Computed-only attributes
(outputs such as id, arn, fqdn) are not arguments and are not listed."""


def main():
    ap = argparse.ArgumentParser()
    for a in ("aws", "aws-version", "azurerm", "azurerm-version", "azuread", "azuread-version", "google",
              "google-beta", "google-version", "catalog", "extra"):
        ap.add_argument("--" + a, required=True)
    o = ap.parse_args()
    names = wanted_types(o.catalog, o.extra)
    outdir = os.path.join(o.catalog, "provider-schemas")
    os.makedirs(outdir, exist_ok=True)
    missing = []

    aws = from_tf_json(o.aws, names, "aws_")
    missing += sorted(n for n in names if n.startswith("aws_") and n not in aws)
    write(os.path.join(outdir, "aws.yaml"),
          HEADER.format(what="hashicorp/aws", p="aws", versions=f"hashicorp/aws {o.aws_version}",
                        source=f"`terraform providers schema -json` of registry.terraform.io/hashicorp/aws "
                               f"{o.aws_version} (documented at\nhttps://registry.terraform.io/providers/hashicorp/aws/"
                               f"{o.aws_version}/docs/resources/<type without aws_>)."),
          {"aws": ("hashicorp/aws", o.aws_version)}, aws)

    azurerm = Jsii(o.azurerm).resources(names, "azurerm_")
    azuread = Jsii(o.azuread).resources(names, "azuread_")
    az = {**azurerm, **azuread}
    missing += sorted(n for n in names if (n.startswith("azurerm_") or n.startswith("azuread_")) and n not in az)
    write(os.path.join(outdir, "azure.yaml"),
          HEADER.format(what="hashicorp/azurerm and hashicorp/azuread", p="azure",
                        versions=f"hashicorp/azurerm {o.azurerm_version} and hashicorp/azuread {o.azuread_version}",
                        source="the provider schemas as published in the jsii assemblies of the npm packages\n"
                               "@cdktf/provider-azurerm 14.23.1 (azurerm " + o.azurerm_version + ") and "
                               "@cdktf/provider-azuread 14.3.1 (azuread " + o.azuread_version + "), whose every "
                               "property links its\nregistry page https://registry.terraform.io/providers/hashicorp/"
                               "azurerm/" + o.azurerm_version + "/docs/resources/<type without azurerm_>#<argument>."),
          {"azurerm": ("hashicorp/azurerm", o.azurerm_version), "azuread": ("hashicorp/azuread", o.azuread_version)},
          az)

    google = Jsii(o.google).resources(names, "google_")
    beta = Jsii(o.google_beta).resources(set(n for n in names if n not in google), "google_")
    for body in beta.values():
        body["provider"] = "google-beta"
    gg = {**google, **beta}
    missing += sorted(n for n in names if n.startswith("google_") and n not in gg)
    write(os.path.join(outdir, "gcp.yaml"),
          HEADER.format(what="hashicorp/google (and google-beta for beta-only types)", p="gcp",
                        versions=f"hashicorp/google {o.google_version} and hashicorp/google-beta {o.google_version}",
                        source="the provider schemas as published in the jsii assemblies of the npm packages\n"
                               "@cdktf/provider-google 16.12.1 and @cdktf/provider-google-beta 16.12.1 (google "
                               + o.google_version + "), whose every property links its registry page\n"
                               "https://registry.terraform.io/providers/hashicorp/google/" + o.google_version +
                               "/docs/resources/<type without google_>#<argument>. Beta-only types: "
                               + ", ".join(sorted(beta)) + "."),
          {"google": ("hashicorp/google", o.google_version), "google-beta": ("hashicorp/google-beta", o.google_version)},
          gg)
    if missing:
        print("not in the provider schema: " + ", ".join(missing), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
