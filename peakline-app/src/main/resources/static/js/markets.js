import { api, header, t, el, put, fmt, param, describe, dataTable, serverDate, download, lang } from "/js/common.js";

// 碳市场与履约: the competent authority previews and issues a year's allocation (pre-allocation, then the true-up with
// each enterprise's obligation) and sees who is short; an enterprise reads its obligations, holdings and movements and
// surrenders allowances or CCER toward its oldest open obligation.
const me = await header();
const byId = id => document.getElementById(id);
const government = me.role === "GOVERNMENT" || me.role === "ADMIN";
const region = param("region") || me.homeRegion;
const code = me.role === "ENTERPRISE" ? me.enterprise : param("code");
const ready = v => { document.body.dataset.ready = v; };
const say = (cls, text, id) => put(byId("mkMessage"), el("div", { class: cls, id }, text));
const tonnes = v => fmt(v, 0);
const STATUS = { compliant: "mk_s_compliant", surplus: "mk_s_surplus", short: "mk_s_short", overdue: "mk_s_overdue" };
let run = null;

function obligationColumns(withName) {
  return [
    ...(withName ? [{ key: "name", label: "enterprise", render: r => el("a", { href: `/markets.html?code=${r.account}` }, r.name) }] : []),
    { key: "instrument", label: "mk_instrument", render: r => `${t("mk_i_" + r.instrument)}（${r.instrument === "energy_right" ? "tce" : "tCO₂"}）` },
    { key: "year", label: "year" },
    ...(withName ? [{ key: "allocatedT", label: "mk_allocated", num: true, render: r => tonnes(r.allocatedT) }] : []),
    { key: "dueT", label: "mk_due", num: true, render: r => tonnes(r.dueT) },
    { key: "surrenderedT", label: "mk_surrendered", num: true, render: r => tonnes(r.surrenderedT) },
    { key: "offsetsT", label: "mk_offsets", num: true, render: r => tonnes(r.offsetsT) },
    { key: "remainingT", label: "mk_remaining", num: true, render: r => tonnes(r.remainingT) },
    { key: "heldTowardT", label: "mk_held", num: true, render: r => tonnes(r.heldTowardT) },
    { key: "shortfallT", label: "mk_shortfall", num: true, render: r => el("span", { class: r.shortfallT > 0 ? "bad" : "" }, tonnes(r.shortfallT)) },
    { key: "excessT", label: "mk_excess", num: true, render: r => tonnes(r.excessT) },
    { key: "deadline", label: "deadline" },
    { key: "status", label: "status", render: r => el("span", { class: "status-" + r.status }, t(STATUS[r.status])) },
  ];
}

async function overview() {
  const v = await api(`/api/v1/markets/${region}/overview`);
  byId("mkOverview").hidden = false;
  dataTable(byId("mkObligations"), obligationColumns(true), v.obligations, { id: "mkObligationTable", empty: "mk_noObligations" });
  dataTable(byId("mkMarket"), [
    { key: "month", label: "month" },
    { key: "instrumentName", label: "mk_instrument", render: r => t("mk_i_" + r.instrument) },
    { key: "volume", label: "mk_volume", num: true, render: r => tonnes(r.volume) },
    { key: "averagePriceYuan", label: "mk_price", num: true, render: r => fmt(r.averagePriceYuan, 2) },
  ], v.market, { id: "mkMarketTable", empty: "mk_noTrades" });
}

