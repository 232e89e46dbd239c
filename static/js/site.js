// Progressive enhancement for the header menu. Without this script every
// menu item stays reachable: the menu is open on phones and dropdowns open on
// hover and keyboard focus on larger screens.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  var nav = document.getElementById("main-nav");
  var toggle = document.querySelector(".menu-toggle");
  if (!nav) return;

  if (toggle) {
    toggle.hidden = false;
    nav.classList.add("is-collapsed");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      nav.classList.toggle("is-collapsed", open);
    });
  }

  var buttons = nav.querySelectorAll(".submenu-toggle");
  function setOpen(button, open) {
    var submenu = document.getElementById(button.getAttribute("aria-controls"));
    button.setAttribute("aria-expanded", String(open));
    if (submenu) submenu.classList.toggle("is-open", open);
  }
  function closeAll(except) {
    buttons.forEach(function (button) {
      if (button !== except) setOpen(button, false);
    });
  }
  buttons.forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") === "true";
      closeAll(button);
      setOpen(button, !open);
    });
  });

  // Escape closes an open dropdown and returns focus to its button.
  nav.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var item = event.target.closest(".menu-item");
    var button = item && item.querySelector(".submenu-toggle");
    if (button && button.getAttribute("aria-expanded") === "true") {
      setOpen(button, false);
      button.focus();
    }
  });
  // A click or tap outside the menu closes any open dropdown.
  document.addEventListener("click", function (event) {
    if (!nav.contains(event.target)) closeAll(null);
  });
})();
