// tsunagu pages: niceties only — every page works without this script.
// Loaded with the page's CSP nonce; it adds no inline script and talks only to this site.
"use strict";

(function () {
  // The hours a win saves per month, as the figures are typed.
  function liveHours() {
    var out = document.getElementById("hours-live");
    var minutes = document.getElementById("minutes");
    var runs = document.getElementById("runs");
    var people = document.getElementById("people");
    if (!out || !minutes || !runs || !people) return;
    function update() {
      // As the server reads them: full-width digits and grouping commas are fine.
      function plain(input) { return input.value.normalize("NFKC").replace(/[\s,]/g, ""); }
      var m = Number(plain(minutes)), r = Number(plain(runs)), p = Number(plain(people));
      var typed = plain(minutes) !== "" && plain(runs) !== "" && plain(people) !== "";
      if (typed && isFinite(m) && Number.isInteger(r) && Number.isInteger(p) && m >= 0 && r >= 0 && p >= 0) {
        var hours = Math.round(m * r * p / 60 * 100) / 100;
        var strong = document.createElement("strong");
        strong.textContent = out.dataset.template.replace("{hours}", String(hours));
        out.replaceChildren(strong);
      } else {
        out.textContent = out.dataset.formula;
      }
    }
    [minutes, runs, people].forEach(function (input) { input.addEventListener("input", update); });
  }

  // A "Preview" button under each Markdown text area: rendered by the server, as it will show.
  function previews() {
    document.querySelectorAll("textarea[data-preview]").forEach(function (area) {
      var form = area.form;
      var token = form && form.querySelector("input[name=csrf]");
      if (!token) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "quiet";
      button.textContent = area.dataset.preview;
      var shown = document.createElement("div");
      shown.className = "body preview";
      shown.setAttribute("aria-live", "polite");
      area.insertAdjacentElement("afterend", shown);
      area.insertAdjacentElement("afterend", button);
      button.addEventListener("click", function () {
        var data = new URLSearchParams();
        data.set("body", area.value);
        data.set("csrf", token.value);
        fetch("/preview", { method: "POST", body: data, credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.text() : ""; })
          .then(function (html) { shown.innerHTML = html; }); // sanitised by the server
      });
    });
  }

  // Similar questions while a title is typed on the Ask page.
  function similar() {
    var title = document.getElementById("title");
    var box = document.getElementById("similar");
    if (!title || !box) return;
    var timer = null;
    title.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = title.value.trim();
        if (text.length < 5) { box.replaceChildren(); return; }
        fetch("/api/v1/questions/similar?limit=5&title=" + encodeURIComponent(text), { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : { items: [] }; })
          .then(function (found) {
            if (!found.items.length) { box.replaceChildren(); return; }
            var heading = document.createElement("p");
            heading.className = "hint";
            heading.textContent = box.dataset.heading;
            var list = document.createElement("ul");
            found.items.forEach(function (q) {
              var item = document.createElement("li");
              var link = document.createElement("a");
              link.href = "/questions/" + q.id;
              link.textContent = q.title;
              item.appendChild(link);
              list.appendChild(item);
            });
            box.replaceChildren(heading, list);
          });
      }, 400);
    });
  }

  // In a frame (a Teams tab) the company's sign-in cannot be shown — identity providers refuse
  // to be framed — so it opens in a new window, and the tab offers to continue afterwards.
  // The suggested topics under a tags field become buttons that add or remove the topic
  // (without script they stay a list to copy from).
  function topicPicker() {
    var input = document.getElementById("tags");
    if (!input) return;
    function typed() {
      return input.value.split(/[\s,、，\u3000]+/).filter(function (t) { return t; });
    }
    document.querySelectorAll("code[data-tag]").forEach(function (code) {
      var tag = code.dataset.tag;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "quiet topic";
      button.textContent = tag;
      function show() { button.setAttribute("aria-pressed", String(typed().indexOf(tag) >= 0)); }
      button.addEventListener("click", function () {
        var tags = typed();
        var at = tags.indexOf(tag);
        if (at >= 0) { tags.splice(at, 1); } else { tags.push(tag); }
        input.value = tags.join(" ");
        show();
      });
      input.addEventListener("input", show);
      show();
      code.replaceWith(button);
    });
  }

  function signInFromATab() {
    var link = document.getElementById("company-signin");
    var note = document.getElementById("in-a-tab");
    if (!link || !note || window.top === window.self) return;
    link.target = "_blank";
    link.rel = "opener";
    note.hidden = false;
  }

  // Enter in a field with data-enter presses that button instead of the form's default (the
  // win form's search for questions and tips to cite; without the script it logs the win).
  function enterPresses() {
    document.querySelectorAll("input[data-enter]").forEach(function (input) {
      input.addEventListener("keydown", function (event) {
        var button = document.getElementById(input.getAttribute("data-enter"));
        if (event.key === "Enter" && !event.isComposing && button) {
          event.preventDefault();
          button.click();
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    enterPresses();
    signInFromATab();
    liveHours();
    previews();
    similar();
    topicPicker();
  });
})();
