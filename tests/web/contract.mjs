// The JSON API's contract test: doc/openapi.yaml against a running
// `plenary serve` and against the routes the server's source registers.
//
//   node contract.mjs BASE_URL
//   env: PLENARY_TOKEN (an admin's API token), PLENARY_LOGIN and
//        PLENARY_PASSWORD (the same user's, to sign in with a session).
//
// The server must hold the SSR2 example (examples/ssr2) and may be written to:
// the test edits, merges and unmerges items and re-imports the example. Every
// documented operation is called at least once with real path values, and
// every answer's status must be documented for that operation, its
// Content-Type must be the documented one and its body must validate against
// the documented schema. Exits 1 after listing every failure.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const base = (process.argv[2] || process.env.PLENARY_URL || "").replace(/\/$/, "");
const token = process.env.PLENARY_TOKEN || "";
const login = process.env.PLENARY_LOGIN || "";
const password = process.env.PLENARY_PASSWORD || "";
if (!base || !token || !login || !password) {
  console.error("usage: PLENARY_TOKEN=... PLENARY_LOGIN=... PLENARY_PASSWORD=... " +
                "node contract.mjs BASE_URL");
  process.exit(2);
}

const failures = [];
const fail = (what) => failures.push(what);
const spec = YAML.parse(readFileSync(join(repo, "doc/openapi.yaml"), "utf8"));
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

// OpenAPI 3.0 schemas to JSON Schema: `nullable` becomes a null alternative
// (with null added to an enum, as OpenAPI 3.0.3 asks of nullable enums).
function toJsonSchema(node) {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "nullable" || k === "example") continue;
    out[k] = k === "properties" ? Object.fromEntries(
      Object.entries(v).map(([name, s]) => [name, toJsonSchema(s)])) : toJsonSchema(v);
  }
  if (node.nullable !== true) return out;
  if (typeof out.type === "string") {
    out.type = [out.type, "null"];
    if (out.enum && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [{ type: "null" }, out] };
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "openapi", components: { schemas: toJsonSchema(spec.components.schemas) } });

function deref(obj) {
  while (obj && obj.$ref) {
    const path = obj.$ref.replace(/^#\//, "").split("/");
    obj = path.reduce((o, key) => o?.[key], spec);
  }
  return obj;
}

const validators = new Map();
function validatorFor(schema) {
  const key = JSON.stringify(schema);
  if (!validators.has(key)) {
    const body = schema.$ref ? { $ref: "openapi" + schema.$ref } : toJsonSchema(schema);
    validators.set(key, ajv.compile(body));
  }
  return validators.get(key);
}

// --- routes: the source's registrations against the description -----------

function registeredRoutes() {
  const routes = new Set();
  const dir = join(repo, "src/server");
  const call = /\.Add\(\s*"([A-Z]+)"\s*,\s*"([^"]+)"/g;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".cc") && !f.endsWith("_test.cc"))) {
    for (const m of readFileSync(join(dir, file), "utf8").matchAll(call)) {
      if (m[2].startsWith("/api/") || m[2] === "/healthz") routes.add(`${m[1]} ${m[2]}`);
    }
  }
  return routes;
}

const documented = new Set();
for (const [path, item] of Object.entries(spec.paths))
  for (const method of METHODS) if (item[method]) documented.add(`${method.toUpperCase()} ${path}`);
const registered = registeredRoutes();
if (registered.size < 10) fail(`found only ${registered.size} router.Add calls in src/server: has the registration changed?`);
for (const r of registered) if (!documented.has(r)) fail(`${r}: registered by the server but not in doc/openapi.yaml`);
for (const r of documented) if (!registered.has(r)) fail(`${r}: in doc/openapi.yaml but no router.Add registers it`);

// --- calls -------------------------------------------------------------------

const exercised = new Set();

function fill(template, params) {
  return template.replace(/\{(\w+)\}/g, (_, name) => {
    if (!(name in params)) throw new Error(`${template}: no value for {${name}}`);
    return encodeURIComponent(params[name]);
  });
}

