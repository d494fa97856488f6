// The filing form shared by the enterprise page (a new month) and the filing page (a draft or returned month):
// carrier, use and unit are choices in Chinese; each problem the server finds is shown beside its line and field.
import { api, t, el, put, lang, labelled } from "/js/common.js";

let carriersPromise;
/** The carriers with their names, units and uses (asked once per page). */
export function carriers() {
  carriersPromise ||= api("/api/v1/reference/carriers");
  return carriersPromise;
}

const COLUMNS = ["carrier", "use", "amount", "unit", "quality", "uncertainty", ""];
const QUALITIES = ["", "MEASURED", "CALCULATED", "ESTIMATED", "DEFAULT"];

/**
 * Builds the form in `table` with `lines` (activity lines as stored: carrier, use, amount, unit, quality, uncertainty)
 * and returns { add, read, show(problems), clear() }.
 */
export async function filingForm(table, lines = []) {
  const list = await carriers();
  const byKey = new Map();
  for (const c of list) { byKey.set(c.code, c); byKey.set(c.nameCn, c); }
  const name = c => lang() === "zh" ? c.nameCn : `${c.nameEn} (${c.nameCn})`;
  put(table, el("tr", {}, COLUMNS.map(k => el("th", {}, k ? t(k) : ""))));

  function add(line = {}) {
    const carrier = byKey.get(line.carrier) || null;
    const carrierSel = el("select", { name: "carrier" }, el("option", { value: "" }, t("choose")),
      list.map(c => el("option", { value: c.nameCn, selected: carrier && carrier.code === c.code ? "selected" : undefined }, name(c))));
    const useSel = el("select", { name: "use" });
    const unitSel = el("select", { name: "unit" });
    const fill = (keepUse, keepUnit) => {
      const c = byKey.get(carrierSel.value);
      put(useSel, (c ? c.uses : []).map(u => el("option", { value: u.code, selected: u.code === keepUse ? "selected" : undefined }, t("u" + u.code))));
      put(unitSel, (c ? c.units : []).map(u => el("option", { value: u, selected: u === keepUnit ? "selected" : undefined }, u)));
    };
    fill(line.use ? String(line.use).toLowerCase() : undefined, line.unit);
    carrierSel.addEventListener("change", () => fill());
    const quality = el("select", { name: "quality" }, QUALITIES.map(q =>
      el("option", { value: q, selected: q === (line.quality || "") ? "selected" : undefined }, t("q" + (q || "NONE")))));
    const row = el("tr", { class: "line" },
      el("td", {}, carrierSel), el("td", {}, useSel),
      el("td", {}, el("input", { name: "amount", value: line.amount ?? "", size: 10, inputmode: "decimal" })),
      el("td", {}, unitSel), el("td", {}, quality),
      el("td", {}, el("input", { name: "uncertainty", value: line.uncertainty ?? "", size: 4, placeholder: "±%" })),
      el("td", {}, el("button", { type: "button", class: "link remove", title: t("removeLine"), onclick: () => row.remove() }, "✕")));
    table.append(row, el("tr", { class: "problems" }, el("td", { colspan: COLUMNS.length })));
    return row;
  }

  for (const l of lines) add(l);
  if (!lines.length) add();

  return {
    add,
    /** The lines as the API takes them; empty lines left out. */
    read() {
      return [...table.querySelectorAll("tr.line")].map(r => {
        const v = Object.fromEntries([...r.querySelectorAll("input, select")].map(i => [i.name, i.value.trim()]));
        return v;
      }).filter(l => l.carrier || l.amount);
    },
    /** Shows each problem beside its line (activity rows) and returns those that belong to no line. */
    show(problems) {
      this.clear();
      const rows = [...table.querySelectorAll("tr.line")].filter(r => {
        const v = [...r.querySelectorAll("input, select")].map(i => i.value.trim());
        return v[0] || v[2];
      });
      const rest = [];
      for (const p of problems || []) {
        const r = p.source === "activity" && p.row > 0 ? rows[p.row - 1] : null;
        if (!r) { rest.push(p); continue; }
        r.classList.add("flagged");
        const field = r.querySelector(`[name="${p.column === "quantity" ? "amount" : p.column}"]`);
        if (field) field.classList.add("invalid");
        r.nextElementSibling.firstChild.append(el("div", { class: "error" },
          `${p.column ? t("f_" + p.column) + "：" : ""}${lang() === "zh" ? labelled(p) : p.message}`));
      }
      return rest;
    },
    clear() {
      table.querySelectorAll("tr.problems td").forEach(td => put(td));
      table.querySelectorAll(".flagged").forEach(x => x.classList.remove("flagged"));
      table.querySelectorAll(".invalid").forEach(x => x.classList.remove("invalid"));
    },
  };
}
