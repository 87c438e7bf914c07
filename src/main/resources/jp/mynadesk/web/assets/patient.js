// The patient page: the PIN pad and the consent questions. The PIN lives only in this page until it is sent to
// the desk for the card; it is never shown (dots only) and never kept after sending.
"use strict";
(() => {
  const { session, call, listen, show, text, $ } = desk;
  let digits = [];
  let sending = false;

  function error(msg) {
    text("error", msg);
    show($("error"), !!msg);
  }

  function dots() {
    const spans = $("dots").children;
    for (let i = 0; i < spans.length; i++) spans[i].classList.toggle("on", i < digits.length);
    $("dots").setAttribute("aria-label", "入力した桁数 " + digits.length + " / 4");
  }

  async function type(d) {
    if (sending || $("pin").hidden || digits.length >= 4) return;
    digits.push(d);
    dots();
    if (digits.length === 4) {
      sending = true;
      const pin = digits.join("");
      digits = [];
      dots();
      try {
        await call("/api/patient/pin", { pin });
      } catch (e) { error(e.message); }
      sending = false;
    }
  }

  const sections = ["idle", "busy", "pin", "consent", "staff", "done"];
  function render(d) {
    const at = d.busy ? "busy" : d.phase;
    for (const s of sections) show($(s), s === at);
    if (at === "pin") {
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
      $("questions").replaceChildren(...d.questions.map((q) => {
        const fs = document.createElement("fieldset");
        fs.className = "question";
        const lg = document.createElement("legend");
        lg.textContent = q.question;
        fs.appendChild(lg);
        for (const [value, label] of [["yes", "同意する"], ["no", "同意しない"]]) {
          const id = "c-" + q.category + "-" + value;
          const input = document.createElement("input");
          input.type = "radio";
          input.name = q.category;
          input.value = value;
          input.id = id;
          if (value === "no") input.checked = true;
          const l = document.createElement("label");
          l.htmlFor = id;
          l.textContent = label;
          fs.append(input, l);
        }
        return fs;
      }));
      const first = document.querySelector("#questions input");
      if (first) first.focus();
    } else if (at === "staff") {
      text("staff-text", d.text);
    } else if (at === "done") {
      text("done-text", d.text);
      $("done").dataset.accepted = d.accepted;
    }
  }

  function wire() {
    for (const b of document.querySelectorAll(".pad button[data-digit]")) {
      b.addEventListener("click", () => type(b.dataset.digit));
    }
    $("pin-clear").addEventListener("click", () => { digits = []; dots(); });
    document.addEventListener("keydown", (ev) => {
      if ($("pin").hidden) return;
      if (/^[0-9]$/.test(ev.key)) { ev.preventDefault(); type(ev.key); }
      else if (ev.key === "Backspace") { ev.preventDefault(); digits.pop(); dots(); }
    });
    $("consent-form").addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const answers = {};
      for (const fs of document.querySelectorAll("#questions fieldset")) {
        const checked = fs.querySelector("input:checked");
        answers[checked.name] = checked.value === "yes";
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
  }

  function start() {
    listen("/api/patient/events", { desk: render });
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
