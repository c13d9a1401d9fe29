/* Which search results buyers open (themes/ocop/templates/oscar/search/results.html, search.SearchClick).
 * When a link inside a result is followed (a click, or a middle click that opens a tab), the browser is asked to
 * send one beacon: the search's record id, the product id and its position on the page. The beacon is sent in
 * the background and survives the page being left, so following the link waits for nothing and its URL stays
 * the product's own. */
(function () {
    "use strict";
    var list = document.querySelector("[data-search-record]");
    if (!list || !navigator.sendBeacon || !window.URLSearchParams) { return; }

    function report(event) {
        if (event.type === "auxclick" && event.button !== 1) { return; }
        var link = event.target.closest("a[href]");
        var item = link && link.closest("[data-product-id]");
        if (!item || !list.contains(item)) { return; }
        navigator.sendBeacon(list.getAttribute("data-click-url"), new URLSearchParams({
            search: list.getAttribute("data-search-record"),
            product: item.getAttribute("data-product-id"),
            position: item.getAttribute("data-position")
        }));
    }

    list.addEventListener("click", report);
    list.addEventListener("auxclick", report);
}());
