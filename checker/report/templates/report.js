(function () {
  "use strict";
  // Choosing a finding (in the list, or a highlight in a column) marks its claims
  // and scrolls every column so that its claim there is in view.
  function select(n) {
    document.querySelectorAll(".active").forEach(function (e) { e.classList.remove("active"); });
    var item = document.getElementById("f" + n);
    if (item) { item.classList.add("active"); }
    document.querySelectorAll(".col .text").forEach(function (box) {
      var marks = box.querySelectorAll('[data-f="' + n + '"]');
      marks.forEach(function (e) { e.classList.add("active"); });
      if (marks.length) {
        var top = marks[0].getBoundingClientRect().top - box.getBoundingClientRect().top;
        box.scrollTop += top - box.clientHeight / 3;
      }
    });
    if (history.replaceState) { history.replaceState(null, "", "#f" + n); }
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-f]");
    if (!link) { return; }
    event.preventDefault();
    select(link.getAttribute("data-f"));
    if (link.classList.contains("claim")) {
      var item = document.getElementById("f" + link.getAttribute("data-f"));
      if (item) { item.scrollIntoView({block: "nearest"}); }
    }
  });
  var m = /^#f(\d+)$/.exec(location.hash);
  if (m) { select(m[1]); }
})();
