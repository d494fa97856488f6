import { api, header, t, el, put, fmt, param, describe, dataTable, serverDate } from "/js/common.js";

// 碳市场与履约: the competent authority previews and issues a year's allocation (pre-allocation, then the true-up with
// each enterprise's obligation) and sees who is short; an enterprise reads its obligations, holdings and movements and
// surrenders allowances or CCER toward its oldest open obligation.
const me = await header();
const byId = id => document.getElementById(id);
const government = me.role === "GOVERNMENT" || me.role === "ADMIN";
const region = param("region") || me.homeRegion;
const code = me.role === "ENTERPRISE" ? me.enterprise : param("code");
const ready = v => { document.body.dataset.ready = v; };
const say = (cls, text, id) => put(byId("mkMessage"), el("div", { class: cls, id }, text));
const tonnes = v => fmt(v, 0);
const STATUS = { compliant: "mk_s_compliant", surplus: "mk_s_surplus", short: "mk_s_short", overdue: "mk_s_overdue" };
let run = null;

function obligationColumns(withName) {
  return [
    ...(withName ? [{ key: "name", label: "enterprise", render: r => el("a", { href: `/markets.html?code=${r.account}` }, r.name) }] : []),
    { key: "instrument", label: "mk_instrument", render: r => `${t("mk_i_" + r.instrument)}（${r.instrument === "energy_right" ? "tce" : "tCO₂"}）` },
    { key: "year", label: "year" },
    ...(withName ? [{ key: "allocatedT", label: "mk_allocated", num: true, render: r => tonnes(r.allocatedT) }] : []),
    { key: "dueT", label: "mk_due", num: true, render: r => tonnes(r.dueT) },
    { key: "surrenderedT", label: "mk_surrendered", num: true, render: r => tonnes(r.surrenderedT) },
    { key: "offsetsT", label: "mk_offsets", num: true, render: r => tonnes(r.offsetsT) },
    { key: "remainingT", label: "mk_remaining", num: true, render: r => tonnes(r.remainingT) },
    { key: "heldTowardT", label: "mk_held", num: true, render: r => tonnes(r.heldTowardT) },
    { key: "shortfallT", label: "mk_shortfall", num: true, render: r => el("span", { class: r.shortfallT > 0 ? "bad" : "" }, tonnes(r.shortfallT)) },
    { key: "excessT", label: "mk_excess", num: true, render: r => tonnes(r.excessT) },
    { key: "deadline", label: "deadline" },
    { key: "status", label: "status", render: r => el("span", { class: "status-" + r.status }, t(STATUS[r.status])) },
  ];
}

async function overview() {
  const v = await api(`/api/v1/markets/${region}/overview`);
  byId("mkOverview").hidden = false;
  dataTable(byId("mkObligations"), obligationColumns(true), v.obligations, { id: "mkObligationTable", empty: "mk_noObligations" });
  dataTable(byId("mkMarket"), [
    { key: "month", label: "month" },
    { key: "instrumentName", label: "mk_instrument", render: r => t("mk_i_" + r.instrument) },
    { key: "volume", label: "mk_volume", num: true, render: r => tonnes(r.volume) },
    { key: "averagePriceYuan", label: "mk_price", num: true, render: r => fmt(r.averagePriceYuan, 2) },
  ], v.market, { id: "mkMarketTable", empty: "mk_noTrades" });
}

function showRun(v) {
  run = v;
  const r = v.run;
  byId("mkRun").hidden = false;
  byId("mkRunTitle").textContent = t("mk_runTitle").replace("{y}", r.year).replace("{s}", t("mk_stage_" + r.stage))
    .replace("{st}", t(r.status === "ISSUED" ? "mk_issued" : "mk_previewed"));
  const final = r.stage === "final";
  dataTable(byId("mkEnterprises"), [
    { key: "name", label: "enterprise", render: e => el("span", {}, e.name, el("br"), el("small", {}, e.enterprise)) },
    { key: "allocationT", label: final ? "mk_allocationFinal" : "mk_allocationPre", num: true, render: e => tonnes(e.allocationT) },
    { key: "bookedT", label: "mk_booked", num: true, render: e => tonnes(e.bookedT) },
    ...(final ? [
      { key: "verifiedT", label: "mk_verified", num: true, render: e => tonnes(e.verifiedT) },
      { key: "dueT", label: "mk_due", num: true, render: e => tonnes(e.dueT) }] : []),
  ], v.enterprises, { id: "mkRunTable" });
  dataTable(byId("mkLines"), [
    { key: "unitId", label: "mk_unit", render: l => el("span", {}, l.unitId, " ", el("small", {}, l.unitName)) },
    { key: "fuelClassName", label: "mk_fuelClass" },
    { key: "electricityT", label: "mk_electricityT", num: true, render: l => fmt(l.electricityT, 1) },
    { key: "heatT", label: "mk_heatT", num: true, render: l => fmt(l.heatT, 1) },
    { key: "allocationT", label: "mk_allocationUnit", num: true, render: l => tonnes(l.allocationT) },
    { key: "explanation", label: "mk_how", render: l => el("ul", { class: "explain" }, l.explanation.map(x => el("li", {}, x))) },
  ], v.lines, { id: "mkLineTable" });
  byId("mkIssue").hidden = r.status === "ISSUED";
  byId("mkDeadlineBox").hidden = !final || r.status === "ISSUED";
}

