(function () {
  var key = "cameo-scheme", root = document.documentElement, saved = null;
  try { saved = localStorage.getItem(key); } catch (e) {}
  if (saved === "light" || saved === "dark") { root.dataset.scheme = saved; }
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".scheme-toggle");
    if (!button) { return; }
    var dark = window.matchMedia("(prefers-color-scheme: dark)");
    function scheme() { return root.dataset.scheme || (dark.matches ? "dark" : "light"); }
    function show() { button.setAttribute("aria-pressed", String(scheme() === "dark")); }
    button.hidden = false;
    show();
    dark.addEventListener("change", show);
    button.addEventListener("click", function () {
      root.dataset.scheme = scheme() === "dark" ? "light" : "dark";
      try { localStorage.setItem(key, root.dataset.scheme); } catch (e) {}
      show();
    });
  });
})();
