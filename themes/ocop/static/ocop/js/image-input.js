// Oscar's image widget (dashboard product images): once the chosen file previews, hide its upload button; if
// the browser cannot show it, bring the button back and say so. Oscar did this with inline onload/onerror
// attributes, which the Content-Security-Policy forbids. oscar/base.html loads this on every page.
(function () {
  function uploadButton(img) {
    var widget = img.parentElement;
    if (img.tagName !== "IMG" || !widget || !widget.classList.contains("image-input")) { return null; }
    return widget.querySelector("button[id^='upload_button_']");
  }

  // load and error do not bubble: listen in the capture phase
  document.addEventListener("load", function (event) {
    var button = uploadButton(event.target);
    if (button) { button.style.display = "none"; }
  }, true);
  document.addEventListener("error", function (event) {
    var button = uploadButton(event.target);
    if (button) {
      button.style.display = "";
      window.alert(event.target.dataset.errorMessage);
    }
  }, true);
})();
