import { api, t, el, put, fmt, param, describe, dataTable } from "/js/common.js";

// The enterprise's air and water pollutants beside its CO2: filed per month and outlet from a CSV (the same checks as
// ./peakline pollutants), shown with their pollution equivalents and the environmental protection tax at the rates
// the user states (the province's; the law's minimum by default).
const me = await api("/api/v1/me");
const code = param("code") || me.enterprise;
const byId = id => document.getElementById(id);
const thisYear = new Date().getFullYear();
for (let y = thisYear; y >= 2018; y--) byId("poYear").append(el("option", { value: y }, y));
byId("poYear").value = param("year") || String(thisYear - 1);
byId("poUpload").hidden = !(me.role === "ENTERPRISE" || me.role === "ADMIN");
const METHOD = { MEASURED: "po_MEASURED", COEFFICIENT: "po_COEFFICIENT", MASS_BALANCE: "po_MASS_BALANCE" };

async function show() {
  const box = byId("poMessage");
  try {
    const v = await api(`/api/v1/enterprises/${code}/pollutants?year=${byId("poYear").value}&airRate=${encodeURIComponent(byId("poAirRate").value)}&waterRate=${encodeURIComponent(byId("poWaterRate").value)}`);
    byId("poTotals").textContent = t("po_totals").replace("{air}", fmt(v.airEquivalents, 2)).replace("{water}", fmt(v.waterEquivalents, 2)).replace("{tax}", fmt(v.taxYuan, 2));
    dataTable(byId("poList"), [
      { key: "period", label: "period" },
      { key: "outlet", label: "po_outlet", value: r => t("po_" + r.outlet) },
      { key: "name", label: "po_pollutant" },
      { key: "kg", label: "po_kg", value: r => r.kg, num: true, render: r => fmt(r.kg, 3) },
      { key: "method", label: "po_method", value: r => t(METHOD[r.method]) },
      { key: "equivalents", label: "po_equivalents", value: r => Number(r.equivalents), num: true, render: r => fmt(Number(r.equivalents), 2) },
      { key: "taxed", label: "po_taxed", value: r => r.taxed ? t("po_yes") : t("po_no") },
      { key: "taxYuan", label: "po_tax", value: r => Number(r.taxYuan), num: true, render: r => fmt(Number(r.taxYuan), 2) },
    ], v.lines, { id: "poTable", empty: "po_none" });
    put(box);
  } catch (e) { put(box, el("div", { class: "error" }, describe(e))); }
  document.body.dataset.pollutants = "ready";
}

byId("poShow").addEventListener("click", () => { document.body.dataset.pollutants = ""; show(); });
byId("poImport").addEventListener("click", async () => {
  const box = byId("poMessage");
  const f = byId("poFile").files[0];
  if (!f) { put(box, el("div", { class: "error" }, t("sx_chooseFile"))); return; }
  const fd = new FormData(); fd.append("file", f);
  document.body.dataset.pollutants = "";
  try {
    const r = await api(`/api/v1/enterprises/${code}/pollutants`, { method: "POST", form: fd });
    await show();
    put(box, el("div", { class: "ok", id: "poDone" }, t("po_imported").replace("{n}", r.lines).replace("{m}", r.months)));
  } catch (e) { put(box, el("div", { class: "error", id: "poError" }, describe(e))); document.body.dataset.pollutants = "ready"; }
});
show();
