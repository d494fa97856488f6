import { serverToday, api, header, t, fmt, big, el, param, put, dataTable, when, regionShapes } from "/js/common.js";

// 一张网: the region on a map coloured by the chosen indicator (click to drill down), headline figures with 同比/环比,
/**
 * A change as the card shows it: colour and sign follow the figure as rounded to the one decimal shown, so a change
 * that reads +0.0 % is neutral, not red.
 */
function change(label, c) {
  if (c == null) return el("span", { class: "muted" }, `${label} – `);
  const shown = Math.round(1000 * c) / 10;
  const cls = shown > 0 ? "up" : shown < 0 ? "down" : "flat";
  return el("span", { class: cls }, `${label} ${shown > 0 ? "+" : ""}${fmt(shown === 0 ? 0 : shown, 1)}% `);
}

// the monthly trend (unfiled months are gaps), the target warnings, who has not filed, and top-down beside bottom-up.
const me = await header();
let region = param("region") || me.homeRegion;
const yearSel = document.getElementById("year");
const monthSel = document.getElementById("month");
const indicatorSel = document.getElementById("indicator");
const unfiledSel = document.getElementById("unfiledMonth");
const thisYear = (await serverToday()).getFullYear();
for (let y = thisYear; y >= 2015; y--) yearSel.append(el("option", { value: y }, y));
yearSel.value = param("year") || String(thisYear - 2);
monthSel.append(el("option", { value: "" }, t("all")));
for (let m = 1; m <= 12; m++) monthSel.append(el("option", { value: m }, m));
if (param("month")) monthSel.value = param("month");
for (const k of ["mi_direct", "mi_energy", "mi_intensity", "mi_coverage", "mi_warning"]) indicatorSel.append(el("option", { value: k }, t(k)));
indicatorSel.value = param("indicator") || "mi_direct";
yearSel.addEventListener("change", () => { fillUnfiledMonths(); load(); });
monthSel.addEventListener("change", load);
indicatorSel.addEventListener("change", () => drawMap());
unfiledSel.addEventListener("change", () => unfiled());

const charts = {
  // SVG, so that each region is a shape of its own (crisp at any zoom, and its label a node one can click)
  map: echarts.init(document.getElementById("map"), null, { renderer: "svg" }),
  regions: echarts.init(document.getElementById("regions")),
  months: echarts.init(document.getElementById("months")),
  industries: echarts.init(document.getElementById("industries")),
};
window.addEventListener("resize", () => Object.values(charts).forEach(c => c.resize()));

/** Axis numbers as people read them (21,000,000 → 2,100万), so that no label is wider than the axis gives it. */
const axisNumber = v => Math.abs(v) >= 1e8 ? fmt(v / 1e8, 1) + (t("yi")) : Math.abs(v) >= 1e4 ? fmt(v / 1e4, 0) + t("wan") : fmt(v, 0);
const pctChange = (now, before) => before == null || now == null || !(Math.abs(before) > 0) ? null : (now - before) / Math.abs(before);
const WARN_RANK = { RED: 3, ORANGE: 2, GREEN: 1, NO_DATA: 0 };
const WARN_COLOUR = { RED: "#d64545", ORANGE: "#f0a13b", GREEN: "#3f9c6d", NO_DATA: "#cbd2d9" };

let view = null, info = null, targetViews = [];

function fillUnfiledMonths() {
  const year = Number(yearSel.value);
  const keep = unfiledSel.value;
  put(unfiledSel, Array.from({ length: 12 }, (_, i) => {
    const p = `${year}-${String(i + 1).padStart(2, "0")}`;
    return el("option", { value: p }, p);
  }));
  unfiledSel.value = keep && keep.startsWith(String(year)) ? keep : `${year}-${String(Number(monthSel.value || 12)).padStart(2, "0")}`;
}

function go(code) {
  region = code;
  history.pushState({}, "", `?region=${code}&year=${yearSel.value}${monthSel.value ? "&month=" + monthSel.value : ""}`);
  load();
}

