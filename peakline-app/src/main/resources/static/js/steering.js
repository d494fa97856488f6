import { api, header, el, put, fmt, param, t, dataTable } from "/js/common.js";

// 能效与双控: efficiency lists and shares, targets with warnings and the assessment report, the two-high register,
// carbon-efficiency grades, for a region (?region=) and year. Every list links its Excel export.
await header();
const region = param("region") || "520000";
const yearSel = document.getElementById("year");
const now = new Date().getFullYear();
for (let y = now - 1; y >= now - 8; y--) yearSel.append(el("option", { value: y }, String(y)));
yearSel.value = param("year") || "2024";
const row = cells => el("tr", {}, cells.map(c => el("td", {}, c == null ? "—" : c)));
const head = keys => el("tr", {}, keys.map(k => el("th", {}, t(k))));
/** The rows, or one row saying there is nothing (an empty table is never left blank). */
const rowsOr = (rows, span) => rows.length ? rows : el("tr", {}, el("td", { colspan: span, class: "empty" }, t("noData")));
const badge = (cls, text) => el("span", { class: "status " + cls }, text);
const pct = v => (v == null || v === "NaN" ? "—" : (v * 100).toFixed(1) + "%");
const tabs = [["efficiency", "st_tabEfficiency"], ["targets", "st_tabTargets"], ["projects", "st_tabProjects"], ["grades", "st_tabGrades"]];
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
  put(document.getElementById("plans"), head(["enterprise", "st_facility", "st_measure", "deadline", "status", "st_warning"]),
    rowsOr([...plans.plans.map(p => row([p.plan.enterpriseName, p.plan.facility, p.plan.measure, p.plan.deadline, t("pl_" + p.plan.status),
      p.overdue ? badge("RED", t("overdue")) : badge("GREEN", p.daysLeft >= 0 ? t("st_daysLeft").replace("{n}", p.daysLeft) : t("pl_DONE"))])),
    ...plans.unplanned.map(u => row([u.enterpriseName, u.facility, t("st_noPlan"), "—", "—", badge("YELLOW", t("st_laggardNoPlan"))]))], 6));
}

async function targets(year) {
  const base = `/api/v1/targets/regions/${region}`;
  link("targetsX", `${base}?year=${year}&format=xlsx`);
  link("pdf", `${base}/assessment?year=${year}&format=pdf`);
  link("reportX", `${base}/assessment?year=${year}&format=xlsx`);
  const views = await api(`${base}?year=${year}`);
  const v = x => (x == null || x === "NaN" ? "—" : fmt(x, 4));
  put(document.getElementById("targetList"), head(["st_subject", "st_indicator", "st_years", "st_targetValue", "st_baseValue", "st_required", "st_actual", "st_warning", "st_assessmentResult", "st_document"]),
    rowsOr(views.map(x => row([x.subjectName, t("ind_" + x.progress.indicator), `${x.target.baseYear}—${x.target.targetYear}`, fmt(x.target.value, 3),
      v(x.progress.base), v(x.progress.required), v(x.progress.actual),
      badge(x.progress.warning, t("w_" + x.progress.warning)),
      t("as_" + x.progress.assessment),
      x.target.document])), 10));
}

async function projects() {
  link("projectsX", `/api/v1/projects/regions/${region}?format=xlsx`);
  const list = await api(`/api/v1/projects/regions/${region}`);
  put(document.getElementById("projectList"), head(["st_project", "st_sector", "product", "st_capacity", "st_designEnergy", "st_designLevel", "status", "st_disposal", "st_actualEnergy", "st_vsDesign"]),
    rowsOr(list.map(v => row([v.project.name, v.sector, v.project.product, fmt(v.project.capacity, 0), fmt(v.project.designedEnergyTce, 0),
      v.designedLevel ? t("ec_" + v.designedLevel) : "—", t("ps_" + v.project.status), v.project.disposal || "—", v.actualEnergyTce == null ? "—" : fmt(v.actualEnergyTce, 0),
      v.exceedsDesign == null ? "—" : badge(v.exceedsDesign ? "RED" : "GREEN", t(v.exceedsDesign ? "st_exceeds" : "st_within"))])), 10));
}

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

async function load() {
  const year = yearSel.value;
  if (current === "efficiency") await efficiency(year);
  if (current === "targets") await targets(year);
  if (current === "projects") await projects();
  if (current === "grades") await grades(year);
}

yearSel.onchange = load;
document.getElementById("level").onchange = load;
show(current);
await load();
document.body.dataset.ready = "true";
