import { t, el, put, param, translate } from "/js/common.js";
import { renderReport } from "/js/disclosure-view.js";

// The public disclosure page: what the enterprise published, read-only, without signing in.
const byId = id => document.getElementById(id);
const code = param("code") || "";
translate();
const res = await fetch(`/api/v1/public/disclosures/${encodeURIComponent(code)}`, { headers: { Accept: "application/json" } });
if (!res.ok) {
  put(byId("pdReport"), el("p", { class: "empty", id: "pdNone" }, t("ds_nonePublished")));
} else {
  const v = await res.json();
  put(byId("pdYear"), v.reports.map(r => el("option", { value: r.year }, r.year)));
  const draw = () => {
    const r = v.reports.find(x => String(x.year) === byId("pdYear").value);
    renderReport(byId("pdReport"), r, "pd");
    byId("pdReport").prepend(el("p", { class: "muted", id: "pdPublishedAt" }, t("ds_publishedAt") + " " + r.publishedAt.slice(0, 10)));
  };
  byId("pdYear").addEventListener("change", draw);
  draw();
}
document.body.dataset.ready = "true";
