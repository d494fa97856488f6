import { serverToday, paren, api, header, t, fmt, el, param, describe, put, when, download, dataTable } from "/js/common.js";
import { filingForm } from "/js/filingform.js";

const me = await header();
const code = param("code") || me.enterprise;
const yearSel = document.getElementById("year");
const thisYear = (await serverToday()).getFullYear();
for (let y = thisYear; y >= 2015; y--) yearSel.append(el("option", { value: y }, y));
// the account opens on the latest year with approved data (or the one asked for)
const work = await api(`/api/v1/enterprises/${code}/worklist`).catch(() => null);
yearSel.value = param("year") || String((work && work.latestYear) || thisYear - 1);
yearSel.addEventListener("change", load);
const chart = echarts.init(document.getElementById("chart"));
const SOURCES = ["combustion", "process", "electricity", "heat"];

const profile = await api(`/api/v1/enterprises/${code}`);
document.getElementById("name").textContent = profile.name;
document.getElementById("meta").textContent = `${profile.creditCode} · ${profile.regionName} · ${profile.industry} ${profile.industryName}`;
// the enterprise's own 碳效码 and each facility's efficiency class for the year shown
async function targets(year) {
  const views = await api(`/api/v1/targets/enterprises/${code}?year=${year}`).catch(() => []);
  const v = x => (x == null || x === "NaN" ? "—" : fmt(x, 4));
  put(document.getElementById("targets"),
    el("tr", {}, ["st_indicator", "st_years", "st_targetValue", "st_baseValue", "st_required", "st_actual", "st_warning", "st_assessmentResult", "st_document"].map(k => el("th", {}, t(k)))),
    views.length ? views.map(x => el("tr", {}, el("td", {}, t("ind_" + x.progress.indicator)), el("td", {}, `${x.target.baseYear}—${x.target.targetYear}`),
      el("td", { class: "num" }, fmt(x.target.value, 3)), el("td", { class: "num" }, v(x.progress.base)), el("td", { class: "num" }, v(x.progress.required)),
      el("td", { class: "num" }, v(x.progress.actual)), el("td", {}, el("span", { class: "status " + x.progress.warning }, t("w_" + x.progress.warning))),
      el("td", {}, t("as_" + x.progress.assessment)), el("td", {}, x.target.document)))
      : el("tr", {}, el("td", { colspan: 9, class: "empty" }, t("noTargets"))));
}

async function standing(year) {
  targets(year);
  const [g, rows] = await Promise.all([
    api(`/api/v1/grades/enterprises/${code}?year=${year}`).catch(() => ({})),
    api(`/api/v1/efficiency/enterprises/${code}/assessment?year=${year}`).catch(() => [])]);
  const x = g.graded;
  document.getElementById("grade").textContent = x && x.grade != null
    ? `${t("st_tabGrades")} ${year}：${t("st_gradeN").replace("{n}", x.grade)} · ${t("gl_" + x.level)} · L ${fmt(x.intensity, 3)} tCO₂/万元 · K ${fmt(x.ratio, 3)}（${t("peerGroup")} ${x.peerGroup === "*" ? t("allIndustries") : x.peerGroup}，${x.peers} ${t("st_enterprises")}）`
    : `${t("st_tabGrades")} ${year}：${t("notGraded")}`;
  const byFacility = new Map(rows.map(r => [r.facility, r]));
  put(document.getElementById("facilities"),
    el("tr", {}, ["st_facility", "st_equipment", "product", "st_capacity", "st_perUnit", "st_benchBase", "st_level"].map((k, i) => el("th", { class: i === 3 || i === 4 ? "num" : "" }, t(k)))),
    profile.facilities.length ? profile.facilities.map(f => {
      const r = byFacility.get(f.name);
      return el("tr", {}, el("td", {}, f.name), el("td", {}, f.kind), el("td", {}, f.product || ""),
        el("td", { class: "num" }, fmt(f.capacity, 0) + " " + (f.capacityUnit || "")),
        el("td", { class: "num" }, r && r.value != null ? `${fmt(r.value, 1)} ${r.unit}` : "—"),
        el("td", {}, r ? `${r.benchmark ?? "—"} / ${r.baseline ?? "—"}` : "—"),
        el("td", {}, r ? el("span", { class: "status " + r.level }, t("ec_" + r.level)) : "—"));
    }) : el("tr", {}, el("td", { colspan: 7, class: "empty" }, t("noData"))));
}

