import { serverToday, api, t, el, put, param, describe } from "/js/common.js";
import { renderReport } from "/js/disclosure-view.js";

// 碳信息披露 on the enterprise page: the group's report of a year by an approach against a base year, its exports, the
// ownership import (government, admin) and publication (the enterprise itself, admin) to the public page.
const me = await api("/api/v1/me");
const code = param("code") || me.enterprise;
const byId = id => document.getElementById(id);
const thisYear = (await serverToday()).getFullYear();
for (let y = thisYear; y >= 2018; y--) byId("dsYear").append(el("option", { value: y }, y));
byId("dsYear").value = param("year") || String(thisYear - 1);
byId("dsPublish").hidden = !(me.role === "ENTERPRISE" || me.role === "ADMIN");
byId("dsOwnership").hidden = !(me.role === "GOVERNMENT" || me.role === "ADMIN");
byId("dsPublic").href = `/disclosure.html?code=${code}`;
const say = (cls, text, id) => put(byId("dsMessage"), el("div", { class: cls, id }, text));
const query = () => {
  const p = new URLSearchParams({ year: byId("dsYear").value, approach: byId("dsApproach").value });
  if (byId("dsBase").value.trim()) p.set("baseYear", byId("dsBase").value.trim());
  return p;
};

async function show() {
  document.body.dataset.disclosure = "";
  const q = query();
  byId("dsXlsx").href = `/api/v1/enterprises/${code}/disclosure/export?${q}&format=xlsx`;
  byId("dsPdf").href = `/api/v1/enterprises/${code}/disclosure/export?${q}&format=pdf`;
  try {
    const v = await api(`/api/v1/enterprises/${code}/disclosure?${q}`);
    if (!byId("dsBase").value.trim()) byId("dsBase").value = v.baseYear;
    renderReport(byId("dsReport"), v);
  } catch (e) { say("error", describe(e), "dsError"); }
  document.body.dataset.disclosure = "ready";
}

byId("dsShow").addEventListener("click", () => { put(byId("dsMessage")); show(); });
byId("dsPublish").addEventListener("click", async () => {
  const q = query();
  try {
    await api(`/api/v1/enterprises/${code}/disclosure/publish`, { method: "POST",
      body: { year: Number(q.get("year")), approach: q.get("approach"), baseYear: q.get("baseYear") ? Number(q.get("baseYear")) : null } });
    say("ok", t("ds_published").replace("{y}", q.get("year")), "dsDone");
  } catch (e) { say("error", describe(e), "dsError"); }
});
byId("dsImport").addEventListener("click", async () => {
  const f = byId("dsFile").files[0];
  if (!f) { say("error", t("sx_chooseFile")); return; }
  const fd = new FormData(); fd.append("file", f);
  try {
    const r = await api(`/api/v1/enterprises/${code}/ownership`, { method: "POST", form: fd });
    await show();
    say("ok", t("ds_imported").replace("{n}", r.entities), "dsDone");
  } catch (e) { say("error", describe(e), "dsError"); }
});
show();
