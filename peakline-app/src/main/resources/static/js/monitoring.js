import { serverDate, serverToday, api, header, t, el, put, fmt, param, when, lang, describe } from "/js/common.js";
import { carriers } from "/js/filingform.js";

// The monitoring page: an enterprise's meters (?code=) or a region's data-quality status (?region=), refreshed every 10 s.
await header();
const code = param("code");
const region = param("region");
const pct = v => (v * 100).toFixed(1) + "%";
const row = (cells, attrs = {}) => el("tr", attrs, cells.map(c => el("td", {}, c)));
const head = keys => el("tr", {}, keys.map(k => el("th", {}, t(k))));
// carriers by their Chinese name (the API speaks in codes: electricity, natural_gas …)
const names = new Map((await carriers()).map(c => [c.code, c.nameCn]));
const carrierName = c => names.get(c) || c;
// the month looked at (this month unless chosen), Beijing time
const monthSel = document.getElementById("month");
{
  const now = await serverToday();
  for (let i = 0; i < 12; i++) {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    const m = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
    monthSel.append(el("option", { value: m }, m));
  }
  if (param("month")) monthSel.value = param("month");
}
const month = () => monthSel.value;
const charts = {};
const chart = id => charts[id] || (charts[id] = echarts.init(document.getElementById(id)));
window.addEventListener("resize", () => Object.values(charts).forEach(c => c.resize()));

async function enterprise() {
  const [v, q, rej] = await Promise.all([
    api(`/api/v1/enterprises/${code}/monitoring`),
    api(`/api/v1/enterprises/${code}/monitoring/quality?month=${month()}`),
    api(`/api/v1/enterprises/${code}/monitoring/rejected?limit=20`)]);
  document.getElementById("asof").textContent = `${code} · ${when(v.asOf)} · ${t("quality")}: ${q.passes ? "✔" : "✘"} ${t("completeness")} ${pct(q.completeness)}`;
  put(document.getElementById("totals"), head(["carrier", "unit", "today", "thisMonth"]),
    v.carriers.length ? v.carriers.map(c => row([carrierName(c.carrier), c.unit, fmt(c.today, 3), fmt(c.month, 3)])) : row([t("noData")]));
  put(document.getElementById("main"), head(["meter", "carrier", "unit", "latest", "time", "today", "thisMonth", "completeness", "health"]),
    v.meters.map(m => row([`${m.meter} ${m.name}`, carrierName(m.carrier), m.unit, m.latestValue == null ? "—" : fmt(m.latestValue, 2),
      m.latestTs ? when(m.latestTs) : "—", fmt(m.today, 1), fmt(m.month, 1), pct(m.monthCompleteness),
      el("span", { class: "status " + m.health }, t("h_" + m.health))], { "data-meter": m.meter, class: "click", onclick: () => meterDays(m) })));
  await reconciliation();
  put(document.getElementById("rejected"), head(["time", "meter", "reason", "comment"]),
    rej.length ? rej.map(r => row([when(r.receivedAt), r.meterCode || "—", t("rj_" + r.reason),
      // the reason in the page's language; the server's full sentence (line, byte, value) in English on hover
      lang() === "zh" ? el("span", { title: r.detail }, "ⓘ") : r.detail])) : row([t("noData")]));
}

// a meter's days in the month: consumption as bars, completeness as a line, each day's figures below
async function meterDays(m) {
  const [y, mo] = month().split("-").map(Number);
  const last = new Date(y, mo, 0).getDate();
  const days = await api(`/api/v1/enterprises/${code}/monitoring/days?from=${month()}-01&to=${month()}-${String(last).padStart(2, "0")}&meter=${encodeURIComponent(m.meter)}`);
  document.getElementById("meterPanel").hidden = false;
  document.getElementById("meterTitle").textContent = `${m.meter} ${m.name}（${carrierName(m.carrier)}，${m.unit}）`;
  chart("meterChart").setOption({
    tooltip: { trigger: "axis" }, legend: { data: [t("mo_consumption"), t("completeness")] },
    grid: { left: 10, right: 10, top: 40, bottom: 30, containLabel: true },
    xAxis: { type: "category", data: days.map(d => d.day.slice(5)) },
    yAxis: [{ type: "value", name: m.unit }, { type: "value", name: "%", max: 100 }],
    series: [
      { name: t("mo_consumption"), type: "bar", data: days.map(d => d.consumption), itemStyle: { color: "#0b6e4f" } },
      { name: t("completeness"), type: "line", yAxisIndex: 1, data: days.map(d => Math.round(1000 * d.completeness) / 10) }],
  }, true);
  put(document.getElementById("meterDays"), head(["mo_day", "mo_consumption", "mo_readings", "completeness", "mo_gapMinutes"]),
    days.length ? days.map(d => row([d.day, fmt(d.consumption, 2), `${d.readings}/${d.expected}`, pct(d.completeness), fmt(d.gapSeconds / 60, 0)]))
      : row([t("noData")]));
  document.getElementById("meterPanel").scrollIntoView();
}