function showRun(v) {
  run = v;
  const r = v.run;
  byId("mkRun").hidden = false;
  byId("mkRunTitle").textContent = t("mk_runTitle").replace("{y}", r.year).replace("{s}", t("mk_stage_" + r.stage))
    .replace("{st}", t(r.status === "ISSUED" ? "mk_issued" : "mk_previewed"));
  const final = r.stage === "final";
  dataTable(byId("mkEnterprises"), [
    { key: "name", label: "enterprise", render: e => el("span", {}, e.name, el("br"), el("small", {}, e.enterprise)) },
    { key: "allocationT", label: final ? "mk_allocationFinal" : "mk_allocationPre", num: true, render: e => tonnes(e.allocationT) },
    { key: "bookedT", label: "mk_booked", num: true, render: e => tonnes(e.bookedT) },
    ...(final ? [
      { key: "verifiedT", label: "mk_verified", num: true, render: e => tonnes(e.verifiedT) },
      { key: "dueT", label: "mk_due", num: true, render: e => tonnes(e.dueT) }] : []),
    ...(r.status === "ISSUED" ? [{ key: "notice", label: "mk_notice", render: e => el("button", { class: "link", type: "button",
      onclick: () => download(`/api/v1/markets/allocations/${r.id}/notice?enterprise=${e.enterprise}`, `allocation-notice-${r.year}-${e.enterprise}.pdf`) }, t("mk_noticePdf")) }] : []),
  ], v.enterprises, { id: "mkRunTable" });
  dataTable(byId("mkLines"), [
    { key: "unitId", label: "mk_unit", render: l => el("span", {}, l.unitId, " ", el("small", {}, l.unitName)) },
    { key: "fuelClassName", label: "mk_fuelClass" },
    { key: "electricityT", label: "mk_electricityT", num: true, render: l => fmt(l.electricityT, 1) },
    { key: "heatT", label: "mk_heatT", num: true, render: l => fmt(l.heatT, 1) },
    { key: "allocationT", label: "mk_allocationUnit", num: true, render: l => tonnes(l.allocationT) },
    { key: "explanation", label: "mk_how", render: l => el("ul", { class: "explain" }, l.explanation.map(x => el("li", {}, x))) },
  ], v.lines, { id: "mkLineTable" });
  byId("mkIssue").hidden = r.status === "ISSUED";
  byId("mkDeadlineBox").hidden = !final || r.status === "ISSUED";
}

byId("mkRunForm").addEventListener("submit", async ev => {
  ev.preventDefault();
  ready("");
  try {
    const v = await api(`/api/v1/markets/${region}/allocations`, { method: "POST", body: { year: Number(byId("mkYear").value), stage: byId("mkStage").value } });
    showRun(v);
    say("ok", t("mk_previewDone").replace("{n}", v.enterprises.length).replace("{t}", tonnes(v.enterprises.reduce((s, e) => s + e.bookedT, 0))), "mkPreviewed");
  } catch (e) { say("error", describe(e), "mkError"); byId("mkRun").hidden = true; }
  ready("true");
});

byId("mkIssue").addEventListener("click", async () => {
  ready("");
  try {
    const body = run.run.stage === "final" ? { deadline: byId("mkDeadline").value } : {};
    const r = await api(`/api/v1/markets/allocations/${run.run.id}/issue`, { method: "POST", body });
    showRun(await api(`/api/v1/markets/allocations/${run.run.id}`));
    say("ok", t("mk_issuedDone").replace("{n}", r.enterprises).replace("{t}", tonnes(r.bookedT)), "mkIssuedDone");
    await overview();
  } catch (e) { say("error", describe(e), "mkError"); }
  ready("true");
});

async function account() {
  const v = await api(`/api/v1/markets/accounts/${code}`);
  byId("mkAccount").hidden = false;
  byId("mkWho").textContent = `${v.name}（${v.enterprise}）`;
  dataTable(byId("mkMine"), obligationColumns(false), v.obligations, { id: "mkMineTable", empty: "mk_noObligations" });
  dataTable(byId("mkHoldings"), [
    { key: "instrument", label: "mk_instrument", render: h => t("mk_i_" + h.instrument) },
    { key: "vintage", label: "mk_vintage" },
    { key: "balance", label: "mk_balance", num: true, render: h => `${tonnes(h.balance)} ${h.unit}` },
  ], v.holdings, { id: "mkHoldingTable", empty: "mk_noHoldings" });
  dataTable(byId("mkMovements"), [
    { key: "date", label: "mk_date" },
    { key: "kind", label: "mk_kind", render: m => t("mk_k_" + m.kind) },
    { key: "instrument", label: "mk_instrument", render: m => t("mk_i_" + m.instrument) },
    { key: "vintage", label: "mk_vintage" },
    { key: "quantity", label: "mk_quantityShort", num: true, render: m => tonnes(m.quantity) },
    { key: "serialFrom", label: "mk_serials", render: m => m.serialFrom ? `${m.serialFrom}–${m.serialTo}` : "" },
    { key: "counterparty", label: "mk_counterparty" },
    { key: "priceYuan", label: "mk_price", num: true, render: m => m.priceYuan == null ? "" : fmt(m.priceYuan, 2) },
  ], v.movements, { id: "mkMovementTable", empty: "mk_noMovements" });
  byId("mkSurrender").hidden = me.role !== "ENTERPRISE";
  const open = v.obligations.find(o => o.remainingT > 0);
  if (open && !byId("mkVintage").value) byId("mkVintage").value = open.year;
}

