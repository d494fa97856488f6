import { serverToday, api, t, el, put, fmt, param, describe, dataTable, paren, lang } from "/js/common.js";
const serverYear = (await serverToday()).getFullYear();

// 节能诊断 on the enterprise page: the library's measures for its facilities below 基准, its diagnoses and, for a
// measure carried out, the energy of the twelve months after it beside the twelve before (from its accounts)
const me = await api("/api/v1/me");
const code = param("code") || me.enterprise;
const byId = id => document.getElementById(id);
// the account's year selector may not be filled yet when this runs: the page's ?year= first
const year = () => param("year") || (byId("year") && byId("year").value) || String(serverYear - 1);
const canWrite = me.role !== "VERIFIER";
byId("diagnosisForm").hidden = !canWrite;

async function load() {
  const [recs, library, list] = await Promise.all([
    api(`/api/v1/enterprises/${code}/recommendations?year=${year()}`), api("/api/v1/measures"), api(`/api/v1/enterprises/${code}/diagnoses`)]);
  put(byId("dgRecommendations"), recs.length === 0 ? el("p", { class: "muted" }, t("dg_noLaggard"))
    : el("table", { id: "dgRecTable" }, el("tr", {}, ["st_facility", "product", "dg_value", "dg_level", "dg_measures"].map(k => el("th", {}, t(k)))),
      recs.map(r => el("tr", {}, el("td", {}, r.facility), el("td", {}, r.product), el("td", {}, `${fmt(r.value, 1)} ${r.unit}`),
        el("td", { class: r.mustRenovate ? "error" : "" }, t(r.mustRenovate ? "dg_mustRenovate" : "dg_belowBenchmark")),
        el("td", {}, r.measures.length ? r.measures.map(m => m.name + (m.energySavingPct == null ? "" : paren(`${t("ms_energy")} ${fmt(m.energySavingPct, 1)}`))).join(lang() === "zh" ? "；" : "; ") : t("dg_noMeasure"))))));
  const recommended = new Set(recs.flatMap(r => r.measures.map(m => m.id)));
  put(byId("dgMeasure"), el("option", { value: "" }, t("dg_noneChosen")),
    [...library].sort((a, b) => recommended.has(b.id) - recommended.has(a.id)).map(m => el("option", { value: m.id }, (recommended.has(m.id) ? "★ " : "") + m.name)));
  dataTable(byId("dgList"), [
    { key: "diagnosedOn", label: "dg_date" },
    { key: "findings", label: "dg_findings" },
    { key: "measure", label: "dg_measure", value: d => d.measure ? d.measure.name : "—" },
    { key: "expectedSavingTce", label: "dg_expected", num: true, value: d => d.expectedSavingTce, render: d => d.expectedSavingTce == null ? "—" : fmt(d.expectedSavingTce, 1) },
    { key: "implementedOn", label: "dg_implemented", value: d => d.implementedOn || "—" },
    { key: "realisedSavingTce", label: "dg_realised", num: true, value: d => d.realisedSavingTce,
      render: d => d.implementedOn == null ? "—" : d.realisedSavingTce == null ? t("dg_noAccounts") : fmt(d.realisedSavingTce, 1) + paren(`${fmt(d.energyBefore, 0)} → ${fmt(d.energyAfter, 0)}`) },
  ], list, { id: "dgTable", empty: "dg_none" });
  document.body.dataset.diagnosis = "ready";
}

byId("diagnosisForm").addEventListener("submit", async ev => {
  ev.preventDefault();
  const box = byId("dgMessage");
  document.body.dataset.diagnosis = "";
  try {
    await api(`/api/v1/enterprises/${code}/diagnoses`, { method: "POST", body: {
      diagnosedOn: byId("dgDate").value, findings: byId("dgFindings").value, measureId: byId("dgMeasure").value ? Number(byId("dgMeasure").value) : null,
      expectedSavingTce: byId("dgExpected").value === "" ? null : Number(byId("dgExpected").value), implementedOn: byId("dgImplemented").value || null } });
    await load();
    put(box, el("div", { class: "ok", id: "dgDone" }, t("dg_saved")));
  } catch (e) { put(box, el("div", { class: "error" }, describe(e))); document.body.dataset.diagnosis = "ready"; }
});
// once the user picks another year, that year
if (byId("year")) byId("year").addEventListener("change", () => { history.replaceState(null, "", `?code=${code}&year=${byId("year").value}`); load(); });
load();