async function load() {
  const q = `year=${yearSel.value}` + (monthSel.value ? `&month=${monthSel.value}` : "");
  [info, view, targetViews] = await Promise.all([
    api(`/api/v1/regions/${region}`),
    api(`/api/v1/regions/${region}/dashboard?${q}`),
    api(`/api/v1/targets/regions/${region}?year=${yearSel.value}`).catch(() => [])]);
  const v = view;
  put(document.getElementById("crumbs"), ...info.lineage.slice().reverse().map(r =>
    el("a", { href: "#", onclick: e => { e.preventDefault(); go(r.code); } }, r.name)));
  const f = v.totals;
  // a year (or month) nobody has filed says so; its figures are not zeros to compare with
  const none = document.getElementById("noYearData");
  none.hidden = f.filings > 0;
  none.textContent = t("noYearData").replace("{p}", monthSel.value ? `${yearSel.value}-${String(monthSel.value).padStart(2, "0")}` : yearSel.value);
  const py = v.previousYear, pm = v.previousMonth;
  const cmp = get => [
    [t("yoy"), py && py.filings > 0 ? pctChange(get(f), get(py)) : null],
    ...(monthSel.value ? [[t("mom"), pm && pm.filings > 0 ? pctChange(get(f), get(pm)) : null]] : [])];
  put(document.getElementById("cards"),
    card("direct-emissions", "direct", f.filings ? big(f.scope1) : "–", "directHint", cmp(x => x.scope1)),
    card("indirect-emissions", "indirect", f.filings ? big(f.scope2) : "–", "indirectHint", cmp(x => x.scope2)),
    card("energy-card", "energyFiled", f.filings ? big(f.energy) : "–", "energyHint", cmp(x => x.energy)),
    card("intensity-card", "intensityFiled", fmt(f.carbonIntensity, 3), "intensityHint", cmp(x => x.carbonIntensity)),
    card("energy-intensity-card", "energyIntensityFiled", fmt(f.energyIntensity, 3), "energyIntensityHint", cmp(x => x.energyIntensity)),
    card("coverage-card", "coverage", f.coverage == null ? "–" : fmt(100 * f.coverage, 1) + "% (" + f.filedEnterprises + "/" + f.enterprises + ")", "coverageHint", []));
  const kids = v.children.filter(c => c.figures.enterprises > 0 || c.figures.scope1 > 0);
  charts.regions.setOption({
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } }, grid: { left: 10, right: 30, top: 10, bottom: 30, containLabel: true },
    xAxis: { type: "value", axisLabel: { formatter: axisNumber } },
    yAxis: { type: "category", data: kids.map(c => c.name).reverse(), axisLabel: { interval: 0 } },
    series: [{ type: "bar", name: t("direct"), data: kids.map(c => Math.round(c.figures.scope1)).reverse(), itemStyle: { color: "#0b6e4f" } }],
  }, true);
  charts.regions.off("click");
  charts.regions.on("click", p => { const c = kids.find(k => k.name === p.name); if (c) go(c.code); });
  const gap = x => x == null ? null : Math.round(x);
  charts.months.setOption({
    tooltip: { trigger: "axis", valueFormatter: x => x == null ? t("notFiled") : fmt(x, 0) },
    legend: { data: [t("direct"), t("indirect"), t("energyFiled")] },
    grid: { left: 10, right: 10, top: 50, bottom: 30, containLabel: true },
    xAxis: { type: "category", data: v.months.map(m => m.period.slice(5)) },
    yAxis: [{ type: "value", name: "tCO₂e", axisLabel: { formatter: axisNumber } }, { type: "value", name: "tce", axisLabel: { formatter: axisNumber } }],
    series: [
      { name: t("direct"), type: "bar", data: v.months.map(m => gap(m.direct)), itemStyle: { color: "#0b6e4f" } },
      { name: t("indirect"), type: "bar", data: v.months.map(m => gap(m.indirect)), itemStyle: { color: "#7fb8a4" } },
      { name: t("energyFiled"), type: "line", yAxisIndex: 1, connectNulls: false, data: v.months.map(m => gap(m.energy)) },
    ],
  }, true);
  charts.industries.setOption({
    tooltip: { trigger: "item" },
    series: [{ type: "pie", radius: ["35%", "70%"], data: v.industries.map(i => ({ name: i.code + " " + i.name, value: Math.round(i.figures.scope1), code: i.code })) }],
  }, true);
  charts.industries.off("click");
  charts.industries.on("click", p => drill(p.data.code, p.name));
  dataTable(document.getElementById("children"), [
    { key: "name", label: "region" },
    { key: "scope1", label: "direct", num: true, value: c => c.figures.scope1, render: c => fmt(c.figures.scope1, 0) },
    { key: "scope2", label: "indirect", num: true, value: c => c.figures.scope2, render: c => fmt(c.figures.scope2, 0) },
    { key: "energy", label: "energyFiled", num: true, value: c => c.figures.energy, render: c => fmt(c.figures.energy, 0) },
    { key: "intensity", label: "intensityFiled", num: true, value: c => c.figures.carbonIntensity, render: c => fmt(c.figures.carbonIntensity, 3) },
    { key: "coverage", label: "coverage", num: true, value: c => c.figures.coverage,
      render: c => c.figures.coverage == null ? "–" : fmt(100 * c.figures.coverage, 1) + "%" },
  ], v.children, { id: "childrenTable", pageSize: 20, onRow: c => go(c.code) });
  enterprises(document.getElementById("top"), v.top);
  document.getElementById("drillPanel").hidden = true;
  warnings();
  await drawMap();
  if (!v.children.length) await drill("", info.name);
  fillUnfiledMonths();
  await Promise.all([unfiled(), inventory()]);
  document.body.dataset.ready = region + "|" + yearSel.value;
}

