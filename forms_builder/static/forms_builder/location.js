/* "Use my location": fill latitude/longitude from the browser's geolocation (HTTPS or localhost). */
(function () {
  "use strict";

  function init(box) {
    if (box.getAttribute("data-fb-ready")) { return; }
    box.setAttribute("data-fb-ready", "1");
    var button = box.querySelector("[data-fb-locate]");
    var status = box.querySelector("[data-fb-locate-status]");
    var numbers = box.querySelectorAll('input[type="number"]');
    if (!("geolocation" in navigator)) {
      status.textContent = box.getAttribute("data-fb-msg-unsupported");
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = box.getAttribute("data-fb-msg-waiting");
      navigator.geolocation.getCurrentPosition(function (position) {
        numbers[0].value = position.coords.latitude.toFixed(6);
        numbers[1].value = position.coords.longitude.toFixed(6);
        numbers[1].dispatchEvent(new Event("change", {bubbles: true}));
        status.textContent = "";
      }, function () {
        status.textContent = box.getAttribute("data-fb-msg-failed");
      }, {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000});
    });
  }

  function start() { document.querySelectorAll("[data-fb-location]").forEach(init); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
