import { api, header, t, el, param, describe, put, fmt, when, lang, labelled } from "/js/common.js";
import { filingForm } from "/js/filingform.js";

const me = await header();
const id = param("id");
const files = me.role === "ENTERPRISE" || me.role === "ADMIN";
const verifies = me.role === "VERIFIER" || me.role === "ADMIN";
let form = null;

function message(kind, text) { const m = document.getElementById("message"); m.className = kind; m.textContent = text; }

/** The stored content as the form's lines. */
const asLines = c => c.activity.map(a => ({ carrier: a.carrier, use: a.use, amount: a.amount, unit: a.unit, quality: a.quality, uncertainty: a.uncertainty }));
const valueAdded = c => c.output.length ? String(c.output.reduce((s, o) => s + Number(o.valueAdded), 0)) : "";
/** A filing body for the API: the given activity and output, the stored process and production lines as they are. */
const filingBody = (period, c, activity, output) => ({ period, activity, output,
  process: c.process.map(p => ({ process: p.process, amount: String(p.amount), unit: p.unit, parameters: p.parameters })),
  production: c.production.map(p => ({ product: p.product, amount: String(p.amount), unit: p.unit })) });
/** The form as it stands: its lines and the value added typed. */
const body = (period, c) => {
  const va = document.getElementById("valueAdded").value.trim();
  return filingBody(period, c, form.read(), va ? [{ valueAdded: va, unit: "万元" }] : []);
};

async function load() {
  const res = await fetch(`/api/v1/filings/${id}`, { headers: { Accept: "application/json" } });
  const etag = res.headers.get("ETag");
  const d = await res.json();
  const f = d.filing, c = d.content;
  // the enterprise's name is data (class "data"), the rest is the page's words
  put(document.getElementById("title"), el("span", { class: "data" }, d.enterpriseName), ` · ${f.period} · ${t("version")} ${f.version}`);
  const st = document.getElementById("status");
  st.textContent = t("s" + f.status); st.className = "status " + f.status;
  document.getElementById("comment").textContent = f.comment ? `${t(f.status === "RETURNED" ? "verifierComment" : "comment")}：${f.comment}` : "";
  const editable = files && (f.status === "DRAFT" || f.status === "RETURNED");
  document.getElementById("editPanel").hidden = !editable;
  document.getElementById("linesPanel").hidden = editable;
  if (editable) {
    form = await filingForm(document.getElementById("form"), asLines(c));
    document.getElementById("addLine").onclick = () => form.add();
    document.getElementById("valueAdded").value = valueAdded(c);
  }
  // the verifier writes a finding beside any line; they go into the decision's comment with the line they concern
  const reviewing = verifies && f.status === "SUBMITTED";
  put(document.getElementById("lines"),
    el("tr", {}, ["carrier", "use", "amount", "unit", "quality", "uncertainty", ...(reviewing ? ["finding"] : [])].map(k => el("th", {}, t(k)))),
    c.activity.map((a, i) => el("tr", {}, el("td", {}, a.carrier), el("td", {}, t("u" + a.use)), el("td", { class: "num" }, a.amount), el("td", {}, a.unit),
      el("td", {}, t("q" + (a.quality || "NONE"))),
      el("td", {}, a.uncertainty == null ? t("qNONE") : `±${a.uncertainty} %` + (a.factorUncertainty == null ? "" : `（${t("factorShort")} ±${a.factorUncertainty} %）`)),
      reviewing ? el("td", {}, el("input", { class: "finding", size: 24, "data-line": `${t("lineN").replace("{n}", i + 1)}（${a.carrier} ${t("u" + a.use)} ${a.amount} ${a.unit}）` })) : [])),
    c.process.map(p => el("tr", {}, el("td", {}, p.process), el("td", {}, p.parameters), el("td", { class: "num" }, p.amount), el("td", {}, p.unit))),
    c.production.map(p => el("tr", {}, el("td", {}, t("product") + ": " + p.product), el("td", {}, ""), el("td", { class: "num" }, p.amount), el("td", {}, p.unit))),
    c.output.map(o => el("tr", {}, el("td", {}, t("output")), el("td", {}, ""), el("td", { class: "num" }, o.valueAdded), el("td", {}, o.unit))));
  await attachments(editable);
  await review();
  const rec = d.reconciliation || [];
  document.getElementById("reconciliationPanel").hidden = rec.length === 0;
  put(document.getElementById("reconciliation"),
    el("tr", {}, ["carrier", "unit", "metered", "filed", "deviation"].map(k => el("th", {}, t(k)))),
    rec.map(r => el("tr", { class: r.flagged ? "flagged" : "" }, el("td", {}, r.carrier), el("td", {}, r.unit),
      el("td", { class: "num" }, Number.isFinite(r.metered) ? r.metered.toFixed(3) : "—"),
      el("td", { class: "num" }, r.filed == null ? "—" : r.filed.toFixed(3)),
      el("td", { class: "num" }, r.deviation == null ? "—" : (r.deviation * 100).toFixed(1) + "%" + (r.flagged ? " ⚠" : "")))));
  put(document.getElementById("audit"),
    el("tr", {}, ["time", "who", "what", "detail"].map(k => el("th", {}, t(k)))),
    d.history.map(h => el("tr", {}, el("td", {}, when(h.at)), el("td", {}, h.actor), el("td", {}, t("a_" + h.action.replace(".", "_"))), el("td", {}, auditDetail(h)))));
  actions(f, c, etag);
}

