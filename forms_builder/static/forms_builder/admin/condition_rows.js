/* Condition rows without codes: once a row's field is chosen, its operators are the ones that
   fit the field, and its value is chosen from the field's own choices by label (yes / no,
   choice labels; several for "is one of"), or typed in a number box. The row's text input
   stays the one sent to the server (hidden when a list replaces it); without JavaScript it
   accepts a value, a label or yes / no as typed. Data: the JSON script #condition-fields. */
(function () {
  "use strict";
  var data = {};
  var dataElement = document.getElementById("condition-fields");
  if (dataElement) { data = JSON.parse(dataElement.textContent); }
  var LIST = { "in": true, "not_in": true };
  var NO_VALUE = { "empty": true, "not_empty": true };

  function splitValues(text) {
    return text.split(",").map(function (item) { return item.trim(); }).filter(Boolean);
  }

  function chosenFrom(choices, text) {
    // The stored values of what the input holds, whether it holds values or labels.
    var wanted = splitValues(text).map(function (item) { return item.toLowerCase(); });
    return choices.filter(function (choice) {
      return wanted.indexOf(choice[0].toLowerCase()) >= 0 || wanted.indexOf(choice[1].toLowerCase()) >= 0;
    }).map(function (choice) { return choice[0]; });
  }

  function limitOperators(select, info) {
    var allowed = info ? info.operators.map(function (op) { return op[0]; }) : null;
    Array.prototype.forEach.call(select.options, function (option) {
      var hide = allowed !== null && option.value !== "" && allowed.indexOf(option.value) < 0;
      option.hidden = hide;
      option.disabled = hide;
    });
    if (select.selectedOptions.length && select.selectedOptions[0].disabled) { select.value = ""; }
  }

  function valuePicker(row, input, info, operator) {
    var old = row.querySelector("[data-condition-picker]");
    if (old) { old.remove(); }
    input.hidden = false;
    input.type = "text";
    input.removeAttribute("inputmode");
    if (!info || NO_VALUE[operator]) {
      input.hidden = Boolean(info && NO_VALUE[operator]);
      return;
    }
    if (info.type === "integer" || info.type === "decimal") {
      input.setAttribute("inputmode", info.type === "integer" ? "numeric" : "decimal");
      return;
    }
    if (!info.choices.length) { return; }
    var picker = document.createElement("select");
    picker.setAttribute("data-condition-picker", "");
    picker.setAttribute("aria-label", input.getAttribute("aria-label") || "");
    picker.multiple = Boolean(LIST[operator]);
    if (!picker.multiple) {
      var blank = document.createElement("option");
      blank.value = "";
      blank.textContent = "---------";
      picker.appendChild(blank);
    }
    var chosen = chosenFrom(info.choices, input.value);
    info.choices.forEach(function (choice) {
      var option = document.createElement("option");
      option.value = choice[0];
      option.textContent = choice[1];
      option.selected = chosen.indexOf(choice[0]) >= 0;
      picker.appendChild(option);
    });
    if (picker.multiple) { picker.size = Math.min(info.choices.length, 6); }
    picker.addEventListener("change", function () {
      input.value = Array.prototype.map.call(picker.selectedOptions, function (o) { return o.value; }).join(", ");
    });
    input.value = chosen.join(", ");
    input.hidden = true;
    input.parentNode.insertBefore(picker, input);
  }

  function refresh(row) {
    var field = row.querySelector("select[name$='-field']");
    var operator = row.querySelector("select[name$='-operator']");
    var input = row.querySelector("input[name$='-value']");
    if (!field || !operator || !input) { return; }
    var info = data[field.value];
    limitOperators(operator, info);
    valuePicker(row, input, info, operator.value);
  }

  function start() {
    document.querySelectorAll(".condition-row").forEach(function (row) {
      row.addEventListener("change", function (event) {
        if (event.target.matches("select[name$='-field'], select[name$='-operator']")) { refresh(row); }
      });
      refresh(row);
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