// the month's metered consumption against what the enterprise filed, per carrier
async function reconciliation() {
  const list = await api(`/api/v1/enterprises/${code}/monitoring/reconciliation?period=${month()}`);
  document.getElementById("reconPanel").hidden = false;
  put(document.getElementById("recon"), head(["carrier", "unit", "metered", "mo_filed", "deviation", "mo_threshold", "status"]),
    list.length ? list.map(r => row([carrierName(r.carrier), r.unit, fmt(r.metered, 2), r.filed == null ? t("notFiled") : fmt(r.filed, 2),
      r.deviation == null ? "—" : pct(r.deviation), pct(r.threshold),
      el("span", { class: "status " + (r.filed == null ? "NO_DATA" : r.flagged ? "FAIL" : "OK") },
        t(r.filed == null ? "mo_notReconciled" : r.flagged ? "mo_flagged" : "mo_agrees"))]))
      : row([t("mo_noReconciliation")]));
}

// a region: every metered enterprise's data quality in the month (failing ones first), the trend of the last 6 months
async function regionView() {
  const q = await api(`/api/v1/regions/${region}/monitoring/quality?month=${month()}`);
  document.getElementById("failingLabel").hidden = false;
  document.getElementById("asof").textContent = `${q.month} · ${t("passes")}: ${q.passing} / ${q.enterprises} · ${t("mo_silentMeters")}: ${q.rows.reduce((a, r) => a + r.silentMeters, 0)}`;
  document.getElementById("mainTitle").textContent = t("quality");
  document.getElementById("totals").replaceChildren();
  document.getElementById("rejectedPanel").hidden = true;
  const failingOnly = document.getElementById("failingOnly").checked;
  const rows = q.rows.filter(r => !failingOnly || !r.passes).sort((a, b) => (a.passes - b.passes) || (b.silentMeters - a.silentMeters));
  put(document.getElementById("main"), head(["enterprise", "meters", "completeness", "silent", "gapDays", "lateStamps", "dailyVsMonthly", "rejected", "passes"]),
    rows.length ? rows.map(r => row([el("a", { href: `/monitoring.html?code=${r.enterprise}&month=${q.month}` }, `${r.name} ${r.enterprise}`), r.meters,
      pct(r.completeness), r.silentMeters, r.gapDays, r.lateStamps, r.dailyVsMonthlyFailures, r.rejected,
      el("span", { class: "status " + (r.passes ? "OK" : "FAIL") }, t(r.passes ? "mo_passes" : "mo_fails"))],
      { "data-enterprise": r.enterprise, class: r.silentMeters > 0 ? "flagged" : "" }))
      : row([t("noData")]));
  await trend();
}

