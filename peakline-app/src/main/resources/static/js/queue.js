import { api, header, t, el, dataTable, when, describe } from "/js/common.js";

await header();
const box = document.getElementById("queue");
try {
  const q = await api("/api/v1/filings/queue");
  // oldest first, as they came; every column sorts and the box searches names, codes, regions and industries
  dataTable(box, [
    { key: "enterpriseName", label: "enterprise", render: f => el("span", {}, f.enterpriseName, el("br"), el("small", {}, f.enterprise)), value: f => `${f.enterpriseName} ${f.enterprise}` },
    { key: "regionName", label: "region" },
    { key: "industryName", label: "industry", value: f => `${f.industry} ${f.industryName}` },
    { key: "period", label: "period" },
    { key: "version", label: "version", num: true },
    { key: "source", label: "source", render: f => t("src" + f.source), value: f => t("src" + f.source) },
    { key: "submittedAt", label: "submittedAt", render: f => when(f.submittedAt), value: f => f.submittedAt || "" },
    { key: "daysWaiting", label: "daysWaiting", num: true },
  ], q, { id: "queueTable", onRow: f => { location.href = `/filing.html?id=${f.id}`; }, empty: "queueEmpty" });
} catch (e) { box.className = "error"; box.textContent = describe(e); }

// pollutant months submitted to this verifier: each opens the enterprise's pollutant panel on its year
const poBox = document.getElementById("poQueue");
try {
  const q = await api("/api/v1/pollutants/queue");
  dataTable(poBox, [
    { key: "enterpriseName", label: "enterprise", render: m => el("span", {}, m.enterpriseName, el("br"), el("small", {}, m.enterprise)), value: m => `${m.enterpriseName} ${m.enterprise}` },
    { key: "regionName", label: "region" },
    { key: "period", label: "period" },
    { key: "submittedAt", label: "submittedAt", render: m => when(m.submittedAt), value: m => m.submittedAt || "" },
  ], q, { id: "poQueueTable", onRow: m => { location.href = `/enterprise.html?code=${m.enterprise}&year=${m.period.slice(0, 4)}#pollutantPanel`; }, empty: "queueEmpty" });
} catch (e) { poBox.className = "error"; poBox.textContent = describe(e); }
