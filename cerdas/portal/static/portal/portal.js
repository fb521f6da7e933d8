// Reactions without a page reload: the form still works as a plain post when this is absent.
(function () {
  "use strict";
  var form = document.querySelector("[data-reaction-form]");
  if (!form || !window.fetch || !window.FormData) { return; }
  var status = document.querySelector("[data-reaction-status]");
  var button = form.querySelector("button[type=submit]");

  function show(data) {
    Object.keys(data.percentages || {}).forEach(function (key) {
      var percent = form.querySelector('[data-percent="' + key + '"]');
      var count = form.querySelector('[data-count="' + key + '"]');
      var meter = form.querySelector('[data-meter="' + key + '"]');
      if (percent) { percent.textContent = data.percentages[key]; }
      if (count) { count.textContent = data.counts[key]; }
      if (meter) { meter.value = data.percentages[key]; }
    });
    if (status && data.message) { status.textContent = data.message + " (" + data.total + ")"; }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (button) { button.disabled = true; }
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { "Accept": "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      show(result.data);
    }).catch(function () {
      form.submit();  // the network or the server failed: fall back to the plain post
    }).then(function () {
      if (button) { button.disabled = false; }
    });
  });
}());
