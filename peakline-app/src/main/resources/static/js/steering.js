import { serverToday, api, header, el, put, fmt, param, t, dataTable, describe, labelled, when, regionShapes } from "/js/common.js";

// 能效与双控: efficiency lists and shares, targets with warnings and the assessment report, the two-high register,
// carbon-efficiency grades, for a region (?region=) and year. Every list links its Excel export.
await header();
const region = param("region") || "520000";
const yearSel = document.getElementById("year");
const now = (await serverToday()).getFullYear();
for (let y = now - 1; y >= now - 8; y--) yearSel.append(el("option", { value: y }, String(y)));
yearSel.value = param("year") || "2024";
const row = cells => el("tr", {}, cells.map(c => el("td", {}, c == null ? "—" : c)));
const head = keys => el("tr", {}, keys.map(k => el("th", {}, t(k))));
/** The rows, or one row saying there is nothing (an empty table is never left blank). */
const rowsOr = (rows, span) => rows.length ? rows : el("tr", {}, el("td", { colspan: span, class: "empty" }, t("noData")));
const badge = (cls, text) => el("span", { class: "status " + cls }, text);
const pct = v => (v == null || v === "NaN" ? "—" : (v * 100).toFixed(1) + "%");
const tabs = [["efficiency", "st_tabEfficiency"], ["targets", "st_tabTargets"], ["projects", "st_tabProjects"], ["grades", "st_tabGrades"], ["synergy", "sy_tab"], ["sinks", "sk_tab"], ["library", "ms_tab"]];
let current = location.hash.slice(1) || "efficiency";

function show(tab) {
  current = tab;
  for (const [id] of tabs) document.getElementById(id).style.display = id === tab ? "" : "none";
  put(document.getElementById("tabs"), tabs.map(([id, label]) =>
    el("button", { class: id === tab ? "on" : "", "data-tab": id, onclick: () => { location.hash = id; show(id); load(); } }, t(label))));
}

function link(id, href) { document.getElementById(id).href = href; }

async function efficiency(year) {
  const level = document.getElementById("level").value;
  const base = `/api/v1/efficiency/regions/${region}`;
  const [shares, list, plans] = await Promise.all([
    api(`${base}/shares?year=${year}`), api(`${base}?year=${year}&level=${level}`), api(`${base}/plans?year=${year}`)]);
  link("sharesX", `${base}/shares?year=${year}&format=xlsx`);
  link("listX", `${base}?year=${year}&level=${level}&format=xlsx`);
  link("plansX", `${base}/plans?year=${year}&format=xlsx`);
  put(document.getElementById("shares"), head(["product", "st_facilities", "st_capacity", "st_shareAdvanced", "st_shareLaggard", "st_target", "st_conclusion"]),
    rowsOr(shares.flatMap(s => s.targets.map(tg => row([s.product, s.facilities, fmt(s.capacity, 0), pct(s.shareAdvanced), pct(s.shareLaggard),
      `${tg.target.product === "*" ? t("st_twoHighSectors") : tg.target.product} ${t("st_yearN").replace("{n}", tg.target.year)} ≥ ${pct(tg.target.minAtBenchmark)}`,
      tg.met == null ? t("ec_UNCLASSIFIED") : badge(tg.met ? "GREEN" : "RED", tg.met ? t("st_met")
        : t(Number(year) < tg.target.year ? "st_notYet" : "st_notMet").replace("{y}", tg.target.year))]))), 7));
  // the whole list (a province has thousands of facilities): searchable, sortable, paged, with the count
  dataTable(document.getElementById("list"), [
    { key: "enterpriseName", label: "enterprise" },
    { key: "facility", label: "st_facility" },
    { key: "equipment", label: "st_equipment" },
    { key: "product", label: "product" },
    { key: "indicator", label: "st_indicator", value: r => `${r.indicator} (${r.unit})` },
    { key: "capacity", label: "st_capacity", num: true, render: r => fmt(r.capacity, 0) },
    { key: "value", label: "st_perUnit", num: true, render: r => r.value == null ? "—" : fmt(r.value, 1) },
    { key: "bench", label: "st_benchBase", value: r => `${r.benchmark ?? "—"} / ${r.baseline ?? "—"}` },
    { key: "level", label: "st_level", value: r => t("ec_" + r.level),
      render: r => el("span", {}, badge(r.level, t("ec_" + r.level)), r.leader ? " " + t("st_leader") : "") },
    { key: "gbGrade", label: "st_gbGrade", value: r => r.gbGrade == null ? "—" : r.gbGrade === 0 ? t("st_belowLimit") : t("st_limitGradeN").replace("{n}", r.gbGrade) },
  ], list, { id: "listTable", pageSize: 100 });
  // every plan and every laggard without one, searchable, sortable and paged (a province has many)
  dataTable(document.getElementById("plans"), [
    { key: "enterprise", label: "enterprise" },
    { key: "facility", label: "st_facility" },
    { key: "measure", label: "st_measure" },
    { key: "deadline", label: "deadline" },
    { key: "status", label: "status" },
    { key: "warning", label: "st_warning", value: r => r.warningText, render: r => badge(r.warningClass, r.warningText) },
  ], [...plans.plans.map(p => ({ enterprise: p.plan.enterpriseName, facility: p.plan.facility, measure: p.plan.measure, deadline: p.plan.deadline,
      status: t("pl_" + p.plan.status), warningClass: p.overdue ? "RED" : "GREEN",
      warningText: p.overdue ? t("overdue") : p.daysLeft >= 0 ? t("st_daysLeft").replace("{n}", p.daysLeft) : t("pl_DONE") })),
    ...plans.unplanned.map(u => ({ enterprise: u.enterpriseName, facility: u.facility, measure: t("st_noPlan"), deadline: "—", status: "—",
      warningClass: "YELLOW", warningText: t("st_laggardNoPlan") }))], { id: "planTable", pageSize: 50 });
}

