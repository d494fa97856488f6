import { lang, api, header, t, el, describe, fmt, put, when, dataTable } from "/js/common.js";

// 系统管理: users and roles (create, disable, reset password, region scope, verifier assignments), every API and
// gateway token (revoke), the enterprise register (create, change, move region), factor sets. Every change is audited.
const me = await header();
const msg = document.getElementById("message");
const fail = e => { msg.className = "error"; msg.textContent = describe(e); };
const ok = text => { msg.className = "ok"; msg.textContent = text; };
const tabs = [["users", "ad_tabUsers"], ["tokens", "ad_tabTokens"], ["registry", "ad_tabRegistry"], ["factors", "ad_tabFactors"]];
let current = location.hash.slice(1) || "users";
const ROLES = ["GOVERNMENT", "ENTERPRISE", "VERIFIER", "ADMIN"];

function show(tab) {
  current = tab;
  for (const [id] of tabs) document.getElementById(id).hidden = id !== tab;
  put(document.getElementById("tabs"), tabs.map(([id, label]) =>
    el("button", { type: "button", class: id === tab ? "on" : "", "data-tab": id, onclick: () => { location.hash = id; show(id); load(); } }, t(label))));
}

// the regions an administrator scopes users to: the province, its cities and their counties
const root = me.homeRegion || "520000";
const regions = [];
{
  const top = await api(`/api/v1/regions/${root}`);
  regions.push({ code: top.code, name: top.name, depth: 0 });
  const cities = await Promise.all(top.children.map(c => api(`/api/v1/regions/${c.code}`)));
  for (const c of cities) {
    regions.push({ code: c.code, name: c.name, depth: 1, parent: top.name });
    for (const k of c.children) regions.push({ code: k.code, name: k.name, depth: 2, parent: c.name });
  }
}
const regionName = code => (regions.find(r => r.code === code) || {}).name || code || "";
put(document.getElementById("nuRegion"), regions.map(r => el("option", { value: r.code }, "\u3000".repeat(r.depth) + `${r.name}（${r.code}）`)));
put(document.getElementById("regionCodes"), regions.map(r => el("option", { value: r.code }, r.name)));
put(document.getElementById("nuRole"), ROLES.map(r => el("option", { value: r }, t("r_" + r))));
const roleSel = document.getElementById("nuRole");
function roleFields() {
  const r = roleSel.value;
  document.getElementById("nuRegionLabel").hidden = r !== "GOVERNMENT";
  document.getElementById("nuEnterpriseLabel").hidden = r !== "ENTERPRISE";
  document.getElementById("nuVerifiesLabel").hidden = r !== "VERIFIER";
}
roleSel.addEventListener("change", roleFields);
roleFields();

const scopeText = u => u.role === "GOVERNMENT" ? regionName(u.region) : u.role === "ENTERPRISE" ? u.enterprise
  : u.role === "VERIFIER" ? `${t("ad_verifiesN").replace("{n}", u.verifies.length)}` : t("ad_everything");

async function users() {
  const list = await api("/api/v1/admin/users");
  dataTable(document.getElementById("userList"), [
    { key: "username", label: "username" },
    { key: "displayName", label: "ad_displayName" },
    { key: "role", label: "ad_role", value: u => t("r_" + u.role) },
    { key: "scope", label: "ad_scope", value: scopeText },
    { key: "locked", label: "status", value: u => t(u.locked ? "ad_disabled" : "ad_enabled"),
      render: u => el("span", { class: "status " + (u.locked ? "RED" : "GREEN") }, t(u.locked ? "ad_disabled" : "ad_enabled")) },
    { key: "actions", label: "ad_actions", value: () => "", render: u => el("span", {},
      el("button", { type: "button", class: "secondary", "data-user": u.username, "data-action": "lock", onclick: () => setLocked(u, !u.locked) },
        t(u.locked ? "ad_enable" : "ad_disable")), " ",
      el("button", { type: "button", class: "secondary", "data-user": u.username, "data-action": "reset", onclick: () => resetPassword(u) }, t("ad_resetPassword")), " ",
      el("button", { type: "button", class: "secondary", "data-user": u.username, "data-action": "edit", onclick: () => editUser(u) }, t("fa_edit"))) },
  ], list, { id: "userTable", pageSize: 20 });
}

async function setLocked(u, locked) {
  try {
    await api(`/api/v1/admin/users/${u.username}`, { method: "PUT", body: { displayName: u.displayName, role: u.role, region: u.region,
      enterprise: u.enterprise, locked, verifies: [...(u.verifies || [])] } });
    ok(t(locked ? "ad_disabledDone" : "ad_enabledDone").replace("{u}", u.username));
    await users();
  } catch (e) { fail(e); }
}

