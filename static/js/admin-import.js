// Settings → Import content: go on with the next slice of the import by itself
// (without JavaScript the editor presses "Continue").
(function () {
  var form = document.querySelector("form[data-import-continue]");
  if (form) {
    window.setTimeout(function () { form.submit(); }, 300);
  }
})();
