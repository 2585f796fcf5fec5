// plenary: small improvements on pages that work without JavaScript.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Reading a chosen notes file into the paste box, so the preview shows it.
  var file = document.querySelector("input[type=file][data-fills]");
  if (file) {
    file.addEventListener("change", function () {
      var target = document.getElementById(file.getAttribute("data-fills"));
      if (!target || !file.files.length) return;
      file.files[0].text().then(function (text) { target.value = text; });
    });
  }
  // Asking before a form that cannot be undone easily is sent.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
    });
  });
  // Filters apply as soon as a select changes.
  document.querySelectorAll("form.filters select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.requestSubmit(); });
  });
});
