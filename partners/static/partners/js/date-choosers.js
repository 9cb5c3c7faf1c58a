// Wagtail's date, time and date-time widgets call their chooser from an inline script, which the
// Content-Security-Policy forbids; our copies of their templates leave a marker instead, and this
// file makes the same call for each marker, including ones added to the page later.
(function () {
  "use strict";
  const CHOOSERS = ["initDateChooser", "initTimeChooser", "initDateTimeChooser"];

  function start(marker) {
    const name = marker.dataset.dateChooser;
    if (marker.dataset.dateChooserDone || !CHOOSERS.includes(name)) return;
    if (typeof window[name] !== "function") return;
    marker.dataset.dateChooserDone = "1";
    window[name](marker.dataset.dateChooserFor, JSON.parse(marker.dataset.dateChooserConfig));
  }

  function startAll(root) {
    root.querySelectorAll("[data-date-chooser]").forEach(start);
  }

  document.addEventListener("DOMContentLoaded", function () {
    startAll(document);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.nodeType === Node.ELEMENT_NODE) {
            if (node.matches("[data-date-chooser]")) start(node);
            startAll(node);
          }
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