async function resetPassword(u) {
  const password = prompt(t("ad_newPasswordFor").replace("{u}", u.username));
  if (!password) return;
  try {
    await api(`/api/v1/admin/users/${u.username}/password`, { method: "POST", body: { password } });
    ok(t("ad_passwordReset").replace("{u}", u.username));
  } catch (e) { fail(e); }
}

// editing a user: the same form, its username fixed, no password (reset it apart)
let editing = null;
function editUser(u) {
  editing = u;
  const f = id => document.getElementById(id);
  f("nuUsername").value = u.username; f("nuUsername").disabled = true;
  f("nuName").value = u.displayName; roleSel.value = u.role; roleFields();
  if (u.region) f("nuRegion").value = u.region;
  f("nuEnterprise").value = u.enterprise || "";
  f("nuVerifies").value = [...(u.verifies || [])].join(", ");
  f("nuPassword").disabled = true; f("nuPassword").value = "";
  f("createUser").textContent = t("saveChanges"); f("cancelEdit").hidden = false;
  f("userForm").scrollIntoView();
}
function endEdit() {
  editing = null;
  const f = id => document.getElementById(id);
  f("userForm").reset(); f("nuUsername").disabled = false; f("nuPassword").disabled = false;
  f("createUser").textContent = t("ad_create"); f("cancelEdit").hidden = true; roleFields();
}
document.getElementById("cancelEdit").addEventListener("click", endEdit);

document.getElementById("userForm").addEventListener("submit", async e => {
  e.preventDefault();
  if (editing) {
    const v = id => document.getElementById(id).value.trim();
    const role = roleSel.value;
    try {
      const u = await api(`/api/v1/admin/users/${editing.username}`, { method: "PUT", body: { displayName: v("nuName"), role,
        region: role === "GOVERNMENT" ? v("nuRegion") : null, enterprise: role === "ENTERPRISE" ? v("nuEnterprise") : null,
        locked: editing.locked, verifies: role === "VERIFIER" ? v("nuVerifies").split(/[,，\s]+/).filter(Boolean) : [] } });
      ok(t("ad_userChanged").replace("{u}", u.username).replace("{s}", scopeText(u)));
      endEdit();
      await users();
    } catch (err) { fail(err); }
    return;
  }
  const v = id => document.getElementById(id).value.trim();
  const role = roleSel.value;
  const body = { username: v("nuUsername"), displayName: v("nuName"), role, password: document.getElementById("nuPassword").value,
    region: role === "GOVERNMENT" ? v("nuRegion") : null, enterprise: role === "ENTERPRISE" ? v("nuEnterprise") : null,
    verifies: role === "VERIFIER" ? v("nuVerifies").split(/[,，\s]+/).filter(Boolean) : [] };
  try {
    const u = await api("/api/v1/admin/users", { method: "POST", body });
    ok(t("ad_userCreated").replace("{u}", u.username).replace("{s}", scopeText(u)));
    document.getElementById("userForm").reset();
    roleFields();
    await users();
  } catch (err) { fail(err); }
});

async function tokens() {
  const list = await api("/api/v1/admin/tokens/all");
  const status = x => x.revoked ? "revoked" : x.expiresAt && Date.parse(x.expiresAt) < Date.now() ? "expired" : "active";
  dataTable(document.getElementById("tokenList"), [
    { key: "kind", label: "ad_tokenKind", value: x => t("tk_" + x.kind) },
    { key: "name", label: "tokenName" },
    { key: "owner", label: "ad_owner", value: x => `${x.ownerName || ""}（${x.owner}）` },
    { key: "createdAt", label: "createdAt", render: x => when(x.createdAt) },
    { key: "expiresAt", label: "ad_expires", render: x => x.expiresAt ? when(x.expiresAt) : t("ad_noExpiry") },
    { key: "lastUsedAt", label: "ad_lastUsed", render: x => x.lastUsedAt ? when(x.lastUsedAt) : t("ad_neverUsed") },
    { key: "status", label: "status", value: x => t("ad_" + status(x)),
      render: x => el("span", { class: "status " + (status(x) === "active" ? "GREEN" : "NO_DATA") }, t("ad_" + status(x))) },
    { key: "actions", label: "ad_actions", value: () => "", render: x => x.revoked ? "" :
      el("button", { type: "button", class: "secondary", "data-token": x.name, onclick: () => revoke(x) }, t("revoke")) },
  ], list, { id: "tokenTable", pageSize: 20 });
}