/** What an audit entry changed, in words: the status from → to, the comment, the lines' summary. */
function auditDetail(h) {
  const parse = s => { try { return s ? JSON.parse(s) : null; } catch { return null; } };
  const b = parse(h.before), a = parse(h.after);
  const parts = [];
  if (b && a && b.status && a.status && b.status !== a.status) parts.push(`${t("s" + b.status)} → ${t("s" + a.status)}`);
  else if (!b && a && a.status) parts.push(t("s" + a.status));
  if (a && a.comment && (!b || a.comment !== b.comment)) parts.push(`${t("comment")}：${a.comment}`);
  if (a && a.attachment) parts.push(`${t("attachments")}：${a.attachment}`);
  if (!a && b && b.attachment) parts.push(`${t("attachments")}：${b.attachment}`);
  if (a && Array.isArray(a.activity)) {
    const line = x => `${x.carrier} ${t("u" + x.use)} ${x.amount} ${x.unit}`;
    parts.push(`${t("lines")}：${b && Array.isArray(b.activity) ? b.activity.map(line).join("、") + " → " : ""}${a.activity.map(line).join("、")}`);
  }
  return parts.join("；");
}

/** Supporting documents: listed for everyone who reads the version, added and removed while it can be changed. */
async function attachments(editable) {
  const list = await api(`/api/v1/filings/${id}/attachments`);
  const kb = n => `${fmt(n / 1024, 1)} KB`;
  put(document.getElementById("attachments"),
    el("tr", {}, ["fileName", "size", "who", "time", ""].map(k => el("th", {}, k ? t(k) : ""))),
    list.length ? list.map(a => el("tr", {},
      el("td", {}, el("a", { href: `/api/v1/filings/${id}/attachments/${a.id}`, download: a.name }, a.name)),
      el("td", { class: "num" }, kb(a.size)), el("td", {}, a.uploadedBy), el("td", {}, when(a.uploadedAt)),
      el("td", {}, editable ? el("button", { type: "button", class: "secondary", onclick: async () => {
        await api(`/api/v1/filings/${id}/attachments/${a.id}`, { method: "DELETE" }); await attachments(editable); } }, t("remove")) : "")))
      : el("tr", {}, el("td", { colspan: 5, class: "empty" }, t("noAttachments"))));
  document.getElementById("attachTools").hidden = !editable;
  document.getElementById("attachBtn").onclick = async () => {
    const file = document.getElementById("attachFile").files[0];
    const msg = document.getElementById("attachMessage");
    if (!file) return;
    const fd = new FormData(); fd.append("file", file);
    try { await api(`/api/v1/filings/${id}/attachments`, { method: "POST", form: fd }); msg.className = "ok"; msg.textContent = t("attached"); await attachments(editable); }
    catch (e) { msg.className = "error"; msg.textContent = describe(e); }
  };
}