const INDICATORS = ["CARBON_INTENSITY", "ENERGY_INTENSITY", "CARBON_TOTAL", "ENERGY_TOTAL", "NON_FOSSIL_SHARE"];
const RATIO = { CARBON_INTENSITY: true, ENERGY_INTENSITY: true, NON_FOSSIL_SHARE: true };
const UNITS = { CARBON_TOTAL: "tCO₂", ENERGY_TOTAL: "tce" };
const byId = id => document.getElementById(id);
const msgBox = (id, cls, text) => { const b = byId(id); b.className = cls; b.textContent = text; };
/** A target value as people write it: reductions and shares in per cent (13.5 → 0.135), caps in t or tce. */
const fromInput = (indicator, text) => { const v = Number(String(text).trim()); return text === "" || !Number.isFinite(v) ? null : RATIO[indicator] ? v / 100 : v; };
const toInput = (indicator, v) => v == null ? "" : RATIO[indicator] ? String(+(v * 100).toFixed(4)) : String(v);
const targetText = (indicator, v) => v == null ? "—" : RATIO[indicator] ? fmt(100 * v, 2) + "%" : fmt(v, 0) + " " + UNITS[indicator];

async function targets(year) {
  const base = `/api/v1/targets/regions/${region}`;
  link("targetsX", `${base}?year=${year}&format=xlsx`);
  link("pdf", `${base}/assessment?year=${year}&format=pdf`);
  link("reportX", `${base}/assessment?year=${year}&format=xlsx`);
  const views = await api(`${base}?year=${year}`);
  const v = x => (x == null || x === "NaN" ? "—" : fmt(x, 4));
  dataTable(byId("targetList"), [
    { key: "subject", label: "st_subject", value: x => x.subjectName },
    { key: "indicator", label: "st_indicator", value: x => t("ind_" + x.progress.indicator) },
    { key: "years", label: "st_years", value: x => `${x.target.baseYear}—${x.target.targetYear}` },
    { key: "value", label: "st_targetValue", value: x => targetText(x.target.indicator, x.target.value) },
    { key: "base", label: "st_baseValue", num: true, value: x => x.progress.base, render: x => v(x.progress.base) },
    { key: "required", label: "st_required", num: true, value: x => x.progress.required, render: x => v(x.progress.required) },
    { key: "actual", label: "st_actual", num: true, value: x => x.progress.actual, render: x => v(x.progress.actual) },
    { key: "warning", label: "st_warning", value: x => t("w_" + x.progress.warning), render: x => badge(x.progress.warning, t("w_" + x.progress.warning)) },
    { key: "assessment", label: "st_assessmentResult", value: x => t("as_" + x.progress.assessment) },
    { key: "document", label: "st_document", value: x => x.target.document },
    { key: "decompose", label: "tg_decompose", value: () => "", render: x => x.target.scope === "REGION"
      ? el("button", { type: "button", class: "secondary", "data-target": x.target.id, onclick: ev => { ev.stopPropagation(); decompose(x); } }, t("tg_decompose")) : "" },
  ], views, { id: "targetTable", pageSize: 100 });
  await statisticsList();
}

