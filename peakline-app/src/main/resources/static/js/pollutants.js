import { serverToday, api, t, el, put, fmt, param, describe, dataTable } from "/js/common.js";

// The enterprise's air and water pollutants beside its CO2: filed per month and outlet from a CSV (the same checks as
// ./peakline pollutants), shown with their pollution equivalents and the environmental protection tax at the rates
// the user states (the province's; the law's minimum by default).
const me = await api("/api/v1/me");
const code = param("code") || me.enterprise;
const byId = id => document.getElementById(id);
const thisYear = (await serverToday()).getFullYear();
for (let y = thisYear; y >= 2018; y--) byId("poYear").append(el("option", { value: y }, y));
byId("poYear").value = param("year") || String(thisYear - 1);
const files = me.role === "ENTERPRISE" || me.role === "ADMIN";
const decides = me.role === "VERIFIER" || me.role === "ADMIN";
byId("poUpload").hidden = !files;
byId("poFormBox").hidden = !files;
byId("poDecide").hidden = !decides;
const STATUS = { DRAFT: "po_DRAFT", SUBMITTED: "po_SUBMITTED", RETURNED: "po_RETURNED", APPROVED: "po_APPROVED" };
const table = await api("/api/v1/pollutants");
let registered = [];
const names = () => {
  put(byId("poNames"), ...table.filter(p => p.medium === byId("poOutlet").value).map(p => el("option", { value: p.nameCn })));
  put(byId("poOutletId"), el("option", { value: "" }, t("po_noNumber")),
    ...registered.filter(o => o.medium === byId("poOutlet").value && o.status === "ACTIVE")
      .map(o => el("option", { value: o.outletId }, o.name ? `${o.outletId} ${o.name}` : o.outletId)));
};
byId("poOutlet").addEventListener("change", names);
byId("poOutletForm").hidden = !files;

/** The enterprise's registered outlets (排放口) with their permits; the form's outlet numbers follow them. */
async function outlets() {
  registered = await api(`/api/v1/enterprises/${code}/outlets`);
  const byCode = Object.fromEntries(table.map(p => [p.medium + "|" + p.code, p.nameCn]));
  dataTable(byId("poOutlets"), [
    { key: "outletId", label: "po_outletId" },
    { key: "medium", label: "po_medium", value: o => t("po_" + o.medium) },
    { key: "name", label: "f_name" },
    { key: "where", label: "po_height", value: o => o.medium === "air" ? (o.heightM == null ? "" : fmt(o.heightM, 0) + " m") : (o.receivingWater || "") },
    { key: "permits", label: "po_permits", value: o => o.permits.map(p => byCode[o.medium + "|" + p.pollutant] + (p.permittedT == null ? "" : " " + fmt(p.permittedT, 1))).join("；") },
    { key: "status", label: "status", value: o => t("po_" + o.status) },
    ...(files ? [{ key: "actions", label: "po_actions", value: () => "", render: o => el("button", { type: "button", class: "secondary",
      id: `po-outlet-${o.outletId}`, onclick: () => reopen(o) }, t(o.status === "ACTIVE" ? "po_close" : "po_reopen")) }] : []),
  ], registered, { id: "poOutletTable", empty: "po_outletNone" });
  names();
}

/** Closes an outlet in service (no more filings for it) or reopens a closed one; audited by the server. */
async function reopen(o) {
  const box = byId("poOutletMessage");
  try {
    await api(`/api/v1/enterprises/${code}/outlets/${o.outletId}`, { method: "PUT", body: { ...o, status: o.status === "ACTIVE" ? "CLOSED" : "ACTIVE",
      permits: o.permits.map(p => ({ pollutant: table.find(x => x.medium === o.medium && x.code === p.pollutant).nameCn, permittedT: p.permittedT })) } });
    await outlets();
    put(box, el("div", { class: "ok" }, t(o.status === "ACTIVE" ? "po_closed" : "po_reopened").replace("{id}", o.outletId)));
  } catch (e) { put(box, el("div", { class: "error", id: "poOutletError" }, describe(e))); }
}