function card(id, key, value, hint, comparisons) {
  return el("div", { class: "card", id, title: hint ? t(hint) : "" },
    el("div", { class: "label" }, t(key), hint ? el("span", { class: "hint", "aria-hidden": "true" }, " ⓘ") : ""),
    el("div", { class: "value" }, value),
    el("div", { class: "compare" }, comparisons.map(([label, c]) => change(label, c))));
}

/** The map of the region's children coloured by the chosen indicator; a county has no shapes and shows its enterprises. */
async function drawMap() {
  const key = indicatorSel.value;
  document.getElementById("mapIndicatorName").textContent = t(key);
  const note = document.getElementById("mapNote");
  if (!(await regionShapes(region))) {
    charts.map.clear();
    note.textContent = t("noMap");
    return;
  }
  note.textContent = t("mapNote");
  const worst = code => targetViews.filter(x => x.target.scope === "REGION" && x.target.region === code)
    .map(x => x.progress.warning).sort((a, b) => WARN_RANK[b] - WARN_RANK[a])[0] || "NO_DATA";
  const value = c => ({
    mi_direct: c.figures.filings ? c.figures.scope1 : null, mi_energy: c.figures.filings ? c.figures.energy : null,
    mi_intensity: c.figures.carbonIntensity, mi_coverage: c.figures.coverage == null ? null : 100 * c.figures.coverage,
    mi_warning: WARN_RANK[worst(c.code)] })[key];
  const data = view.children.map(c => ({ name: c.name, value: value(c), code: c.code, warning: worst(c.code) }));
  const values = data.map(d => d.value).filter(x => x != null);
  const visualMap = key === "mi_warning"
    ? { type: "piecewise", left: 0, bottom: 0, pieces: ["RED", "ORANGE", "GREEN", "NO_DATA"].map(w => ({ value: WARN_RANK[w], label: t("w_" + w), color: WARN_COLOUR[w] })) }
    : { type: "continuous", left: 0, bottom: 0, min: values.length ? Math.min(...values) : 0, max: values.length ? Math.max(...values, 1e-9) : 1,
      calculable: true, inRange: { color: ["#e6f4ec", "#7fb8a4", "#0b6e4f", "#06402d"] }, formatter: x => axisNumber(x) };
  charts.map.setOption({
    tooltip: { trigger: "item", formatter: p => `${p.name}<br>${t(key)}: ${p.data == null || p.data.value == null ? t("notFiled")
      : key === "mi_warning" ? t("w_" + p.data.warning) : fmt(p.data.value, key === "mi_intensity" ? 3 : key === "mi_coverage" ? 1 : 0)}` },
    visualMap,
    series: [{ type: "map", map: region, roam: false, layoutCenter: ["55%", "50%"], layoutSize: "95%", nameProperty: "name", data,
      label: { show: true, fontSize: 11, color: "#1f2933", textBorderColor: "#fff", textBorderWidth: 2 },
      emphasis: { label: { show: true } }, select: { disabled: true } }],
  }, true);
  charts.map.off("click");
  charts.map.on("click", p => { if (p.data && p.data.code) go(p.data.code); });
}