async function scope2() {
  const year = byId("mkScope2Year").value.trim();
  if (!/^\d{4}$/.test(year)) return;
  const v = await api(`/api/v1/markets/accounts/${code}/scope2?year=${year}`);
  put(byId("mkScope2"), el("table", { id: "mkScope2Table" },
    [["mk_locationT", fmt(v.electricityLocationT, 1)], ["mk_consumption", fmt(v.consumptionMwh, 1)],
      ["mk_certificates", fmt(v.certificatesMwh, 1)], ["mk_covered", fmt(v.coveredMwh, 1)],
      ["mk_marketT", fmt(v.electricityMarketT, 1)], ["mk_scope2Location", fmt(v.scope2LocationT, 1)],
      ["mk_scope2Market", fmt(v.scope2MarketT, 1)],
      ["mk_gridFactor", `${fmt(v.gridFactor, 4)} tCO₂/MWh（${v.gridFactorSource}）`]]
      .map(([k, x]) => el("tr", {}, el("th", {}, t(k)), el("td", { class: "num" }, x)))));
  byId("mkRetire").hidden = me.role !== "ENTERPRISE";
}

byId("mkScope2Show").addEventListener("click", async () => { ready(""); await scope2(); ready("true"); });

byId("mkRetire").addEventListener("submit", async ev => {
  ev.preventDefault();
  ready("");
  const n = s => byId(s).value.trim() === "" ? null : Number(byId(s).value.trim().replace(/,/g, ""));
  try {
    await api(`/api/v1/markets/accounts/${code}/retire`, { method: "POST", body: {
      instrument: "gec", vintage: n("mkRetireVintage"), quantity: n("mkRetireMwh"), serialFrom: n("mkRetireFrom"), serialTo: n("mkRetireTo"),
      forYear: n("mkScope2Year") } });
    say("ok", t("mk_retired").replace("{q}", fmt(n("mkRetireMwh"), 0)).replace("{y}", byId("mkScope2Year").value), "mkRetired");
    await account();
    await scope2();
  } catch (e) { say("error", describe(e), "mkError"); }
  ready("true");
});

byId("mkSurrender").addEventListener("submit", async ev => {
  ev.preventDefault();
  ready("");
  const n = s => byId(s).value.trim() === "" ? null : Number(byId(s).value.trim().replace(/,/g, ""));
  try {
    await api(`/api/v1/markets/accounts/${code}/surrender`, { method: "POST", body: {
      instrument: byId("mkInstrument").value, vintage: n("mkVintage"), quantity: n("mkQuantity"), serialFrom: n("mkSerialFrom"), serialTo: n("mkSerialTo") } });
    say("ok", t("mk_surrendered_done").replace("{q}", tonnes(n("mkQuantity"))), "mkSurrendered");
    byId("mkQuantity").value = "";
    await account();
  } catch (e) { say("error", describe(e), "mkError"); }
  ready("true");
});

