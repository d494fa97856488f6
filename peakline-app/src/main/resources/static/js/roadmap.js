import { api, download, el, put, param, header, t, big, fmt, when, labelled, lang, paren } from "/js/common.js";

// 碳达峰路线图: history and scenarios of a region, the peak of each, targets compared, drivers edited and tried, saved as
// versions, the history's decomposition as a waterfall, and a scenario turned into targets.
const region = param("region") || "520000";
let industry = param("industry") || "";
const q = (extra = "") => { const p = new URLSearchParams(); if (industry) p.set("industry", industry); if (extra) for (const [k, v] of new URLSearchParams(extra)) p.set(k, v); const s = p.toString(); return s ? "?" + s : ""; };
const charts = { path: echarts.init(document.getElementById("pathChart")), fall: echarts.init(document.getElementById("waterfall")) };
const DRIVERS = [["gdpGrowth", "rm_gdpGrowth"], ["intensityFall", "rm_intensityFall"], ["nonFossilShare", "rm_nonFossil"], ["fossilFactor", "rm_fossilFactor"]];
let view = null;

function ready(v) { document.body.dataset.ready = v; }

function scenarioName(key) { return (view.scenarios.find(s => s.key === key) || {}).name || key; }

/** The scenarios as the driver tables hold them. */
function edited() {
  return view.scenarios.map((s, i) => {
    const box = document.querySelector(`#drivers [data-scenario="${i}"]`);
    const out = { key: s.key, name: box.querySelector("input[data-name]").value.trim(), gdpSd: s.gdpSd, fallSd: s.fallSd };
    for (const [d] of DRIVERS) {
      out[d] = [...box.querySelectorAll(`[data-driver="${d}"] .step`)]
        .map(st => ({ year: Number(st.querySelector("[data-year]").value), value: Number(st.querySelector("[data-value]").value) }))
        .filter((st, k, all) => !(Number.isNaN(st.year) && Number.isNaN(st.value)));
    }
    return out;
  });
}

function stepBox(step) {
  return el("span", { class: "step" },
    el("input", { type: "number", "data-year": "", value: step.year, size: 5, "aria-label": t("rm_stepYear") }), t("rm_yearFrom"), " ",
    el("input", { type: "number", step: "0.1", "data-value": "", value: step.value, size: 6, "aria-label": t("rm_stepValue") }), " ");
}

function drawDrivers() {
  put(document.getElementById("drivers"), view.scenarios.map((s, i) =>
    el("fieldset", { "data-scenario": i },
      el("legend", {}, el("input", { "data-name": "", value: s.name, size: 12, "aria-label": t("rm_scenario") })),
      el("table", {}, DRIVERS.map(([d, label]) => {
        const cell = el("td", { "data-driver": d }, (s[d] || []).map(stepBox));
        return el("tr", {}, el("th", {}, t(label)), cell,
          el("td", {}, el("button", { type: "button", class: "secondary", "data-add": d, onclick: () => cell.append(stepBox({ year: "", value: "" })) }, t("rm_addStep"))));
      })))));
}

function drawPaths() {
  const hist = view.history.map(h => [String(h.year), h.co2]);
  const series = [{ name: t("rm_history"), type: "line", data: hist, lineStyle: { width: 3 } }];
  // one marker per peak: scenarios peaking at the same point (all at the base year, say) share it; peaks of the same
  // year at different heights stack a whole marker apart, so no two labels overlap
  const marked = [];
  for (const p of view.projections) {
    const same = marked.filter(q => q.peakYear === p.peakYear);
    const shared = same.some(q => Math.abs(q.peakCo2 - p.peakCo2) <= 0.01 * Math.abs(p.peakCo2));
    if (!shared) marked.push(p);
    series.push({
      name: p.name, type: "line", data: p.years.map(y => [String(y.year), y.co2]), lineStyle: { type: "dashed" },
      markPoint: shared ? { data: [] } : { data: [{ coord: [String(p.peakYear), p.peakCo2], value: t("rm_peak") + " " + p.peakYear }],
        symbolSize: 56, symbolOffset: [0, -12 - 58 * same.length] },
    });
  }
  const years = [...new Set([...view.history.map(h => String(h.year)), ...view.projections.flatMap(p => p.years.map(y => String(y.year)))])];
  charts.path.setOption({
    tooltip: { trigger: "axis", valueFormatter: v => big(v) + " t" }, legend: {}, grid: { containLabel: true, left: 10, right: 20 },
    xAxis: { type: "category", data: years }, yAxis: { type: "value", axisLabel: { formatter: v => big(v) } }, series,
  }, true);
}

