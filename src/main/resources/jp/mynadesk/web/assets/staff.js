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
    svc.dataset.state = s.service === "online" ? "ok" : s.service === "offline" ? "bad" : s.service === "none" ? "none" : "warn";
    svc.textContent = s.service === "online" ? "接続" : s.service === "offline" ? "障害（書類で受付）"
      : s.service === "none" ? "未接続（設定なし）" : "復旧を確認中";
    text("st-problem", s.readerProblem);
    show($("st-problem"), !!s.readerProblem);
  }

  function renderPairing(p) {
    show($("pairing"), !!p.required);
    text("pairing-code", p.code);
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
    show($("docs-panel"), d.phase === "documents" || d.phase === "idle");
    show($("decl-panel"), d.phase === "declaration" || d.phase === "documents");
    const result = d.phase === "done" || d.phase === "consent" || d.phase === "record";
    show($("result"), result);
    $("result").dataset.outcome = d.outcome || (d.phase === "consent" ? "confirmed" : "");
    text("outcome", d.outcomeText);
    text("route", d.routeText);
    text("recorded", d.recordedText ? d.recordedText + (d.recheckText ? "　" + d.recheckText : "") : "");
    const q = d.qualification;
    show($("qual"), !!q);
    show($("ceiling-form"), !!q);
    text("ceiling-result", "");
    if (q) {
      text("q-name", q.name);
      text("q-birth", q.birthDate);
      text("q-insurer", [q.insurerNumber, q.insurerName].filter(Boolean).join(" "));
      text("q-numbers", [q.symbol, q.number, q.branch].filter(Boolean).join("・"));
      text("q-ratio", q.ratioText);
      text("q-limit", q.limitClass ? q.limitClass + "（" + q.limitClassLabel + "）" : "なし（同意なし・該当なし）");
    }
    $("btn-cancel").disabled = d.phase === "idle" || d.phase === "done" || d.phase === "record";
    $("btn-clear").disabled = d.phase !== "done";
    if (d.phase === "visual") $("visual-staff-2").focus();
    else if (d.phase === "documents") $("d-insurerNumber").focus();
    else if (d.phase === "declaration") $("m-name").focus();
    else if (d.phase === "done") $("btn-clear").focus();
    else if (d.phase === "record") $("btn-record-again").focus();
  }

  function fieldError(box, e) {
    text(box, e.message);
    show($(box), true);
    const f = e.data && e.data.field;
    if (f) {
      const el = document.querySelector("#" + (box === "docs-error" ? "d-" : "m-") + f);
      if (el) { el.setAttribute("aria-invalid", "true"); el.focus(); }
    }
  }

  async function loadVisits() {
    const v = await get("/api/staff/visits");
    $("visits").replaceChildren(...v.today.map((x) => {
      const tr = document.createElement("tr");
      tr.dataset.outcome = x.outcome;
      for (const c of [x.visitId, x.time, x.outcomeText, x.qualification && x.qualification.name, x.recheckText]) {
        const td = document.createElement("td");
        td.textContent = c || "";
        tr.appendChild(td);
      }
      return tr;
    }));
    text("pending-count", v.pending.length);
  }

  function wire() {
    $("btn-pin").addEventListener("click", () => act("/api/staff/start", { mode: "pin" }).catch(() => {}));
    $("btn-visual-start").addEventListener("click", () => act("/api/staff/start", { mode: "visual", staff: $("visual-staff").value }).catch(() => {}));
    $("btn-docs-start").addEventListener("click", () => { show($("docs-panel"), true); $("d-insurerNumber").focus(); });
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
      const body = { document: { kind: f.kind, insurerNumber: f.insurerNumber, symbol: f.symbol, number: f.number,
        branch: f.branch, name: f.name, birthDate: f.birthDate, sex: f.sex, issuedOn: f.issuedOn, validUntil: f.validUntil },
        address: f.address, limitConsent: f.limitConsent };
      try { await act("/api/staff/documents", body); } catch (e) { fieldError("docs-error", e); }
    });
    $("decl-form").addEventListener("submit", async (ev) => {
      ev.preventDefault();
      show($("decl-error"), false);
      try { await act("/api/staff/declaration", formJson(ev.target)); } catch (e) { fieldError("decl-error", e); }
    });
    $("scan-form").addEventListener("submit", async (ev) => {
      ev.preventDefault();
      show($("docs-error"), false);
      const data = new FormData();
      const file = $("scan-file").files[0];
      if (file) data.append("image", file);
      try {
        const r = await call("/api/staff/scan", data, true);
        for (const [k, v] of Object.entries(r.document)) {
          const el = $("d-" + k);
          if (el) el.value = v;
        }
        $("d-address").focus();
      } catch (e) { fieldError("docs-error", e); }
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
          li.textContent = f.visitId + ": " + f.message;
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
