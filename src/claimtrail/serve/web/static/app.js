// claimtrail: the page's only script (the Content-Security-Policy forbids inline script).
// Opens the furniture when a link points into it, marks the item a link points to, and
// lets the furniture stubs toggle the furniture.
(function () {
  "use strict";
  function toggle() { return document.getElementById("show-bp"); }

  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    if (!el) return;
    var t = toggle();
    if (t && !t.checked && (el.classList.contains("bp") || el.closest(".bp"))) t.checked = true;
    document.querySelectorAll(".flash").forEach(function (x) { x.classList.remove("flash"); });
    document.querySelectorAll('[data-item="' + CSS.escape(id) + '"]').forEach(function (x) {
      x.classList.add("flash");
    });
    el.scrollIntoView({ block: "center" });
  }

  function markNav() {
    var here = location.pathname.split("/")[1];
    document.querySelectorAll("header.top nav a").forEach(function (a) {
      if (here && a.getAttribute("href") === "/" + here) a.setAttribute("aria-current", "page");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    markNav();
    document.querySelectorAll(".bp-stub").forEach(function (stub) {
      stub.addEventListener("click", function () { var t = toggle(); if (t) t.checked = true; });
    });
    reveal();
  });
  window.addEventListener("hashchange", reveal);
})();