async function review() {
  const r = await api(`/api/v1/filings/${id}/review`);
  const cols = [["thisVersion", r.result], ["lastMonth", r.lastMonth], ["lastYear", r.lastYear]];
  // each figure with its unit (the energy, value-added and intensity labels carry theirs)
  const rows = [["scope1", "scope1", 2, " (tCO₂e)"], ["scope2", "scope2", 2, " (tCO₂)"], ["total", "total", 2, " (tCO₂e)"], ["energy", "energy", 2, ""],
    ["valueAdded", "valueAdded", 1, ""], ["intensity", "carbonIntensity", 4, ""]];
  put(document.getElementById("figures"),
    el("tr", {}, el("th", {}, ""), cols.map(([k]) => el("th", { class: "num" }, t(k)))),
    rows.map(([label, key, digits, unit]) => el("tr", { "data-key": key }, el("td", {}, t(label) + unit),
      cols.map(([, v]) => el("td", { class: "num" }, v && v[key] != null ? fmt(v[key], digits) : "—")))));
  put(document.getElementById("checks"), (r.problems || []).map(p => el("div", { class: "error" }, lang() === "zh" ? labelled(p) : p.message)),
    r.checks.map(ch => el("div", { class: ch.flagged ? "error check" : "ok check" }, (ch.flagged ? "⚠ " : "✓ ") + ch.message)));
  document.getElementById("changesHeading").textContent = t(r.sinceReturn ? "changesSinceReturn" : "changes");
  put(document.getElementById("changes"),
    r.previousVersion == null && !r.sinceReturn ? el("tr", {}, el("td", {}, t("firstVersion")))
      : r.changes.length === 0 ? el("tr", {}, el("td", {}, t("noChanges")))
      : [el("tr", {}, ["change", "carrier", "use", "unit", "before", "after"].map(k => el("th", {}, t(k)))),
         r.changes.map(x => el("tr", { class: "change " + x.kind }, el("td", {}, t("c_" + x.kind)), el("td", {}, x.carrier), el("td", {}, x.use ? t("u" + x.use) : ""),
           el("td", {}, x.unit), el("td", { class: "num" }, x.before ?? "—"), el("td", { class: "num" }, x.after ?? "—")))]);
  document.getElementById("calculation").textContent = (r.calculation || []).join("\n");
}

function actions(f, c, etag) {
  const box = document.getElementById("actions");
  put(box);
  const button = (key, run, cls = "primary") => box.append(el("button", { class: cls, id: key, type: "button", onclick: async () => {
    try { await run(); } catch (e) { showProblems(e); }
  } }, t(key)));
  const save = async () => {
    const saved = await api(`/api/v1/filings/${id}`, { method: "PUT", body: body(f.period, c), headers: { "If-Match": etag } });
    return saved;
  };
  if (files && (f.status === "DRAFT" || f.status === "RETURNED")) {
    button("saveChanges", async () => { await save(); message("ok", t("saved")); await load(); });
    button("submit", async () => { await save(); await api(`/api/v1/filings/${id}/submit`, { method: "POST" }); message("ok", t("sSUBMITTED")); await load(); });
    button("discard", async () => {
      if (!confirm(t("discardConfirm"))) return;
      await api(`/api/v1/filings/${id}`, { method: "DELETE" }); message("ok", t("sDISCARDED")); await load();
    }, "secondary danger");
  }
  if (files && f.status === "SUBMITTED") button("withdraw", async () => { await api(`/api/v1/filings/${id}/withdraw`, { method: "POST" }); await load(); }, "secondary");
  if (files && f.status === "APPROVED") button("correct", async () => {
    // a correction is a new version that starts from the approved lines
    const nf = await api(`/api/v1/enterprises/${f.enterprise}/filings`, { method: "POST", body: filingBody(f.period, c,
      asLines(c).map(l => ({ ...l, amount: String(l.amount), uncertainty: l.uncertainty == null ? "" : String(l.uncertainty) })),
      c.output.map(o => ({ valueAdded: String(o.valueAdded), unit: o.unit }))) });
    location.href = `/filing.html?id=${nf.id}`;
  }, "secondary");
  if (verifies && f.status === "SUBMITTED") {
    box.append(el("input", { id: "decision", placeholder: t("findingPlaceholder"), size: 50 }));
    const decide = path => async () => {
      const findings = [...document.querySelectorAll("input.finding")].filter(x => x.value.trim())
        .map(x => `${x.dataset.line}：${x.value.trim()}`);
      const comment = [document.getElementById("decision").value.trim(), ...findings].filter(x => x).join("；");
      await api(`/api/v1/filings/${id}/${path}`, { method: "POST", body: { comment } });
      await load();
    };
    button("approve", decide("approve"));
    button("giveBack", decide("return"), "secondary");
  }
  box.append(el("a", { href: `/enterprise.html?code=${f.enterprise}&year=${f.period.slice(0, 4)}` }, t("account")));
}

function showProblems(e) {
  const rest = form && e.problem ? form.show(e.problem.problems) : (e.problem && e.problem.problems) || [];
  const m = document.getElementById("message");
  m.className = "error";
  m.textContent = describe({ ...e, problem: e.problem ? { ...e.problem, problems: rest } : null });
}

await load();