// a new target of this region: indicator, years, value (per cent for reductions and shares), the document it rests on
put(byId("tgIndicator"), INDICATORS.map(i => el("option", { value: i }, t("ind_" + i))));
const unitHint = () => { byId("tgUnit").textContent = RATIO[byId("tgIndicator").value] ? "%" : UNITS[byId("tgIndicator").value]; };
byId("tgIndicator").addEventListener("change", unitHint);
unitHint();
byId("targetForm").addEventListener("submit", async e => {
  e.preventDefault();
  const indicator = byId("tgIndicator").value;
  const body = { scope: "REGION", region, indicator, baseYear: Number(byId("tgBase").value), targetYear: Number(byId("tgTarget").value),
    value: fromInput(indicator, byId("tgValue").value), document: byId("tgDocument").value };
  try {
    const r = await api("/api/v1/targets", { method: "POST", body });
    msgBox("tgMessage", "ok", t("tg_created").replace("{id}", r.id));
    await targets(yearSel.value);
    const created = (await api(`/api/v1/targets/regions/${region}?year=${yearSel.value}`)).find(x => x.target.id === r.id);
    if (created) await decompose(created);
  } catch (err) { msgBox("tgMessage", "error", describe(err)); }
});

// the decomposition editor: every child region with its value, checked by the server as one types (nothing stored)
let parent = null, children = [];
async function decompose(view) {
  parent = view.target;
  const [info, current] = await Promise.all([api(`/api/v1/regions/${parent.region}`), api(`/api/v1/targets/${parent.id}/decomposition`)]);
  children = info.children;
  const have = Object.fromEntries(current.children.map(c => [c.region, c.value]));
  byId("dcTitle").textContent = `${view.subjectName} · ${t("ind_" + parent.indicator)} ${parent.baseYear}—${parent.targetYear} ${targetText(parent.indicator, parent.value)}`;
  put(byId("dcTable"), head(["region", "st_targetValue"]), children.map(c => el("tr", {},
    el("td", {}, c.name), el("td", {}, el("input", { "data-region": c.code, size: 10, value: toInput(parent.indicator, have[c.code]),
      oninput: () => check() }), " ", RATIO[parent.indicator] ? "%" : UNITS[parent.indicator]))));
  byId("decomposePanel").hidden = false;
  byId("decomposePanel").scrollIntoView();
  await check();
}
const given = () => [...byId("dcTable").querySelectorAll("input[data-region]")]
  .map(i => ({ region: i.dataset.region, value: fromInput(parent.indicator, i.value) }))
  .filter(c => c.value != null);
let checking = 0;
async function check() {
  const mine = ++checking;
  const list = given();
  if (!list.length) { put(byId("dcCheck"), el("p", { class: "muted" }, t("tg_fillIn"))); return; }
  try {
    const r = await api(`/api/v1/targets/${parent.id}/decompose`, { method: "POST", body: { children: list, check: true } });
    if (mine !== checking) return;
    put(byId("dcCheck"), r.problems.length
      ? el("div", { class: "error", id: "dcProblems" }, [t("tg_inconsistent"), ...r.problems.map(p => "\n" + (p.label ? labelled(p) : p.message))].join(""))
      : el("div", { class: "ok", id: "dcProblems" }, t("tg_consistent").replace("{v}", targetText(parent.indicator, r.implied))));
  } catch (e) { put(byId("dcCheck"), el("div", { class: "error", id: "dcProblems" }, describe(e))); }
}
byId("dcUniform").addEventListener("click", async () => {
  try {
    const r = await api(`/api/v1/targets/${parent.id}/decompose`, { method: "POST", body: { method: "UNIFORM", check: true } });
    for (const i of byId("dcTable").querySelectorAll("input[data-region]")) i.value = toInput(parent.indicator, r.values[i.dataset.region]);
    await check();
  } catch (e) { put(byId("dcCheck"), el("div", { class: "error", id: "dcProblems" }, describe(e))); }
});
byId("dcSave").addEventListener("click", async () => {
  try {
    await api(`/api/v1/targets/${parent.id}/decompose`, { method: "POST", body: { children: given() } });
    msgBox("pageMessage", "ok", t("tg_decomposed").replace("{n}", given().length));
    byId("pageMessage").scrollIntoView();
    byId("decomposePanel").hidden = true;
    await targets(yearSel.value);
  } catch (e) { put(byId("dcCheck"), el("div", { class: "error", id: "dcProblems" }, describe(e))); }
});

