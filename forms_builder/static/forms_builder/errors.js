// After a failed submit: bring the first answer in error into view and give it the focus, so a
// person on a phone does not have to hunt three screens down for what to correct.
(function () {
  "use strict";
  function focusFirstError(form) {
    var field = form.querySelector(".fb-field--error");
    if (!field) return;
    var input = field.querySelector("input:not([type=hidden]), select, textarea");
    field.scrollIntoView({ block: "center" });
    if (input) input.focus({ preventScroll: true });
  }
  document.querySelectorAll("[data-fb-form]").forEach(focusFirstError);
})();
