import { serverToday, api, t, el, put, fmt, param, describe, dataTable, when } from "/js/common.js";

// 产品碳足迹 on the enterprise page: a product of the year's filings, its footprint from the approved accounts by the
// chosen allocation and the purchased inputs entered with their sources; contributions, data quality, certificates.
const me = await api("/api/v1/me");
const code = param("code") || me.enterprise;
const byId = id => document.getElementById(id);
const thisYear = (await serverToday()).getFullYear();
for (let y = thisYear; y >= 2018; y--) byId("fpYear").append(el("option", { value: y }, y));
byId("fpYear").value = param("year") || String(thisYear - 1);
byId("fpEdit").hidden = me.role === "VERIFIER";
const say = (cls, text, id) => put(byId("fpMessage"), el("div", { class: cls, id }, text));
const ALLOC = { mass: "fp_mass", economic: "fp_economic", physical: "fp_physical" };
const processName = k => k === "本企业生产过程" ? t("fp_own") : k.startsWith("外购：") ? t("fp_bought") + k.slice(3) : k;

async function products() {
  const v = await api(`/api/v1/enterprises/${code}/footprints/products?year=${byId("fpYear").value}`);
  put(byId("fpProduct"), v.products.map(p => el("option", { value: p.product }, `${p.product}（${fmt(p.output, 1)} ${p.unit}）`)));
}

function result(f) {
  const rows = Object.entries(f.contributions).map(([k, x]) => ({ process: processName(k), kg: x, share: f.kgPerUnit ? x / f.kgPerUnit : 0 }));
  const table = el("div");
  dataTable(table, [
    { key: "process", label: "fp_process" },
    { key: "kg", label: "fp_kg", num: true, render: r => fmt(r.kg, 3) },
    { key: "share", label: "fp_shareOf", num: true, render: r => fmt(100 * r.share, 1) + "%" },
  ], rows, { id: "fpContribTable" });
  put(byId("fpResult"),
    el("p", { id: "fpTotal" }, t("fp_total").replace("{p}", f.product).replace("{kg}", fmt(f.kgPerUnit, 3)).replace("{u}", f.unit)
      .replace("{a}", t(ALLOC[f.allocation])).replace("{s}", fmt(f.share, 4)).replace("{q}", fmt(100 * f.primaryShare, 1))),
    table,
    el("a", { href: `/api/v1/footprints/${f.id}/certificate.pdf`, id: "fpCertificate" }, t("fp_certificate")));
}

async function list() {
  const all = await api(`/api/v1/enterprises/${code}/footprints`);
  dataTable(byId("fpList"), [
    { key: "year", label: "year", num: true },
    { key: "product", label: "product" },
    { key: "kgPerUnit", label: "fp_kgPerUnit", num: true, render: f => `${fmt(f.kgPerUnit, 3)} / ${f.unit}` },
    { key: "allocation", label: "fp_allocation", value: f => t(ALLOC[f.allocation]) },
    { key: "createdAt", label: "fp_createdAt", render: f => when(f.createdAt), value: f => f.createdAt },
    { key: "cert", label: "fp_certificate", value: () => "", render: f => el("span", {}, el("a", { href: `/api/v1/footprints/${f.id}/certificate.pdf` }, "PDF"), " ",
      el("a", { href: `/api/v1/footprints/${f.id}/pact`, download: `pact-${f.id}.json` }, "PACT")) },
  ], all, { id: "fpListTable", onRow: f => result(f), empty: "fp_none" });
}

function inputs() {
  return byId("fpInputs").value.split("\n").map(l => l.trim()).filter(Boolean).map(l => {
    const c = l.split(/[,，]/).map(x => x.trim());
    const n = x => (x === undefined || x === "" ? null : Number(x));
    return { flow: c[0], amountPerUnit: n(c[1]), unit: c[2] || "", kgPerUnit: n(c[3]), source: c[4] || "", supplier: c[5] === "是" || c[5] === "yes" };
  });
}

byId("fpYear").addEventListener("change", async () => { document.body.dataset.footprint = ""; await products(); document.body.dataset.footprint = "ready"; });
byId("fpSave").addEventListener("click", async () => {
  document.body.dataset.footprint = "";
  const prices = {};
  byId("fpPrices").value.split(/[;；]/).map(x => x.trim()).filter(Boolean).forEach(x => { const [k, v] = x.split("="); prices[k.trim()] = Number(v); });
  try {
    const f = await api(`/api/v1/enterprises/${code}/footprints`, { method: "POST", body: {
      product: byId("fpProduct").value, year: Number(byId("fpYear").value), allocation: byId("fpAllocation").value, prices,
      share: byId("fpShare").value.trim() === "" ? null : Number(byId("fpShare").value), basis: byId("fpBasis").value, inputs: inputs() } });
    result(f);
    await list();
    say("ok", t("fp_done"), "fpDone");
  } catch (e) { say("error", describe(e), "fpError"); }
  document.body.dataset.footprint = "ready";
});

await products();
await list();
document.body.dataset.footprint = "ready";