async function energy(preview) {
  ready("");
  const pct = v => v.endsWith("%") ? Number(v.slice(0, -1)) / 100 : Number(v);
  const body = { year: Number(byId("mkEnergyYear").value), rule: byId("mkEnergyRule").value,
    baseYears: byId("mkEnergyBase").value.split(/[,，\s]+/).filter(x => x).map(Number),
    declineRate: pct(byId("mkEnergyDecline").value.trim()), priceYuan: Number(byId("mkEnergyPrice").value || 0), preview,
    level: byId("mkEnergyLevel").value };
  try {
    const v = await api(`/api/v1/markets/${region}/energy-rights`, { method: "POST", body });
    dataTable(byId("mkEnergyQuotas"), [
      { key: "name", label: "enterprise", render: q => el("span", {}, q.name, el("br"), el("small", {}, q.enterprise)) },
      { key: "quotaTce", label: "mk_quotaTce", num: true, render: q => tonnes(q.quotaTce) },
      { key: "paidYuan", label: "mk_paidYuan", num: true, render: q => fmt(q.paidYuan, 0) },
      { key: "how", label: "mk_how" },
    ], v.quotas, { id: "mkEnergyTable" });
    const total = v.quotas.reduce((a, q) => a + q.quotaTce, 0);
    say("ok", t(preview ? "mk_energyPreviewed" : "mk_energyBooked").replace("{n}", v.quotas.length).replace("{t}", tonnes(total)), preview ? "mkEnergyPreviewed" : "mkEnergyBooked");
    if (!preview) await overview();
  } catch (e) { say("error", describe(e), "mkError"); }
  ready("true");
}
byId("mkEnergyPreview").addEventListener("click", () => energy(true));
byId("mkEnergyBook").addEventListener("click", () => energy(false));
byId("mkEnergyDue").addEventListener("click", async () => {
  ready("");
  try {
    const v = await api(`/api/v1/markets/${region}/energy-rights/${byId("mkEnergyYear").value}/obligations`, { method: "POST", body: { deadline: byId("mkDeadline").value } });
    say("ok", t("mk_energyDueDone").replace("{n}", v.obligations.length).replace("{p}", v.pending.length), "mkEnergyDueDone");
    await overview();
  } catch (e) { say("error", describe(e), "mkError"); }
  ready("true");
});

// ---- who is covered
const SECTORS = { power: "mk_sec_power", cement_clinker: "mk_sec_cement_clinker", steel: "mk_sec_steel", aluminium: "mk_sec_aluminium" };
byId("mkCoverageShow").addEventListener("click", async () => {
  ready("");
  try {
    const rows = await api(`/api/v1/markets/${region}/coverage?year=${byId("mkYear").value}`);
    dataTable(byId("mkCoverage"), [
      { key: "name", label: "enterprise", render: r => el("a", { href: `/markets.html?code=${r.enterprise}` }, r.name) },
      { key: "sector", label: "mk_sector", render: r => t(SECTORS[r.sector]) },
      { key: "emissionsT", label: "mk_emissionsT", num: true, render: r => tonnes(r.emissionsT) },
      { key: "months", label: "mk_monthsAccounted", num: true },
      { key: "covered", label: "mk_covered2", render: r => t(r.covered ? "mk_yes" : "mk_no") },
      { key: "registered", label: "mk_registeredUnits", render: r => el("span", { class: r.covered && !r.registered ? "bad" : "" }, t(r.registered ? "mk_yes" : "mk_no")) },
    ], rows, { id: "mkCoverageTable", empty: "mk_noCoverage" });
  } catch (e) { say("error", describe(e), "mkError"); }
  ready("true");
});

// ---- exports
const year0 = Number((await serverDate()).slice(0, 4)) - 1;
byId("mkOverviewX").addEventListener("click", () => download(`/api/v1/markets/${region}/overview/export`, `compliance-${region}.xlsx`));
byId("mkRunX").addEventListener("click", () => download(`/api/v1/markets/allocations/${run.run.id}/export`, `allocation-${run.run.id}.xlsx`));
byId("mkAccountX").addEventListener("click", () => download(`/api/v1/markets/accounts/${code}/export`, `compliance-account-${code}.xlsx`));
byId("mkProjectsX").hidden = !(government && region);
byId("mkProjectsX").addEventListener("click", () => download(`/api/v1/markets/${region}/projects/export`, `projects-${region}.xlsx`));