// region statistics: the template, an import that stores all rows or none, each bad row named by line and column
async function statisticsList() {
  const list = await api(`/api/v1/statistics/regions/${region}`);
  dataTable(byId("sxList"), [
    { key: "region", label: "region", value: s => s.regionName || s.region },
    { key: "year", label: "year", num: true },
    { key: "gdp", label: "sx_gdp", num: true, value: s => s.gdp10kYuan, render: s => fmt(s.gdp10kYuan, 0) },
    { key: "energy", label: "sx_energy", num: true, value: s => s.energyTce, render: s => fmt(s.energyTce, 0) },
    { key: "co2", label: "sx_co2", num: true, value: s => s.co2, render: s => fmt(s.co2, 0) },
  ], list, { id: "sxTable", pageSize: 20 });
}
byId("sxImport").addEventListener("click", async () => {
  const f = byId("sxFile").files[0];
  if (!f) { msgBox("sxResult", "error", t("sx_chooseFile")); return; }
  const fd = new FormData();
  fd.append("file", f);
  try {
    const r = await api("/api/v1/statistics", { method: "POST", form: fd });
    msgBox("sxResult", "ok", t("sx_imported").replace("{n}", r.regionYears));
    await statisticsList();
  } catch (e) { msgBox("sxResult", "error", describe(e)); }
});

// the two-high register: every project, one opened with its history, the moves its state allows and its ledger
async function projects() {
  link("projectsX", `/api/v1/projects/regions/${region}?format=xlsx`);
  const list = await api(`/api/v1/projects/regions/${region}`);
  dataTable(byId("projectList"), [
    { key: "name", label: "st_project", value: v => v.project.name },
    { key: "sector", label: "st_sector", value: v => v.sector },
    { key: "product", label: "product", value: v => v.project.product },
    { key: "capacity", label: "st_capacity", num: true, value: v => v.project.capacity, render: v => fmt(v.project.capacity, 0) },
    { key: "designed", label: "st_designEnergy", num: true, value: v => v.project.designedEnergyTce, render: v => fmt(v.project.designedEnergyTce, 0) },
    { key: "level", label: "st_designLevel", value: v => v.designedLevel ? t("ec_" + v.designedLevel) : "—" },
    { key: "status", label: "status", value: v => t("ps_" + v.project.status) },
    { key: "disposal", label: "st_disposal", value: v => v.project.disposal || "—" },
    { key: "actual", label: "st_actualEnergy", num: true, value: v => v.actualEnergyTce, render: v => v.actualEnergyTce == null ? "—" : fmt(v.actualEnergyTce, 0) },
    { key: "vs", label: "st_vsDesign", value: v => v.exceedsDesign == null ? "—" : t(v.exceedsDesign ? "st_exceeds" : "st_within"),
      render: v => v.exceedsDesign == null ? "—" : badge(v.exceedsDesign ? "RED" : "GREEN", t(v.exceedsDesign ? "st_exceeds" : "st_within")) },
  ], list, { id: "projectTable", pageSize: 50, onRow: v => project(v.project.id) });
}