async function load() {
  standing(yearSel.value);
  const a = await api(`/api/v1/enterprises/${code}/account?year=${yearSel.value}`);
  const y = a.annual;
  put(document.getElementById("cards"), 
    card("emissions", fmt(y.total, 1), "annual-total"), card("scope1", fmt(y.scope1, 1), undefined, " (tCO₂e)"), card("scope2", fmt(y.scope2, 1), undefined, " (tCO₂)"),
    card("scope2Market", "…", "scope2-market", " (tCO₂)"),
    card("energy", fmt(y.energy, 1)), card("intensity", fmt(y.carbonIntensity, 3)));
  // market-based scope 2: the green certificates retired for the year (碳市场与履约)
  api(`/api/v1/markets/accounts/${code}/scope2?year=${yearSel.value}`)
    .then(s => { document.querySelector("#scope2-market .value").textContent = fmt(s.scope2MarketT, 1); },
      () => { document.querySelector("#scope2-market .value").textContent = "–"; });
  chart.setOption({
    tooltip: { trigger: "axis" }, legend: { data: SOURCES.map(t) }, grid: { left: 70, right: 20, top: 40, bottom: 30 },
    xAxis: { type: "category", data: a.months.map(m => m.period.slice(5)) }, yAxis: { type: "value", name: "tCO₂e" },
    series: SOURCES.map(s => ({ name: t(s), type: "bar", stack: "total", data: a.months.map(m => Math.round(m[s] * 10) / 10) })),
  }, true);
  put(document.getElementById("months"), 
    el("tr", {}, ["period", "emissions", "scope1", "scope2", "energy", "valueAdded", "intensity", "why"].map((k, i) => el("th", { class: i && i < 7 ? "num" : "" }, t(k)))),
    a.months.map(m => el("tr", { "data-period": m.period },
      el("td", {}, m.period), el("td", { class: "num" }, fmt(m.total, 2)), el("td", { class: "num" }, fmt(m.scope1, 2)), el("td", { class: "num" }, fmt(m.scope2, 2)),
      el("td", { class: "num" }, fmt(m.energy, 2)), el("td", { class: "num" }, fmt(m.valueAdded, 1)), el("td", { class: "num" }, fmt(m.carbonIntensity, 3)),
      el("td", {}, el("a", { href: "#", class: "why", onclick: e => { e.preventDefault(); explain(m.period); } }, t("why"))))));
  put(document.getElementById("history"), 
    el("tr", {}, ["year", "emissions", "energy", "intensity"].map((k, i) => el("th", { class: i ? "num" : "" }, t(k)))),
    a.history.map(h => el("tr", {}, el("td", {}, h.period), el("td", { class: "num" }, fmt(h.total, 0)), el("td", { class: "num" }, fmt(h.energy, 0)), el("td", { class: "num" }, fmt(h.carbonIntensity, 3)))));
  const filings = await api(`/api/v1/enterprises/${code}/filings?year=${yearSel.value}`);
  dataTable(document.getElementById("filings"), [
    { key: "period", label: "period" },
    { key: "version", label: "version", num: true },
    { key: "status", label: "status", value: f => t("s" + f.status), render: f => el("span", { class: "status " + f.status }, t("s" + f.status)) },
    { key: "source", label: "source", value: f => t("src" + f.source) },
    { key: "comment", label: "comment", value: f => f.comment || "" },
  ], filings, { id: "filingsTable", pageSize: 24, onRow: f => { location.href = `/filing.html?id=${f.id}`; } });
}

// the annual report of an approved year, in the guidelines' template layout (Excel)
document.getElementById("annualReport").addEventListener("click", async () => {
  const msg = document.getElementById("reportMessage");
  try {
    await download(`/api/v1/enterprises/${code}/report?year=${yearSel.value}&format=xlsx`, `${code}-${yearSel.value}-emissions-report.xlsx`);
    msg.className = "ok"; msg.textContent = t("reportReady");
  } catch (e) { msg.className = "error"; msg.textContent = describe(e); }
});