// ---- 用能权: allocated, consumed and target
async function energyView() {
  const year = byId("mkEnergyYear").value.trim();
  if (!/^\d{4}$/.test(year)) return;
  const v = await api(`/api/v1/markets/${region}/energy-rights/${year}`);
  put(byId("mkEnergySummary"), el("p", { id: "mkEnergyTotals" }, t("mk_energyTotals").replace("{a}", tonnes(v.allocatedTce))
    .replace("{c}", tonnes(v.consumedTce)).replace("{t}", v.targetTce == null ? t("mk_noTarget") : tonnes(v.targetTce))));
  dataTable(byId("mkEnergyUnits"), [
    { key: "name", label: "enterprise", render: q => el("a", { href: `/markets.html?code=${q.enterprise}` }, q.name) },
    { key: "allocatedTce", label: "mk_allocatedTce", num: true, render: q => tonnes(q.allocatedTce) },
    { key: "consumedTce", label: "mk_consumedTce", num: true, render: q => q.consumedTce == null ? "" : tonnes(q.consumedTce) },
    { key: "targetTce", label: "mk_targetTce", num: true, render: q => q.targetTce == null ? "" : tonnes(q.targetTce) },
    { key: "heldTce", label: "mk_heldTce", num: true, render: q => tonnes(q.heldTce) },
  ], v.units, { id: "mkEnergyUnitTable", empty: "mk_noQuotas" });
}
byId("mkEnergyShow").addEventListener("click", async () => { ready(""); try { await energyView(); } catch (e) { say("error", describe(e), "mkError"); } ready("true"); });
byId("mkEnergyX").addEventListener("click", () => download(`/api/v1/markets/${region}/energy-rights/${byId("mkEnergyYear").value}/export`, `energy-rights-${region}.xlsx`));

// ---- 排污权
const POLLUTION = { exceeded: "mk_ps_exceeded", unpermitted: "mk_ps_unpermitted", ahead: "mk_ps_ahead", within: "mk_ps_within" };
async function pollution() {
  const year = byId("mkPollutionYear").value.trim();
  if (!/^\d{4}$/.test(year)) return;
  const rows = code
    ? (await api(`/api/v1/markets/accounts/${code}/pollution-rights?year=${year}`)).pollutants.map(p => ({ ...p, name: "" }))
    : await api(`/api/v1/markets/${region}/pollution-rights?year=${year}`);
  byId("mkPollution").hidden = false;
  dataTable(byId("mkPollutionTable"), [
    ...(code ? [] : [{ key: "name", label: "enterprise", render: r => el("a", { href: `/markets.html?code=${r.enterprise}` }, r.name) }]),
    { key: "medium", label: "mk_medium", render: r => t(r.medium === "air" ? "mk_air" : "mk_water") },
    { key: "pollutant", label: "mk_pollutant" },
    { key: "permittedT", label: "mk_permittedT", num: true, render: r => r.permittedT == null ? "" : fmt(r.permittedT, 3) },
    { key: "emittedT", label: "mk_emittedT", num: true, render: r => fmt(r.emittedT, 3) },
    { key: "months", label: "mk_monthsApproved", num: true },
    { key: "used", label: "mk_used", num: true, render: r => r.used == null ? "" : fmt(r.used * 100, 1) + "%" },
    { key: "pace", label: "mk_pace", num: true, render: r => r.pace == null ? "" : fmt(r.pace, 2) },
    { key: "status", label: "status", render: r => el("span", { class: r.status === "within" ? "" : "bad" }, t(POLLUTION[r.status])) },
  ], rows, { id: "mkPollutionRows", empty: "mk_noPermits" });
}
byId("mkPollutionShow").addEventListener("click", async () => { ready(""); try { await pollution(); } catch (e) { say("error", describe(e), "mkError"); } ready("true"); });
byId("mkPollutionX").addEventListener("click", () => download(`/api/v1/markets/${region}/pollution-rights/export?year=${byId("mkPollutionYear").value}`, `pollution-rights-${region}.xlsx`));

