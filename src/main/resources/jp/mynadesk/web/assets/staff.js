// The staff page: renders what the desk says, sends what staff do. No rule lives here.
"use strict";
(() => {
  const { session, call, get, listen, show, text, $, formJson } = desk;
  let state = { phase: "idle" };

  function error(msg) {
    text("error", msg);
    show($("error"), !!msg);
  }

  async function act(path, body) {
    error("");
    try {
      const r = await call(path, body);
      if (r.desk) render(r.desk);
      return r;
    } catch (e) {
      error(e.message);
      throw e;
    }
  }

  function renderStatus(s) {
    text("terminal", "（端末 " + s.terminal + "）");
    const reader = $("st-reader");
    reader.dataset.state = !s.hasReader ? "none" : s.reader ? "ok" : "bad";
    reader.textContent = !s.hasReader ? "なし" : s.reader ? "接続" : "未接続";
    const card = $("st-card");
    card.dataset.state = s.card ? "ok" : "none";
    card.textContent = s.card ? "あり" : "なし";
    const svc = $("st-service");
    // the breaker and the last answer: a 503 shows at once; the in-process mock is labelled 模擬
    svc.dataset.state = s.service === "online" ? "ok" : s.service === "offline" ? "bad" : s.service === "probing" ? "warn"
      : s.service === "none" ? "none" : "unknown";
    svc.textContent = { online: "接続", offline: "障害（書類で受付）", probing: "復旧を確認中", unknown: "未確認",
      none: "未接続（設定なし）" }[s.service];
    text("st-service-label", s.simulated ? "オンライン資格確認（模擬）" : "オンライン資格確認");
    const trouble = s.service === "offline" || s.service === "probing";
    text("st-service-detail", trouble ? s.serviceText : "");
    show($("st-service-detail"), trouble);
    text("st-problem", s.readerProblem);
    show($("st-problem"), !!s.readerProblem);
  }

  // docs/WEB.md §1.1: the code works only while open; a locked pairing waits for staff to open it again.
  function renderPairing(p) {
    show($("pairing"), !!p.required);
    const code = $("pairing-code");
    code.dataset.state = p.open ? "ok" : p.locked ? "bad" : "none";
    text("pairing-code", p.open ? p.code : p.locked ? "止めています（誤りが続きました）" : "受け付けていません");
  }

  function markSteps(current) {
    let seen = false;
    for (const li of $("steps").children) {
      const here = li.dataset.step === current;
      li.classList.toggle("current", here);
      if (here) seen = true;
      li.classList.toggle("done", !seen && current != null);
    }
  }

  const phaseText = {
    idle: "カードが置かれたら「カードで受付」を押してください。",
    pin: "患者さんが暗証番号を入力しています（患者さん用の画面）。",
    visual: "目視確認ができます。顔写真と見比べてください。",
    consent: "資格を確認しました。患者さんが情報提供の同意に答えています。",
    documents: "書類で受付します。QRコードを読み取るか、書類を見て入力してください。",
    declaration: "使える書類がありません。被保険者資格申立書を記入していただきます。",
    record: "確認は済んでいます。記録できるまで、この受付はこの画面で待ちます。",
    done: "",
  };

  function render(d) {
    state = d;
    if (d.busy) {
      text("phase", "確認しています…");
      return;
    }
    if (d.phase === "idle") markSteps(null);
    text("phase", phaseText[d.phase] + (d.phase === "pin" ? "（残り " + d.triesLeft + " 回）" : ""));
    show($("reason"), !!d.reason);
    $("reason").dataset.code = d.reason ? d.reason.code : "";
    if (d.reason) {
      text("reason-message", d.reason.message);
      text("reason-next", d.reason.next);
    }
    const w = $("warnings");
    w.replaceChildren(...(d.warnings || []).map((x) => {
      const li = document.createElement("li");
      li.textContent = "注意: " + x.message + " " + x.next;
      return li;
    }));
    show($("record-panel"), d.phase === "record");
    text("record-problem", d.problem || "");
    show($("visual-panel"), d.phase === "visual" || d.phase === "pin");
    // documents can replace the PIN or 目視 as well (a patient who does not know the PIN)
    show($("docs-panel"), ["documents", "idle", "pin", "visual"].includes(d.phase));
    show($("decl-panel"), d.phase === "declaration" || d.phase === "documents");
    const result = d.phase === "done" || d.phase === "consent" || d.phase === "record";
    show($("result"), result);
    $("result").dataset.outcome = d.outcome || (d.phase === "consent" ? "confirmed" : "");
    text("outcome", d.outcomeText);
    text("route", d.routeText);
    text("recorded", d.recordedText ? d.recordedText + (d.recheckText ? "　" + d.recheckText : "") : "");
    text("decision", d.decisionText ? "書類の判定: " + d.decisionText : "");
    show($("decision"), !!d.decisionText);
    text("patient-name", !d.qualification && d.patientName ? "患者さん: " + d.patientName : "");
    show($("patient-name"), !d.qualification && !!d.patientName);
    const c = d.consent;
    show($("consent-result"), !!c);
    $("consent-result").dataset.state = !c ? "" : c.pending ? "pending" : c.answered ? "answered" : "none";
    text("consent-text", c ? c.text : "");
    $("consent-items").replaceChildren(...((c && c.items) || []).map((x) => {
      const li = document.createElement("li");
      li.dataset.category = x.category;
      li.dataset.answer = x.text;
      li.textContent = x.label + ": " + x.text;
      return li;
    }));
    const subsidy = d.subsidyLines || [];
    show($("subsidy-result"), subsidy.length > 0);
    $("subsidy-items").replaceChildren(...subsidy.map((line) => {
      const li = document.createElement("li");
      li.textContent = line;
      return li;
    }));
    const q = d.qualification;
    show($("qual"), !!q);
    show($("ceiling-form"), !!q);
    text("ceiling-result", "");
    if (q) {
      text("q-name", q.name);
      text("q-birth", q.birthDate);
      text("q-insurer", [q.insurerNumber, q.insurerName].filter(Boolean).join(" "));
      text("q-numbers", [q.symbol, q.number, q.branch].filter(Boolean).join("・"));
      text("q-ratio", q.ratioText + (q.ratioGuide ? "　" + q.ratioGuide : ""));
      text("q-limit", q.limitClassLabel || "なし（同意なし・該当なし）");
    }
    if (d.phase === "done") {
      // the next patient starts with empty forms
      for (const f of [$("docs-form"), $("decl-form")]) { f.reset(); clearProblems(f); }
      show($("scan-read"), false);
      show($("docs-error"), false);
      show($("decl-error"), false);
    }
    $("btn-cancel").disabled = d.phase === "idle" || d.phase === "done" || d.phase === "record";
    // at the consent questions the qualification is confirmed already: ending there keeps it (recorded as confirmed)
    $("btn-cancel").textContent = d.phase === "consent" ? "同意を聞かずに終える" : "取り消す";
    $("btn-clear").disabled = d.phase !== "done";
    if (d.phase === "visual") $("visual-staff-2").focus();
    else if (d.phase === "documents") $("scan-text").focus();
    else if (d.phase === "declaration") $("m-name").focus();
    else if (d.phase === "done") $("btn-clear").focus();
    else if (d.phase === "record") $("btn-record-again").focus();
  }

  // Every field's problem next to the field (the same sentences the terminal and docs check use); the box above
  // the form says how many. Nothing was decided or recorded.
  function clearProblems(form) {
    for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
    for (const p of form.querySelectorAll(".field-problem")) p.remove();
  }

  function fieldError(box, e) {
    const form = $(box === "docs-error" ? "docs-form" : "decl-form");
    const prefix = box === "docs-error" ? "d-" : "m-";
    clearProblems(form);
    const problems = (e.data && e.data.problems) || (e.data && e.data.field ? [{ field: e.data.field, message: e.message }] : []);
    let first = null;
    for (const p of problems) {
      const el = $(prefix + p.field);
      if (!el) continue;
      el.setAttribute("aria-invalid", "true");
      const msg = document.createElement("p");
      msg.className = "field-problem";
      msg.id = el.id + "-problem";
      msg.dataset.field = p.field;
      msg.textContent = p.message;
      el.closest(".field").appendChild(msg);
      el.setAttribute("aria-describedby", msg.id);
      const more = el.closest("details");
      if (more) more.open = true;
      if (!first) first = el;
    }
    text(box, problems.length > 1 ? "入力を確かめてください（" + problems.length + " 項目）。受付はまだ記録していません。"
      : e.message);
    show($(box), true);
    if (first) first.focus();
  }

  async function loadVisits() {
    const v = await get("/api/staff/visits");
    $("visits").replaceChildren(...v.today.map((x) => {
      const tr = document.createElement("tr");
      tr.dataset.outcome = x.outcome;
      for (const c of [x.visitId, x.time, x.outcomeText, x.name, x.recheckText]) {
        const td = document.createElement("td");
        td.textContent = c || "";
        tr.appendChild(td);
      }
      return tr;
    }));
    text("pending-count", v.pending.length);
  }

  function wire() {
    $("btn-pairing").addEventListener("click", () => call("/api/staff/pairing", {})
      .then((r) => renderPairing(r.pairing)).catch((e) => error(e.message)));
    $("btn-pin").addEventListener("click", () => act("/api/staff/start", { mode: "pin" }).catch(() => {}));
    $("btn-visual-start").addEventListener("click", () => act("/api/staff/start", { mode: "visual", staff: $("visual-staff").value }).catch(() => {}));
    $("btn-docs-start").addEventListener("click", () => { show($("docs-panel"), true); $("scan-text").focus(); });
    $("btn-decl-start").addEventListener("click", () => { show($("decl-panel"), true); $("m-name").focus(); });
    $("btn-cancel").addEventListener("click", () => act("/api/staff/cancel").catch(() => {}));
    $("btn-clear").addEventListener("click", () => act("/api/staff/clear").catch(() => {}));
    $("btn-record-again").addEventListener("click", () => act("/api/staff/record-again").catch(() => {}));
    $("btn-visual").addEventListener("click", () => act("/api/staff/visual", { staff: $("visual-staff-2").value }).catch(() => {}));
    $("btn-decline").addEventListener("click", () => act("/api/staff/decline").catch(() => {}));
    $("btn-docs-decline").addEventListener("click", () => act("/api/staff/decline").catch(() => {}));
    $("docs-form").addEventListener("submit", async (ev) => {
      ev.preventDefault();
      show($("docs-error"), false);
      const f = formJson(ev.target);
      const document = {};
      for (const k of ["kind", "insurerNumber", "insurerName", "symbol", "number", "branch", "name", "birthDate", "sex",
        "acquiredOn", "issuedOn", "validFrom", "validUntil", "lostOn"]) document[k] = f[k];
      const body = { document, address: f.address, limitConsent: f.limitConsent };
      try { await act("/api/staff/documents", body); clearProblems(ev.target); } catch (e) { fieldError("docs-error", e); }
    });
    $("decl-form").addEventListener("submit", async (ev) => {
      ev.preventDefault();
      show($("decl-error"), false);
      try { await act("/api/staff/declaration", formJson(ev.target)); clearProblems(ev.target); } catch (e) { fieldError("decl-error", e); }
    });
    // A QR code read (image, or the text a keyboard-wedge reader types and ends with Enter) is shown first and
    // put into the form; it is used only when staff send the form.
    function showRead(r) {
      const form = $("docs-form");
      clearProblems(form);
      for (const el of form.querySelectorAll("input:not([type='checkbox'])")) el.value = "";
      for (const [k, v] of Object.entries(r.document)) {
        const el = $("d-" + k);
        if (el) el.value = v;
        if (el && el.closest("details")) el.closest("details").open = true;
      }
      text("scan-read-title", r.source === "typed" ? "QRコードリーダーで読み取った内容" : "画像から読み取った内容");
      $("scan-read-list").replaceChildren(...r.read.flatMap((x) => {
        const dt = document.createElement("dt");
        dt.textContent = x.label;
        const dd = document.createElement("dd");
        dd.textContent = x.value;
        dd.dataset.field = x.field;
        return [dt, dd];
      }));
      show($("scan-read"), true);
      if (r.problems && r.problems.length) {
        fieldError("docs-error", { message: r.problems[0].message, data: { problems: r.problems } });
      } else {
        $("d-address").focus();
      }
    }
    $("scan-text-form").addEventListener("submit", async (ev) => {
      ev.preventDefault();
      show($("docs-error"), false);
      const payload = $("scan-text").value;
      $("scan-text").value = "";
      try {
        showRead(await call("/api/staff/scan-text", { payload }));
      } catch (e) {
        show($("scan-read"), false);
        text("docs-error", e.message);
        show($("docs-error"), true);
        $("scan-text").focus();
      }
    });
    $("scan-file").addEventListener("change", () => {
      const file = $("scan-file").files[0];
      text("scan-file-name", file ? file.name : "（未選択）");
    });
    $("scan-form").addEventListener("submit", async (ev) => {
      ev.preventDefault();
      show($("docs-error"), false);
      const data = new FormData();
      const file = $("scan-file").files[0];
      if (file) data.append("image", file);
      try {
        showRead(await call("/api/staff/scan", data, true));
      } catch (e) {
        show($("scan-read"), false);
        text("docs-error", e.message);
        show($("docs-error"), true);
      }
    });
    $("ceiling-form").addEventListener("submit", async (ev) => {
      ev.preventDefault();
      try {
        const r = await get("/api/staff/ceiling?total=" + encodeURIComponent($("ceiling-total").value));
        text("ceiling-result", r.text);
      } catch (e) { text("ceiling-result", e.message); }
    });
    $("btn-recheck").addEventListener("click", async () => {
      $("btn-recheck").disabled = true;
      try {
        const r = await call("/api/staff/recheck");
        $("recheck-result").replaceChildren(...r.findings.map((f) => {
          const li = document.createElement("li");
          li.dataset.kind = f.kind;
          li.textContent = f.line;
          return li;
        }));
        if (r.findings.length === 0) {
          const li = document.createElement("li");
          li.textContent = "再照会待ちの受付はありません。";
          $("recheck-result").replaceChildren(li);
        }
      } catch (e) { error(e.message); }
      $("btn-recheck").disabled = false;
      loadVisits();
    });
    $("btn-verify").addEventListener("click", async () => {
      try {
        const r = await get("/api/staff/verify");
        $("verify-result").dataset.ok = r.ok;
        text("verify-result", r.message);
      } catch (e) { error(e.message); }
    });
  }

  async function main() {
    wire();
    await session();
    listen("/api/staff/events", {
      status: renderStatus,
      pairing: renderPairing,
      desk: render,
      step: (s) => { markSteps(s.step); text("phase", s.text); },
      visits: () => loadVisits(),
    });
    loadVisits();
    document.body.dataset.ready = "true";
  }
  main();
})();