// 待办: what the enterprise has to do, each item one click from where it is done
if (work && (me.role === "ENTERPRISE" || me.role === "ADMIN")) {
  const box = document.getElementById("todo");
  document.getElementById("todoPanel").hidden = false;
  const section = (key, items) => items.length ? el("div", { class: "todo", id: "todo-" + key }, el("h3", {}, `${t("todo_" + key)}（${items.length}）`), el("ul", {}, items)) : [];
  const fileMonth = p => { const period = document.getElementById("period"); period.value = p; period.dispatchEvent(new Event("change")); document.getElementById("filePanel").scrollIntoView(); };
  put(box,
    section("toFile", work.toFile.map(d => el("li", { class: d.overdue ? "error" : "" },
      el("a", { href: "#", onclick: ev => { ev.preventDefault(); fileMonth(d.period); } }, d.period),
      ` ${t("deadline")} ${d.deadline}${d.overdue ? "（" + t("overdue") + "）" : ""}`))),
    section("open", work.open.map(o => el("li", {},
      el("a", { href: `/filing.html?id=${o.id}` }, `${o.period} ${t("version")} ${o.version}`), " ",
      el("span", { class: "status " + o.status }, t("s" + o.status)),
      o.status === "RETURNED" && o.comment ? ` ${t("verifierComment")}：${o.comment}` : ""))),
    section("meters", work.meters.map(m => el("li", {},
      el("a", { href: `/monitoring.html?code=${code}` }, m.meter), ` ${m.month} ${t("mp_" + m.problem)}`))),
    section("plans", work.overduePlans.map(p => el("li", { class: "error" },
      `${p.facility}：${p.measure}，${t("deadline")} ${p.deadline}（${t("overdue")} ${-p.daysLeft} ${t("days")}）`))));
  if (!box.children.length) put(box, el("p", { class: "ok" }, t("todoNone")));
}

function card(key, value, id, unit = "") { return el("div", { class: "card", id }, el("div", { class: "label" }, t(key) + unit), el("div", { class: "value" }, value)); }

// 来源说明 as a calculation sheet: each line quantity × factor = emissions with the factor's document and version;
// the technical derivation folded away
const FACTOR_NAMES = [["combustion.ncv", "f_ncv"], ["combustion.carbon_content", "f_cc"], ["combustion.oxidation", "f_of"],
  ["electricity", "f_grid"], ["heat", "f_heat"], ["coal_equivalent", "f_tce"], ["gwp", "f_gwp"], ["process", "f_process"]];
const factorName = k => { const hit = FACTOR_NAMES.find(([p]) => k.toLowerCase().startsWith(p)); return hit ? t(hit[1]) : k; };
/** A factor's unit as the page's language writes it (fraction → 比例); symbols stay symbols. */
const unitName = u => u === "fraction" ? t("u_fraction") : u;
/** Where a sheet line came from: the file and row, "line 12" or "(entered)" in the page's language. */
const where = w => w === "(entered)" ? t("sheetEntered") : /^line \d+$/.test(w) ? t("sheetLine").replace("{n}", w.slice(5)) : w;
async function explain(period) {
  const x = await api(`/api/v1/enterprises/${code}/account/${period}/explain`);
  const s = x.sheet;
  const box = document.getElementById("sheet");
  put(box, el("h3", {}, `${period} ${t("sheetTitle")}`),
    el("table", { id: "sheetTable" },
      el("tr", {}, ["sheetSource", "sheetItem", "amount", "sheetFactors", "sheetCo2", "sheetTce"].map((k, i) => el("th", { class: i >= 4 ? "num" : "" }, t(k)))),
      s.lines.map(l => el("tr", {}, el("td", {}, where(l.where)), el("td", {}, `${l.subject} · ${t(l.slot)}`), el("td", { class: "num" }, l.quantity),
        el("td", {}, el("ul", { class: "factors" }, l.factors.map(f => el("li", { class: f.flagged ? "flagged" : "" },
          `${factorName(f.key)} ${f.value} ${unitName(f.unit)}`, el("small", {}, ` ${f.source || f.publication}${paren(f.set)}${f.flagged ? " ⚠ " + t("unconfirmed") : ""}`))))),
        el("td", { class: "num" }, fmt(l.co2, 4)), el("td", { class: "num" }, fmt(l.tce, 4)))),
      el("tr", { class: "sum" }, el("td", { colspan: 4 }, t("scope1")), el("td", { class: "num" }, fmt(s.scope1, 4)), el("td", {})),
      el("tr", { class: "sum" }, el("td", { colspan: 4 }, t("scope2")), el("td", { class: "num" }, fmt(s.scope2, 4)), el("td", {})),
      el("tr", { class: "sum" }, el("td", { colspan: 4 }, t("total")), el("td", { class: "num", id: "sheetTotal" }, fmt(s.total, 4)), el("td", { class: "num" }, fmt(s.energy, 4))),
      s.uncertaintyPercent == null ? [] : el("tr", {}, el("td", { colspan: 4 }, t("sheetUncertainty")),
        el("td", { class: "num" }, `±${fmt(s.uncertaintyPercent, 2)} %（±${fmt(s.uncertaintyAbsolute, 2)}）`), el("td", {}))),
    el("p", {}, el("small", {}, `${t("sheetMethod")}：${s.options}`)));
  const pre = document.getElementById("explain");
  pre.textContent = x.lines.join("\n");
  document.getElementById("sheetPanel").hidden = false;
  box.scrollIntoView();
}

