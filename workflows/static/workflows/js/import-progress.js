// A background import's page: polls its small progress endpoint every second and moves the bar;
// when the import stops (checked, imported, refused or failed) the page reloads to show the result.
(function () {
  "use strict";
  const panel = document.getElementById("import-run-panel");
  const url = panel && panel.dataset.progressUrl;
  if (!url) return;
  const bar = document.getElementById("import-progress");
  const text = document.getElementById("import-progress-text");
  const number = new Intl.NumberFormat(document.documentElement.lang || undefined);
  // The page gives the words, translated: "{done} of {total} rows" and so on.
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (_whole, name) => values[name]);
  }
  function words(data) {
    if (!data.total) return panel.dataset.textCounting;
    let line = fill(panel.dataset.textRows, {
      done: number.format(data.done),
      total: number.format(data.total),
    });
    if (data.seconds_left !== null) {
      line += ` · ${fill(panel.dataset.textLeft, {
        minutes: Math.floor(data.seconds_left / 60),
        seconds: data.seconds_left % 60,
      })}`;
    }
    return line;
  }
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((data) => {
        if (!data.running) {
          window.location.reload();
          return;
        }
        if (data.total) {
          bar.max = data.total;
          bar.value = data.done;
        }
        text.textContent = words(data);
        window.setTimeout(poll, 1000);
      })
      .catch(() => window.setTimeout(poll, 5000));
  }
  window.setTimeout(poll, 1000);
})();
