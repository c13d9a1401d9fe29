/* Oscar's dashboard, for keyboards and screen readers (themes/ocop/templates/oscar/dashboard/layout.html).
 * - A table wider than the screen scrolls sideways inside its box; such a box takes keyboard focus (arrow keys
 *   scroll it) and is named after its table, so it is announced as a region.
 * - Oscar's script adds a "select all" box to bulk-action tables without a name: it gets one. */
(function () {
    "use strict";
    function nameOf(box) {
        var caption = box.querySelector("caption");
        var heading = document.querySelector("main h1");
        return ((caption && caption.textContent) || (heading && heading.textContent) || "").trim().replace(/\s+/g, " ");
    }
    function labelScrollBoxes() {
        document.querySelectorAll("main .table-container, main .table-responsive").forEach(function (box) {
            if (box.scrollWidth > box.clientWidth) {
                box.setAttribute("tabindex", "0");
                box.setAttribute("role", "region");
                if (!box.hasAttribute("aria-label")) { box.setAttribute("aria-label", nameOf(box)); }
            } else if (box.getAttribute("tabindex") === "0") {
                box.removeAttribute("tabindex");
                box.removeAttribute("role");
            }
        });
    }
    function labelSelectAll() {
        var main = document.getElementById("main");
        var label = main && main.dataset.selectAllLabel;
        if (!label) { return; }
        document.querySelectorAll('input[name="select_all"]:not([aria-label])').forEach(function (box) {
            box.setAttribute("aria-label", label);
        });
    }
    // Oscar's start-up runs on jQuery's ready, which jQuery 3 defers: watch for the box it adds
    var main = document.getElementById("main");
    if (main && window.MutationObserver) {
        new MutationObserver(labelSelectAll).observe(main, {childList: true, subtree: true});
    }
    labelSelectAll();
    labelScrollBoxes();
    window.addEventListener("load", labelScrollBoxes);
    window.addEventListener("resize", labelScrollBoxes);
})();