function drawCompare() {
  const rows = view.projections.map(p => {
    const y2030 = p.years.find(y => y.year === 2030);
    return el("tr", { "data-key": p.key },
      el("td", {}, p.name), el("td", { "data-peak": "" }, String(p.peakYear)
        + (!p.peaksWithin ? t("rm_notWithin") : p.peakYear === view.baseYear ? t("rm_peakAtBase") : "")),
      el("td", {}, big(p.peakCo2)), el("td", {}, `${p.spread.median}${paren(`${p.spread.p5}–${p.spread.p95}`)}`),
      el("td", {}, y2030 ? big(y2030.co2) : "–"), el("td", {}, y2030 ? fmt(100 * y2030.nonFossilShare, 1) + "%" : "–"),
      el("td", { "data-stirpat": "" }, p.stirpat ? String(p.stirpat.peakYear) : "–"));
  });
  put(document.getElementById("compare"),
    el("tr", {}, ["rm_scenario", "rm_peakYear", "rm_peakCo2", "rm_spread", "rm_co2in2030", "rm_nf2030", "rm_stirpatPeak"].map(k => el("th", {}, t(k)))), rows);
  // what a proposal changed so that it follows its drivers (a low-carbon path that would rise again after 2030)
  put(document.getElementById("compareNotes"), view.projections.filter(p => p.note).map(p => el("li", { "data-key": p.key }, `${p.name}：${p.note}`)));
  drawStirpat();
  put(document.getElementById("checks"),
    el("tr", {}, ["rm_scenario", "st_indicator", "rm_years", "rm_targetValue", "rm_reached", "rm_verdict"].map(k => el("th", {}, t(k)))),
    view.checks.map(c => el("tr", {},
      el("td", {}, scenarioName(c.scenario)), el("td", {}, t("ind_" + c.indicator)), el("td", {}, `${c.baseYear}—${c.targetYear}`),
      el("td", {}, fmt(100 * c.target, 2) + "%"),
      el("td", {}, c.reached === undefined || c.reached === null ? t("rm_noBase") : fmt(100 * c.reached, 2) + "%"),
      el("td", { class: c.meets === true ? "ok" : c.meets === false ? "error" : "muted" },
        c.meets === true ? t("rm_meets") : c.meets === false ? t("rm_misses") : "–"))));
}

function drawStirpat() {
  const f = view.stirpat;
  const box = document.getElementById("stirpat");
  if (!f || !f.coefficients) { put(box, el("tr", {}, el("td", { class: "muted" }, t("rm_noFit").replace("{n}", f ? f.observations : 0)))); return; }
  const names = ["rm_t_gdp", "rm_t_ei", "rm_t_fossil"];
  put(box, el("tr", {}, ["rm_term", "rm_elasticity", "VIF"].map(k => el("th", {}, k === "VIF" ? k : t(k)))),
    el("tr", {}, el("td", {}, t("rm_t_const")), el("td", {}, fmt(f.intercept, 4)), el("td", {}, "")),
    f.coefficients.map((c, j) => el("tr", { "data-term": f.terms[j] }, el("td", {}, t(names[j])), el("td", {}, fmt(c, 4)), el("td", {}, fmt(f.vif[j], 1)))),
    el("tr", {}, el("td", {}, "R²"), el("td", { id: "stirpatR2" }, fmt(f.rSquared, 4)), el("td", {}, "")),
    el("tr", {}, el("td", {}, t("rm_kHkb")), el("td", {}, fmt(f.k, 6)), el("td", {}, t("rm_years") + " " + f.observations)));
}

