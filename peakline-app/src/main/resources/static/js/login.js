import { lang, translate } from "/js/common.js";

translate();
// load the CSRF cookie before the first POST
await fetch("/actuator/health", { credentials: "same-origin" });
document.getElementById("login").addEventListener("submit", async ev => {
  ev.preventDefault();
  const token = (document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]+)/) || [])[1] || "";
  const res = await fetch("/login", {
    method: "POST", credentials: "same-origin",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-XSRF-TOKEN": decodeURIComponent(token),
               "Accept-Language": lang() === "zh" ? "zh-CN" : "en" },
    body: new URLSearchParams({ username: ev.target.username.value, password: ev.target.password.value }),
  });
  const msg = document.getElementById("message");
  if (res.ok) { location.href = "/"; return; }
  const p = await res.json().catch(() => ({ detail: res.statusText }));
  msg.className = "error";
  msg.textContent = p.title || p.detail;
});
