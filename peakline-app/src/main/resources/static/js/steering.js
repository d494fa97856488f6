import { api, header, el, put, fmt, param } from "/js/common.js";

// 能效与双控: efficiency lists and shares, targets with warnings and the assessment report, the two-high register,
// carbon-efficiency grades, for a region (?region=) and year. Every list links its Excel export.
await header();
const region = param("region") || "520000";
const yearSel = document.getElementById("year");
const now = new Date().getFullYear();
for (let y = now - 1; y >= now - 8; y--) yearSel.append(el("option", { value: y }, String(y)));
yearSel.value = param("year") || "2024";
const row = cells => el("tr", {}, cells.map(c => el("td", {}, c == null ? "—" : c)));
const head = keys => el("tr", {}, keys.map(k => el("th", {}, k)));
const badge = (cls, text) => el("span", { class: "status " + cls }, text);
const pct = v => (v == null || v === "NaN" ? "—" : (v * 100).toFixed(1) + "%");
const tabs = [["efficiency", "能效清单"], ["targets", "目标预警"], ["projects", "两高项目"], ["grades", "碳效码"]];
let current = location.hash.slice(1) || "efficiency";

function show(tab) {
  current = tab;
  for (const [id] of tabs) document.getElementById(id).style.display = id === tab ? "" : "none";
  put(document.getElementById("tabs"), tabs.map(([id, label]) =>
    el("button", { class: id === tab ? "on" : "", "data-tab": id, onclick: () => { location.hash = id; show(id); load(); } }, label)));
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
  put(document.getElementById("shares"), head(["产品", "设施", "产能", "标杆占比", "基准以下占比", "目标", "结论"]),
    shares.flatMap(s => s.targets.map(t => row([s.product, s.facilities, fmt(s.capacity, 0), pct(s.shareAdvanced), pct(s.shareLaggard),
      `${t.target.product === "*" ? "重点两高行业" : t.target.product} ${t.target.year}年 ≥ ${pct(t.target.minAtBenchmark)}`,
      t.met == null ? "无法判定" : badge(t.met ? "GREEN" : "RED", t.met ? "达到" : t.reason)]))));
  put(document.getElementById("list"), head(["企业", "设施", "装置", "产品", "指标", "产能", "单位产品能耗", "标杆/基准", "能效水平", "限额等级"]),
    list.map(r => row([r.enterpriseName, r.facility, r.equipment, r.product, `${r.indicator} (${r.unit})`, fmt(r.capacity, 0),
      r.value == null ? "—" : fmt(r.value, 1), `${r.benchmark ?? "—"} / ${r.baseline ?? "—"}`,
      el("span", {}, badge(r.level, r.levelCn), r.leader ? " 领跑者" : ""),
      r.gbGrade == null ? "—" : r.gbGrade === 0 ? "未达限额" : r.gbGrade + "级"])));
  put(document.getElementById("plans"), head(["企业", "设施", "改造措施", "期限", "状态", "预警"]),
    plans.plans.map(p => row([p.plan.enterpriseName, p.plan.facility, p.plan.measure, p.plan.deadline, { PLANNED: "计划中", IN_PROGRESS: "实施中", DONE: "已完成", RETIRED: "已淘汰" }[p.plan.status] || p.plan.status,
      p.overdue ? badge("RED", "逾期") : badge("GREEN", p.daysLeft >= 0 ? `剩 ${p.daysLeft} 天` : "已完成")])),
    plans.unplanned.map(u => row([u.enterpriseName, u.facility, "（无改造计划）", "—", "—", badge("YELLOW", "落后产能无计划")])));
}

async function targets(year) {
  const base = `/api/v1/targets/regions/${region}`;
  link("targetsX", `${base}?year=${year}&format=xlsx`);
  link("pdf", `${base}/assessment?year=${year}&format=pdf`);
  link("reportX", `${base}/assessment?year=${year}&format=xlsx`);
  const views = await api(`${base}?year=${year}`);
  const v = x => (x == null || x === "NaN" ? "—" : fmt(x, 4));
  const indicators = { CARBON_INTENSITY: "单位地区生产总值二氧化碳排放降低", CARBON_TOTAL: "二氧化碳排放总量",
    ENERGY_INTENSITY: "单位地区生产总值能耗降低", ENERGY_TOTAL: "能源消费总量", NON_FOSSIL_SHARE: "非化石能源消费比重" };
  put(document.getElementById("targetList"), head(["对象", "指标", "基年—目标年", "目标值", "基年值", "应达", "实际", "预警", "考核结果", "依据"]),
    views.map(x => row([x.subjectName, indicators[x.progress.indicator] || x.progress.indicator, `${x.target.baseYear}—${x.target.targetYear}`, fmt(x.target.value, 3),
      v(x.progress.base), v(x.progress.required), v(x.progress.actual),
      badge(x.progress.warning, { GREEN: "绿色·三级预警", ORANGE: "橙色·二级预警", RED: "红色·一级预警", NO_DATA: "无数据" }[x.progress.warning]),
      { COMPLETED: "完成", BASICALLY_COMPLETED: "基本完成", NOT_COMPLETED: "未完成", NO_DATA: "无法评价" }[x.progress.assessment],
      x.target.document])));
}

async function projects() {
  link("projectsX", `/api/v1/projects/regions/${region}?format=xlsx`);
  const list = await api(`/api/v1/projects/regions/${region}`);
  put(document.getElementById("projectList"), head(["项目", "两高行业", "产品", "产能", "设计能耗(tce)", "设计能效", "状态", "处置", "实际能耗(tce)", "对比设计"]),
    list.map(v => row([v.project.name, v.sector, v.project.product, fmt(v.project.capacity, 0), fmt(v.project.designedEnergyTce, 0),
      v.designedLevel, v.statusCn, v.project.disposal || "—", v.actualEnergyTce == null ? "—" : fmt(v.actualEnergyTce, 0),
      v.exceedsDesign == null ? "—" : badge(v.exceedsDesign ? "RED" : "GREEN", v.exceedsDesign ? "超设计" : "未超设计")])));
}

async function grades(year) {
  link("gradesX", `/api/v1/grades/regions/${region}?year=${year}&format=xlsx`);
  const list = await api(`/api/v1/grades/regions/${region}?year=${year}`);
  const counts = [1, 2, 3, 4, 5].map(g => `等级${g}: ${list.filter(x => x.grade === g).length}`);
  document.getElementById("gradeSummary").textContent = `${list.length} 家企业 · ${counts.join(" · ")}`;
  put(document.getElementById("gradeList"), head(["企业", "行业", "CO2 (t)", "增加值 (万元)", "L", "K", "碳效水平", "等级"]),
    list.slice(0, 300).map(g => row([g.input.name, g.input.industry, fmt(g.input.co2, 0), fmt(g.input.valueAdded, 0),
      g.intensity === "NaN" ? "—" : fmt(g.intensity, 3), g.ratio === "NaN" ? "—" : fmt(g.ratio, 3), g.levelCn,
      g.grade == null ? g.note : badge(g.grade <= 2 ? "GREEN" : g.grade === 3 ? "YELLOW" : "RED", "等级" + g.grade)])));
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