// filing: an enterprise user (or an administrator) files its months
if (me.role === "ENTERPRISE" || me.role === "ADMIN") {
  document.getElementById("filePanel").hidden = false;
  const period = document.getElementById("period");
  const last = await serverToday(); last.setDate(1); last.setMonth(last.getMonth() - 1);
  period.value = last.toISOString().slice(0, 7);
  const tpl = document.getElementById("template");
  const setTpl = () => { tpl.href = `/api/v1/enterprises/${code}/template.xlsx?period=${period.value}`; };
  setTpl(); period.addEventListener("change", setTpl);
  // carrier, use and unit are choices (Chinese names, the units each carrier allows); no line is pre-filled
  const form = await filingForm(document.getElementById("form"));
  const addLine = (carrier, use, amount, unit) => form.add({ carrier, use, amount, unit });
  document.getElementById("addLine").addEventListener("click", () => addLine());
  // steam bought by mass becomes heat in GJ (Ma × (En − 83.74) × 10⁻³, IAPWS-IF97), the unit heat is filed in
  document.getElementById("steamConvert").addEventListener("click", async () => {
    const v = id => document.getElementById(id).value.trim();
    const q = new URLSearchParams({ tonnes: v("steamTonnes"), pressure: v("steamPressure") });
    if (v("steamTemperature")) q.set("temperature", v("steamTemperature"));
    const out = document.getElementById("steamResult");
    try {
      const h = await api(`/api/v1/tools/steam?${q}`);
      const gj = Math.round(h.gigajoules * 1000) / 1000;
      out.className = "ok";
      out.textContent = `= ${fmt(gj, 3)} GJ（${t("steam" + h.state)}，${t("steamEnthalpy")} ${fmt(h.enthalpy, 1)} kJ/kg）`;
      addLine("热力", "purchased", String(gj), "GJ");
    } catch (e) { out.className = "error"; out.textContent = describe(e); }
  });
  const msg = document.getElementById("fileMessage");
  const done = f => { msg.className = "ok"; msg.textContent = `${t("created")}: ${f.period} v${f.version} (${t("s" + f.status)})`; load(); location.href = `/filing.html?id=${f.id}`; };
  // every problem beside its line and field; the rest above the form
  const fail = e => {
    const rest = e.problem ? form.show(e.problem.problems) : [];
    msg.className = "error"; msg.textContent = describe({ ...e, problem: e.problem ? { ...e.problem, problems: rest } : null });
  };
  document.getElementById("saveForm").addEventListener("click", async () => {
    const activity = form.read();
    const va = document.getElementById("valueAdded").value;
    const body = { period: period.value, activity, output: va ? [{ valueAdded: va, unit: "万元" }] : [] };
    try { done(await api(`/api/v1/enterprises/${code}/filings`, { method: "POST", body })); } catch (e) { fail(e); }
  });
  document.getElementById("uploadBtn").addEventListener("click", async () => {
    const f = document.getElementById("file").files[0];
    if (!f) return;
    // the period travels once, in the query: a second copy in the form made Spring read "2025-02,2025-02"
    const fd = new FormData(); fd.append("file", f);
    try { done(await api(`/api/v1/enterprises/${code}/filings/upload?period=${period.value}`, { method: "POST", form: fd })); } catch (e) { fail(e); }
  });
}

