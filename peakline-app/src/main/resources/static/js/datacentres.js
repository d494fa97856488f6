import { api, header, t, el, put, fmt, param, describe, download, dataTable, serverToday, big } from "/js/common.js";

// Data centres: a region's (or a cluster's) ranking and worklist (?region=), an enterprise's data centres (?code=),
// one data centre's PUE by month and day with its incomplete days (?id=).
const me = await header();
const byId = id => document.getElementById(id);
const region = param("region"), code = param("code"), id = param("id");
const pue = v => v == null ? "—" : fmt(v, 3);
const pct = v => v == null ? "—" : fmt(v * 100, 1) + "%";
const grade = g => g == null ? "—" : g === 0 ? t("dc_g0") : t("dc_g" + g);
const finding = f => f ? t("dc_f_" + f.replace(".", "_")) : "";
const pueCell = p => p.pue != null ? pue(p.pue) : el("span", { class: "warn" }, finding(p.finding) || t("dc_f_incomplete"));
const target = r => r.target ? `${fmt(r.target.maxPue, 2)}（${r.target.document.split("：")[0]}，${t("unconfirmed")}）` : "—";
const say = (box, text, ok = true) => put(byId(box), el("p", { class: ok ? "ok" : "error", id: box + "Text" }, text));
const charts = {};
const chart = c => charts[c] || (charts[c] = echarts.init(byId(c)));
const yearSel = byId("dcYear");
{
  const y = (await serverToday()).getFullYear();
  for (let i = 0; i < 3; i++) yearSel.append(el("option", { value: y - i }, String(y - i)));
  if (param("year")) yearSel.value = param("year");
}
const reference = await api("/api/v1/data-centres/reference");
for (const c of reference.clusters) {
  byId("dcCluster").append(el("option", { value: c.code }, c.name));
  byId("dcFCluster").append(el("option", { value: c.code }, c.name));
}
for (const p of reference.positions) byId("dcPPosition").append(el("option", { value: p.code }, t("dc_p_" + p.code)));
if (param("cluster")) byId("dcCluster").value = param("cluster");

async function regionView() {
  byId("dcRegion").hidden = false; byId("dcWorklist").hidden = false;
  byId("dcClusterLabel").hidden = false; byId("dcExport").hidden = false;
  const cluster = byId("dcCluster").value;
  const v = await api(`/api/v1/regions/${region}/data-centres?year=${yearSel.value}${cluster ? "&cluster=" + cluster : ""}`);
  byId("dcTitle").textContent = `${v.regionName} · ${t("dc_title")}`;
  dataTable(byId("dcList"), [
    { key: "name", label: "dc_name", render: r => el("a", { href: `/datacentres.html?id=${r.id}` }, `${r.code} ${r.name}`) },
    { key: "enterpriseName", label: "enterprise" },
    { key: "clusterName", label: "dc_cluster" },
    { key: "statusName", label: "dc_status", value: r => t("dc_s_" + r.status) },
    { key: "itCapacityKw", label: "dc_itKw", num: true, render: r => big(r.itCapacityKw) },
    { key: "latestMonth", label: "dc_latestMonth" },
    { key: "latestPue", label: "PUE", num: true, render: r => pue(r.latestPue) },
    { key: "grade", label: "dc_grade", render: r => grade(r.grade) },
    { key: "target", label: "dc_target", value: r => r.target ? r.target.maxPue : null, render: r => r.target ? fmt(r.target.maxPue, 2) : "—" },
    { key: "aboveTarget", label: "dc_aboveTarget", render: r => r.aboveTarget ? el("span", { class: "warn" }, t("dc_above")) : t("dc_within") },
    { key: "renewableShare", label: "dc_renewable", num: true, render: r => pct(r.renewableShare) },
    { key: "trailing", label: "dc_trailingTce", num: true, value: r => r.rule.trailingTce, render: r => fmt(r.rule.trailingTce, 0) },
    { key: "incompleteMonths", label: "dc_incompleteMonths", num: true },
  ], v.dataCentres, { id: "dcTable", empty: "dc_none" });
  const months = [...new Set(v.dataCentres.flatMap(r => r.months.map(m => m.month)))].sort();
  chart("dcChart").setOption({
    tooltip: { trigger: "axis" }, legend: { type: "scroll" }, xAxis: { type: "category", data: months },
    yAxis: { type: "value", name: "PUE", min: 1 },
    series: v.dataCentres.map(r => ({ name: r.name, type: "line", connectNulls: false,
      data: months.map(m => { const x = r.months.find(y => y.month === m); return x && x.pue != null ? Number(x.pue.toFixed(3)) : null; }) })),
  }, true);
  const w = await api(`/api/v1/regions/${region}/monitoring-worklist`);
  dataTable(byId("dcFlagged"), [
    { key: "name", label: "dc_name", render: r => el("a", { href: `/datacentres.html?id=${r.id}` }, `${r.code} ${r.name}`) },
    { key: "enterpriseName", label: "enterprise" },
    { key: "tce", label: "dc_trailingTce", num: true, value: r => r.rule.trailingTce, render: r => fmt(r.rule.trailingTce, 0) },
    { key: "since", label: "dc_since", value: r => r.rule.since },
  ], w.dataCentres, { id: "dcFlaggedTable", empty: "dc_noneFlagged" });
  dataTable(byId("dcUnits"), [
    { key: "name", label: "enterprise", render: r => el("a", { href: `/enterprise.html?code=${r.enterprise}` }, r.name) },
    { key: "energyTce", label: "dc_energyTce", num: true, render: r => fmt(r.energyTce, 0) },
    { key: "tierName", label: "dc_tier", render: r => t("dc_tier_" + r.tier) },
    { key: "online", label: "dc_online", render: r => r.online ? t("dc_isOnline") : el("span", { class: "warn" }, t("dc_notOnline")) },
  ], w.enterprises, { id: "dcUnitTable", empty: "noData" });
}

