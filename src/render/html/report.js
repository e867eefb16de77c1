// Enhancements only: the report reads fully without JavaScript.
(function () {
  "use strict";
  // Side-by-side redlines, made once from the inline ones: the old text keeps its deletions,
  // the new text its insertions.
  var built = false;
  function buildSideBySide() {
    if (built) { return; }
    built = true;
    var inline = document.querySelectorAll(".change .redline.inline");
    for (var i = 0; i < inline.length; i++) {
      var sbs = document.createElement("div");
      sbs.className = "sbs";
      [["old", "ins"], ["new", "del"]].forEach(function (side) {
        var col = inline[i].cloneNode(true);
        col.className = side[0];
        var drop = col.querySelectorAll(side[1]);
        for (var k = 0; k < drop.length; k++) { drop[k].remove(); }
        sbs.appendChild(col);
      });
      inline[i].parentNode.insertBefore(sbs, inline[i].nextSibling);
    }
  }
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
  var filter = document.getElementById("matrix-filter");
  if (filter) {
    var rows = document.querySelectorAll("table.matrix tbody tr");
    filter.addEventListener("input", function () {
      var q = filter.value.trim().toLowerCase();
      for (var i = 0; i < rows.length; i++) {
        var k = rows[i].getAttribute("data-k") || "";
        rows[i].classList.toggle("hide", q !== "" && k.indexOf(q) < 0);
      }
    });
  }
  var mode = document.getElementById("redline-mode");
  if (mode) {
    mode.addEventListener("change", function () {
      if (mode.value === "side-by-side") { buildSideBySide(); }
      document.body.classList.toggle("side-by-side", mode.value === "side-by-side");
    });
  }
})();