let openProject = null;
async function project(id) {
  const d = await api(`/api/v1/projects/${id}`);
  openProject = id;
  const p = d.project.project;
  byId("pjTitle").textContent = p.name;
  put(byId("pjStatus"), t("status"), "：", badge(p.status === "REFUSED" || p.status === "CLOSED" ? "RED" : p.status === "OPERATING" ? "GREEN" : "YELLOW", t("ps_" + p.status)));
  byId("pjCommissionedLabel").hidden = !d.next.includes("OPERATING");
  put(byId("pjMoves"), d.next.map(to => el("button", { type: "button", class: "primary", "data-move": to, onclick: () => move(id, to) }, t("pj_to").replace("{s}", t("ps_" + to)))));
  put(byId("pjEvents"), head(["time", "who", "pj_from", "pj_toStatus", "pj_document", "comment"]),
    rowsOr(d.events.map(e => row([when(e.at), e.actor, e.from ? t("ps_" + e.from) : "—", t("ps_" + e.to), e.document || "—", e.comment || "—"])), 6));
  put(byId("pjLedger"), head(["pj_kind", "amount", "unit", "pj_source"]),
    rowsOr(d.substitutions.map(s => row([t("sk_" + s.kind), fmt(s.amount, 2), s.unit, s.source || "—"])), 4));
  byId("projectPanel").hidden = false;
  byId("projectPanel").scrollIntoView();
}
async function move(id, to) {
  const body = { to, document: byId("pjDocument").value || null, comment: byId("pjComment").value || null,
    commissioned: to === "OPERATING" && byId("pjCommissioned").value ? byId("pjCommissioned").value : null };
  try {
    await api(`/api/v1/projects/${id}/move`, { method: "POST", body });
    msgBox("pjMessage", "ok", t("pj_moved").replace("{s}", t("ps_" + to)));
    byId("pjDocument").value = ""; byId("pjComment").value = "";
    await projects();
    await project(id);
  } catch (e) { msgBox("pjMessage", "error", describe(e)); }
}
const KINDS = { CAPACITY: "t/a", COAL: "t", ENERGY: "tce", CARBON: "tCO2", POLLUTANT: "t" };
put(byId("pjKind"), Object.keys(KINDS).map(k => el("option", { value: k }, t("sk_" + k))));
const kindUnit = () => { byId("pjKindUnit").textContent = KINDS[byId("pjKind").value]; };
byId("pjKind").addEventListener("change", kindUnit);
kindUnit();
byId("pjSubForm").addEventListener("submit", async e => {
  e.preventDefault();
  const kind = byId("pjKind").value;
  try {
    await api(`/api/v1/projects/${openProject}/substitutions`, { method: "POST",
      body: { kind, amount: Number(byId("pjAmount").value), unit: KINDS[kind], source: byId("pjSource").value } });
    byId("pjAmount").value = ""; byId("pjSource").value = "";
    await project(openProject);
  } catch (err) { msgBox("pjMessage", "error", describe(err)); }
});
const products = await api("/api/v1/efficiency/products");
put(byId("npProduct"), products.map(p => el("option", { value: p.product, "data-unit": p.capacityUnit, "data-value-unit": p.unit || "" }, p.product)));
const productUnit = () => {
  const o = byId("npProduct").selectedOptions[0];
  byId("npUnit").textContent = o ? o.dataset.unit : "";
  byId("npValueUnit").textContent = o ? o.dataset.valueUnit : "";
};
byId("npProduct").addEventListener("change", productUnit);
productUnit();
byId("projectForm").addEventListener("submit", async e => {
  e.preventDefault();
  const num = id => byId(id).value.trim() === "" ? null : Number(byId(id).value);
  const body = { name: byId("npName").value, enterprise: byId("npEnterprise").value.trim() || null, region, industry: byId("npIndustry").value.trim(),
    product: byId("npProduct").value, capacity: num("npCapacity"), capacityUnit: byId("npUnit").textContent,
    designedEnergyTce: num("npEnergy"), designedCo2: num("npCo2"), designedValue: num("npValue") };
  try {
    const r = await api("/api/v1/projects", { method: "POST", body });
    msgBox("npMessage", "ok", t("pj_registered"));
    byId("projectForm").reset(); productUnit();
    await projects();
    await project(r.id);
  } catch (err) { msgBox("npMessage", "error", describe(err)); }
});

