// Wagtail's slug field spells Vietnamese titles with the letters it knows only
// ("Cần Thơ" becomes "cn-th"). Each time it fills the slug from the title, the
// slug is spelled again as the server spells it (pages.search.folding.
// transliterate_slug): accents dropped, "đ" as "d" ("can-tho").
(function () {
  "use strict";

  function asciiSlug(text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase()
      .replace(/[^\w\s-]/g, "")
      .replace(/[-\s]+/g, "-")
      .replace(/^[-_]+|[-_]+$/g, "");
  }

  document.addEventListener("w-slug:applied", function (event) {
    var detail = event.detail || {};
    if ((detail.action === "urlify" || detail.action === "slugify") && detail.sourceValue) {
      event.target.value = asciiSlug(detail.sourceValue).slice(0, 255);
    }
  });
})();