byId("mkRunForm").addEventListener("submit", async ev => {
  ev.preventDefault();
  ready("");
  try {
    const v = await api(`/api/v1/markets/${region}/allocations`, { method: "POST", body: { year: Number(byId("mkYear").value), stage: byId("mkStage").value } });
    showRun(v);
    say("ok", t("mk_previewDone").replace("{n}", v.enterprises.length).replace("{t}", tonnes(v.enterprises.reduce((s, e) => s + e.bookedT, 0))), "mkPreviewed");
  } catch (e) { say("error", describe(e), "mkError"); byId("mkRun").hidden = true; }
  ready("true");
});

byId("mkIssue").addEventListener("click", async () => {
  ready("");
  try {
    const body = run.run.stage === "final" ? { deadline: byId("mkDeadline").value } : {};
    const r = await api(`/api/v1/markets/allocations/${run.run.id}/issue`, { method: "POST", body });
    showRun(await api(`/api/v1/markets/allocations/${run.run.id}`));
    say("ok", t("mk_issuedDone").replace("{n}", r.enterprises).replace("{t}", tonnes(r.bookedT)), "mkIssuedDone");
    await overview();
  } catch (e) { say("error", describe(e), "mkError"); }
  ready("true");
});

async function account() {
  const v = await api(`/api/v1/markets/accounts/${code}`);
  byId("mkAccount").hidden = false;
  byId("mkWho").textContent = `${v.name}（${v.enterprise}）`;
  dataTable(byId("mkMine"), obligationColumns(false), v.obligations, { id: "mkMineTable", empty: "mk_noObligations" });
  dataTable(byId("mkHoldings"), [
    { key: "instrument", label: "mk_instrument", render: h => t("mk_i_" + h.instrument) },
    { key: "vintage", label: "mk_vintage" },
    { key: "balance", label: "mk_balance", num: true, render: h => `${tonnes(h.balance)} ${h.unit}` },
  ], v.holdings, { id: "mkHoldingTable", empty: "mk_noHoldings" });
  dataTable(byId("mkMovements"), [
    { key: "date", label: "mk_date" },
    { key: "kind", label: "mk_kind", render: m => t("mk_k_" + m.kind) },
    { key: "instrument", label: "mk_instrument", render: m => t("mk_i_" + m.instrument) },
    { key: "vintage", label: "mk_vintage" },
    { key: "quantity", label: "mk_quantityShort", num: true, render: m => tonnes(m.quantity) },
    { key: "serialFrom", label: "mk_serials", render: m => m.serialFrom ? `${m.serialFrom}–${m.serialTo}` : "" },
    { key: "counterparty", label: "mk_counterparty" },
    { key: "priceYuan", label: "mk_price", num: true, render: m => m.priceYuan == null ? "" : fmt(m.priceYuan, 2) },
  ], v.movements, { id: "mkMovementTable", empty: "mk_noMovements" });
  byId("mkSurrender").hidden = me.role !== "ENTERPRISE";
  const open = v.obligations.find(o => o.remainingT > 0);
  if (open && !byId("mkVintage").value) byId("mkVintage").value = open.year;
}

async function scope2() {
  const year = byId("mkScope2Year").value.trim();
  if (!/^\d{4}$/.test(year)) return;
  const v = await api(`/api/v1/markets/accounts/${code}/scope2?year=${year}`);
  put(byId("mkScope2"), el("table", { id: "mkScope2Table" },
    [["mk_locationT", fmt(v.electricityLocationT, 1)], ["mk_consumption", fmt(v.consumptionMwh, 1)],
      ["mk_certificates", fmt(v.certificatesMwh, 1)], ["mk_covered", fmt(v.coveredMwh, 1)],
      ["mk_marketT", fmt(v.electricityMarketT, 1)], ["mk_scope2Location", fmt(v.scope2LocationT, 1)],
      ["mk_scope2Market", fmt(v.scope2MarketT, 1)],
      ["mk_gridFactor", `${fmt(v.gridFactor, 4)} tCO₂/MWh（${v.gridFactorSource}）`]]
      .map(([k, x]) => el("tr", {}, el("th", {}, t(k)), el("td", { class: "num" }, x)))));
  byId("mkRetire").hidden = me.role !== "ENTERPRISE";
}