// ---- 可再生能源电力消纳责任权重
const share = v => v == null ? "" : fmt(v * 100, 1) + "%";
const fraction = text => {
  const s = (text || "").trim().replace(/[％%]$/, "");
  if (s === "") return null;
  const n = Number(s);
  // what a user writes: 36.8% or 36.8 is a percentage, 0.368 a fraction
  return Number.isFinite(n) ? (n > 1 || /[％%]$/.test(text.trim()) ? n / 100 : n) : NaN;
};
async function green() {
  const year = byId("mkGreenYear").value.trim();
  if (!/^\d{4}$/.test(year)) return;
  const v = await api(`/api/v1/markets/${region}/green-power?year=${year}`);
  const w = v.weight;
  const against = (a, label) => a == null || a.target == null ? [] : [[label, `${share(a.achieved)} / ${share(a.target)}`,
    a.met == null ? t("mk_notEntered") : a.met ? t("mk_met") : t("mk_notMet").replace("{p}", fmt(-a.gapPoints, 1))]];
  put(byId("mkGreenWeight"), w == null ? el("p", { class: "muted", id: "mkNoWeight" }, t("mk_noWeight"))
    : el("table", { id: "mkWeightTable" }, [el("tr", {}, el("th", {}, ""), el("th", {}, t("mk_achievedVsObligation")), el("th", {}, t("status"))),
      ...[...against(v.total, t("mk_wTotal")), ...against(v.nonHydro, t("mk_wNonHydro"))].map(r => el("tr", {}, r.map(x => el("td", {}, x)))),
      el("tr", {}, el("td", {}, t("mk_wAluminium")), el("td", {}, share(w.aluminiumShare)), el("td", {}, w.document))]));
  dataTable(byId("mkGreenTable"), [
    { key: "name", label: "enterprise", render: r => el("a", { href: `/markets.html?code=${r.enterprise}` }, r.name) },
    { key: "aluminium", label: "mk_aluminium", render: r => r.aluminium ? t("mk_yes") : "" },
    { key: "consumptionMwh", label: "mk_consumption", num: true, render: r => fmt(r.consumptionMwh, 0) },
    { key: "certificatesMwh", label: "mk_certificates", num: true, render: r => fmt(r.certificatesMwh, 0) },
    { key: "share", label: "mk_greenShare", num: true, render: r => share(r.share) },
    { key: "target", label: "mk_targetShare", num: true, render: r => share(r.target) },
    { key: "met", label: "status", render: r => r.met == null ? "" : el("span", { class: r.met ? "" : "bad" }, t(r.met ? "mk_met" : "mk_short")) },
  ], v.enterprises, { id: "mkGreenRows", empty: "mk_noGreen" });
  byId("mkGreen").hidden = false;
  byId("mkGreenForm").hidden = !government;
}
byId("mkGreenShow").addEventListener("click", async () => { ready(""); try { await green(); } catch (e) { say("error", describe(e), "mkError"); } ready("true"); });
byId("mkGreenX").addEventListener("click", () => download(`/api/v1/markets/${region}/green-power/export?year=${byId("mkGreenYear").value}`, `green-power-${region}.xlsx`));
byId("mkGreenForm").addEventListener("submit", async ev => {
  ev.preventDefault();
  ready("");
  const body = { obligationTotal: fraction(byId("mkWTotal").value), obligationNonHydro: fraction(byId("mkWNonHydro").value),
    aluminiumShare: fraction(byId("mkWAluminium").value), actualTotal: fraction(byId("mkWActualTotal").value),
    actualNonHydro: fraction(byId("mkWActualNonHydro").value), document: byId("mkWDocument").value.trim() };
  try {
    await api(`/api/v1/markets/${region}/renewable-weights/${byId("mkGreenYear").value}`, { method: "PUT", body });
    say("ok", t("mk_weightSaved"), "mkWeightSaved");
    await green();
  } catch (e) { say("error", describe(e), "mkError"); }
  ready("true");
});

