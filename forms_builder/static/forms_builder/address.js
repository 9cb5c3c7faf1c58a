/* Chain province -> district -> subdistrict selects through the read-only area lookup. */
(function () {
  "use strict";

  function fill(select, areas) {
    var english = (document.documentElement.lang || "th").indexOf("en") === 0;
    while (select.options.length > 1) { select.remove(1); }
    areas.forEach(function (area) {
      var option = document.createElement("option");
      option.value = area.code;
      option.textContent = english ? area.name_en : area.name_th;
      select.appendChild(option);
    });
  }

  function load(url, code, select) {
    fill(select, []);
    if (!code) { return Promise.resolve(); }
    return fetch(url + encodeURIComponent(code) + "/", {credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.json() : {areas: []}; })
      .then(function (data) { fill(select, data.areas || []); })
      .catch(function () { /* keep the server-rendered choices */ });
  }

  function init(box) {
    if (box.getAttribute("data-fb-ready")) { return; }
    box.setAttribute("data-fb-ready", "1");
    var url = box.getAttribute("data-fb-lookup-url");
    var province = box.querySelector('[data-fb-area="province"]');
    var district = box.querySelector('[data-fb-area="district"]');
    var subdistrict = box.querySelector('[data-fb-area="subdistrict"]');
    province.addEventListener("change", function () {
      fill(subdistrict, []);
      load(url, province.value, district).then(function () {
        district.dispatchEvent(new Event("input", {bubbles: true}));
      });
    });
    district.addEventListener("change", function () {
      load(url, district.value, subdistrict).then(function () {
        subdistrict.dispatchEvent(new Event("input", {bubbles: true}));
      });
    });
  }

  function start() { document.querySelectorAll("[data-fb-address]").forEach(init); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
