import { api, header, t, el, put, fmt, param, when, lang, describe } from "/js/common.js";
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

async function enterprise() {
  const [v, q, rej] = await Promise.all([
    api(`/api/v1/enterprises/${code}/monitoring`),
    api(`/api/v1/enterprises/${code}/monitoring/quality`),
    api(`/api/v1/enterprises/${code}/monitoring/rejected?limit=20`)]);
  document.getElementById("asof").textContent = `${code} · ${when(v.asOf)} · ${t("quality")}: ${q.passes ? "✔" : "✘"} ${t("completeness")} ${pct(q.completeness)}`;
  put(document.getElementById("totals"), head(["carrier", "unit", "today", "thisMonth"]),
    v.carriers.length ? v.carriers.map(c => row([carrierName(c.carrier), c.unit, fmt(c.today, 3), fmt(c.month, 3)])) : row([t("noData")]));
  put(document.getElementById("main"), head(["meter", "carrier", "unit", "latest", "time", "today", "thisMonth", "completeness", "health"]),
    v.meters.map(m => row([`${m.meter} ${m.name}`, carrierName(m.carrier), m.unit, m.latestValue == null ? "—" : fmt(m.latestValue, 2),
      m.latestTs ? when(m.latestTs) : "—", fmt(m.today, 1), fmt(m.month, 1), pct(m.monthCompleteness),
      el("span", { class: "status " + m.health }, t("h_" + m.health))], { "data-meter": m.meter })));
  put(document.getElementById("rejected"), head(["time", "meter", "reason", "comment"]),
    rej.length ? rej.map(r => row([when(r.receivedAt), r.meterCode || "—", t("rj_" + r.reason),
      // the reason in the page's language; the server's full sentence (line, byte, value) in English on hover
      lang() === "zh" ? el("span", { title: r.detail }, "ⓘ") : r.detail])) : row([t("noData")]));
}

async function regionView() {
  const q = await api(`/api/v1/regions/${region}/monitoring/quality`);
  document.getElementById("asof").textContent = `${region} · ${q.month} · ${t("passes")}: ${q.passing} / ${q.enterprises}`;
  document.getElementById("mainTitle").textContent = t("quality");
  document.getElementById("totals").replaceChildren();
  document.getElementById("rejectedPanel").hidden = true;
  put(document.getElementById("main"), head(["enterprise", "meters", "completeness", "silent", "gapDays", "lateStamps", "dailyVsMonthly", "rejected", "passes"]),
    q.rows.length ? q.rows.map(r => row([el("a", { href: `/monitoring.html?code=${r.enterprise}` }, `${r.name} ${r.enterprise}`), r.meters,
      pct(r.completeness), r.silentMeters, r.gapDays, r.lateStamps, r.dailyVsMonthlyFailures, r.rejected,
      el("span", { class: "status " + (r.passes ? "OK" : "FAIL") }, r.passes ? "✔" : "✘")], { "data-enterprise": r.enterprise }))
      : row([t("noData")]));
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
  document.getElementById("mInstalled").value = new Date().toISOString().slice(0, 10);
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
if (code) await manage();
await draw();
setInterval(draw, 10_000);
