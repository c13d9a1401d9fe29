/* The address form's commune list follows the chosen province (storefront/checkout/forms.py); without JavaScript
 * the buyer types the commune instead. A buyer who runs through the provinces with the arrow keys starts one
 * request per province: each new choice cancels the request before it, and a response that still arrives for
 * an earlier province is dropped, so the list only ever holds the communes of the province shown. */
(function () {
    "use strict";
    var province = document.getElementById("id_province");
    var commune = document.getElementById("id_commune");
    if (!province || !commune || !commune.dataset.communesUrl) { return; }
    var emptyLabel = commune.options.length ? commune.options[0].text : "";
    var current = null;  // the AbortController of the one request whose answer may fill the list

    function empty() {
        commune.options.length = 0;
        commune.add(new Option(emptyLabel, ""));
    }

    function load() {
        if (current) { current.abort(); }
        current = null;
        empty();
        var chosen = province.value;
        if (!chosen) { commune.removeAttribute("aria-busy"); return; }
        var request = new AbortController();
        current = request;
        commune.setAttribute("aria-busy", "true");
        fetch(commune.dataset.communesUrl + "?province=" + encodeURIComponent(chosen),
              {signal: request.signal, headers: {"Accept": "application/json"}})
            .then(function (response) {
                if (!response.ok) { throw new Error("communes: HTTP " + response.status); }
                return response.json();
            })
            .then(function (data) {
                if (request !== current || province.value !== chosen) { return; }  // a later choice owns the list
                empty();
                data.communes.forEach(function (item) { commune.add(new Option(item.name, item.id)); });
            })
            .catch(function (error) {
                // aborted: a later choice took over; failed: the list stays empty and the buyer types the commune
                if (error.name !== "AbortError" && window.console) { window.console.warn(error); }
            })
            .then(function () {
                if (request === current) { commune.removeAttribute("aria-busy"); current = null; }
            });
    }

    province.addEventListener("change", load);
})();
