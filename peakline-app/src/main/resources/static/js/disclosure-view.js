import { t, el, put, fmt, dataTable, lang, paren } from "/js/common.js";

// A group's annual carbon report as read on the enterprise page and on the public page: totals, base year, boundary
// and the index of which disclosure each figure answers.
export function renderReport(box, v, idPrefix = "ds") {
  const tot = v.total;
  const rows = [
    ["ds_scope1", fmt(tot.scope1, 1)], ["ds_scope2Location", fmt(tot.scope2Location, 1)], ["ds_scope2Market", fmt(tot.scope2Market, 1)],
    ["ds_scope12", fmt(tot.scope12, 1)], ["ds_energy", fmt(tot.energy, 1)], ["ds_intensity", tot.intensity == null ? "—" : fmt(tot.intensity, 4)],
    ["ds_base", `${v.base.year}：${fmt(v.base.scope12, 1)}`], ["ds_change", v.change == null ? "—" : `${fmt(100 * v.change, 2)}%`],
  ];
  const totals = el("table", { id: idPrefix + "Totals" }, el("tbody", {}, rows.map(([k, val]) => el("tr", {}, el("th", {}, t(k)), el("td", { class: "num" }, val)))));
  const boundary = el("div");
  dataTable(boundary, [
    { key: "entity", label: "ds_entity", render: l => el("span", {}, l.name || t("ds_offPlatform"), el("br"), el("small", {}, l.entity)), value: l => `${l.name || ""} ${l.entity}` },
    { key: "share", label: "ds_share", num: true, render: l => fmt(100 * l.share, 1) + "%" },
    { key: "control", label: "ds_control", value: l => t("ds_c_" + l.control) },
    { key: "fraction", label: "ds_fraction", num: true, render: l => fmt(100 * l.fraction, 1) + "%" },
    { key: "months", label: "ds_months", num: true },
    { key: "includedScope1", label: "ds_inScope1", num: true, render: l => fmt(l.includedScope1, 1) },
    { key: "includedScope2", label: "ds_inScope2", num: true, render: l => fmt(l.includedScope2, 1) },
  ], v.boundary, { id: idPrefix + "Boundary" });
  const goals = el("div");
  dataTable(goals, [
    { key: "indicator", label: "ds_indicator", value: g => t("ind_" + g.indicator) },
    { key: "years", label: "ds_years", value: g => `${g.baseYear}–${g.targetYear}` },
    { key: "value", label: "ds_goal", num: true, render: g => fmt(g.value, 3) },
    { key: "actual", label: "ds_actual", num: true, render: g => g.actual == null ? "—" : fmt(g.actual, 3) },
    { key: "required", label: "ds_required", num: true, render: g => g.required == null ? "—" : fmt(g.required, 3) },
    { key: "warning", label: "ds_warning", value: g => t("w_" + g.warning) },
  ], v.targets || [], { id: idPrefix + "Targets", empty: "ds_noTargets" });
  const index = el("div");
  dataTable(index, [
    { key: "figure", label: "ds_figure", value: f => t("ds_f_" + f.figure) },
    { key: "framework", label: "ds_framework", value: f => lang() === "zh" ? f.framework : f.frameworkEn },
    { key: "item", label: "ds_item", value: f => lang() === "zh" ? f.item : f.itemEn },
    { key: "confidence", label: "ds_confidence", value: f => t("ds_k_" + f.confidence) },
  ], v.frameworks, { id: idPrefix + "Index", pageSize: 50 });
  put(box,
    el("h3", {}, el("span", { class: "data" }, v.name), ` ${v.year} ${t("ds_reportOf")}${paren(t("ds_" + v.approach))}`),
    totals,
    el("ul", { class: "muted" }, ["ds_n1", "ds_n2", "ds_n3", "ds_n4", "ds_n5"].map(k => el("li", {}, t(k).replace("{a}", t("ds_" + v.approach))))),
    el("h3", {}, t("ds_boundary")), boundary,
    el("h3", {}, t("ds_targets")), goals,
    el("h3", {}, t("ds_index")), index,
    el("p", { class: "muted" }, t("ds_factorSets") + (v.factorSets.length ? v.factorSets.join("；") : "—")));
}
