// Chained province → district → subdistrict selects for a partner's service areas. No dependencies.
(function () {
  "use strict";
  var rows = document.querySelector("[data-area-rows]");
  if (!rows) return;
  var url = rows.getAttribute("data-area-url");
  var next = { province: "district", district: "subdistrict" };

  function reset(select) {
    while (select.options.length > 1) select.remove(1);
    select.value = "";
  }

  function fill(select, parent) {
    reset(select);
    if (!parent) return;
    fetch(url + "?parent=" + encodeURIComponent(parent), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) { return response.ok ? response.json() : { areas: [] }; })
      .then(function (data) {
        data.areas.forEach(function (area) {
          select.add(new Option(area.name, area.code));
        });
      });
  }

  // Delegated, so rows added later work too.
  rows.addEventListener("change", function (event) {
    var level = event.target.getAttribute("data-area-level");
    if (!next[level]) return;
    var row = event.target.closest("[data-area-row]");
    var child = row.querySelector('[data-area-level="' + next[level] + '"]');
    fill(child, event.target.value);
    if (level === "province") reset(row.querySelector('[data-area-level="subdistrict"]'));
  });

  var add = document.querySelector("[data-area-add]");
  var template = document.querySelector("[data-area-template]");
  var total = document.querySelector('input[name="areas-TOTAL_FORMS"]');
  if (add && template && total) {
    add.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      rows.insertAdjacentHTML("beforeend", template.innerHTML.replace(/__prefix__/g, String(index)));
      total.value = String(index + 1);
    });
  }
})();
