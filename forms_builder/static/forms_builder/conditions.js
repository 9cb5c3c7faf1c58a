/* Show and hide runtime form fields as the user answers. Dependency-free; the server re-checks.
   Mirrors forms_builder/conditions.py: {"any": [{"all": [{"field", "operator", "value"}]}]}. */
(function () {
  "use strict";

  var THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";

  function asciiDigits(text) {
    return text.replace(/[๐-๙]/g, function (d) { return String(THAI_DIGITS.indexOf(d)); });
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // dd/mm/yyyy as typed (BE when the page is Thai) -> "YYYY-MM-DD", or null.
  function isoDate(text) {
    var typed = asciiDigits(text.trim());
    var m = /^(\d{1,2})\s*[\/.\-\s]\s*(\d{1,2})\s*[\/.\-\s]\s*(\d{4})$/.exec(typed) ||
      /^(\d{2})(\d{2})(\d{4})$/.exec(typed);
    if (!m) { return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? text.trim() : null; }
    var year = Number(m[3]);
    var thai = (document.documentElement.lang || "th").indexOf("th") === 0;
    if (thai) { if (year < 2400) { return null; } year -= 543; }
    return year + "-" + pad(Number(m[2])) + "-" + pad(Number(m[1]));
  }

  function inputs(wrapper) {
    return Array.prototype.slice.call(wrapper.querySelectorAll("input, select, textarea"));
  }

  function fieldValue(wrapper) {
    var type = wrapper.getAttribute("data-fb-type");
    var all = inputs(wrapper);
    var checked = all.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
    var first = all[0];
    switch (type) {
      case "heading": return null;
      case "multiple_choice": return checked;
      case "yes_no": return checked.length ? checked[0] === "yes" : null;
      case "single_choice":
        if (first && first.tagName === "SELECT") { return first.value || null; }
        return checked.length ? checked[0] : null;
      case "integer":
      case "decimal":
        var text = first ? asciiDigits(first.value.trim()) : "";
        return text === "" || isNaN(Number(text)) ? (text || null) : Number(text);
      case "date": return first && first.value.trim() ? isoDate(first.value) : null;
      case "datetime":
        var day = first && first.value.trim() ? isoDate(first.value) : null;
        var time = all[1] ? all[1].value : "";
        return day ? day + "T" + (time || "00:00") : null;
      case "file": return first && first.files && first.files.length ? {name: first.files[0].name} : null;
      default:
        var filled = all.filter(function (i) { return i.type !== "button" && i.value.trim(); });
        if (all.length > 1) { return filled.length ? {filled: true} : null; }
        return filled.length ? filled[0].value.trim() : null;
    }
  }

  function isEmpty(v) {
    return v === null || v === undefined || v === "" ||
      (Array.isArray(v) && v.length === 0);
  }

  function comparable(v) {
    if (typeof v === "boolean" || typeof v === "number") { return v; }
    if (typeof v === "string" && v.trim() !== "" && !isNaN(Number(v))) { return Number(v); }
    return v;
  }

  function same(a, b) {
    if (typeof a === "boolean" || typeof b === "boolean") { return a === b; }
    return comparable(a) === comparable(b);
  }

  function order(op, a, b) {
    a = comparable(a); b = comparable(b);
    if (typeof a !== typeof b) { return false; }
    if (typeof a === "string" && a.length !== b.length) {
      var n = Math.min(a.length, b.length); a = a.slice(0, n); b = b.slice(0, n);
    }
    if (op === "gt") { return a > b; }
    if (op === "gte") { return a >= b; }
    if (op === "lt") { return a < b; }
    return a <= b;
  }

  function rowHolds(row, answers) {
    var answer = answers[row.field];
    var op = row.operator;
    if (op === "empty") { return isEmpty(answer); }
    if (op === "not_empty") { return !isEmpty(answer); }
    if (op === "not_equals") { return !rowHolds({field: row.field, operator: "equals", value: row.value}, answers); }
    if (op === "not_in") { return !rowHolds({field: row.field, operator: "in", value: row.value}, answers); }
    if (isEmpty(answer)) { return false; }
    if (op === "equals") { return same(answer, row.value); }
    if (op === "in") { return (row.value || []).some(function (v) { return same(answer, v); }); }
    if (op === "contains") {
      return (Array.isArray(answer) ? answer : [answer]).some(function (v) { return same(v, row.value); });
    }
    if (["gt", "gte", "lt", "lte"].indexOf(op) >= 0) { return order(op, answer, row.value); }
    return false;
  }

  function holds(condition, answers) {
    if (!condition || !condition.any || !condition.any.length) { return true; }
    return condition.any.some(function (group) {
      return (group.all || []).every(function (row) { return rowHolds(row, answers); });
    });
  }

  function nationalIdParts(wrapper) {
    var status = wrapper.querySelector(".fb-national-id select");
    if (!status) { return; }
    var number = wrapper.querySelector('[data-fb-part="2"]');
    var documentPart = wrapper.querySelector('[data-fb-part="3"]');
    number.hidden = !(status.value === "" || status.value === "id");
    documentPart.hidden = status.value === "" || status.value === "id";
  }

  function refresh(form) {
    var answers = {};
    form.querySelectorAll("[data-fb-field]").forEach(function (wrapper) {
      var raw = wrapper.getAttribute("data-fb-condition");
      var visible = holds(raw ? JSON.parse(raw) : null, answers);
      wrapper.hidden = !visible;
      // Hidden answers are not sent (the server would ignore them anyway).
      inputs(wrapper).forEach(function (i) { i.disabled = !visible; });
      if (visible) {
        var value = fieldValue(wrapper);
        if (!isEmpty(value)) { answers[wrapper.getAttribute("data-fb-field")] = value; }
      }
      nationalIdParts(wrapper);
    });
  }

  function init(form) {
    if (form.getAttribute("data-fb-ready")) { return; }
    form.setAttribute("data-fb-ready", "1");
    form.querySelectorAll("[data-fb-condition-note]").forEach(function (n) { n.hidden = true; });
    form.addEventListener("input", function () { refresh(form); });
    form.addEventListener("change", function () { refresh(form); });
    refresh(form);
  }

  window.thiphuengConditions = {holds: holds, refresh: refresh};

  function start() { document.querySelectorAll("[data-fb-form]").forEach(init); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