async function revoke(x) {
  if (!confirm(t("ad_revokeConfirm").replace("{n}", x.name))) return;
  try {
    const path = x.kind === "GATEWAY"
      ? `/api/v1/enterprises/${x.owner}/gateway-tokens/${encodeURIComponent(x.name)}`
      : `/api/v1/admin/tokens/${x.owner}/${encodeURIComponent(x.name)}`;
    await api(path, { method: "DELETE" });
    ok(t("ad_revoked").replace("{n}", x.name));
    await tokens();
  } catch (e) { fail(e); }
}

async function registry() {
  dataTable(document.getElementById("regionList"), [
    { key: "code", label: "ad_regionCode" },
    { key: "name", label: "region" },
    { key: "parent", label: "ad_parent", value: r => r.parent || "—" },
  ], regions, { id: "regionTable", pageSize: 20 });
}

const field = id => document.getElementById(id);
field("enLoad").addEventListener("click", async () => {
  try {
    const e = await api(`/api/v1/admin/enterprises/${field("enCode").value.trim().toUpperCase()}`);
    field("enName").value = e.name || ""; field("enRegion").value = e.region || ""; field("enIndustry").value = e.industry || "";
    field("enKey").checked = !!e.keyEnergyUnit; field("enPerson").value = e.contactPerson || ""; field("enPhone").value = e.contactPhone || "";
    msg.className = ""; msg.textContent = "";
  } catch (err) { fail(err); }
});
field("mergeForm").addEventListener("submit", async ev => {
  ev.preventDefault();
  const from = field("mgFrom").value.trim().toUpperCase(), into = field("mgInto").value.trim().toUpperCase();
  if (!confirm(t("ad_mergeConfirm").replace("{a}", from).replace("{b}", into))) return;
  try {
    const m = await api(`/api/v1/admin/enterprises/${from}/merge`, { method: "POST", body: { into } });
    const rows = Object.values(m.moved).reduce((a, n) => a + n, 0);
    ok(t("ad_merged").replace("{a}", from).replace("{b}", into).replace("{n}", rows));
  } catch (e) { fail(e); }
});
field("entryForm").addEventListener("submit", async ev => {
  ev.preventDefault();
  const code = field("enCode").value.trim().toUpperCase();
  const body = { code, name: field("enName").value, region: field("enRegion").value, industry: field("enIndustry").value,
    keyEnergyUnit: field("enKey").checked, contactPerson: field("enPerson").value, contactPhone: field("enPhone").value };
  try {
    let exists = true;
    try { await api(`/api/v1/admin/enterprises/${code}`); } catch (e) { exists = false; }
    const saved = exists
      ? await api(`/api/v1/admin/enterprises/${code}`, { method: "PUT", body })
      : await api("/api/v1/admin/enterprises", { method: "POST", body });
    ok(t(exists ? "ad_entryChanged" : "ad_entryCreated").replace("{n}", saved.name).replace("{r}", regionName(saved.region)));
  } catch (e) { fail(e); }
});

// factor sets: loaded sets, their activation per region, recomputation with progress
async function factorSets() {
  const s = await api("/api/v1/factor-sets");
  // a set by a name people can say: its id and which load of that id it is ("第2版"), the hash kept for the record
  const ordinal = new Map();
  for (const id of new Set(s.sets.map(x => x.id))) {
    s.sets.filter(x => x.id === id).sort((a, b) => Date.parse(a.loadedAt) - Date.parse(b.loadedAt))
      .forEach((x, i) => ordinal.set(x.id + "|" + x.version, i + 1));
  }
  // a shipped set's version reads as it is (2026.11.3); a loaded file's version is its hash, so it goes by its edition
  const readable = (id, version) => version.length <= 16 ? version
    : `${t("fs_edition").replace("{n}", ordinal.get(id + "|" + version) || "?")}（${version.slice(0, 8)}…）`;
  const setName = (id, version) => `${id} ${readable(id, version)}`;
  put(document.getElementById("sets"),
    el("tr", {}, ["setId", "setVersion", "publication", "loadedAt"].map(k => el("th", {}, t(k)))),
    s.sets.map(x => el("tr", { class: "click", onclick: () => factors(x.id, x.version) }, el("td", {}, x.id),
      el("td", { title: x.version }, readable(x.id, x.version)), el("td", {}, x.publication), el("td", {}, when(x.loadedAt)))));
  put(document.getElementById("actSet"), ...s.sets.map(x => el("option", { value: x.id + "|" + x.version }, `${setName(x.id, x.version)}（${x.publication}）`)));
  put(document.getElementById("activations"),
    el("tr", {}, ["region", "activeFrom", "factorSets"].map(k => el("th", {}, t(k)))),
    s.activations.map(a => el("tr", {}, el("td", {}, `${regionName(a.region)}（${a.region}）`), el("td", {}, a.activeFrom), el("td", { title: a.setVersion }, setName(a.setId, a.setVersion)))));
}