// 数据质量控制计划: everyone who reads the enterprise sees it; the enterprise (or an administrator) keeps it
const PLAN = ["parameter", "method", "instrument", "accuracy", "frequency", "recording", "missing", "department"];
const canPlan = me.role === "ENTERPRISE" || me.role === "ADMIN";
async function loadPlan() {
  const p = await api(`/api/v1/enterprises/${code}/monitoring-plan`);
  document.getElementById("planMeta").textContent = p.version
    ? `${t("planVersion")} ${p.version} · ${t("planSavedBy")} ${p.savedBy} · ${when(p.savedAt)}` : t("planNone");
  const boundary = document.getElementById("planBoundary"), qa = document.getElementById("planQa");
  boundary.value = p.boundary || ""; qa.value = p.qualityAssurance || "";
  boundary.readOnly = qa.readOnly = !canPlan;
  const table = document.getElementById("planItems");
  put(table, el("tr", {}, PLAN.map(k => el("th", {}, t("plan" + k[0].toUpperCase() + k.slice(1))))));
  (p.items.length ? p.items : canPlan ? [{}] : []).forEach(addPlanRow);
  document.getElementById("planTools").hidden = !canPlan;
}
function addPlanRow(i = {}) {
  const cell = k => k === "method"
    ? el("select", { name: k, disabled: canPlan ? undefined : "disabled" }, ["", "MEASURED", "CALCULATED", "ESTIMATED", "DEFAULT"].map(q =>
        el("option", { value: q, selected: q === (i.method || "") ? "selected" : undefined }, q ? t("q" + q) : "")))
    : el("input", { name: k, value: i[k] || "", size: k === "parameter" ? 12 : 10, readonly: canPlan ? undefined : "readonly" });
  document.getElementById("planItems").append(el("tr", { class: "planItem" }, PLAN.map(k => el("td", {}, cell(k)))));
}
if (canPlan) {
  document.getElementById("planAdd").addEventListener("click", () => addPlanRow());
  document.getElementById("planSave").addEventListener("click", async () => {
    const items = [...document.querySelectorAll("#planItems tr.planItem")]
      .map(r => Object.fromEntries([...r.querySelectorAll("input, select")].map(x => [x.name, x.value])))
      .filter(i => Object.values(i).some(v => v));
    const msg = document.getElementById("planMessage");
    try {
      const saved = await api(`/api/v1/enterprises/${code}/monitoring-plan`, { method: "PUT",
        body: { boundary: document.getElementById("planBoundary").value, qualityAssurance: document.getElementById("planQa").value, items } });
      msg.className = "ok"; msg.textContent = `${t("planSaved")}: ${t("planVersion")} ${saved.version}`;
      await loadPlan();
    } catch (e) { msg.className = "error"; msg.textContent = describe(e); }
  });
}
await loadPlan();

// the enterprise's data centres, each with its latest whole month's PUE, grade and target (issue 31)
{
  const centres = await api(`/api/v1/enterprises/${code}/data-centres`).catch(() => []);
  if (centres.length) {
    document.getElementById("dcPanel").hidden = false;
    put(document.getElementById("dcSection"), el("tr", {}, ["dc_name", "dc_latestMonth", "dc_grade", "dc_target", "dc_aboveTarget"].map(k => el("th", {}, t(k))), el("th", {}, "PUE")),
      centres.map(d => el("tr", {}, el("td", {}, el("a", { href: `/datacentres.html?id=${d.id}` }, `${d.code} ${d.name}`)),
        el("td", {}, d.latestMonth || "—"), el("td", {}, d.grade == null ? "—" : t(d.grade === 0 ? "dc_g0" : "dc_g" + d.grade)),
        el("td", {}, d.target ? fmt(d.target.maxPue, 2) : "—"), el("td", {}, d.aboveTarget ? t("dc_above") : t("dc_within")),
        el("td", {}, d.latestPue == null ? "—" : fmt(d.latestPue, 3)))));
  }
}

await load();