async function grades(year) {
  link("gradesX", `/api/v1/grades/regions/${region}?year=${year}&format=xlsx`);
  const list = await api(`/api/v1/grades/regions/${region}?year=${year}`);
  const counts = [1, 2, 3, 4, 5].map(g => `${t("st_gradeN").replace("{n}", g)}: ${list.filter(x => x.grade === g).length}`);
  document.getElementById("gradeSummary").textContent = `${list.length} ${t("st_enterprises")} · ${counts.join(" · ")}`;
  // every graded enterprise, searchable, sortable and paged (no cut at 300 rows)
  dataTable(document.getElementById("gradeList"), [
    { key: "name", label: "enterprise", value: g => g.input.name },
    { key: "industry", label: "industry", value: g => g.input.industry },
    { key: "co2", label: "st_co2", num: true, value: g => g.input.co2, render: g => fmt(g.input.co2, 0) },
    { key: "va", label: "valueAdded", num: true, value: g => g.input.valueAdded, render: g => fmt(g.input.valueAdded, 0) },
    { key: "l", label: "L", num: true, value: g => g.intensity === "NaN" ? null : g.intensity, render: g => g.intensity === "NaN" ? "—" : fmt(g.intensity, 3) },
    { key: "k", label: "K", num: true, value: g => g.ratio === "NaN" ? null : g.ratio, render: g => g.ratio === "NaN" ? "—" : fmt(g.ratio, 3) },
    { key: "level", label: "st_carbonLevel", value: g => g.level ? t("gl_" + g.level) : "—" },
    { key: "grade", label: "st_grade", num: true, value: g => g.grade ?? 9,
      render: g => g.grade == null ? g.note : badge(g.grade <= 2 ? "GREEN" : g.grade === 3 ? "YELLOW" : "RED", t("st_gradeN").replace("{n}", g.grade)) },
  ], list, { id: "gradeTable" });
}

// 减污降碳协同: each child region's scope 1 CO2 and air pollution equivalents year on year, the co-control quadrant
// (I both cut … IV CO2 cut, pollutants up) and the cross-elasticity; regions without both years' figures say so
async function synergy(year) {
  const box = byId("syMessage");
  let v;
  try { v = await api(`/api/v1/regions/${region}/synergy?year=${year}&alpha=${encodeURIComponent(byId("syAlpha").value)}&by=${byId("syBy").value}`); put(box); }
  catch (e) { put(box, el("div", { class: "error", id: "syError" }, describe(e))); return; }
  const Q = { 1: "sy_q1", 2: "sy_q2", 3: "sy_q3", 4: "sy_q4" };
  dataTable(byId("synergyList"), [
    { key: "rank", label: "sy_rank", num: true, value: r => r.rank ?? null, render: r => r.rank == null ? "—" : String(r.rank) },
    { key: "name", label: v.level === "enterprise" ? "enterprise" : v.level === "park" ? "sy_park" : "region" },
    { key: "co2", label: "sy_co2", num: true, value: r => r.co2, render: r => fmt(r.co2, 0) },
    { key: "co2Cut", label: "sy_co2Cut", num: true, value: r => r.co2Cut, render: r => r.co2Cut == null ? "—" : fmt(r.co2Cut, 0) },
    { key: "airEquivalents", label: "sy_air", num: true, value: r => r.airEquivalents, render: r => fmt(r.airEquivalents, 2) },
    { key: "airCut", label: "sy_airCut", num: true, value: r => r.airCut, render: r => r.airCut == null ? "—" : fmt(r.airCut, 2) },
    { key: "quadrant", label: "sy_quadrant", value: r => r.quadrant == null ? t("sy_noData") : t(Q[r.quadrant]) },
    { key: "elasticity", label: "sy_els", num: true, value: r => r.elasticity, render: r => r.elasticity == null ? "—" : fmt(r.elasticity, 3) },
    { key: "coordination", label: "sy_d", num: true, value: r => r.coordination ?? null, render: r => r.coordination == null ? "—" : fmt(r.coordination, 3) },
    { key: "band", label: "sy_band", value: r => r.band == null ? "—" : t("sy_band" + r.band) },
  ], v.children, { id: "synergyTable" });
  dataTable(byId("synergyMeasures"), [
    { key: "name", label: "ms_name" },
    { key: "product", label: "product", value: m => m.product || "—" },
    { key: "co2SavingPct", label: "ms_co2", num: true, value: m => m.co2SavingPct, render: m => fmt(m.co2SavingPct, 1) },
    { key: "pollutantSavingPct", label: "ms_pollutant", num: true, value: m => m.pollutantSavingPct, render: m => fmt(m.pollutantSavingPct, 1) },
    { key: "elasticity", label: "sy_els", num: true, value: m => m.elasticity, render: m => fmt(m.elasticity, 3) },
    { key: "source", label: "ms_source" },
  ], v.measures, { id: "synergyMeasureTable", empty: "sy_noMeasures" });
  await synergyMap(v);
}

