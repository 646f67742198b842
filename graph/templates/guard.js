/* zangraph: the first script on the page. It records every error so that the
   page can say it failed (and headless tests can read window.zangraph). */
(function () {
  "use strict";
  var state = window.zangraph = {errors: [], firstDrawMs: null, nodes: 0, edges: 0};
  function show() {
    var box = document.getElementById("zg-errors");
    if (!box || state.errors.length === 0) { return; }
    box.hidden = false;
    box.textContent = "This page hit an error: " + state.errors.join(" | ");
  }
  state.report = function (message) { state.errors.push(String(message)); show(); };
  window.addEventListener("error", function (event) {
    state.report((event.message || "error") + (event.lineno ? " (line " + event.lineno + ")" : ""));
  });
  window.addEventListener("unhandledrejection", function (event) {
    state.report("unhandled rejection: " + String(event.reason));
  });
  document.addEventListener("securitypolicyviolation", function (event) {
    state.report("blocked by the page's security policy: " + event.violatedDirective + " " + event.blockedURI);
  });
  document.addEventListener("DOMContentLoaded", show);
})();
