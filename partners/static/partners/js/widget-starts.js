// Wagtail starts its date, time and date-time widgets, its choosers (page, image, document,
// snippet, task), its inline panels and the search promotions form from inline scripts, which
// the Content-Security-Policy forbids. Our copies of those templates, and
// partners/chooser_scripts.py for the choosers, leave a hidden marker instead; this file makes
// the same call for each marker, including markers added to the page later (an InlinePanel's
// "add", a modal). Only the functions and classes listed here are called.
(function () {
  "use strict";
  const FUNCTIONS = [
    "initDateChooser",
    "initTimeChooser",
    "initDateTimeChooser",
    "createTaskChooser",
    "createQueryChooser",
  ];
  const CLASSES = [
    "Chooser",
    "PageChooser",
    "ImageChooser",
    "DocumentChooser",
    "SnippetChooser",
    "InlinePanel",
    "MultipleChooserPanel",
  ];

  function start(marker) {
    const name = marker.dataset.widgetStart;
    const known = FUNCTIONS.includes(name) || CLASSES.includes(name);
    if (marker.dataset.widgetStarted || !known || typeof window[name] !== "function") return;
    marker.dataset.widgetStarted = "1";
    const args = marker.dataset.widgetFor ? [marker.dataset.widgetFor] : [];
    if (marker.dataset.widgetOptions) args.push(JSON.parse(marker.dataset.widgetOptions));
    if (CLASSES.includes(name)) {
      new window[name](...args);
    } else {
      window[name](...args);
    }
  }

  function startAll(root) {
    root.querySelectorAll("[data-widget-start]").forEach(start);
  }

  document.addEventListener("DOMContentLoaded", function () {
    startAll(document);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.nodeType === Node.ELEMENT_NODE) {
            if (node.matches("[data-widget-start]")) start(node);
            startAll(node);
          }
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