let trendDrawn = null;
async function trend() {
  if (trendDrawn === month()) return;
  trendDrawn = month();
  const [y, m] = month().split("-").map(Number);
  const months = Array.from({ length: 6 }, (_, i) => { const d = new Date(y, m - 1 - (5 - i), 1); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`; });
  const qs = await Promise.all(months.map(x => api(`/api/v1/regions/${region}/monitoring/quality?month=${x}`)));
  const avg = (list, f) => list.length ? list.reduce((a, r) => a + f(r), 0) / list.length : null;
  document.getElementById("trendPanel").hidden = false;
  chart("trend").setOption({
    tooltip: { trigger: "axis" }, legend: { data: [t("mo_avgCompleteness"), t("mo_passingShare"), t("lateStamps")] },
    grid: { left: 10, right: 10, top: 40, bottom: 30, containLabel: true },
    xAxis: { type: "category", data: months },
    yAxis: [{ type: "value", name: "%", max: 100 }, { type: "value", name: t("mo_count") }],
    series: [
      { name: t("mo_avgCompleteness"), type: "line", data: qs.map(q => q.rows.length ? Math.round(1000 * avg(q.rows, r => r.completeness)) / 10 : null) },
      { name: t("mo_passingShare"), type: "line", data: qs.map(q => q.enterprises ? Math.round(1000 * q.passing / q.enterprises) / 10 : null) },
      { name: t("lateStamps"), type: "bar", yAxisIndex: 1, data: qs.map(q => q.rows.reduce((a, r) => a + r.lateStamps, 0)), itemStyle: { color: "#f0a13b" } }],
  }, true);
}

// the enterprise keeps its meters and its gateways' tokens here
async function manage() {
  const me = await api("/api/v1/me");
  if (!(me.role === "ENTERPRISE" || me.role === "ADMIN")) return;
  document.getElementById("managePanel").hidden = false;
  document.getElementById("tokenName").placeholder = t("tokenName");
  const list = await carriers();
  const carrierSel = document.getElementById("mCarrier"), unitSel = document.getElementById("mUnit");
  put(carrierSel, list.map(c => el("option", { value: c.code }, lang() === "zh" ? c.nameCn : c.nameEn)));
  const units = () => put(unitSel, (list.find(c => c.code === carrierSel.value) || { units: [] }).units.map(u => el("option", { value: u }, u)));
  carrierSel.onchange = units; units();
  document.getElementById("mInstalled").value = await serverDate();
  const v = id => document.getElementById(id).value.trim();
  const form = () => ({ code: v("mCode"), name: v("mName"), carrier: v("mCarrier"), unit: v("mUnit"), kind: v("mKind"),
    multiplier: Number(v("mMultiplier")), intervalSeconds: Math.round(Number(v("mInterval")) * 60),
    installedAt: v("mInstalled") ? `${v("mInstalled")}T00:00:00+08:00` : null });
  const say = (id, kind, text) => { const m = document.getElementById(id); m.className = kind; m.textContent = text; };
  document.getElementById("mRegister").onclick = async () => {
    try { const m = await api(`/api/v1/enterprises/${code}/meters`, { method: "POST", body: form() });
      say("meterMessage", "ok", `${t("meterRegistered")}: ${m.code} ${m.name}`); await enterprise(); }
    catch (e) { say("meterMessage", "error", describe(e)); }
  };
  document.getElementById("mReplace").onclick = async () => {
    const f = form();
    try { const m = await api(`/api/v1/enterprises/${code}/meters/${encodeURIComponent(f.code)}/replace`, { method: "POST",
      body: { at: f.installedAt, finalReading: Number(v("mFinal")), initialReading: Number(v("mInitial")), meter: f } });
      say("meterMessage", "ok", `${t("meterReplaced")}: ${m.code} ${m.name}`); await enterprise(); }
    catch (e) { say("meterMessage", "error", describe(e)); }
  };
  const tokens = async () => {
    const list = await api(`/api/v1/enterprises/${code}/gateway-tokens`);
    put(document.getElementById("tokens"), head(["tokenName", "createdAt", "status", ""]),
      list.length ? list.map(x => row([x.name, when(x.createdAt), t(x.revoked ? "tokenRevoked" : "tokenActive"),
        x.revoked ? "" : el("button", { type: "button", class: "secondary", onclick: async () => {
          await api(`/api/v1/enterprises/${code}/gateway-tokens/${encodeURIComponent(x.name)}`, { method: "DELETE" }); await tokens(); } }, t("revoke"))]))
        : row([t("noData")]));
  };
  document.getElementById("tokenCreate").onclick = async () => {
    try { const x = await api(`/api/v1/enterprises/${code}/gateway-tokens`, { method: "POST", body: { name: v("tokenName") } });
      say("tokenMessage", "ok", `${t("tokenShownOnce")} ${x.token}`); await tokens(); }
    catch (e) { say("tokenMessage", "error", describe(e)); }
  };
  await tokens();
}

const draw = code ? enterprise : regionView;
monthSel.addEventListener("change", () => draw());
document.getElementById("failingOnly").addEventListener("change", () => draw());
if (code) await manage();
await draw();
document.body.dataset.ready = "true";
setInterval(draw, 10_000);
