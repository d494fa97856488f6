import { serverToday, api, t, el, put, fmt, param, describe, dataTable, paren } from "/js/common.js";
const serverYear = (await serverToday()).getFullYear();

// The enterprise's facilities (production lines and key equipment, classified against 标杆/基准) and their renovation
// plans, kept in the page by the enterprise, its government or an administrator; a verifier reads them.
const me = await api("/api/v1/me");
const code = param("code") || me.enterprise;
const canEdit = me.role !== "VERIFIER";
const byId = id => document.getElementById(id);
const say = (id, cls, text) => { const b = byId(id); b.className = cls; b.textContent = text; };
const PLAN_STATES = ["PLANNED", "IN_PROGRESS", "DONE", "RETIRED"];

const products = await api("/api/v1/efficiency/products");
put(byId("faProduct"), products.map(p => el("option", { value: p.product, "data-unit": p.capacityUnit }, p.product)));
const unit = () => { const o = byId("faProduct").selectedOptions[0]; byId("faUnit").textContent = o ? o.dataset.unit : ""; };
byId("faProduct").addEventListener("change", unit);
unit();

function edit(f) {
  byId("faId").value = f ? f.id : "";
  byId("faName").value = f ? f.name : "";
  byId("faEquipment").value = f ? f.equipment || "" : "";
  if (f && f.product) byId("faProduct").value = f.product;
  byId("faCapacity").value = f ? f.capacity : "";
  byId("faCommissioned").value = f && f.commissioned ? f.commissioned : "";
  byId("faSave").textContent = t(f ? "fa_update" : "fa_save");
  unit();
}

async function load() {
  // the measures recommended for facilities below 标杆 in the page's year; others fall back to the library by product
  const year = param("year") || String(serverYear - 1);
  const [facilities, plans, library, recs] = await Promise.all([
    api(`/api/v1/efficiency/enterprises/${code}/facilities`), api(`/api/v1/efficiency/enterprises/${code}/plans`),
    api("/api/v1/measures"), api(`/api/v1/enterprises/${code}/recommendations?year=${year}`).catch(() => [])]);
  measures = library;
  recommended = new Map(recs.map(r => [String(r.facilityId), r.measures]));
  facilityList = facilities;
  dataTable(byId("facilityList"), [
    { key: "name", label: "st_facility" },
    { key: "equipment", label: "st_equipment", value: f => f.equipment || "—" },
    { key: "product", label: "product" },
    { key: "capacity", label: "st_capacity", num: true, value: f => f.capacity, render: f => `${fmt(f.capacity, 0)} ${f.capacityUnit}` },
    { key: "commissioned", label: "fa_commissioned", value: f => f.commissioned || "—" },
    ...(canEdit ? [{ key: "edit", label: "ad_actions", value: () => "",
      render: f => el("button", { type: "button", class: "secondary", "data-facility": f.id, onclick: () => edit(f) }, t("fa_edit")) }] : []),
  ], facilities, { id: "facilityTable", pageSize: 20 });
  put(byId("plFacility"), facilities.map(f => el("option", { value: f.id }, f.name)));
  libraryOptions();
  dataTable(byId("planList"), [
    { key: "facility", label: "st_facility" },
    { key: "measure", label: "st_measure", value: p => p.measureName && p.measureName !== p.measure ? p.measure + paren(`${t("fa_library")}: ${p.measureName}`) : p.measureName ? p.measure + paren(t("fa_library")) : p.measure },
    { key: "targetValue", label: "fa_targetValue", num: true, render: p => p.targetValue == null ? "—" : fmt(p.targetValue, 1) },
    { key: "deadline", label: "deadline" },
    { key: "status", label: "status", value: p => t("pl_" + p.status),
      render: p => canEdit && p.status !== "DONE" && p.status !== "RETIRED"
        ? el("select", { "data-plan": p.id, "aria-label": t("status"), onchange: ev => status(p, ev.target.value) },
          PLAN_STATES.map(s => { const o = el("option", { value: s }, t("pl_" + s)); if (s === p.status) o.selected = true; return o; }))
        : t("pl_" + p.status) },
    { key: "doneAt", label: "fa_doneAt", value: p => p.doneAt || "—" },
  ], plans, { id: "planTable", pageSize: 20 });
  byId("facilityForm").hidden = !canEdit;
  byId("planForm").hidden = !canEdit || facilities.length === 0;
  document.body.dataset.facilities = "ready";
}

let measures = [];
let facilityList = [];
let recommended = new Map();
/**
 * The library's measures to carry out in the plan: those recommended for the chosen facility (below 标杆), otherwise
 * those for its product or, without a product, for its enterprise's industry.
 */
function libraryOptions() {
  const f = facilityList.find(x => String(x.id) === byId("plFacility").value);
  const fit = !f ? [] : recommended.get(String(f.id)) || measures.filter(m => m.product === f.product
    || m.product == null && m.industry != null && (f.industry || "").startsWith(m.industry));
  put(byId("plLibrary"), el("option", { value: "" }, t("fa_noLibrary")), fit.map(m => el("option", { value: m.id }, m.name)));
}
byId("plFacility").addEventListener("change", libraryOptions);
byId("plLibrary").addEventListener("change", () => {
  const m = measures.find(x => String(x.id) === byId("plLibrary").value);
  if (m && !byId("plMeasure").value.trim()) byId("plMeasure").value = m.name;
});

async function status(p, to) {
  try {
    await api(`/api/v1/efficiency/plans/${p.id}/status`, { method: "POST", body: { status: to } });
    say("plMessage", "ok", t("fa_planMoved").replace("{m}", p.measure).replace("{s}", t("pl_" + to)));
    await load();
  } catch (e) { say("plMessage", "error", describe(e)); await load(); }
}

byId("faNew").addEventListener("click", () => edit(null));
byId("facilityForm").addEventListener("submit", async e => {
  e.preventDefault();
  const id = byId("faId").value;
  const body = { name: byId("faName").value, equipment: byId("faEquipment").value, product: byId("faProduct").value,
    capacity: byId("faCapacity").value.trim() === "" ? null : Number(byId("faCapacity").value), capacityUnit: byId("faUnit").textContent,
    commissioned: byId("faCommissioned").value || null };
  try {
    if (id) await api(`/api/v1/efficiency/facilities/${id}`, { method: "PUT", body });
    else await api(`/api/v1/efficiency/enterprises/${code}/facilities`, { method: "POST", body });
    say("faMessage", "ok", t(id ? "fa_updated" : "fa_registered").replace("{n}", body.name));
    edit(null);
    await load();
  } catch (err) { say("faMessage", "error", describe(err)); }
});
byId("planForm").addEventListener("submit", async e => {
  e.preventDefault();
  const body = { measure: byId("plMeasure").value, deadline: byId("plDeadline").value || null,
    targetValue: byId("plTarget").value.trim() === "" ? null : Number(byId("plTarget").value),
    measureId: byId("plLibrary").value ? Number(byId("plLibrary").value) : null };
  try {
    await api(`/api/v1/efficiency/facilities/${byId("plFacility").value}/plans`, { method: "POST", body });
    say("plMessage", "ok", t("fa_planAdded").replace("{m}", body.measure));
    byId("planForm").reset();
    await load();
  } catch (err) { say("plMessage", "error", describe(err)); }
});

await load();