// ---- voluntary reduction projects
const REPORT = { submitted: "mk_r_submitted", verified: "mk_r_verified", returned: "mk_r_returned", issued: "mk_r_issued" };
const methodologies = await api("/api/v1/markets/methodologies");
put(byId("mkPMethod"), methodologies.map(m => el("option", { value: m.code }, `${m.name}（${m.code}）`)));
let project = null;
async function projects() {
  const ps = await api(government && region ? `/api/v1/markets/${region}/projects` : "/api/v1/markets/projects");
  dataTable(byId("mkProjectList"), [
    { key: "id", label: "mk_projectId", render: p => el("button", { class: "link", type: "button", onclick: () => openProject(p.id) }, p.id) },
    { key: "name", label: "mk_name" },
    { key: "ownerName", label: "mk_owner" },
    { key: "methodologyName", label: "mk_methodology", render: p => `${p.methodologyName}（${p.methodology}）` },
    { key: "instrument", label: "mk_instrument", render: p => t("mk_i_" + p.instrument) },
    { key: "regionName", label: "region" },
    { key: "status", label: "status", render: p => t(p.status === "validated" ? "mk_validated" : "mk_registered") },
    { key: "issued", label: "mk_issuedCredits", num: true, render: p => tonnes(p.issued) },
  ], ps, { id: "mkProjectTable", empty: "mk_noProjects" });
  byId("mkProjectForm").hidden = me.role !== "ENTERPRISE";
  return ps;
}
function inputsForm(m) {
  put(byId("mkRInputs"), m.inputs.map(i => el("label", {}, el("span", {}, (lang() === "zh" ? i.chinese : t("f_" + i.name)) + (i.optional ? t("mk_optional") : "")), " ",
    el("input", { id: "mkRI_" + i.name, size: "10", "data-name": i.name }))));
}
async function openProject(id) {
  project = await api(`/api/v1/markets/projects/${id}`);
  const p = project;
  byId("mkProject").hidden = false;
  byId("mkProjectTitle").textContent = `${p.name}（${p.id}）`;
  put(byId("mkProjectFacts"), el("table", { id: "mkProjectFactTable" }, [
    ["mk_owner", `${p.ownerName}（${p.owner}）`], ["mk_methodology", `${p.methodologyName}（${p.methodology}）`],
    ["mk_type", p.typeName], ["mk_instrument", t("mk_i_" + p.instrument)], ["region", `${p.regionName} ${p.location}`],
    ["mk_crediting", `${p.creditingFrom} – ${p.creditingTo}`],
    ["status", t(p.status === "validated" ? "mk_validated" : "mk_registered") + (p.validatedBy ? `（${p.validatedBy}）` : "")],
    ["mk_issuedCredits", tonnes(p.issued)]].map(([k, x]) => el("tr", {}, el("th", {}, t(k)), el("td", {}, x)))));
  byId("mkPValidate").hidden = !(me.role === "VERIFIER" && p.status === "registered");
  byId("mkReportForm").hidden = !(me.role === "ENTERPRISE" && p.status === "validated");
  inputsForm(methodologies.find(m => m.code === p.methodology));
  dataTable(byId("mkReports"), [
    { key: "periodFrom", label: "mk_period", render: r => `${r.periodFrom} – ${r.periodTo}` },
    { key: "reductionT", label: "mk_reductionT", num: true, render: r => fmt(r.reductionT, 1) },
    { key: "credits", label: "mk_creditsComputed", num: true, render: r => tonnes(r.credits) },
    { key: "verifiedCredits", label: "mk_creditsVerified", num: true, render: r => r.verifiedCredits == null ? "" : tonnes(r.verifiedCredits) },
    { key: "status", label: "status", render: r => el("span", { class: "report-" + r.status }, t(REPORT[r.status])) },
    { key: "serialFrom", label: "mk_serials", render: r => r.serialFrom ? `${r.serialFrom}–${r.serialTo}` : "" },
    { key: "explanation", label: "mk_how", render: r => el("ul", { class: "explain" }, r.explanation.map(x => el("li", {}, x))) },
    { key: "act", label: "mk_action", render: r => reportActions(r) },
  ], p.reports, { id: "mkReportTable", empty: "mk_noReports" });
}
function reportActions(r) {
  const out = [];
  const act = async (path, body, msg) => {
    ready("");
    try { await api(path, { method: "POST", body }); say("ok", t(msg), "mkProjectDone"); await openProject(project.id); await projects(); if (code) await account(); }
    catch (e) { say("error", describe(e), "mkError"); }
    ready("true");
  };
  if (me.role === "VERIFIER" && r.status === "submitted") {
    out.push(el("button", { class: "primary", type: "button", id: "mkVerify" + r.id, onclick: () => act(`/api/v1/markets/reports/${r.id}/verify`, { credits: r.credits }, "mk_verifiedDone") }, t("mk_verify")));
    out.push(el("button", { class: "secondary", type: "button", onclick: () => {
      const note = prompt(t("mk_returnWhy"));
      if (note) act(`/api/v1/markets/reports/${r.id}/verify`, { returned: true, note }, "mk_returnedDone");
    } }, t("mk_return")));
  }
  if (government && r.status === "verified") {
    out.push(el("button", { class: "primary", type: "button", id: "mkIssueReport" + r.id, onclick: () => act(`/api/v1/markets/reports/${r.id}/issue`, {}, "mk_issuedCreditsDone") }, t("mk_issueCredits")));
  }
  return el("span", {}, out);
}
byId("mkPValidate").addEventListener("click", async () => {
  ready("");
  try { await api(`/api/v1/markets/projects/${project.id}/validate`, { method: "POST", body: { note: "" } }); say("ok", t("mk_validatedDone"), "mkProjectDone"); await openProject(project.id); await projects(); }
  catch (e) { say("error", describe(e), "mkError"); }
  ready("true");
});
byId("mkProjectForm").addEventListener("submit", async ev => {
  ev.preventDefault();
  ready("");
  const body = { id: byId("mkPId").value.trim(), owner: code, name: byId("mkPName").value.trim(), methodology: byId("mkPMethod").value,
    region: byId("mkPRegion").value.trim(), location: byId("mkPLocation").value.trim(), creditingFrom: byId("mkPFrom").value || null, creditingTo: byId("mkPTo").value || null };
  try { await api("/api/v1/markets/projects", { method: "POST", body }); say("ok", t("mk_registeredDone"), "mkProjectDone"); await projects(); await openProject(body.id); }
  catch (e) { say("error", describe(e), "mkError"); }
  ready("true");
});
byId("mkReportForm").addEventListener("submit", async ev => {
  ev.preventDefault();
  ready("");
  const inputs = {};
  for (const i of byId("mkRInputs").querySelectorAll("input")) {
    const v = i.value.trim().replace(/,/g, "");
    if (v !== "") inputs[i.dataset.name] = Number(v);
  }
  try {
    const r = await api(`/api/v1/markets/projects/${project.id}/reports`, { method: "POST", body: { periodFrom: byId("mkRFrom").value || null, periodTo: byId("mkRTo").value || null, inputs } });
    say("ok", t("mk_reportDone").replace("{c}", tonnes(r.credits)), "mkReportDone");
    await openProject(project.id);
  } catch (e) { say("error", describe(e), "mkError"); }
  ready("true");
});

