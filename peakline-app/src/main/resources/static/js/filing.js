import { api, header, t, el, param, describe, put } from "/js/common.js";

const me = await header();
const id = param("id");

async function load() {
  const d = await api(`/api/v1/filings/${id}`);
  const f = d.filing;
  document.getElementById("title").textContent = `${d.enterpriseName} · ${f.period} · ${t("version")} ${f.version}`;
  const st = document.getElementById("status");
  st.textContent = t("s" + f.status); st.className = "status " + f.status;
  document.getElementById("comment").textContent = f.comment ? `${t("comment")}: ${f.comment}` : "";
  const c = d.content;
  put(document.getElementById("lines"), 
    el("tr", {}, ["carrier", "use", "amount", "unit", "quality", "uncertainty"].map(k => el("th", {}, t(k)))),
    c.activity.map(a => el("tr", {}, el("td", {}, a.carrier), el("td", {}, t("u" + a.use)), el("td", { class: "num" }, a.amount), el("td", {}, a.unit),
      el("td", {}, t("q" + (a.quality || "NONE"))),
      el("td", {}, a.uncertainty == null ? t("qNONE") : `±${a.uncertainty} %` + (a.factorUncertainty == null ? "" : `（${t("factorShort")} ±${a.factorUncertainty} %）`)))),
    c.process.map(p => el("tr", {}, el("td", {}, p.process), el("td", {}, p.parameters), el("td", { class: "num" }, p.amount), el("td", {}, p.unit))),
    c.production.map(p => el("tr", {}, el("td", {}, t("product") + ": " + p.product), el("td", {}, ""), el("td", { class: "num" }, p.amount), el("td", {}, p.unit))),
    c.output.map(o => el("tr", {}, el("td", {}, t("output")), el("td", {}, ""), el("td", { class: "num" }, o.valueAdded), el("td", {}, o.unit))));
  const rec = d.reconciliation || [];
  document.getElementById("reconciliationPanel").hidden = rec.length === 0;
  put(document.getElementById("reconciliation"),
    el("tr", {}, ["carrier", "unit", "metered", "filed", "deviation"].map(k => el("th", {}, t(k)))),
    rec.map(r => el("tr", { class: r.flagged ? "flagged" : "" }, el("td", {}, r.carrier), el("td", {}, r.unit),
      el("td", { class: "num" }, Number.isFinite(r.metered) ? r.metered.toFixed(3) : "—"),
      el("td", { class: "num" }, r.filed == null ? "—" : r.filed.toFixed(3)),
      el("td", { class: "num" }, r.deviation == null ? "—" : (r.deviation * 100).toFixed(1) + "%" + (r.flagged ? " ⚠" : "")))));
  put(document.getElementById("audit"), ...d.history.map(h =>
    el("tr", {}, el("td", {}, h.at), el("td", {}, h.actor), el("td", {}, h.action), el("td", {}, h.before || ""), el("td", {}, h.after || ""))));
  const actions = document.getElementById("actions");
  put(actions);
  const act = (key, path, needComment) => actions.append(el("button", { class: "primary", id: key, onclick: async () => {
    const comment = document.getElementById("decision") ? document.getElementById("decision").value : "";
    try { await api(`/api/v1/filings/${id}/${path}`, { method: "POST", body: needComment !== undefined ? { comment } : undefined }); await load(); }
    catch (e) { const m = document.getElementById("message"); m.className = "error"; m.textContent = describe(e); }
  } }, t(key)));
  if ((me.role === "ENTERPRISE" || me.role === "ADMIN") && (f.status === "DRAFT" || f.status === "RETURNED")) act("submit", "submit");
  if ((me.role === "VERIFIER" || me.role === "ADMIN") && f.status === "SUBMITTED") {
    actions.append(el("input", { id: "decision", placeholder: t("comment"), size: 40 }));
    act("approve", "approve", true);
    act("giveBack", "return", true);
  }
  actions.append(el("a", { href: `/enterprise.html?code=${f.enterprise}&year=${f.period.slice(0, 4)}` }, t("account")));
}

await load();