function drawWaterfall() {
  const h = view.history;
  if (h.length < 2) { put(document.getElementById("effects"), el("tr", {}, el("td", {}, t("rm_shortHistory")))); charts.fall.clear(); return; }
  const first = h[0].year, last = h[h.length - 1].year;
  // chained: the year-on-year additive effects of each factor summed over the history
  const sums = {};
  for (const e of view.decomposition) if (e.factor !== "TOTAL" && e.toYear === e.fromYear + 1) sums[e.factor] = (sums[e.factor] || 0) + e.additive;
  const factors = ["gdp", "energy_intensity", "fossil_share", "fossil_factor"];
  const names = [String(first), ...factors.map(f => t("rm_f_" + f)), String(last)];
  let level = h[0].co2;
  const base = [0], up = [h[0].co2], down = [0];
  for (const f of factors) {
    const v = sums[f] || 0;
    base.push(v >= 0 ? level : level + v); up.push(v >= 0 ? v : 0); down.push(v < 0 ? -v : 0);
    level += v;
  }
  base.push(0); up.push(h[h.length - 1].co2); down.push(0);
  charts.fall.setOption({
    tooltip: { trigger: "axis", valueFormatter: v => big(v) + " t" }, grid: { containLabel: true, left: 10, right: 20 },
    xAxis: { type: "category", data: names }, yAxis: { type: "value", axisLabel: { formatter: v => big(v) } },
    series: [
      { type: "bar", stack: "w", data: base, itemStyle: { color: "transparent" }, tooltip: { show: false } },
      { name: t("rm_increase"), type: "bar", stack: "w", data: up, itemStyle: { color: "#c0504d" } },
      { name: t("rm_decrease"), type: "bar", stack: "w", data: down, itemStyle: { color: "#4f9a52" } }],
  }, true);
  put(document.getElementById("effects"),
    el("tr", {}, el("th", {}, t("rm_factor")), el("th", {}, `${first}—${last} ${t("rm_additive")}`)),
    factors.map(f => el("tr", { "data-factor": f }, el("td", {}, t("rm_f_" + f)), el("td", {}, big(sums[f] || 0)))),
    el("tr", { "data-factor": "TOTAL" }, el("td", {}, t("rm_f_TOTAL")), el("td", {}, big(h[h.length - 1].co2 - h[0].co2))));
}

function draw() {
  document.getElementById("regionName").textContent = view.region.name;
  document.getElementById("industryName").textContent = view.industry ? `· ${view.industryName}${paren(view.industry)}` : "";
  document.getElementById("industry").value = view.industry || "";
  document.getElementById("sourceNote").textContent = t(view.source === "accounts" ? "rm_fromAccounts" : "rm_fromStatistics");
  document.getElementById("versionInfo").textContent = view.proposed ? t("rm_proposed")
    : t("rm_versionN").replace("{n}", view.version) + (view.savedAt ? " · " + when(view.savedAt) : "") + (view.note ? " · " + view.note : "");
  document.getElementById("toYear").value = view.toYear;
  put(document.getElementById("version"), el("option", { value: "" }, t("rm_latest")),
    (view.versions || []).map(v => el("option", { value: v.version }, t("rm_versionN").replace("{n}", v.version))));
  put(document.getElementById("pwScenario"), view.scenarios.map(s => el("option", { value: s.key }, s.name)));
  document.getElementById("pwBase").value = view.history[0].year;
  drawPaths(); drawCompare(); drawDrivers(); drawWaterfall();
}