// Calls METHOD TEMPLATE and checks the answer against the description.
// Returns {status, headers, body} (body parsed when JSON).
async function call(method, template, { params = {}, query = "", body, type, auth = "token",
                                        headers = {}, expect } = {}) {
  const url = base + fill(template, params) + (query ? "?" + query : "");
  const label = `${method} ${template}${query ? "?" + query : ""}`;
  const h = { ...headers };
  if (auth === "token") h.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    h["Content-Type"] = type || "application/json";
    if (typeof body !== "string") body = JSON.stringify(body);
  }
  exercised.add(`${method} ${template}`);
  let response;
  try {
    response = await fetch(url, { method, headers: h, body, redirect: "manual" });
  } catch (e) {
    fail(`${label}: request failed: ${e.message}`);
    return { status: 0, headers: new Headers(), body: null };
  }
  const text = await response.text();
  const contentType = (response.headers.get("content-type") || "").split(";")[0].trim();
  let parsed = text;
  if (contentType.endsWith("json")) {
    try { parsed = JSON.parse(text); } catch { fail(`${label}: ${contentType} body is not JSON`); }
  }
  const result = { status: response.status, headers: response.headers, body: parsed };
  if (expect !== undefined && response.status !== expect) {
    fail(`${label}: status ${response.status}, expected ${expect}: ${text.slice(0, 300)}`);
  }
  checkAgainstSpec(label, method, template, response.status, contentType, parsed, text);
  return result;
}

