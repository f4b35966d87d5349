// Wide tables scroll sideways inside Material's wrapper; make each wrapper a
// labelled, focusable region so keyboard users can scroll it too. Its label is
// the nearest heading before it (the table may sit in a wrapper of its own).
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    var heading = null;
    for (var start = wrap; start && !heading && !start.matches("article"); start = start.parentElement) {
      for (var node = start.previousElementSibling; node; node = node.previousElementSibling) {
        if (/^H[1-6]$/.test(node.tagName)) { heading = node; break; }
      }
    }
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", heading ? heading.textContent.replace("¶", "").trim() : document.title);
  });
});