function warnings() {
  const list = targetViews.slice().sort((a, b) => WARN_RANK[b.progress.warning] - WARN_RANK[a.progress.warning]);
  dataTable(document.getElementById("warnings"), [
    { key: "subject", label: "st_subject", value: x => x.subjectName },
    { key: "indicator", label: "st_indicator", value: x => t("ind_" + x.progress.indicator) },
    { key: "years", label: "st_years", value: x => `${x.target.baseYear}—${x.target.targetYear}` },
    { key: "warning", label: "st_warning", value: x => WARN_RANK[x.progress.warning],
      render: x => el("span", { class: "status " + x.progress.warning }, t("w_" + x.progress.warning)) },
  ], list, { id: "warningTable", pageSize: 10, empty: "noTargetsHere",
    onRow: () => { location.href = `/steering.html?region=${region}&year=${yearSel.value}#targets`; } });
}

function enterprises(table, list) {
  put(table,
    el("tr", {}, ["enterprise", "industry", "totalFiled", "energyFiled"].map((k, i) => el("th", { class: i > 1 ? "num" : "" }, t(k)))),
    list.length ? list.map(e => el("tr", { class: "click", onclick: () => { location.href = `/enterprise.html?code=${e.enterprise}&year=${yearSel.value}`; } },
      el("td", {}, e.name), el("td", {}, e.industry), el("td", { class: "num" }, fmt(e.total, 0)), el("td", { class: "num" }, fmt(e.energy, 0))))
      : el("tr", {}, el("td", { colspan: 4, class: "empty" }, t("noData"))));
}

// every enterprise of the industry (or of the region, industry "") up to the API's 1,000, searchable, sortable, paged
async function drill(industry, name) {
  const q = `year=${yearSel.value}` + (monthSel.value ? `&month=${monthSel.value}` : "") + `&industry=${industry}&limit=1000`;
  const list = await api(`/api/v1/regions/${region}/enterprises?${q}`);
  document.getElementById("drillTitle").textContent = name + (list.length === 1000 ? `（${t("firstThousand")}）` : "");
  dataTable(document.getElementById("drill"), [
    { key: "name", label: "enterprise" },
    { key: "industry", label: "industry" },
    { key: "total", label: "totalFiled", num: true, render: e => fmt(e.total, 0) },
    { key: "energy", label: "energyFiled", num: true, render: e => fmt(e.energy, 0) },
  ], list, { id: "drillTable", onRow: e => { location.href = `/enterprise.html?code=${e.enterprise}&year=${yearSel.value}`; } });
  document.getElementById("drillPanel").hidden = false;
}

