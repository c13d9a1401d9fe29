// A fair booth's "products shown" (cms/booths.py): when the booth's producer changes, the checkboxes are
// refilled with that producer's products. Delegated from the document, so booths added later work too.
(function () {
  "use strict";

  function choicesFor(producerSelect) {
    if (!producerSelect.id || !/-producer$/.test(producerSelect.id)) return null;
    var choices = document.getElementById(producerSelect.id.replace(/-producer$/, "-featured_products"));
    return choices && choices.closest("[data-booth-products]") ? choices : null;
  }

  function message(choices, text) {
    var note = document.createElement("p");
    note.className = "help booth-products__empty";
    note.textContent = text;
    choices.replaceChildren(note);
  }

  function fill(choices, products) {
    var box = choices.closest("[data-booth-products]");
    var name = choices.id.replace(/^id_/, "");
    if (!products.length) return message(choices, box.dataset.emptyText);
    choices.replaceChildren.apply(choices, products.map(function (product, index) {
      var row = document.createElement("div");
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "checkbox";
      input.name = name;
      input.value = String(product.id);
      input.id = choices.id + "_" + index;
      label.htmlFor = input.id;
      label.append(input, " " + product.title);
      row.append(label);
      return row;
    }));
  }

  document.addEventListener("change", function (event) {
    var choices = event.target instanceof HTMLSelectElement ? choicesFor(event.target) : null;
    if (!choices) return;
    var box = choices.closest("[data-booth-products]");
    var producer = event.target.value;
    if (!producer) return message(choices, box.dataset.chooseText);
    var url = box.dataset.sourceUrl + "?producer=" + encodeURIComponent(producer);
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.statusText);
        return response.json();
      })
      .then(function (data) {
        if (event.target.value === producer) fill(choices, data.products);  // a later choice wins
      })
      .catch(function () { message(choices, box.dataset.errorText); });
  });
})();
