// Shared by both pages: the session's CSRF token, JSON calls, and the server-sent event stream.
"use strict";
const desk = (() => {
  let csrf = null;
  const extra = {};
  // A header every call of this page carries from now on (the patient page's screen id).
  function header(name, value) { extra[name] = value; }
  async function session() {
    const r = await fetch("/api/session", { credentials: "same-origin" });
    const s = await r.json();
    csrf = s.csrf;
    return s;
  }
  async function call(path, body, raw) {
    const headers = Object.assign({}, extra, { "X-CSRF-Token": csrf });
    let payload = body;
    if (!raw) {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(body || {});
    }
    return answer(await fetch(path, { method: "POST", headers, body: payload, credentials: "same-origin" }));
  }
  async function get(path) {
    return answer(await fetch(path, { credentials: "same-origin" }));
  }
  // The JSON body of an answer; a refusal throws an Error carrying the server's message and body.
  async function answer(r) {
    const data = await r.json().catch(() => ({}));
    if (!r.ok) {
      const e = new Error(data.message || "");
      e.data = data;
      throw e;
    }
    return data;
  }
  function listen(path, handlers) {
    const src = new EventSource(path);
    for (const [name, fn] of Object.entries(handlers)) {
      src.addEventListener(name, (ev) => fn(JSON.parse(ev.data)));
    }
    return src;
  }
  function show(el, on) { el.hidden = !on; }
  function text(id, t) { document.getElementById(id).textContent = t == null ? "" : t; }
  function $(id) { return document.getElementById(id); }
  function formJson(form) {
    const o = {};
    for (const el of form.elements) {
      if (!el.name) continue;
      o[el.name] = el.type === "checkbox" ? el.checked : el.value;
    }
    return o;
  }
  return { session, call, get, listen, show, text, $, formJson, header };
})();
