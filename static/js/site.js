// Progressive enhancement for the header menu. The page is served with the
// menu collapsed and the dropdown buttons in place (no layout shift when this
// runs); without JavaScript, css/nojs.css opens everything instead.
(function () {
  "use strict";
  var nav = document.getElementById("main-nav");
  var toggle = document.querySelector(".menu-toggle");
  if (!nav) return;

  if (toggle) {
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

// Photo albums: a keyboard-accessible lightbox on <dialog>. Without this
// script each thumbnail links to the large photo.
(function () {
  "use strict";
  document.querySelectorAll("[data-lightbox]").forEach(function (album) {
    var links = Array.prototype.slice.call(album.querySelectorAll(".lightbox-link"));
    if (!links.length || typeof HTMLDialogElement === "undefined") return;
    var dialog = document.createElement("dialog");
    dialog.className = "lightbox";
    dialog.setAttribute("aria-label", album.dataset.labelDialog);
    dialog.innerHTML =
      '<figure><img alt=""><figcaption></figcaption></figure>' +
      '<div class="lightbox-controls">' +
      '<button type="button" class="button" data-step="-1"></button>' +
      '<button type="button" class="button" data-step="1"></button>' +
      '<button type="button" class="button button-secondary" data-close></button></div>';
    document.body.appendChild(dialog);
    var img = dialog.querySelector("img");
    var caption = dialog.querySelector("figcaption");
    var previous = dialog.querySelector('[data-step="-1"]');
    var next = dialog.querySelector('[data-step="1"]');
    var close = dialog.querySelector("[data-close]");
    previous.textContent = album.dataset.labelPrevious;
    next.textContent = album.dataset.labelNext;
    close.textContent = album.dataset.labelClose;
    var current = 0;

    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      img.src = link.href;
      img.alt = link.dataset.alt || "";
      caption.textContent = link.dataset.caption || "";
      caption.hidden = !link.dataset.caption;
    }
    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        show(index);
        dialog.showModal();
        close.focus();
      });
    });
    previous.addEventListener("click", function () { show(current - 1); });
    next.addEventListener("click", function () { show(current + 1); });
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") show(current - 1);
      if (event.key === "ArrowRight") show(current + 1);
    });
    // Escape closes a modal dialog natively; focus goes back to the photo.
    dialog.addEventListener("close", function () { links[current].focus(); });
  });
})();

// Videos: the provider's player is inserted only when the visitor asks.
(function () {
  "use strict";
  document.querySelectorAll("[data-video-consent]").forEach(function (box) {
    var button = box.querySelector("[data-video-play]");
    var template = box.querySelector("template[data-video-embed]");
    if (!button || !template) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var player = document.createElement("div");
      player.className = "responsive-embed";
      player.appendChild(template.content.cloneNode(true));
      box.replaceWith(player);
      var frame = player.querySelector("iframe");
      if (frame) frame.focus();
    });
  });
})();
