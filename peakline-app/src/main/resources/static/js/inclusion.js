import { api, header, t, el, put, fmt, param, describe, dataTable, when } from "/js/common.js";

// 碳普惠: the operator (the region's government) sees its programme's participants with their points, enrols more,
// imports reduction records to issue points and exports the ledger; a participant (an enterprise) reads its ledger —
// issuance, use, expiry, oldest first — and uses its points.
const me = await header();
const byId = id => document.getElementById(id);
const operator = me.role === "GOVERNMENT" || me.role === "ADMIN";
const KIND = { ISSUE: "ic_ISSUE", USE: "ic_USE", EXPIRE: "ic_EXPIRE" };
const ready = v => { document.body.dataset.ready = v; };
const say = (cls, text, id) => put(byId("icMessage"), el("div", { class: cls, id }, text));
let programmes = [];
let current = null;

async function programmesLoad(select) {
  programmes = await api("/api/v1/inclusion/programmes");
  put(byId("icProgramme"), programmes.map(p => el("option", { value: p.id }, p.name)));
  if (select) byId("icProgramme").value = String(select);
  else if (param("programme")) byId("icProgramme").value = param("programme");
}

async function show() {
  ready("");
  byId("icOperator").hidden = !operator;
  const id = byId("icProgramme").value;
  if (!id) {
    byId("icRules").textContent = t("ic_none");
    byId("icLedger").hidden = true;
    ready("true");
    return;
  }
  const v = await api(`/api/v1/inclusion/programmes/${id}`);
  current = v.programme;
  byId("icRules").textContent = t("ic_rulesShown").replace("{r}", v.programme.rules).replace("{rate}", fmt(v.programme.pointsPerKg, 3))
    .replace("{m}", v.programme.validMonths);
  byId("icMethod").textContent = t("ic_methodShown").replace("{n}", t("ic_m_" + v.methodology.code)).replace("{f}", fmt(v.methodology.baselineFactor, 4))
    .replace("{s}", v.methodology.factorSource).replace("{e}", t("ic_e_" + v.methodology.code));
  byId("icExport").href = `/api/v1/inclusion/programmes/${id}/ledger.csv`;
  if (operator) {
    dataTable(byId("icParticipants"), [
      { key: "name", label: "enterprise", render: p => el("span", {}, p.name, el("br"), el("small", {}, p.enterprise)), value: p => `${p.name} ${p.enterprise}` },
      { key: "issued", label: "ic_issued", num: true },
      { key: "used", label: "ic_used", num: true },
      { key: "expired", label: "ic_expired", num: true },
      { key: "balance", label: "ic_balanceCol", num: true },
    ], v.participants, { id: "icParticipantTable", onRow: p => participant(p.enterprise), empty: "ic_noParticipants" });
  }
  const mine = me.role === "ENTERPRISE" ? me.enterprise : param("enterprise");
  if (mine && v.participants.some(p => p.enterprise === mine)) await participant(mine);
  else byId("icLedger").hidden = true;
  ready("true");
}

async function participant(code) {
  const v = await api(`/api/v1/inclusion/programmes/${current.id}/participants/${code}`);
  byId("icLedger").hidden = false;
  byId("icLedger").dataset.enterprise = code;
  byId("icWho").textContent = v.name;
  byId("icBalance").textContent = t("ic_balance").replace("{b}", v.balance);
  let running = 0;
  const rows = v.entries.map(e => ({ ...e, after: (running += e.points) }));
  dataTable(byId("icEntries"), [
    { key: "date", label: "ic_date" },
    { key: "kind", label: "ic_kind", value: e => t(KIND[e.kind]) },
    { key: "points", label: "ic_pointsCol", num: true },
    { key: "after", label: "ic_after", num: true },
  ], rows, { id: "icEntryTable", empty: "ic_noEntries" });
  dataTable(byId("icClaims"), [
    { key: "sourceRecord", label: "ic_record" },
    { key: "date", label: "ic_date" },
    { key: "activity", label: "ic_mwh", num: true, render: c => fmt(c.activity, 3) },
    { key: "factor", label: "ic_factor", num: true, render: c => fmt(c.factor, 4) },
    { key: "reductionKg", label: "ic_kg", num: true, value: c => Number(c.reductionKg), render: c => fmt(Number(c.reductionKg), 3) },
    { key: "points", label: "ic_pointsCol", num: true },
    { key: "evidence", label: "ic_evidence" },
    { key: "issuedAt", label: "ic_issuedAt", render: c => when(c.issuedAt), value: c => c.issuedAt },
  ], v.claims, { id: "icClaimTable", empty: "ic_noEntries" });
  byId("icUse").hidden = !(me.role === "ENTERPRISE" || me.role === "ADMIN");
}

byId("icProgramme").addEventListener("change", () => show());
byId("icJoin").addEventListener("submit", async ev => {
  ev.preventDefault();
  try {
    const r = await api(`/api/v1/inclusion/programmes/${current.id}/participants`, { method: "POST", body: { enterprise: byId("icCode").value.trim() } });
    await show();
    say("ok", t(r.joined ? "ic_joined" : "ic_already").replace("{c}", r.enterprise), "icDone");
  } catch (e) { say("error", describe(e), "icError"); ready("true"); }
});
byId("icIssue").addEventListener("click", async () => {
  const f = byId("icFile").files[0];
  if (!f) { say("error", t("sx_chooseFile")); return; }
  const fd = new FormData(); fd.append("file", f);
  try {
    const r = await api(`/api/v1/inclusion/programmes/${current.id}/claims`, { method: "POST", form: fd });
    await show();
    say("ok", t("ic_issuedDone").replace("{n}", r.claims).replace("{p}", r.points).replace("{kg}", fmt(Number(r.reductionKg), 3)), "icDone");
  } catch (e) { say("error", describe(e), "icError"); ready("true"); }
});
byId("icNew").addEventListener("submit", async ev => {
  ev.preventDefault();
  const num = v => (v.trim() === "" ? null : Number(v));
  try {
    const r = await api("/api/v1/inclusion/programmes", { method: "POST", body: { name: byId("icName").value, region: byId("icRegion").value.trim(),
      pointsPerKg: num(byId("icRate").value), validMonths: num(byId("icValid").value), rules: byId("icRulesIn").value } });
    await programmesLoad(r.id);
    await show();
    say("ok", t("ic_created"), "icDone");
  } catch (e) { say("error", describe(e), "icError"); }
});
byId("icUse").addEventListener("submit", async ev => {
  ev.preventDefault();
  const code = byId("icLedger").dataset.enterprise;
  try {
    const r = await api(`/api/v1/inclusion/programmes/${current.id}/participants/${code}/uses`, { method: "POST",
      body: { points: Number(byId("icUsePoints").value), purpose: byId("icPurpose").value } });
    await show();
    say("ok", t("ic_usedDone").replace("{b}", r.balance), "icDone");
  } catch (e) { say("error", describe(e), "icError"); }
});

byId("icRegion").value = me.homeRegion || "";
await programmesLoad();
await show();