// who has not filed the chosen month: missing, returned and late, with contacts and days late; coverage beside it
async function unfiled() {
  const period = unfiledSel.value;
  const v = await api(`/api/v1/regions/${region}/unfiled?period=${period}`);
  document.getElementById("unfiledX").href = `/api/v1/regions/${region}/unfiled?period=${period}&format=xlsx`;
  document.getElementById("unfiledSummary").textContent = t("unfiledSummary")
    .replace("{p}", v.period).replace("{d}", v.deadline).replace("{n}", v.enterprises).replace("{f}", v.filed)
    .replace("{o}", v.onTime).replace("{u}", v.unfiled.length);
  dataTable(document.getElementById("unfiled"), [
    { key: "name", label: "enterprise" },
    { key: "code", label: "creditCode" },
    { key: "regionName", label: "region" },
    { key: "industry", label: "industry", value: r => `${r.industry} ${r.industryName}` },
    { key: "contact", label: "contact", value: r => [r.contactPerson, r.contactPhone].filter(Boolean).join(" ") || "—" },
    { key: "accounts", label: "filingAccounts", value: r => r.accounts || "—" },
    { key: "standing", label: "standing", value: r => t("fs_" + r.standing),
      render: r => el("span", { class: "status " + (r.standing === "LATE" ? "YELLOW" : r.standing === "NOT_DUE" ? "NO_DATA" : "RED") }, t("fs_" + r.standing)) },
    { key: "daysLate", label: "daysLate", num: true, value: r => r.daysLate, render: r => r.daysLate == null ? "—" : fmt(r.daysLate, 0) },
  ], v.unfiled, { id: "unfiledTable", pageSize: 20, empty: "allFiled",
    onRow: r => { location.href = `/enterprise.html?code=${r.code}&year=${yearSel.value}`; } });
  const share = (table, list) => put(document.getElementById(table),
    el("tr", {}, ["name", "enterprises", "filed", "onTime", "coverage"].map((k, i) => el("th", { class: i > 0 ? "num" : "" }, t(k === "name" ? "subjectName" : k)))),
    list.length ? list.map(s => el("tr", {}, el("td", {}, s.name), el("td", { class: "num" }, s.enterprises), el("td", { class: "num" }, s.filed),
      el("td", { class: "num" }, s.onTime), el("td", { class: "num" }, s.enterprises ? fmt(100 * s.filed / s.enterprises, 1) + "%" : "–")))
      : el("tr", {}, el("td", { colspan: 5, class: "empty" }, t("noData"))));
  share("coverageRegions", v.byRegion);
  share("coverageIndustries", v.byIndustry);
}

// the region's statistics (top-down) beside its filed enterprises (bottom-up), the largest gaps first
async function inventory() {
  const c = await api(`/api/v1/regions/${region}/inventory?year=${yearSel.value}`);
  const line = (g, cls) => el("tr", { class: cls || "" },
    el("td", {}, g.name), el("td", { class: "num" }, g.topDownCo2 == null ? t("noStatistics") : fmt(g.topDownCo2, 0)),
    el("td", { class: "num" }, fmt(g.bottomUpDirect, 0)),
    el("td", { class: "num" }, g.coverage == null ? "–" : fmt(100 * g.coverage, 1) + "%"),
    el("td", { class: "num" }, g.gap == null ? "–" : fmt(g.gap, 0)),
    el("td", { class: "num" }, g.topDownEnergy == null ? "–" : fmt(g.topDownEnergy, 0)),
    el("td", { class: "num" }, fmt(g.bottomUpEnergy, 0)),
    el("td", { class: "num" }, `${g.filedEnterprises}/${g.enterprises}`));
  put(document.getElementById("inventory"),
    el("tr", {}, ["region", "topDownCo2", "bottomUpDirect", "inventoryCoverage", "inventoryGap", "topDownEnergy", "bottomUpEnergy", "filedOfAll"]
      .map((k, i) => el("th", { class: i ? "num" : "" }, t(k)))),
    line(c.total, "sum"), c.children.map(g => line(g)));
}

window.addEventListener("popstate", () => { region = param("region") || me.homeRegion; load(); });
await load();
