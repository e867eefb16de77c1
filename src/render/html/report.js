// Enhancements only: the report reads fully without JavaScript.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var axis = document.getElementById("axis");
  var list = document.getElementById("timeline-list");
  if (axis && list) {
    axis.addEventListener("change", function () {
      var key = axis.value;
      var items = Array.prototype.slice.call(list.children);
      items.sort(function (a, b) {
        var da = a.getAttribute("data-" + key) || a.getAttribute("data-best") || "9999";
        var db = b.getAttribute("data-" + key) || b.getAttribute("data-best") || "9999";
        if (da !== db) { return da < db ? -1 : 1; }
        return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
      });
      items.forEach(function (li) { list.appendChild(li); });
    });
  }
  var mode = document.getElementById("redline-mode");
  if (mode) {
    mode.addEventListener("change", function () {
      document.body.classList.toggle("side-by-side", mode.value === "side-by-side");
    });
  }
})();
