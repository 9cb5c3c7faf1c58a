/* The step editor shows only the settings of the chosen kind (a task for a person, or an end).
   Without JavaScript both sets stay visible and the server ignores what does not apply. */
(function () {
  "use strict";
  function refresh(form) {
    var checked = form.querySelector("input[name=kind]:checked");
    var kind = checked ? checked.value : "human";
    form.querySelector("#human-settings").hidden = kind !== "human";
    form.querySelector("#end-settings").hidden = kind !== "end";
  }
  function start() {
    var form = document.getElementById("step-form");
    if (!form) { return; }
    form.addEventListener("change", function () { refresh(form); });
    refresh(form);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