async function enterpriseView() {
  byId("dcEnterprise").hidden = false;
  const list = await api(`/api/v1/enterprises/${code}/data-centres`);
  dataTable(byId("dcOwn"), [
    { key: "name", label: "dc_name", render: r => el("a", { href: `/datacentres.html?id=${r.id}` }, `${r.code} ${r.name}`) },
    { key: "statusName", label: "dc_status", value: r => t("dc_s_" + r.status) },
    { key: "latestMonth", label: "dc_latestMonth" },
    { key: "latestPue", label: "PUE", num: true, render: r => pue(r.latestPue) },
    { key: "grade", label: "dc_grade", render: r => grade(r.grade) },
    { key: "aboveTarget", label: "dc_aboveTarget", render: r => r.aboveTarget ? el("span", { class: "warn" }, t("dc_above")) : t("dc_within") },
  ], list, { id: "dcOwnTable", empty: "dc_none" });
  byId("dcForm").hidden = !(me.role === "ENTERPRISE" || me.role === "ADMIN");
}

byId("dcForm").addEventListener("submit", async ev => {
  ev.preventDefault();
  const num = v => v.trim() === "" ? null : Number(v.trim().replace(/,/g, ""));
  try {
    const d = await api(`/api/v1/enterprises/${code}/data-centres`, { method: "POST", body: {
      code: byId("dcCode").value.trim(), name: byId("dcName").value.trim(), cluster: byId("dcFCluster").value,
      status: byId("dcStatus").value, cooling: byId("dcCooling").value, itCapacityKw: num(byId("dcItKw").value),
      racks: num(byId("dcRacks").value), commissioned: num(byId("dcCommissioned").value) } });
    say("dcMessage", t("dc_registered").replace("{n}", d.name));
    await enterpriseView();
  } catch (e) { say("dcMessage", describe(e), false); }
});