// ---- credits retired for 碳普惠 or neutrality
byId("mkCreditRetire").addEventListener("submit", async ev => {
  ev.preventDefault();
  ready("");
  const n = s => byId(s).value.trim() === "" ? null : Number(byId(s).value.trim().replace(/,/g, ""));
  try {
    await api(`/api/v1/markets/accounts/${code}/retire`, { method: "POST", body: {
      instrument: byId("mkCRInstrument").value, vintage: n("mkCRVintage"), quantity: n("mkCRQuantity"), serialFrom: n("mkCRFrom"), serialTo: n("mkCRTo"),
      forYear: n("mkCRYear"), purpose: byId("mkCRPurpose").value } });
    say("ok", t("mk_creditsRetired").replace("{q}", tonnes(n("mkCRQuantity"))).replace("{p}", t("mk_p_" + byId("mkCRPurpose").value)), "mkCreditsRetired");
    await account();
  } catch (e) { say("error", describe(e), "mkError"); }
  ready("true");
});

byId("mkOperator").hidden = !government;
byId("mkEnergy").hidden = !government;
// the true-up's deadline starts 90 days from the server's today, for the authority to set as its notice says
{
  const d = new Date(`${await serverDate()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 90);
  byId("mkDeadline").value = d.toISOString().slice(0, 10);
}
byId("mkPollutionYear").value = String(year0);
byId("mkGreenYear").value = String(year0);
byId("mkCRYear").value = String(year0 + 1);
if (government) await overview();
if (government || code) { byId("mkPollution").hidden = false; byId("mkGreen").hidden = !government; }
byId("mkPollutionX").hidden = !government;
try { await projects(); } catch (e) { say("error", describe(e), "mkError"); }
if (code) {
  await account();
  byId("mkCreditRetire").hidden = me.role !== "ENTERPRISE";
  byId("mkScope2Year").value = param("year") || String(Number((await serverDate()).slice(0, 4)) - 1);
  await scope2();
}
ready("true");
