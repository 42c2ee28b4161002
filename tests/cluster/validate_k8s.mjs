// Validates Kubernetes manifests offline against the Kubernetes API schema, as the npm package
// kubernetes-models ships it (the OpenAPI definitions compiled to validators: types, required
// fields, enums, formats), plus a strict check that every field is one the API defines (what
// `kubectl apply --validate=strict` refuses), read from the package's type declarations.
//   node validate_k8s.mjs NODE_MODULES_DIR FILE.yaml...
// Exit 0 when every document is valid; 1 with one line per problem naming the file and the field.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [modules, ...files] = process.argv.slice(2);
const load = (spec) => import(pathToFileURL(path.join(modules, spec)).href);
const yaml = (await load("js-yaml/index.js")).default;

// kind -> module of its model, for the kinds our manifests use.
const models = {
  "batch/v1 Job": "kubernetes-models/batch/v1/Job.js",
  "v1 PersistentVolumeClaim": "kubernetes-models/v1/PersistentVolumeClaim.js",
  "v1 ConfigMap": "kubernetes-models/v1/ConfigMap.js",
};

// The fields of the interface declared in a .d.ts file, with the file each object-typed field's
// declaration comes from (null for scalars, maps and unions: not walked).
const declCache = new Map();
function declaration(dts) {
  if (declCache.has(dts)) return declCache.get(dts);
  const text = fs.readFileSync(dts, "utf8");
  const imports = new Map();
  for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) imports.set(m[1], m[2]);
  const body = text.match(/export interface I\w+(?: extends [^{]+)? \{\n([\s\S]*?)\n\}/);
  const fields = new Map();
  if (body)
    for (const m of body[1].matchAll(/^ {4}"([^"]+)"\??: (.*?);?$/gm)) {
      const array = m[2].match(/^Array<(\w+)>$/);
      const name = array ? array[1] : m[2];
      let target = null;
      if (imports.has(name)) {
        const spec = imports.get(name).replace(/\.js$/, "");
        target = spec.startsWith(".")
          ? path.resolve(path.dirname(dts), spec + ".d.ts")
          : path.join(modules, spec + ".d.ts");
      }
      fields.set(m[1], { target, array: !!array });
    }
  declCache.set(dts, fields);
  return fields;
}

function strict(value, dts, where, problems) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return;
  const fields = declaration(dts);
  for (const [key, v] of Object.entries(value)) {
    const f = fields.get(key);
    if (!f) {
      problems.push(`${where}.${key}: unknown field`);
      continue;
    }
    if (!f.target || !fs.existsSync(f.target)) continue;
    if (f.array && Array.isArray(v)) v.forEach((e, i) => strict(e, f.target, `${where}.${key}[${i}]`, problems));
    else strict(v, f.target, `${where}.${key}`, problems);
  }
}

let bad = 0;
for (const file of files) {
  let docs;
  try {
    docs = yaml.loadAll(fs.readFileSync(file, "utf8")).filter((d) => d != null);
  } catch (e) {
    console.log(`${file}: not YAML: ${e.message.split("\n")[0]}`);
    bad++;
    continue;
  }
  if (docs.length === 0) {
    console.log(`${file}: no Kubernetes object`);
    bad++;
  }
  docs.forEach((doc, i) => {
    const where = `${file}: document ${i + 1} (${doc.kind ?? "no kind"} ${doc.metadata?.name ?? ""})`;
    const spec = models[`${doc.apiVersion} ${doc.kind}`];
    if (!spec) {
      console.log(`${where}: apiVersion/kind ${doc.apiVersion} ${doc.kind} is not one this check knows`);
      bad++;
      return;
    }
    return load(spec).then((mod) => {
      const Model = mod[doc.kind];
      const problems = [];
      try {
        new Model(doc).validate();
      } catch (e) {
        problems.push(e.message);
      }
      strict(doc, path.join(modules, spec.replace(/\.js$/, ".d.ts")), "", problems);
      for (const p of problems) console.log(`${where}: ${p}`);
      if (problems.length) bad++;
      else console.log(`${where}: valid`);
    });
  });
}
// The loads above are promises: wait for them before the verdict.
await new Promise((r) => setImmediate(r));
await Promise.resolve();
process.on("beforeExit", () => process.exit(bad ? 1 : 0));