/** "二氧化硫 200；氮氧化物 300" as permits; null when a part is not a name and a number. */
function permits(text) {
  const out = [];
  for (const part of text.split(/[;；,，]/).map(x => x.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*([0-9]+(?:\.[0-9]+)?)?$/.exec(part);
    if (!m) return null;
    out.push({ pollutant: m[1].trim(), permittedT: m[2] == null ? null : Number(m[2]) });
  }
  return out;
}

byId("poOutletForm").addEventListener("submit", async ev => {
  ev.preventDefault();
  const box = byId("poOutletMessage");
  const v = id => byId(id).value.trim();
  const list = permits(v("poOutletPermits"));
  if (list === null) { put(box, el("div", { class: "error" }, t("po_permitBad"))); return; }
  document.body.dataset.pollutants = "";
  try {
    const o = await api(`/api/v1/enterprises/${code}/outlets`, { method: "POST", body: {
      outletId: v("poOutletNew"), name: v("poOutletName"), heightM: v("poOutletHeight") ? Number(v("poOutletHeight")) : null,
      receivingWater: v("poOutletWater"), permits: list } });
    await outlets();
    for (const id of ["poOutletNew", "poOutletName", "poOutletHeight", "poOutletWater", "poOutletPermits"]) byId(id).value = "";
    put(box, el("div", { class: "ok", id: "poOutletDone" }, t("po_registered").replace("{id}", o.outletId)));
  } catch (e) { put(box, el("div", { class: "error", id: "poOutletError" }, describe(e))); }
  document.body.dataset.pollutants = "ready";
});
byId("poMethodSel").addEventListener("change", () => { byId("poBasis").hidden = byId("poMethodSel").value !== "系数"; });
const METHOD = { MEASURED: "po_MEASURED", COEFFICIENT: "po_COEFFICIENT", MASS_BALANCE: "po_MASS_BALANCE" };

/** A month's step: submit (the enterprise), approve or return (its verifier), then the view again. */
async function step(period, action) {
  const box = byId("poMessage");
  document.body.dataset.pollutants = "";
  try {
    const body = action === "submit" ? undefined : { comment: byId("poComment").value };
    await api(`/api/v1/enterprises/${code}/pollutants/${period}/${action}`, { method: "POST", body });
    byId("poComment").value = "";
    await show(true);
    put(box, el("div", { class: "ok", id: "poStepDone" }, t("po_done_" + action).replace("{p}", period)));
  } catch (e) { put(box, el("div", { class: "error", id: "poError" }, describe(e))); document.body.dataset.pollutants = "ready"; }
}

function months(list) {
  const actions = m => {
    const b = [];
    if (files && (m.status === "DRAFT" || m.status === "RETURNED")) b.push(["submit", "po_submit"]);
    if (decides && m.status === "SUBMITTED") b.push(["approve", "po_approve"], ["return", "po_return"]);
    return el("span", {}, b.map(([a, k]) => el("button", { type: "button", class: "secondary", id: `po-${a}-${m.period}`, onclick: () => step(m.period, a) }, t(k))));
  };
  dataTable(byId("poMonths"), [
    { key: "period", label: "period" },
    { key: "status", label: "status", value: m => t(STATUS[m.status]) },
    { key: "comment", label: "po_comment", value: m => m.comment || "" },
    { key: "decidedBy", label: "po_decidedBy", value: m => m.decidedBy || "" },
    { key: "actions", label: "po_actions", render: actions, value: () => "" },
  ], list, { id: "poMonthTable", empty: "po_none" });
}

async function show(keep) {
  const box = byId("poMessage");
  try {
    const v = await api(`/api/v1/enterprises/${code}/pollutants?year=${byId("poYear").value}&airRate=${encodeURIComponent(byId("poAirRate").value)}&waterRate=${encodeURIComponent(byId("poWaterRate").value)}`);
    byId("poTotals").textContent = t("po_totals").replace("{air}", fmt(v.airEquivalents, 2)).replace("{water}", fmt(v.waterEquivalents, 2)).replace("{tax}", fmt(v.taxYuan, 2));
    dataTable(byId("poList"), [
      { key: "period", label: "period" },
      { key: "outlet", label: "po_outlet", value: r => t("po_" + r.outlet) },
      { key: "outletId", label: "po_outletId", value: r => r.outletId || t("po_noNumber") },
      { key: "name", label: "po_pollutant", value: r => r.level == null ? r.name : `${r.name}（${r.pollutant === "pH" ? "pH " + fmt(r.level, 1) : "×" + fmt(r.level, 2)}）` },
      { key: "kg", label: "po_quantityOf", value: r => r.kg, num: true, render: r => r.basis === "kg" ? fmt(r.kg, 3) + " kg" : fmt(r.kg, 0) + " " + t("po_sewage") },
      { key: "method", label: "po_method", value: r => t(METHOD[r.method]) + (r.activity == null ? ""
        : ` ${fmt(r.activity, 3)} × ${fmt(r.coefficient, 6)} × (1 − ${fmt(r.removal, 3)} × ${fmt(r.operatingRate, 3)})`) },
      { key: "status", label: "status", value: r => t(STATUS[r.status]) },
      { key: "equivalents", label: "po_equivalents", value: r => Number(r.equivalents), num: true, render: r => fmt(Number(r.equivalents), 2) },
      { key: "taxed", label: "po_taxed", value: r => r.taxed ? t("po_yes") : t("po_no") },
      { key: "taxYuan", label: "po_tax", value: r => Number(r.taxYuan), num: true, render: r => fmt(Number(r.taxYuan), 2) },
    ], v.lines, { id: "poTable", empty: "po_none" });
    const sum = (k) => v.outlets.reduce((a, o) => a + Number(o[k]), 0);
    const per = v.outlets.length ? [...v.outlets, { outlet: "", outletId: "", name: "", total: true, equivalents: sum("equivalents"), taxYuan: sum("taxYuan") }] : [];
    dataTable(byId("poByOutlet"), [
      { key: "outlet", label: "po_outlet", value: o => o.total ? t("po_sum") : t("po_" + o.outlet) },
      { key: "outletId", label: "po_outletId", value: o => o.total ? "" : o.outletId || t("po_noNumber") },
      { key: "name", label: "f_name" },
      { key: "equivalents", label: "po_equivalents", value: o => Number(o.equivalents), num: true, render: o => fmt(Number(o.equivalents), 2) },
      { key: "taxYuan", label: "po_tax", value: o => Number(o.taxYuan), num: true, render: o => fmt(Number(o.taxYuan), 2) },
    ], per, { id: "poOutletSums", empty: "po_none" });
    months(v.months);
    const sy = await api(`/api/v1/enterprises/${code}/synergy?year=${byId("poYear").value}`);
    const Q = { 1: "sy_q1", 2: "sy_q2", 3: "sy_q3", 4: "sy_q4" };
    byId("poSynergy").textContent = sy.quadrant == null ? t("po_synergyNone")
      : t("po_synergy").replace("{co2}", fmt(sy.co2Cut, 0)).replace("{ap}", fmt(sy.airCut, 2)).replace("{q}", t(Q[sy.quadrant]))
        .replace("{els}", sy.elasticity == null ? "—" : fmt(sy.elasticity, 3));
    if ((sy.outlets || []).some(o => o.outletId)) {
      byId("poSynergy").textContent += " " + t("po_synergyOutlets") + sy.outlets
        .map(o => `${o.outletId || t("po_noNumber")} ${fmt(o.airEquivalentsBefore, 2)} → ${fmt(o.airEquivalents, 2)}`).join("；");
    }
    if (!keep) put(box);
  } catch (e) { put(box, el("div", { class: "error" }, describe(e))); }
  document.body.dataset.pollutants = "ready";
}

byId("poShow").addEventListener("click", () => { document.body.dataset.pollutants = ""; show(); });
byId("poSave").addEventListener("click", async () => {
  const box = byId("poMessage");
  const v = id => byId(id).value;
  const coefficient = v("poMethodSel") === "系数";
  document.body.dataset.pollutants = "";
  try {
    await api(`/api/v1/enterprises/${code}/pollutants/line`, { method: "POST", body: {
      period: v("poPeriod"), outlet: v("poOutlet"), pollutant: v("poName"), quantity: v("poQuantity"), unit: v("poUnit"),
      method: v("poMethodSel"), activity: coefficient ? v("poActivity") : "", coefficient: coefficient ? v("poCoefficient") : "",
      removalEfficiency: coefficient ? v("poRemoval") : "", operatingRate: coefficient ? v("poRate") : "",
      outletId: v("poOutletId"), level: v("poLevel"), limit: v("poLimit") } });
    const year = v("poPeriod").slice(0, 4);
    if ([...byId("poYear").options].some(o => o.value === year)) byId("poYear").value = year;
    await show(true);
    put(box, el("div", { class: "ok", id: "poSaved" }, t("po_saved").replace("{p}", v("poPeriod"))));
  } catch (e) { put(box, el("div", { class: "error", id: "poError" }, describe(e))); document.body.dataset.pollutants = "ready"; }
});
byId("poImport").addEventListener("click", async () => {
  const box = byId("poMessage");
  const f = byId("poFile").files[0];
  if (!f) { put(box, el("div", { class: "error" }, t("sx_chooseFile"))); return; }
  const fd = new FormData(); fd.append("file", f);
  document.body.dataset.pollutants = "";
  try {
    const r = await api(`/api/v1/enterprises/${code}/pollutants`, { method: "POST", form: fd });
    await show();
    put(box, el("div", { class: "ok", id: "poDone" }, t("po_imported").replace("{n}", r.lines).replace("{m}", r.months)));
  } catch (e) { put(box, el("div", { class: "error", id: "poError" }, describe(e))); document.body.dataset.pollutants = "ready"; }
});
await outlets();
show();
