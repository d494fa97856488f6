import { api, header, t, fmt, big, el, param, put, dataTable } from "/js/common.js";

const me = await header();
let region = param("region") || me.homeRegion;
const yearSel = document.getElementById("year");
const monthSel = document.getElementById("month");
const thisYear = new Date().getFullYear();
for (let y = thisYear; y >= 2015; y--) yearSel.append(el("option", { value: y }, y));
yearSel.value = param("year") || String(thisYear - 2);
monthSel.append(el("option", { value: "" }, t("all")));
for (let m = 1; m <= 12; m++) monthSel.append(el("option", { value: m }, m));
yearSel.addEventListener("change", load);
monthSel.addEventListener("change", load);

const charts = {
  regions: echarts.init(document.getElementById("regions")),
  months: echarts.init(document.getElementById("months")),
  industries: echarts.init(document.getElementById("industries")),
};
window.addEventListener("resize", () => Object.values(charts).forEach(c => c.resize()));

function go(code) { region = code; history.pushState({}, "", `?region=${code}&year=${yearSel.value}`); load(); }

async function load() {
  const q = `year=${yearSel.value}` + (monthSel.value ? `&month=${monthSel.value}` : "");
  const [info, v] = await Promise.all([api(`/api/v1/regions/${region}`), api(`/api/v1/regions/${region}/dashboard?${q}`)]);
  const crumbs = document.getElementById("crumbs");
  put(crumbs, ...info.lineage.slice().reverse().map(r => el("a", { href: "#", onclick: e => { e.preventDefault(); go(r.code); } }, r.name)));
  const f = v.totals;
  put(document.getElementById("cards"), 
    card("direct", big(f.scope1), "directHint"),
    card("indirect", big(f.scope2), "indirectHint"),
    card("energy", big(f.energy)),
    card("intensity", fmt(f.carbonIntensity, 3)),
    card("energyIntensity", fmt(f.energyIntensity, 3)),
    card("coverage", f.coverage == null ? "–" : fmt(100 * f.coverage, 1) + "% (" + f.filedEnterprises + "/" + f.enterprises + ")"));
  document.getElementById("cards").firstChild.id = "direct-emissions";
  const kids = v.children.filter(c => c.figures.enterprises > 0 || c.figures.scope1 > 0);
  charts.regions.setOption({
    tooltip: {}, grid: { left: 90, right: 20, top: 10, bottom: 30 },
    xAxis: { type: "value", name: "tCO₂e" }, yAxis: { type: "category", data: kids.map(c => c.name).reverse() },
    series: [{ type: "bar", name: t("direct"), data: kids.map(c => Math.round(c.figures.scope1)).reverse(), itemStyle: { color: "#0b6e4f" } }],
  }, true);
  charts.regions.off("click");
  charts.regions.on("click", p => { const c = kids.find(k => k.name === p.name); if (c) go(c.code); });
  charts.months.setOption({
    tooltip: { trigger: "axis" }, legend: { data: [t("direct"), t("indirect"), t("energy")] }, grid: { left: 70, right: 70, top: 40, bottom: 30 },
    xAxis: { type: "category", data: v.months.map(m => m.period.slice(5)) },
    yAxis: [{ type: "value", name: "tCO₂e" }, { type: "value", name: "tce" }],
    series: [
      { name: t("direct"), type: "bar", data: v.months.map(m => Math.round(m.direct)), itemStyle: { color: "#0b6e4f" } },
      { name: t("indirect"), type: "bar", data: v.months.map(m => Math.round(m.indirect)), itemStyle: { color: "#7fb8a4" } },
      { name: t("energy"), type: "line", yAxisIndex: 1, data: v.months.map(m => Math.round(m.energy)) },
    ],
  }, true);
  charts.industries.setOption({
    tooltip: { trigger: "item" },
    series: [{ type: "pie", radius: ["35%", "70%"], data: v.industries.map(i => ({ name: i.code + " " + i.name, value: Math.round(i.figures.scope1), code: i.code })) }],
  }, true);
  charts.industries.off("click");
  charts.industries.on("click", p => drill(p.data.code, p.name));
  put(document.getElementById("children"), 
    el("tr", {}, ["rank", "region", "direct", "indirect", "energy", "intensity", "coverage"].map((k, i) => el("th", { class: i > 1 ? "num" : "" }, t(k)))),
    v.children.map((c, i) => el("tr", { class: "click", onclick: () => go(c.code) },
      el("td", {}, i + 1), el("td", {}, c.name), el("td", { class: "num" }, fmt(c.figures.scope1, 0)), el("td", { class: "num" }, fmt(c.figures.scope2, 0)),
      el("td", { class: "num" }, fmt(c.figures.energy, 0)),
      el("td", { class: "num" }, fmt(c.figures.carbonIntensity, 3)),
      el("td", { class: "num" }, c.figures.coverage == null ? "–" : fmt(100 * c.figures.coverage, 1) + "%"))));
  enterprises(document.getElementById("top"), v.top);
  document.getElementById("drillPanel").hidden = true;
}

function card(key, value, hint) {
  return el("div", { class: "card", title: hint ? t(hint) : "" }, el("div", { class: "label" }, t(key)), el("div", { class: "value" }, value));
}

function enterprises(table, list) {
  put(table, 
    el("tr", {}, ["enterprise", "industry", "emissions", "energy"].map((k, i) => el("th", { class: i > 1 ? "num" : "" }, t(k)))),
    list.map(e => el("tr", { class: "click", onclick: () => { location.href = `/enterprise.html?code=${e.enterprise}&year=${yearSel.value}`; } },
      el("td", {}, e.name), el("td", {}, e.industry), el("td", { class: "num" }, fmt(e.total, 0)), el("td", { class: "num" }, fmt(e.energy, 0)))));
}

// every enterprise of the industry in the region (up to the API's 1,000), searchable, sortable and paged with the count
async function drill(industry, name) {
  const q = `year=${yearSel.value}` + (monthSel.value ? `&month=${monthSel.value}` : "") + `&industry=${industry}&limit=1000`;
  const list = await api(`/api/v1/regions/${region}/enterprises?${q}`);
  document.getElementById("drillTitle").textContent = name + (list.length === 1000 ? `（${t("firstThousand")}）` : "");
  dataTable(document.getElementById("drill"), [
    { key: "name", label: "enterprise" },
    { key: "industry", label: "industry" },
    { key: "total", label: "emissions", num: true, render: e => fmt(e.total, 0) },
    { key: "energy", label: "energy", num: true, render: e => fmt(e.energy, 0) },
  ], list, { id: "drillTable", onRow: e => { location.href = `/enterprise.html?code=${e.enterprise}&year=${yearSel.value}`; } });
  document.getElementById("drillPanel").hidden = false;
  document.getElementById("drillPanel").scrollIntoView();
}

await load();
