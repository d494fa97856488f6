import { api, header, t, el, put } from "/js/common.js";

await header();
const q = await api("/api/v1/filings/queue");
put(document.getElementById("queue"), 
  el("tr", {}, ["enterprise", "period", "version", "status"].map(k => el("th", {}, t(k)))),
  q.length ? q.map(f => el("tr", { class: "click", onclick: () => { location.href = `/filing.html?id=${f.id}`; } },
    el("td", {}, f.enterprise), el("td", {}, f.period), el("td", {}, f.version), el("td", {}, el("span", { class: "status " + f.status }, t("s" + f.status)))))
    : el("tr", {}, el("td", { colspan: 4 }, t("noData"))));