/** A refusal of the scenarios, each problem named by scenario and driver, in the page's language. */
function problems(err, box) {
  const p = err.problem;
  if (!p) { put(box, el("div", { class: "error" }, err.message)); return; }
  const zh = lang() === "zh";
  const names = view.scenarios.map(s => s.name);
  const items = (p.problems || []).map(x => {
    const m = /^scenarios\[(\d+)\]\.(\w+)$/.exec(x.column || "");
    const where = m ? `${names[Number(m[1])] || t("rm_scenario") + (Number(m[1]) + 1)} · ${t("rm_d_" + m[2])}` : t("rm_d_" + x.column);
    return el("li", {}, `${where}：${zh ? labelled(x) : x.message}`);
  });
  put(box, el("div", { class: "error" }, zh ? p.title : p.detail, el("ul", {}, items)));
}

async function load(version) {
  ready("");
  view = await api(`/api/v1/roadmaps/${region}` + q(version ? `version=${version}` : ""));
  draw();
  ready("true");
}

document.getElementById("version").addEventListener("change", e => load(e.target.value));
document.getElementById("project").addEventListener("click", async () => {
  const box = document.getElementById("driverMessage");
  ready("");
  try {
    const scenarios = edited();
    const v = await api(`/api/v1/roadmaps/${region}/project` + q(), { method: "POST", body: { toYear: Number(document.getElementById("toYear").value), scenarios } });
    view = { ...view, ...v, scenarios };
    drawPaths(); drawCompare();
    put(box, el("div", { class: "ok" }, t("rm_tried")));
  } catch (e) { problems(e, box); }
  ready("true");
});
document.getElementById("save").addEventListener("click", async () => {
  const box = document.getElementById("driverMessage");
  ready("");
  try {
    const v = await api(`/api/v1/roadmaps/${region}` + q(), { method: "PUT", body: { toYear: Number(document.getElementById("toYear").value), scenarios: edited(), note: document.getElementById("note").value } });
    await load();
    put(box, el("div", { class: "ok" }, t("rm_saved").replace("{n}", v.version)));
  } catch (e) { problems(e, box); }
  ready("true");
});
document.getElementById("pathwayForm").addEventListener("submit", async ev => {
  ev.preventDefault();
  const box = document.getElementById("pwMessage");
  ready("");
  try {
    const r = await api(`/api/v1/roadmaps/${region}/pathway` + q(), { method: "POST", body: {
      scenario: document.getElementById("pwScenario").value, indicator: document.getElementById("pwIndicator").value,
      baseYear: Number(document.getElementById("pwBase").value), targetYear: Number(document.getElementById("pwTarget").value) } });
    const kids = r.decomposition ? (r.decomposition.children || []).length : 0;
    put(box, el("div", { class: "ok", id: "pwDone" },
      (industry ? t("rm_industryTargetMade") : t("rm_targetMade")).replace("{v}", fmt(100 * r.value, 2) + "%").replace("{n}", kids), " ",
      el("a", { href: `/steering.html?region=${region}#targets` }, t("rm_toTargets"))));
  } catch (e) { problems(e, box); }
  ready("true");
});
document.getElementById("xlsx").addEventListener("click", e => { e.preventDefault(); download(`/api/v1/roadmaps/${region}/export` + q("format=xlsx" + (view && view.version ? `&version=${view.version}` : "")), `roadmap-${region}${industry ? "-" + industry : ""}.xlsx`); });
document.getElementById("pdf").addEventListener("click", e => { e.preventDefault(); download(`/api/v1/roadmaps/${region}/export` + q("format=pdf" + (view && view.version ? `&version=${view.version}` : "")), `roadmap-${region}${industry ? "-" + industry : ""}.pdf`); });

document.getElementById("industryForm").addEventListener("submit", async ev => {
  ev.preventDefault();
  industry = document.getElementById("industry").value.trim();
  history.replaceState(null, "", `/roadmap.html?region=${region}` + (industry ? `&industry=${industry}` : ""));
  put(document.getElementById("pageMessage"));
  try { await load(); } catch (e) { problems(e, document.getElementById("pageMessage")); ready("true"); }
});
header().then(() => load()).catch(e => put(document.getElementById("pageMessage"), el("div", { class: "error" }, e.problem ? (lang() === "zh" ? e.problem.title : e.problem.detail) : e.message)));
