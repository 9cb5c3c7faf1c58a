/* The step editor shows only the settings of the chosen kind (each kind's fieldset carries
   data-step-kind). Without JavaScript every set stays visible and the server keeps only the
   chosen kind's settings. */
(function () {
  "use strict";
  function refresh(form) {
    var checked = form.querySelector("input[name=kind]:checked");
    var kind = checked ? checked.value : "human";
    form.querySelectorAll("[data-step-kind]").forEach(function (fieldset) {
      fieldset.hidden = fieldset.getAttribute("data-step-kind") !== kind;
    });
  }
  function start() {
    var form = document.getElementById("step-form");
    if (!form) { return; }
    form.addEventListener("change", function () { refresh(form); });
    refresh(form);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