async function factors(id, version) {
  const list = await api(`/api/v1/factor-sets/${id}/${version}`);
  document.getElementById("factorsTitle").textContent = `${id} ${version} (${list.length})`;
  dataTable(document.getElementById("factorTable"), [
    { key: "kind", label: "fs_kind" }, { key: "item", label: "fs_item" }, { key: "qualifier", label: "fs_qualifier" },
    { key: "value", label: "fs_value", num: true }, { key: "unit", label: "unit" },
    { key: "valid", label: "fs_valid", value: f => `${f.validFrom || ""}–${f.validTo || ""}` },
    { key: "publication", label: "publication", value: f => (lang() === "zh" ? f.titleZh : f.titleEn) || f.publication }, { key: "confidence", label: "fs_confidence" },
  ], list, { id: "factorList", pageSize: 50 });
}

document.getElementById("loadSet").addEventListener("click", async () => {
  const f = document.getElementById("setFile").files[0];
  if (!f) return;
  const fd = new FormData();
  fd.append("file", f);
  const q = new URLSearchParams({ id: document.getElementById("setId").value, publication: document.getElementById("publication").value });
  try { await api(`/api/v1/factor-sets?${q}`, { method: "POST", form: fd }); ok(t("created")); await factorSets(); } catch (e) { fail(e); }
});
document.getElementById("activate").addEventListener("click", async () => {
  const [setId, setVersion] = document.getElementById("actSet").value.split("|");
  const body = { region: document.getElementById("actRegion").value, activeFrom: document.getElementById("actFrom").value, setId, setVersion };
  try { await api("/api/v1/factor-sets/activations", { method: "POST", body }); await factorSets(); } catch (e) { fail(e); }
});
document.getElementById("recompute").addEventListener("click", async () => {
  try {
    let job = await api("/api/v1/factor-sets/recompute", { method: "POST", body: { region: document.getElementById("actRegion").value } });
    const bar = document.getElementById("progress");
    while (job.status === "RUNNING") {
      await new Promise(r => setTimeout(r, 500));
      job = await api(`/api/v1/factor-sets/recompute/${job.id}`);
      bar.max = Math.max(job.total, 1); bar.value = job.done;
      document.getElementById("progressText").textContent = `${job.done}/${job.total}`;
    }
    msg.className = job.status === "DONE" ? "ok" : "error";
    const seconds = (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000;
    msg.textContent = `${t("job" + job.status)}: ${job.done}/${job.total} (${fmt(seconds, 1)} s) ${job.message || ""}`;
    outcome(job);
  } catch (e) { fail(e); }
});

// what the recomputation did: why nothing changed, or per region how many results changed and by how much
function outcome(job) {
  const box = document.getElementById("recomputeOutcome");
  if (job.status !== "DONE" || !job.outcome) { box.replaceChildren(); return; }
  const changed = job.changes.reduce((a, c) => a + c.changed, 0);
  const delta = (b, a) => `${fmt(b, 0)} → ${fmt(a, 0)}` + (b ? `（${a - b >= 0 ? "+" : ""}${fmt(100 * (a - b) / b, 2)}%）` : "");
  put(box, el("p", { id: "outcomeText", class: job.outcome === "CHANGED" ? "ok" : "muted" },
    t("oc_" + job.outcome).replace("{n}", changed).replace("{t}", job.total)),
    job.outcome === "CHANGED" ? el("table", { id: "outcomeTable" },
      el("tr", {}, ["region", "oc_results", "oc_changed", "oc_scope1", "oc_scope2"].map((k, i) => el("th", { class: i ? "num" : "" }, t(k)))),
      job.changes.map(c => el("tr", {}, el("td", {}, regionName(c.region)), el("td", { class: "num" }, c.results), el("td", { class: "num" }, c.changed),
        el("td", { class: "num" }, delta(c.scope1Before, c.scope1After)), el("td", { class: "num" }, delta(c.scope2Before, c.scope2After))))) : "");
}

async function load() {
  if (current === "users") await users();
  if (current === "tokens") await tokens();
  if (current === "registry") await registry();
  if (current === "factors") await factorSets();
  document.body.dataset.ready = current;
}

show(current);
await load();
