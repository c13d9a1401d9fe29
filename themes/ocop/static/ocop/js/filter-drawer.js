/* The listing's filters as a drawer on phones (themes/ocop/templates/oscar/search/results.html).
 * The "Filter" link opens #filters as a modal dialog: focus moves in and stays in, Escape, the close button, the
 * "show N products" button and the backdrop close it, and focus returns to the link. From 768px the filters are
 * a plain sidebar and none of this applies. Without JavaScript the link opens the drawer through :target. */
(function () {
    "use strict";
    var drawer = document.getElementById("filters");
    var opener = document.querySelector("[data-filter-open]");
    if (!drawer || !opener) { return; }
    var backdrop = drawer.parentNode.querySelector(".filter-backdrop");
    var phone = window.matchMedia("(max-width: 767.98px)");
    var focusable = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled])";

    document.documentElement.classList.add("js-filter-drawer");  // from here on the script, not :target, opens it
    opener.setAttribute("aria-expanded", "false");

    function isOpen() { return drawer.classList.contains("is-open"); }

    function open() {
        drawer.classList.add("is-open");
        drawer.setAttribute("role", "dialog");
        drawer.setAttribute("aria-modal", "true");
        opener.setAttribute("aria-expanded", "true");
        document.body.classList.add("filter-drawer-open");
        if (backdrop) { backdrop.hidden = false; }
        drawer.focus();
    }

    function close(returnFocus) {
        if (!isOpen()) { return; }
        drawer.classList.remove("is-open");
        drawer.removeAttribute("role");
        drawer.removeAttribute("aria-modal");
        document.documentElement.classList.add("js-filter-drawer");  // from here on the script, not :target, opens it
    opener.setAttribute("aria-expanded", "false");
        document.body.classList.remove("filter-drawer-open");
        if (backdrop) { backdrop.hidden = true; }
        if (returnFocus) { opener.focus(); }
    }

    opener.addEventListener("click", function (event) {
        if (!phone.matches) { return; }
        event.preventDefault();
        open();
    });
    document.querySelectorAll("[data-filter-close]").forEach(function (control) {
        control.addEventListener("click", function (event) {
            event.preventDefault();
            close(true);
        });
    });
    drawer.addEventListener("keydown", function (event) {
        if (!isOpen()) { return; }
        if (event.key === "Escape") {
            event.preventDefault();
            close(true);
        } else if (event.key === "Tab") {  // keep focus inside the dialog
            var items = Array.prototype.filter.call(drawer.querySelectorAll(focusable),
                function (item) { return item.offsetParent !== null; });
            if (!items.length) { return; }
            var first = items[0], last = items[items.length - 1];
            if (event.shiftKey && (document.activeElement === first || document.activeElement === drawer)) {
                event.preventDefault();
                last.focus();
            } else if (!event.shiftKey && document.activeElement === last) {
                event.preventDefault();
                first.focus();
            }
        }
    });
    // turning a phone to landscape past 768px: the drawer becomes the sidebar again
    phone.addEventListener("change", function () { close(false); });
    // the no-JavaScript way in (#filters in the address) still works once the script runs
    if (window.location.hash === "#filters" && phone.matches) { open(); }
})();