byId("mkScope2Show").addEventListener("click", async () => { ready(""); await scope2(); ready("true"); });

byId("mkRetire").addEventListener("submit", async ev => {
  ev.preventDefault();
  ready("");
  const n = s => byId(s).value.trim() === "" ? null : Number(byId(s).value.trim().replace(/,/g, ""));
  try {
    await api(`/api/v1/markets/accounts/${code}/retire`, { method: "POST", body: {
      instrument: "gec", vintage: n("mkRetireVintage"), quantity: n("mkRetireMwh"), serialFrom: n("mkRetireFrom"), serialTo: n("mkRetireTo"),
      forYear: n("mkScope2Year") } });
    say("ok", t("mk_retired").replace("{q}", fmt(n("mkRetireMwh"), 0)).replace("{y}", byId("mkScope2Year").value), "mkRetired");
    await account();
    await scope2();
  } catch (e) { say("error", describe(e), "mkError"); }
  ready("true");
});

byId("mkSurrender").addEventListener("submit", async ev => {
  ev.preventDefault();
  ready("");
  const n = s => byId(s).value.trim() === "" ? null : Number(byId(s).value.trim().replace(/,/g, ""));
  try {
    await api(`/api/v1/markets/accounts/${code}/surrender`, { method: "POST", body: {
      instrument: byId("mkInstrument").value, vintage: n("mkVintage"), quantity: n("mkQuantity"), serialFrom: n("mkSerialFrom"), serialTo: n("mkSerialTo") } });
    say("ok", t("mk_surrendered_done").replace("{q}", tonnes(n("mkQuantity"))), "mkSurrendered");
    byId("mkQuantity").value = "";
    await account();
  } catch (e) { say("error", describe(e), "mkError"); }
  ready("true");
});

async function energy(preview) {
  ready("");
  const pct = v => v.endsWith("%") ? Number(v.slice(0, -1)) / 100 : Number(v);
  const body = { year: Number(byId("mkEnergyYear").value), rule: byId("mkEnergyRule").value,
    baseYears: byId("mkEnergyBase").value.split(/[,，\s]+/).filter(x => x).map(Number),
    declineRate: pct(byId("mkEnergyDecline").value.trim()), priceYuan: Number(byId("mkEnergyPrice").value || 0), preview };
  try {
    const v = await api(`/api/v1/markets/${region}/energy-rights`, { method: "POST", body });
    dataTable(byId("mkEnergyQuotas"), [
      { key: "name", label: "enterprise", render: q => el("span", {}, q.name, el("br"), el("small", {}, q.enterprise)) },
      { key: "quotaTce", label: "mk_quotaTce", num: true, render: q => tonnes(q.quotaTce) },
      { key: "paidYuan", label: "mk_paidYuan", num: true, render: q => fmt(q.paidYuan, 0) },
      { key: "how", label: "mk_how" },
    ], v.quotas, { id: "mkEnergyTable" });
    const total = v.quotas.reduce((a, q) => a + q.quotaTce, 0);
    say("ok", t(preview ? "mk_energyPreviewed" : "mk_energyBooked").replace("{n}", v.quotas.length).replace("{t}", tonnes(total)), preview ? "mkEnergyPreviewed" : "mkEnergyBooked");
    if (!preview) await overview();
  } catch (e) { say("error", describe(e), "mkError"); }
  ready("true");
}
byId("mkEnergyPreview").addEventListener("click", () => energy(true));
byId("mkEnergyBook").addEventListener("click", () => energy(false));
byId("mkEnergyDue").addEventListener("click", async () => {
  ready("");
  try {
    const v = await api(`/api/v1/markets/${region}/energy-rights/${byId("mkEnergyYear").value}/obligations`, { method: "POST", body: { deadline: byId("mkDeadline").value } });
    say("ok", t("mk_energyDueDone").replace("{n}", v.obligations.length).replace("{p}", v.pending.length), "mkEnergyDueDone");
    await overview();
  } catch (e) { say("error", describe(e), "mkError"); }
  ready("true");
});

byId("mkOperator").hidden = !government;
byId("mkEnergy").hidden = !government;
// the true-up's deadline starts 90 days from the server's today, for the authority to set as its notice says
{
  const d = new Date(`${await serverDate()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 90);
  byId("mkDeadline").value = d.toISOString().slice(0, 10);
}
if (government) await overview();
if (code) {
  await account();
  byId("mkScope2Year").value = param("year") || String(Number((await serverDate()).slice(0, 4)) - 1);
  await scope2();
}
ready("true");
