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
