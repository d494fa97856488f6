import { api } from "/js/common.js";

// each role starts on its own page
const me = await api("/api/v1/me");
if (me.role === "ENTERPRISE") location.replace(`/enterprise.html?code=${me.enterprise}`);
else if (me.role === "VERIFIER") location.replace("/queue.html");
else location.replace(`/dashboard.html?region=${me.homeRegion}`);