function checkAgainstSpec(label, method, template, status, contentType, body, text) {
  const op = spec.paths[template]?.[method.toLowerCase()];
  if (!op) return fail(`${label}: not described in doc/openapi.yaml`);
  const documentedResponse = op.responses?.[String(status)] ?? op.responses?.default;
  if (!documentedResponse) {
    return fail(`${label}: status ${status} is not documented (documented: ${Object.keys(op.responses).join(", ")}): ${text.slice(0, 200)}`);
  }
  const response = deref(documentedResponse);
  if (!response.content) {
    if (text.length) fail(`${label}: status ${status} is documented without a body but has one (${contentType})`);
    return;
  }
  const media = response.content[contentType];
  if (!media) {
    return fail(`${label}: status ${status} answered ${contentType || "no Content-Type"}, documented ${Object.keys(response.content).join(", ")}`);
  }
  if (!media.schema) return;
  const validate = validatorFor(media.schema);
  if (!validate(body)) {
    for (const e of validate.errors.slice(0, 8))
      fail(`${label}: status ${status}: body${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  }
}

const notes = readFileSync(join(repo, "examples/ssr2/ssr2-plenary-15.txt"), "utf8");
const roster = readFileSync(join(repo, "examples/ssr2/ssr2-roster.txt"), "utf8");
const g = { group: "SSR2" };

async function reads() {
  await call("GET", "/healthz", { auth: "none", expect: 200 });
  await call("GET", "/api/v1/groups", { expect: 200 });
  const group = await call("GET", "/api/v1/groups/{group}", { params: g, expect: 200 });
  const etag = group.headers.get("etag");
  if (!etag) fail("GET /api/v1/groups/{group}: no ETag");
  else await call("GET", "/api/v1/groups/{group}", { params: g, headers: { "If-None-Match": etag }, expect: 304 });
  await call("GET", "/api/v1/groups/{group}", { params: { group: "no-such-group" }, expect: 404 });
  await call("GET", "/api/v1/groups/{group}/meetings", { params: g, expect: 200 });
  await call("GET", "/api/v1/groups/{group}/meetings", { params: g, query: "per_page=0", expect: 400 });
  await call("GET", "/api/v1/groups/{group}/meetings/{kind}/{number}",
             { params: { ...g, kind: "plenary", number: 15 }, expect: 200 });
  await call("GET", "/api/v1/groups/{group}/meetings/{kind}/{number}",
             { params: { ...g, kind: "Plenary", number: 999 }, expect: 404 });
  const actions = await call("GET", "/api/v1/groups/{group}/actions", { params: g, expect: 200 });
  const paged = await call("GET", "/api/v1/groups/{group}/actions",
                           { params: g, query: "status=open&per_page=2&page=2", expect: 200 });
  if (!/rel="next"/.test(paged.headers.get("link") || "") || !/rel="prev"/.test(paged.headers.get("link") || ""))
    fail(`GET /api/v1/groups/{group}/actions?per_page=2&page=2: Link lacks next/prev: ${paged.headers.get("link")}`);
  // The next page by its cursor: the page after page 1, as page 2 is.
  const first = await call("GET", "/api/v1/groups/{group}/actions",
                           { params: g, query: "status=open&limit=2", expect: 200 });
  const next = first.body?.next || "";
  const cursor = new URLSearchParams(next.split("?")[1] || "").get("cursor");
  if (!cursor) fail(`GET /api/v1/groups/{group}/actions?limit=2: no next cursor: ${next}`);
  else {
    const second = await call("GET", "/api/v1/groups/{group}/actions",
                              { params: g, query: `status=open&limit=2&cursor=${encodeURIComponent(cursor)}`, expect: 200 });
    const want = (paged.body?.items || []).map((a) => a.id).join();
    const got = (second.body?.items || []).map((a) => a.id).join();
    if (got !== want) fail(`GET /api/v1/groups/{group}/actions?cursor=: ${got}, page 2 is ${want}`);
  }
  await call("GET", "/api/v1/groups/{group}/actions", { params: g, query: "cursor=not-a-cursor", expect: 400 });
  await call("GET", "/api/v1/groups/{group}/actions", { params: g, query: "as_of=not-a-date", expect: 400 });
  const ids = (actions.body?.items || []).map((a) => a.id);
  if (ids.length < 3) fail(`GET /api/v1/groups/SSR2/actions: expected the example's items, got ${ids.length}`);
  await call("GET", "/api/v1/groups/{group}/actions/{id}", { params: { ...g, id: ids[0] ?? 1 }, expect: 200 });
  await call("GET", "/api/v1/groups/{group}/actions/{id}", { params: { ...g, id: 999999 }, expect: 404 });
  await call("GET", "/api/v1/groups/{group}/decisions", { params: g, expect: 200 });
  await call("GET", "/api/v1/groups/{group}/attendance", { params: g, expect: 200 });
  await call("GET", "/api/v1/groups/{group}/attendance", { params: g, query: "month=2017-06", expect: 200 });
  await call("GET", "/api/v1/groups/{group}/attendance", { params: g, query: "by=affiliation", expect: 200 });
  await call("GET", "/api/v1/groups/{group}/attendance", { params: g, query: "by=bogus", expect: 400 });
  await call("GET", "/api/v1/groups/{group}/report-back", { params: g, query: "affiliation=GNSO", expect: 404 });
  await call("GET", "/api/v1/groups/{group}/report-back", { params: g, expect: 400 });
  await call("GET", "/api/v1/groups/{group}/people", { params: g, expect: 200 });
  await call("GET", "/api/v1/groups/{group}/audit", { params: g, expect: 200 });
  const found = await call("GET", "/api/v1/search", { query: "q=review", expect: 200 });
  if (!(found.body?.items?.length > 0)) fail("GET /api/v1/search?q=review: no hits in the SSR2 example");
  await call("GET", "/api/v1/search", { query: "q=review&group=SSR2&limit=3", expect: 200 });
  await call("GET", "/api/v1/search", { expect: 400 });
  const me = await call("GET", "/api/v1/me", { expect: 200 });
  if (me.body?.login !== login) fail(`GET /api/v1/me: login ${me.body?.login}, expected ${login}`);
  await call("GET", "/api/v1/me", { auth: "none", expect: 401 });
  await call("GET", "/api/v1/me/actions", { expect: 200 });
  await call("GET", "/api/v1/me/actions", { query: "status=all", expect: 200 });
  await call("GET", "/api/v1/me/actions", { query: "status=bogus", expect: 400 });
  return ids;
}

async function session() {
  const anonymous = await call("GET", "/api/v1/session", { auth: "none", expect: 200 });
  if (anonymous.body?.signed_in !== false) fail("GET /api/v1/session without credentials: signed_in is not false");
  await call("POST", "/api/v1/session", { auth: "none", body: { login, password: password + "x" }, expect: 401 });
  await call("POST", "/api/v1/session", { auth: "none", body: { login }, expect: 400 });
  const signed = await call("POST", "/api/v1/session", { auth: "none", body: { login, password }, expect: 200 });
  const cookie = (signed.headers.get("set-cookie") || "").split(";")[0];
  const csrf = signed.body?.csrf_token;
  if (!cookie || !csrf) return fail("POST /api/v1/session: no cookie or csrf_token");
  const mine = await call("GET", "/api/v1/session", { auth: "none", headers: { Cookie: cookie }, expect: 200 });
  if (mine.body?.signed_in !== true || mine.body?.csrf_token !== csrf)
    fail("GET /api/v1/session with the cookie: not signed in with the same CSRF token");
  await call("DELETE", "/api/v1/session", { auth: "none", headers: { Cookie: cookie }, expect: 403 });
  await call("DELETE", "/api/v1/session", { auth: "none", headers: { Cookie: cookie, "X-CSRF-Token": csrf }, expect: 204 });
  const after = await call("GET", "/api/v1/session", { auth: "none", headers: { Cookie: cookie }, expect: 200 });
  if (after.body?.signed_in !== false) fail("GET /api/v1/session after DELETE: still signed in");
}

async function writes(ids) {
  const [edited, kept, folded] = ids;
  const item = { ...g, id: edited };
  await call("PATCH", "/api/v1/groups/{group}/actions/{id}",
             { params: item, body: { status: "complete", note: "contract test" }, expect: 200 });
  await call("PATCH", "/api/v1/groups/{group}/actions/{id}", { params: item, body: { due: "2030-01-31" }, expect: 200 });
  await call("PATCH", "/api/v1/groups/{group}/actions/{id}", { params: item, body: { status: "bogus" }, expect: 400 });
  await call("PATCH", "/api/v1/groups/{group}/actions/{id}", { params: item, body: "{", expect: 400 });
  await call("PATCH", "/api/v1/groups/{group}/actions/{id}",
             { params: item, auth: "none", body: { status: "open" }, expect: 404 });
  await call("POST", "/api/v1/groups/{group}/actions/{id}/merge",
             { params: { ...g, id: kept }, body: { from: folded, note: "same item" }, expect: 200 });
  await call("POST", "/api/v1/groups/{group}/actions/{id}/merge",
             { params: { ...g, id: kept }, body: { from: 999999 }, expect: 404 });
  await call("POST", "/api/v1/groups/{group}/actions/{id}/unmerge", { params: { ...g, id: folded }, expect: 200 });
  await call("POST", "/api/v1/groups/{group}/actions/{id}/unmerge", { params: { ...g, id: folded }, expect: 409 });
  const made = await call("PATCH", "/api/v1/groups/{group}", { params: g, body: { public: true }, expect: 200 });
  if (made.body?.public !== true) fail("PATCH /api/v1/groups/{group} {public: true}: the group is not public");
  await call("GET", "/api/v1/groups/{group}", { params: g, auth: "none", expect: 200 });
  await call("PATCH", "/api/v1/groups/{group}/actions/{id}",
             { params: item, auth: "none", body: { status: "open" }, expect: 403 });
  await call("PATCH", "/api/v1/groups/{group}", { params: g, auth: "none", body: { public: false }, expect: 403 });
  await call("PATCH", "/api/v1/groups/{group}", { params: g, body: { public: "yes" }, expect: 400 });
  await call("PATCH", "/api/v1/groups/{group}", { params: g, body: { public: false }, expect: 200 });
  const audit = await call("GET", "/api/v1/groups/{group}/audit", { params: g, query: "per_page=5", expect: 200 });
  if (!(audit.body?.total > 0)) fail("GET /api/v1/groups/{group}/audit: the changes above are not in the audit log");
  // The audit log by its cursor: the entry after the newest is the second newest.
  const newest = await call("GET", "/api/v1/groups/{group}/audit", { params: g, query: "limit=1", expect: 200 });
  const auditCursor = new URLSearchParams((newest.body?.next || "").split("?")[1] || "").get("cursor");
  if (!auditCursor) fail(`GET /api/v1/groups/{group}/audit?limit=1: no next cursor: ${newest.body?.next}`);
  const older = await call("GET", "/api/v1/groups/{group}/audit",
                           { params: g, query: `limit=1&cursor=${encodeURIComponent(auditCursor)}`, expect: 200 });
  if (older.body?.items?.[0]?.id !== audit.body?.items?.[1]?.id)
    fail("GET /api/v1/groups/{group}/audit?cursor=: not the second newest entry");
  const imports = "/api/v1/groups/{group}/imports";
  const request = { notes: [{ name: "ssr2-plenary-15.txt", text: notes }],
                    roster: { name: "ssr2-roster.txt", text: roster } };
  await call("POST", imports, { params: g, query: "dry_run=true", body: request, expect: 200 });
  await call("POST", imports, { params: g, query: "dry_run=true&name=p15.txt", body: notes, type: "text/plain", expect: 200 });
  await call("POST", imports, { params: g, query: "dry_run=true", body: { notes: [] }, expect: 400 });
  await call("POST", imports, { params: g, query: "dry_run=true&name=bad.txt", body: "not notes\n", type: "text/plain", expect: 400 });
  await call("POST", imports, { params: g, query: "dry_run=true&name=p15.txt&format=icann-notes&group=SSR2", body: notes, type: "text/plain", expect: 200 });
  await call("POST", imports, { params: g, query: "dry_run=true", body: { ...request, format: "detect", group: "SSR2" }, expect: 200 });
  await call("POST", imports, { params: g, query: "dry_run=true&format=nonesuch", body: request, expect: 400 });
  await call("POST", imports, { params: g, body: request, expect: 201 });
  // A member appointed by an SO: participation by affiliation and its report back.
  const affiliated = roster.replace(/^Denise Michel \| member \| DM$/m,
                                    "Denise Michel | member | DM | affiliation: GNSO | capacity: representative");
  if (affiliated === roster) fail("the example roster has no line 'Denise Michel | member | DM'");
  await call("POST", imports, { params: g, body: { ...request, roster: { name: "ssr2-roster.txt", text: affiliated } },
                                expect: 201 });
  const sums = await call("GET", "/api/v1/groups/{group}/attendance",
                          { params: g, query: "by=affiliation&from=2017-06-01&to=2017-06-30", expect: 200 });
  if (sums.body?.items?.[0]?.affiliations?.[0]?.affiliation !== "GNSO")
    fail(`GET /api/v1/groups/{group}/attendance?by=affiliation: GNSO is not first: ${JSON.stringify(sums.body)}`);
  const report = await call("GET", "/api/v1/groups/{group}/report-back",
                            { params: g, query: "affiliation=gnso&month=2017-06", expect: 200 });
  if (report.body?.appointees?.join() !== "Denise Michel")
    fail(`GET /api/v1/groups/{group}/report-back: appointees ${JSON.stringify(report.body?.appointees)}`);
}

// The sub-teams' work plan the fixture imported with the example, and a
// task's change (the admin's token: the secretariat's rights).
async function workplan() {
  const plan = await call("GET", "/api/v1/groups/{group}/workplan", { params: g, query: "as_of=2018-01-01", expect: 200 });
  const dns1 = plan.body?.subteams?.[2]?.subtopics?.[0]?.tasks?.[0];
  if (dns1?.label !== "DNS-1" || dns1?.overdue !== true)
    fail(`GET /api/v1/groups/{group}/workplan: DNS-1 is not the overdue first DNS task: ${JSON.stringify(dns1)}`);
  await call("GET", "/api/v1/groups/{group}/workplan", { params: g, query: "as_of=2018-13-01", expect: 400 });
  await call("GET", "/api/v1/groups/{group}/workplan", { params: { group: "no-such-group" }, expect: 404 });
  const task = { ...g, label: "dns-1" };
  const changed = await call("PATCH", "/api/v1/groups/{group}/tasks/{label}",
                             { params: task, body: { target: "2018-03-30", status: "done", people: ["GH"] }, expect: 200 });
  if (changed.body?.target !== "2018-03-30" || changed.body?.people?.join() !== "Geoff Huston")
    fail(`PATCH /api/v1/groups/{group}/tasks/{label}: ${JSON.stringify(changed.body)}`);
  await call("PATCH", "/api/v1/groups/{group}/tasks/{label}", { params: task, body: { leader: "Jane Nobody" }, expect: 400 });
  await call("PATCH", "/api/v1/groups/{group}/tasks/{label}", { params: task, body: { start: "2018-06-01" }, expect: 400 });
  await call("PATCH", "/api/v1/groups/{group}/tasks/{label}", { params: task, body: { items: [999999] }, expect: 400 });
  await call("PATCH", "/api/v1/groups/{group}/tasks/{label}", { params: task, body: { bogus: 1 }, expect: 400 });
  await call("PATCH", "/api/v1/groups/{group}/tasks/{label}", { params: { ...g, label: "DNS-99" }, body: { status: "done" }, expect: 404 });
  // A work plan file among the imports' files is detected and previewed.
  const text = readFileSync(join(repo, "examples/ssr2/ssr2-workplan.toml"), "utf8");
  const previewed = await call("POST", "/api/v1/groups/{group}/imports",
                               { params: g, query: "dry_run=true", body: { notes: [{ name: "plan.toml", text }] }, expect: 200 });
  if (previewed.body?.workplans?.[0]?.subteams?.length !== 4 || previewed.body?.formats?.[0]?.format !== "workplan")
    fail(`POST /api/v1/groups/{group}/imports?dry_run=true with a work plan: ${JSON.stringify(previewed.body?.formats)}`);
  const other = await call("POST", "/api/v1/groups/{group}/imports",
                           { params: { group: "RDS" }, query: "dry_run=true", body: { notes: [{ name: "plan.toml", text }] } });
  if (other.status === 200) fail("POST /api/v1/groups/RDS/imports: SSR2's work plan was accepted for RDS");
}

const ids = await reads();
await session();
await workplan();
if (ids.length >= 3) await writes(ids);

for (const op of documented) if (!exercised.has(op)) fail(`${op}: documented but not exercised by the contract test`);

if (failures.length) {
  console.error(`openapi contract: ${failures.length} failure(s):`);
  for (const f of failures) console.error("  - " + f);
  process.exit(1);
}
console.log(`openapi contract: ${documented.size} operations, ${validators.size} response schemas, all as documented`);
