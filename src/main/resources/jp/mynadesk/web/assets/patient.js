// The patient page: the PIN pad and the consent questions. The PIN lives only in this page until it is sent to
// the desk for the card; it is never shown (dots only) and never kept after sending. It is sent on 確定 (or Enter),
// never on the 4th digit by itself, so a slip can be corrected before it costs a try.
"use strict";
(() => {
  const { session, call, listen, show, text, $ } = desk;
  // This page's own id: the desk has one patient screen, and the page opened last holds it.
  const screen = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
  desk.header("X-Patient-Screen", screen);
  let digits = [];
  let sending = false;
  let events = null;

  function error(msg) {
    text("error", msg);
    show($("error"), !!msg);
  }

  function dots() {
    const spans = $("dots").children;
    for (let i = 0; i < spans.length; i++) spans[i].classList.toggle("on", i < digits.length);
    $("dots").setAttribute("aria-label", "入力した桁数 " + digits.length + " / 4");
    $("pin-ok").disabled = digits.length !== 4 || sending;
  }

  // Full-width digits (an IME left on) count as the digits they are; a key the IME holds back ("Process") is
  // read by its place on the keyboard.
  function digitOf(ev) {
    const key = ev.key || "";
    if (/^[0-9]$/.test(key)) return key;
    if (/^[０-９]$/.test(key)) return String.fromCharCode(key.charCodeAt(0) - 0xFF10 + 0x30);
    const m = /^(?:Digit|Numpad)([0-9])$/.exec(ev.code || "");
    return (key === "Process" || key === "Unidentified" || key === "") && m ? m[1] : null;
  }

  function type(d) {
    if (sending || $("pin").hidden || digits.length >= 4) return;
    digits.push(d);
    dots();
  }

  async function confirmPin() {
    if (sending || $("pin").hidden || digits.length !== 4) return;
    sending = true;
    const pin = digits.join("");
    digits = [];
    dots();
    try {
      await call("/api/patient/pin", { pin });
      error("");
    } catch (e) { error(e.message); }
    sending = false;
    dots();
  }

  const sections = ["idle", "busy", "pin", "consent", "staff", "done", "replaced"];
  function render(d) {
    const at = d.busy ? "busy" : d.phase;
    for (const s of sections) show($(s), s === at);
    if (at !== "pin" && at !== "consent") error("");
    if (at === "idle") {
      text("idle-text", d.text || "カードをカードリーダーに置いてください");
      $("idle").dataset.card = d.card ? "true" : "false";
    } else if (at === "pin") {
      text("pin-prompt", d.prompt);
      $("pin-notices").replaceChildren(...d.notices.map((n) => {
        const li = document.createElement("li");
        li.textContent = n;
        return li;
      }));
      digits = [];
      dots();
      const first = document.querySelector(".pad button[data-digit='1']");
      if (first) first.focus();
    } else if (at === "consent") {
      show($("consent-missing"), false);
      $("questions").replaceChildren(...d.questions.map((q) => {
        const fs = document.createElement("fieldset");
        fs.className = "question";
        fs.dataset.category = q.category;
        const lg = document.createElement("legend");
        lg.textContent = q.question;
        fs.appendChild(lg);
        const choices = document.createElement("div");
        choices.className = "choices";
        // Nothing is chosen beforehand: an unanswered question is asked, never taken as 同意しない (or 利用しない).
        for (const [value, label] of (q.choices || [["yes", "同意する"], ["no", "同意しない"]])) {
          const id = "c-" + q.category + "-" + value;
          const l = document.createElement("label");
          l.className = "choice";
          l.htmlFor = id;
          const input = document.createElement("input");
          input.type = "radio";
          input.name = q.category;
          input.value = value;
          input.id = id;
          input.addEventListener("change", () => { fs.removeAttribute("aria-invalid"); fs.classList.remove("missing"); });
          const span = document.createElement("span");
          span.textContent = label;
          l.append(input, span);
          choices.appendChild(l);
        }
        fs.appendChild(choices);
        return fs;
      }));
      const notices = d.notices || [];
      if (notices.length > 0) {
        text("consent-missing", notices.join(" "));
        show($("consent-missing"), true);
      }
      const first = document.querySelector("#questions input");
      if (first) first.focus();
    } else if (at === "staff") {
      text("staff-text", d.text);
    } else if (at === "done") {
      text("done-text", d.text);
      $("done").dataset.accepted = d.accepted;
      text("done-card", d.takeCard ? "カードをお取りください。" : "");
      show($("done-card"), !!d.takeCard);
    }
  }

  function replaced(d) {
    // Another page took the desk: this one stops listening and says so, until asked to take it back.
    if (events) events.close();
    events = null;
    for (const s of sections) show($(s), s === "replaced");
    text("replaced-text", d.text);
    document.body.dataset.screen = "replaced";
  }

  function wire() {
    for (const b of document.querySelectorAll(".pad button[data-digit]")) {
      b.addEventListener("click", () => type(b.dataset.digit));
    }
    $("pin-clear").addEventListener("click", () => { digits = []; dots(); });
    $("pin-ok").addEventListener("click", () => confirmPin());
    document.addEventListener("keydown", (ev) => {
      if ($("pin").hidden) return;
      const d = digitOf(ev);
      if (d) { ev.preventDefault(); type(d); }
      else if (ev.key === "Backspace") { ev.preventDefault(); digits.pop(); dots(); }
      else if (ev.key === "Enter") { ev.preventDefault(); confirmPin(); }
    });
    $("consent-form").addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const answers = {};
      const open = [];
      for (const fs of document.querySelectorAll("#questions fieldset")) {
        const checked = fs.querySelector("input:checked");
        if (checked) {
          answers[fs.dataset.category] = checked.value === "yes";
        } else {
          open.push(fs);
          fs.setAttribute("aria-invalid", "true");
          fs.classList.add("missing");
        }
      }
      if (open.length > 0) {
        text("consent-missing", "まだ答えていない質問があります。それぞれどちらかを選んでください。");
        show($("consent-missing"), true);
        open[0].querySelector("input").focus();
        return;
      }
      try { await call("/api/patient/consent", { answers }); } catch (e) { error(e.message); }
    });
    $("pair-form").addEventListener("submit", async (ev) => {
      ev.preventDefault();
      try {
        await call("/api/patient/pair", { code: $("pair-code").value });
        show($("pair"), false);
        error("");
        start();
      } catch (e) { error(e.message); }
    });
    $("btn-take-over").addEventListener("click", () => start());
  }

  function start() {
    if (events) events.close();
    document.body.dataset.screen = "active";
    events = listen("/api/patient/events?screen=" + screen, { desk: render, replaced });
    document.body.dataset.ready = "true";
  }

  async function main() {
    wire();
    const s = await session();
    if (s.paired) {
      start();
    } else {
      show($("idle"), false);
      show($("pair"), true);
      $("pair-code").focus();
    }
  }
  main();
})();
