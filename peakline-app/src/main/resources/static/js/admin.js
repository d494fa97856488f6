import { api, header, t, el, describe, fmt, put, when } from "/js/common.js";

await header();
const msg = document.getElementById("message");
const fail = e => { msg.className = "error"; msg.textContent = describe(e); };

async function load() {
  const s = await api("/api/v1/factor-sets");
  put(document.getElementById("sets"), 
    el("tr", {}, ["setId", "setVersion", "publication", "loadedAt"].map(k => el("th", {}, t(k)))),
    s.sets.map(x => el("tr", { class: "click", onclick: () => factors(x.id, x.version) }, el("td", {}, x.id), el("td", {}, x.version), el("td", {}, x.publication), el("td", {}, when(x.loadedAt)))));
  put(document.getElementById("actSet"), ...s.sets.map(x => el("option", { value: x.id + "|" + x.version }, x.id + " " + x.version)));
  put(document.getElementById("activations"), 
    el("tr", {}, ["region", "activeFrom", "factorSets"].map(k => el("th", {}, t(k)))),
    s.activations.map(a => el("tr", {}, el("td", {}, a.region), el("td", {}, a.activeFrom), el("td", {}, a.setId + " " + a.setVersion))));
}

async function factors(id, version) {
  const list = await api(`/api/v1/factor-sets/${id}/${version}`);
  document.getElementById("factorsTitle").textContent = `${id} ${version} (${list.length})`;
  put(document.getElementById("factors"), 
    el("tr", {}, ["kind", "item", "qualifier", "value", "unit", "valid", "publication", "confidence"].map(k => el("th", {}, k))),
    list.slice(0, 500).map(f => el("tr", {}, el("td", {}, f.kind), el("td", {}, f.item), el("td", {}, f.qualifier), el("td", { class: "num" }, f.value),
      el("td", {}, f.unit), el("td", {}, `${f.validFrom || ""}–${f.validTo || ""}`), el("td", {}, f.publication), el("td", {}, f.confidence))));
}

document.getElementById("loadSet").addEventListener("click", async () => {
  const f = document.getElementById("setFile").files[0];
  if (!f) return;
  const fd = new FormData();
  fd.append("file", f);
  const q = new URLSearchParams({ id: document.getElementById("setId").value, publication: document.getElementById("publication").value });
  try { await api(`/api/v1/factor-sets?${q}`, { method: "POST", form: fd }); msg.className = "ok"; msg.textContent = t("created"); await load(); } catch (e) { fail(e); }
});
document.getElementById("activate").addEventListener("click", async () => {
  const [setId, setVersion] = document.getElementById("actSet").value.split("|");
  const body = { region: document.getElementById("actRegion").value, activeFrom: document.getElementById("actFrom").value, setId, setVersion };
  try { await api("/api/v1/factor-sets/activations", { method: "POST", body }); await load(); } catch (e) { fail(e); }
});
document.getElementById("recompute").addEventListener("click", async () => {
  try {
    let job = await api("/api/v1/factor-sets/recompute", { method: "POST", body: { region: document.getElementById("actRegion").value } });
    const bar = document.getElementById("progress");
    while (job.status === "RUNNING") {
      await new Promise(r => setTimeout(r, 500));
      job = await api(`/api/v1/factor-sets/recompute/${job.id}`);
      bar.max = Math.max(job.total, 1); bar.value = job.done;
      document.getElementById("progressText").textContent = `${job.done}/${job.total}`;
    }
    msg.className = job.status === "DONE" ? "ok" : "error";
    const seconds = (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000;
    msg.textContent = `${t("job" + job.status)}: ${job.done}/${job.total} (${fmt(seconds, 1)} s) ${job.message || ""}`;
  } catch (e) { fail(e); }
});

await load();