async function centreView() {
  byId("dcCentre").hidden = false;
  const v = await api(`/api/v1/data-centres/${id}?year=${yearSel.value}`);
  byId("dcCentreTitle").textContent = `${v.code} ${v.name}`;
  const row = (k, val) => el("tr", {}, el("th", {}, t(k)), el("td", {}, val));
  put(byId("dcFacts"), [
    row("enterprise", el("a", { href: `/enterprise.html?code=${v.enterprise}` }, v.enterpriseName)),
    row("dc_cluster", v.clusterName || t("dc_noCluster")), row("dc_status", t("dc_s_" + v.status)), row("dc_cooling", t("dc_c_" + v.cooling)),
    row("dc_itKw", big(v.itCapacityKw)), row("dc_racks", v.racks ?? "—"), row("dc_commissioned", v.commissioned ?? "—"),
    row("dc_target", target(v)),
    row("dc_rule", `${fmt(v.rule.trailingTce, 0)} tce（${v.rule.to}）${v.rule.flagged ? " · " + t("dc_flagged") : ""}`)]);
  const y = v.yearToDate, c = v.carbon;
  put(byId("dcYtd"), [
    row("PUE", pueCell(y)), row("dc_grade", grade(y.grade)),
    row("dc_incompleteDays", y.incompleteDays.length ? y.incompleteDays.join("、") : t("dc_noneIncomplete")),
    row("CLF", y.clf == null ? "—" : fmt(y.clf, 3)), row("PLF", y.plf == null ? "—" : fmt(y.plf, 3)),
    row("dc_totalKwh", big(y.totalKwh)), row("dc_itKwh", big(y.itKwh)),
    row("dc_renewable", pct(c.renewableShare)),
    row("dc_location", c.locationT == null ? "—" : `${fmt(c.locationT, 1)} tCO₂ · CUE ${fmt(c.cueLocation, 3)} kgCO₂/kWh`),
    row("dc_market", c.marketT == null ? "—" : `${fmt(c.marketT, 1)} tCO₂ · CUE ${fmt(c.cueMarket, 3)} kgCO₂/kWh`)]);
  dataTable(byId("dcMonths"), [
    { key: "month", label: "month" },
    { key: "pue", label: "PUE", num: true, render: pueCell },
    { key: "grade", label: "dc_grade", render: r => grade(r.grade) },
    { key: "aboveTarget", label: "dc_aboveTarget", render: r => r.aboveTarget ? el("span", { class: "warn" }, t("dc_above")) : (r.pue == null ? "—" : t("dc_within")) },
    { key: "totalKwh", label: "dc_totalKwh", num: true, render: r => big(r.totalKwh) },
    { key: "itKwh", label: "dc_itKwh", num: true, render: r => big(r.itKwh) },
    { key: "renewableShare", label: "dc_renewable", num: true, render: r => pct(r.renewableShare) },
    { key: "incomplete", label: "dc_incompleteDays", value: r => r.incompleteDays.join(" "), render: r => r.incompleteDays.length ? r.incompleteDays.join("、") : "—" },
    { key: "kwhPerPflops", label: "dc_kwhPerPflops", num: true, render: r => r.kwhPerPflops == null ? "—" : fmt(r.kwhPerPflops, 0) },
  ], v.months, { id: "dcMonthTable", pageSize: 12 });
  chart("dcTrend").setOption({
    tooltip: { trigger: "axis" }, xAxis: { type: "category", data: v.months.map(m => m.month) },
    yAxis: { type: "value", name: "PUE", min: 1 },
    series: [{ name: "PUE", type: "line", data: v.months.map(m => m.pue == null ? null : Number(m.pue.toFixed(3))),
      markLine: v.target ? { data: [{ yAxis: v.target.maxPue, name: t("dc_target") }] } : undefined }],
  }, true);
  dataTable(byId("dcDays"), [
    { key: "day", label: "dc_day" },
    { key: "pue", label: "PUE", num: true, render: pueCell },
    { key: "totalKwh", label: "dc_totalKwh", num: true, render: r => fmt(r.totalKwh, 0) },
    { key: "itKwh", label: "dc_itKwh", num: true, render: r => fmt(r.itKwh, 0) },
  ], [...v.days].reverse(), { id: "dcDayTable", pageSize: 31 });
  dataTable(byId("dcMeters"), [
    { key: "meter", label: "meterPoint", render: r => el("a", { href: `/monitoring.html?code=${v.enterprise}` }, r.meter) },
    { key: "positionName", label: "dc_position", value: r => t("dc_p_" + r.position) },
  ], v.meters, { id: "dcMeterTable", empty: "dc_noMeters" });
  const mine = me.role === "ADMIN" || (me.role === "ENTERPRISE" && me.enterprise === v.enterprise);
  byId("dcPlace").hidden = !mine; byId("dcComputing").hidden = !mine;
}

byId("dcPlace").addEventListener("submit", async ev => {
  ev.preventDefault();
  const m = byId("dcPMeter").value.trim();
  try {
    await api(`/api/v1/data-centres/${id}/meters/${encodeURIComponent(m)}`, { method: "PUT", body: { position: byId("dcPPosition").value } });
    say("dcCentreMessage", t("dc_placed").replace("{m}", m));
    await centreView();
  } catch (e) { say("dcCentreMessage", describe(e), false); }
});
byId("dcComputing").addEventListener("submit", async ev => {
  ev.preventDefault();
  const num = v => v.trim() === "" ? null : Number(v.trim());
  try {
    await api(`/api/v1/data-centres/${id}/computing/${encodeURIComponent(byId("dcKMonth").value.trim())}`, { method: "PUT",
      body: { utilisation: num(byId("dcKUtil").value), pflops: num(byId("dcKPflops").value) } });
    say("dcCentreMessage", t("dc_computingFiled"));
    await centreView();
  } catch (e) { say("dcCentreMessage", describe(e), false); }
});
byId("dcExport").addEventListener("click", () => download(`/api/v1/regions/${region}/data-centres/export?year=${yearSel.value}${byId("dcCluster").value ? "&cluster=" + byId("dcCluster").value : ""}`, `data-centres-${region}-${yearSel.value}.xlsx`));
const refresh = () => id ? centreView() : region ? regionView() : code ? enterpriseView() : null;
yearSel.addEventListener("change", refresh);
byId("dcCluster").addEventListener("change", refresh);
await refresh();
document.body.dataset.ready = "true";