/** The children on the map by co-control quadrant or coupling-coordination degree; a region without shapes says so. */
async function synergyMap(v) {
  const note = byId("syMapNote");
  const chart = echarts.getInstanceByDom(byId("synergyMap")) || echarts.init(byId("synergyMap"));
  if (v.level === "enterprise") { chart.clear(); note.textContent = t("sy_enterpriseLevel"); return; }
  if (v.level === "park") { chart.clear(); note.textContent = t("sy_parkLevel"); return; }
  if (!(await regionShapes(region))) { chart.clear(); note.textContent = t("sy_noMap"); return; }
  note.textContent = t("sy_mapNote");
  const byQuadrant = byId("syMapBy").value === "quadrant";
  const colours = { 1: "#0b6e4f", 2: "#e0a030", 3: "#c0392b", 4: "#5b8bd0" };
  const data = v.children.map(c => ({ name: c.name, value: byQuadrant ? c.quadrant ?? null : c.coordination ?? null, row: c }));
  chart.setOption({
    tooltip: { trigger: "item", formatter: p => !p.data || p.data.value == null ? `${p.name}<br>${t("sy_noData")}`
      : `${p.name}<br>${byQuadrant ? t("sy_q" + p.data.row.quadrant) : t("sy_d") + " " + fmt(p.data.row.coordination, 3) + " " + t("sy_band" + p.data.row.band)}` },
    visualMap: byQuadrant
      ? { type: "piecewise", left: 0, bottom: 0, pieces: [1, 2, 3, 4].map(q => ({ value: q, label: t("sy_q" + q), color: colours[q] })) }
      : { type: "continuous", left: 0, bottom: 0, min: 0, max: 1, calculable: true, inRange: { color: ["#f3e6d8", "#7fb8a4", "#06402d"] } },
    series: [{ type: "map", map: region, roam: false, nameProperty: "name", data,
      label: { show: true, fontSize: 11, color: "#1f2933", textBorderColor: "#fff", textBorderWidth: 2 } }],
  }, true);
}
byId("syShow").addEventListener("click", async () => { document.body.dataset.ready = ""; await synergy(yearSel.value); document.body.dataset.ready = "true"; });
byId("syBy").addEventListener("change", async () => { document.body.dataset.ready = ""; await synergy(yearSel.value); document.body.dataset.ready = "true"; });
byId("syMapBy").addEventListener("change", async () => { document.body.dataset.ready = ""; await synergy(yearSel.value); document.body.dataset.ready = "true"; });

// 碳汇: the region's sink inventory of the year by region and pool, the region's gross CO2 from its statistics beside
// it and the net apart (the sinks never replace the gross figure); an import of the inventory rows
const POOL = { forest: "sk_forest", grassland: "sk_grassland", wetland: "sk_wetland", cropland: "sk_cropland", shrubland: "sk_shrubland", bamboo: "sk_bamboo", urban_green: "sk_urban_green", karst: "sk_karst" };
const METHOD = { gain: "sk_gain", provincial: "sk_provincial", stock_difference: "sk_stock_difference", karst: "sk_karstMethod" };
async function sinks(year) {
  const v = await api(`/api/v1/regions/${region}/sinks?year=${year}`);
  byId("sinkSummary").textContent = t("sk_summary").replace("{y}", year).replace("{r}", fmt(v.removals, 0))
    .replace("{g}", v.grossCo2 == null ? t("sk_noGross") : fmt(v.grossCo2, 0)).replace("{n}", v.net == null ? "—" : fmt(v.net, 0));
  dataTable(byId("sinkList"), [
    { key: "name", label: "region" },
    { key: "pool", label: "sk_pool", value: r => t(POOL[r.pool]) },
    { key: "methods", label: "sk_method", value: r => r.methods.map(m => t(METHOD[m])).join("、") },
    { key: "removals", label: "sk_removals", num: true, value: r => r.removals, render: r => fmt(r.removals, 0) },
  ], v.rows, { id: "sinkTable", empty: "sk_none" });
}
byId("skImport").addEventListener("click", async () => {
  const box = byId("skMessage");
  const f = byId("skFile").files[0];
  if (!f) { put(box, el("div", { class: "error" }, t("sx_chooseFile"))); return; }
  const fd = new FormData(); fd.append("file", f);
  document.body.dataset.ready = "";
  try {
    const r = await api("/api/v1/sinks", { method: "POST", form: fd });
    await sinks(yearSel.value);
    put(box, el("div", { class: "ok", id: "skDone" }, t("sk_imported").replace("{n}", r.rows).replace("{m}", r.regionYears)));
  } catch (e) { put(box, el("div", { class: "error" }, describe(e))); }
  document.body.dataset.ready = "true";
});

