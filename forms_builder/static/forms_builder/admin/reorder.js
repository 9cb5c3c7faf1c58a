// Optional drag and drop of the draft's fields; the up/down buttons work without it.
(function () {
  "use strict";
  var table = document.getElementById("draft-fields");
  if (!table) return;
  var body = table.tBodies[0];
  var dragged = null;
  body.addEventListener("dragstart", function (event) {
    dragged = event.target.closest("tr[data-key]");
    if (dragged) event.dataTransfer.effectAllowed = "move";
  });
  body.addEventListener("dragover", function (event) {
    var row = event.target.closest("tr[data-key]");
    if (!dragged || !row || row === dragged) return;
    event.preventDefault();
    var after = event.clientY > row.getBoundingClientRect().top + row.offsetHeight / 2;
    body.insertBefore(dragged, after ? row.nextSibling : row);
  });
  body.addEventListener("drop", function (event) {
    if (!dragged) return;
    event.preventDefault();
    dragged = null;
    var form = document.createElement("form");
    form.method = "post";
    form.action = table.dataset.reorderUrl;
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    form.appendChild(token.cloneNode());
    body.querySelectorAll("tr[data-key]").forEach(function (row) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = "keys";
      input.value = row.dataset.key;
      form.appendChild(input);
    });
    document.body.appendChild(form);
    form.submit();
  });
})();
