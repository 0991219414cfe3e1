/* Autosave of the questionnaire: each answer is sent on its own, with the revision it was based on.
   A newer answer saved by a colleague is never overwritten: the server answers 409 and the page
   shows both, with the choice to keep one's own or take theirs. The forms work without this file. */
(function () {
  "use strict";
  var root = document.getElementById("qn");
  if (!root || !window.fetch) { return; }
  var DELAY = 1200;
  var msg = root.dataset;

  function status(form, text, bad) {
    var el = form.querySelector(".st");
    el.textContent = text;
    el.className = bad ? "st bad" : "st";
  }

  function progress(answered) {
    var box = document.getElementById("qn-progress");
    if (!box) { return; }
    box.querySelector("progress").value = answered;
    box.querySelector(".qn-answered").textContent = answered;
  }

  function choiceOf(form) {
    var checked = form.querySelector("input[name=choice]:checked");
    return checked ? checked.value : "";
  }

  function followUps() {
    var sections = root.querySelectorAll("section.q[data-parent]");
    Array.prototype.forEach.call(sections, function (section) {
      var parent = document.getElementById("q" + section.dataset.parent);
      var form = parent && parent.querySelector("form[data-autosave]");
      var choice = form ? choiceOf(form) : "";
      section.hidden = !parent || parent.hidden || section.dataset.when.split(" ").indexOf(choice) < 0;
    });
  }

  function fill(form, value) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "base_revision" || el.name === "csrfmiddlewaretoken") { return; }
      if (el.type === "radio") { el.checked = value[el.name] === el.value; } else { el.value = value[el.name] || ""; }
    });
  }

  function conflict(form, data) {
    var box = document.createElement("div");
    box.className = "msg error";
    box.setAttribute("role", "alert");
    var p = document.createElement("p");
    p.textContent = data.error;
    box.appendChild(p);
    var dl = document.createElement("dl");
    data.theirs.forEach(function (pair) {
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = pair[0];
      dd.textContent = pair[1];
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    box.appendChild(dl);
    [[msg.keep, function () { send(form); }], [msg.take, function () { fill(form, data.value); delete form.dataset.dirty; followUps(); }]].forEach(function (choice) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = choice[0];
      button.className = "secondary";
      button.addEventListener("click", function () {
        form.elements.base_revision.value = data.revision;
        box.remove();
        choice[1]();
      });
      box.appendChild(button);
    });
    form.parentNode.insertBefore(box, form);
    status(form, "", false);
  }

  function send(form) {
    if (form.dataset.busy) { form.dataset.again = "1"; return; }
    if (form.parentNode.querySelector(".msg.error")) { return; }  // a conflict waits for the person's choice
    form.dataset.busy = "1";
    status(form, msg.saving, false);
    var token = form.elements.csrfmiddlewaretoken.value;
    fetch(form.action, {method: "POST", body: new FormData(form), credentials: "same-origin",
                        headers: {"X-CSRFToken": token, "Accept": "application/json"}})
      .then(function (reply) {
        return reply.json().then(function (data) { return {code: reply.status, data: data}; });
      })
      .then(function (result) {
        if (result.code === 200) {
          if (!form.dataset.again) { delete form.dataset.dirty; }
          form.elements.base_revision.value = result.data.revision;
          status(form, msg.saved, false);
          progress(result.data.answered);
        } else if (result.code === 409) {
          conflict(form, result.data);
        } else {
          status(form, result.data.error || msg.failed, true);
        }
      })
      .catch(function () { status(form, msg.failed, true); })
      .then(function () {
        delete form.dataset.busy;
        if (form.dataset.again) { delete form.dataset.again; send(form); }
      });
  }

  Array.prototype.forEach.call(root.querySelectorAll("form[data-autosave]"), function (form) {
    var timer = null;
    function later() { form.dataset.dirty = "1"; clearTimeout(timer); timer = setTimeout(function () { send(form); }, DELAY); }
    form.addEventListener("input", later);
    form.addEventListener("change", function () { form.dataset.dirty = "1"; clearTimeout(timer); followUps(); send(form); });
    form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); send(form); });
  });

  // Back online: what could not be sent goes now.
  window.addEventListener("online", function () {
    Array.prototype.forEach.call(root.querySelectorAll("form[data-dirty]"), function (form) { send(form); });
  });

  // Leaving the page with an answer not yet saved (typing, no connection, a conflict) asks first.
  window.addEventListener("beforeunload", function (event) {
    if (root.querySelector("form[data-dirty]")) { event.preventDefault(); event.returnValue = ""; }
  });
}());