// 节能降碳技术库: the measures with their sources; government users and administrators add to it
const num = v => (v === "" ? null : Number(v));
async function library() {
  const list = await api("/api/v1/measures");
  dataTable(byId("measureList"), [
    { key: "name", label: "ms_name" },
    { key: "product", label: "product", value: m => m.product || "—" },
    { key: "industry", label: "industry", value: m => m.industry || "—" },
    { key: "energySavingPct", label: "ms_energy", num: true, value: m => m.energySavingPct, render: m => m.energySavingPct == null ? "—" : fmt(m.energySavingPct, 1) },
    { key: "co2SavingPct", label: "ms_co2", num: true, value: m => m.co2SavingPct, render: m => m.co2SavingPct == null ? "—" : fmt(m.co2SavingPct, 1) },
    { key: "pollutantSavingPct", label: "ms_pollutant", num: true, value: m => m.pollutantSavingPct, render: m => m.pollutantSavingPct == null ? "—" : fmt(m.pollutantSavingPct, 1) },
    { key: "cost10kYuan", label: "ms_cost", num: true, value: m => m.cost10kYuan, render: m => m.cost10kYuan == null ? "—" : fmt(m.cost10kYuan, 0) },
    { key: "paybackYears", label: "ms_payback", num: true, value: m => m.paybackYears, render: m => m.paybackYears == null ? "—" : fmt(m.paybackYears, 1) },
    { key: "source", label: "ms_source" },
  ], list, { id: "measureTable", empty: "ms_none" });
  if (!byId("msProduct").options.length) {
    const products = await api("/api/v1/efficiency/products");
    put(byId("msProduct"), el("option", { value: "" }, t("ms_anyProduct")), products.map(p => el("option", { value: p.product }, p.product)));
  }
}
byId("measureForm").addEventListener("submit", async ev => {
  ev.preventDefault();
  const box = byId("msMessage");
  document.body.dataset.ready = "";
  try {
    await api("/api/v1/measures", { method: "POST", body: {
      name: byId("msName").value, product: byId("msProduct").value || null, industry: byId("msIndustry").value.trim() || null,
      equipment: byId("msEquipment").value, energySavingPct: num(byId("msEnergy").value), co2SavingPct: num(byId("msCo2").value),
      pollutantSavingPct: num(byId("msPollutant").value), cost10kYuan: num(byId("msCost").value),
      paybackYears: num(byId("msPayback").value), source: byId("msSource").value } });
    await library();
    put(box, el("div", { class: "ok", id: "msDone" }, t("ms_added")));
  } catch (e) { put(box, el("div", { class: "error" }, describe(e))); }
  document.body.dataset.ready = "true";
});

async function load() {
  const year = yearSel.value;
  // a year without approved filings says so, rather than leaving the lists to look like another year's
  const dash = await api(`/api/v1/regions/${region}/dashboard?year=${year}`);
  const none = byId("noYearData");
  none.hidden = dash.totals.filings > 0;
  none.textContent = t("st_noYearData").replace("{y}", year);
  if (current === "efficiency") await efficiency(year);
  if (current === "targets") await targets(year);
  if (current === "projects") await projects();
  if (current === "grades") await grades(year);
  if (current === "synergy") await synergy(year);
  if (current === "sinks") await sinks(year);
  if (current === "library") await library();
}

yearSel.onchange = load;
document.getElementById("level").onchange = load;
show(current);
await load();
document.body.dataset.ready = "true";
