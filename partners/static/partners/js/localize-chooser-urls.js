// wagtail-localize's translation editor reads the choosers' URLs from window.chooserUrls, which
// it sets in an inline script; our copy of its template gives them on this script's tag instead.
(function () {
  "use strict";
  const urls = document.currentScript.dataset;
  if (typeof window.chooserUrls === "undefined") {
    window.chooserUrls = {
      imageChooser: urls.imageChooser,
      documentChooser: urls.documentChooser,
      pageChooser: urls.pageChooser,
    };
  }
})();
