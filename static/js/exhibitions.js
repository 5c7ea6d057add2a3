/* Virtual exhibitions: arrow keys between exhibit pages, and a lightbox gallery on the exhibition page.
   Without JavaScript every exhibit is a page of its own with previous and next links. */
(function () {
    "use strict";

    var FOCUSABLE = 'a[href], button:not([disabled]), iframe, [tabindex]:not([tabindex="-1"])';

    function isTyping(target) {
        return target && target.closest && target.closest("input, textarea, select, [contenteditable]");
    }

    function plainKey(event) {
        return !(event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey);
    }

    /* Exhibit pages: ArrowLeft and ArrowRight follow the previous and next links. */
    document.addEventListener("keydown", function (event) {
        if (!plainKey(event) || isTyping(event.target) || document.querySelector("dialog[open]")) {
            return;
        }
        var rel = { ArrowLeft: "prev", ArrowRight: "next" }[event.key];
        var link = rel && document.querySelector('.exhibit-nav a[rel="' + rel + '"]');
        if (link) {
            event.preventDefault();
            window.location.assign(link.href);
        }
    });

    /* Exhibition pages: the exhibits of every hall open in a modal lightbox. */
    var dialog = document.querySelector("[data-lightbox]");
    if (!dialog || typeof dialog.showModal !== "function") {
        return;
    }
    var cards = Array.prototype.slice.call(document.querySelectorAll("[data-exhibit-card]"));
    var part = function (name) { return dialog.querySelector("[data-lightbox-" + name + "]"); };
    var current = 0;
    var opener = null;

    function show(index) {
        current = (index + cards.length) % cards.length;
        var card = cards[current].dataset;
        var image = part("image");
        part("figure").hidden = !card.image;
        if (card.image) {
            image.src = card.image;
            image.alt = card.alt || "";
            image.width = Number(card.imageWidth);
            image.height = Number(card.imageHeight);
        } else {
            image.removeAttribute("src");
        }
        part("title").textContent = card.title;
        part("hall").textContent = card.hall;
        part("authors").textContent = card.authors ? "· " + card.authors : "";
        part("link").href = cards[current].getAttribute("href");
        part("counter").textContent = dialog.dataset.counter
            .replace("{number}", current + 1)
            .replace("{total}", cards.length);
        part("prev").disabled = current === 0;
        part("next").disabled = current === cards.length - 1;
    }

    function move(step) {
        var target = current + step;
        if (target < 0 || target >= cards.length) {
            return;
        }
        var focusedButton = document.activeElement;
        show(target);
        if (focusedButton && focusedButton.disabled) {
            part("close").focus();
        }
    }

    /* Tab and Shift+Tab cycle inside the dialog instead of leaving it for the browser's chrome. */
    function trapFocus(event) {
        var items = Array.prototype.filter.call(dialog.querySelectorAll(FOCUSABLE), function (item) {
            return item.offsetParent !== null;
        });
        if (!items.length) {
            return;
        }
        var first = items[0];
        var last = items[items.length - 1];
        if (event.shiftKey && (document.activeElement === first || !dialog.contains(document.activeElement))) {
            event.preventDefault();
            last.focus();
        } else if (!event.shiftKey && (document.activeElement === last || !dialog.contains(document.activeElement))) {
            event.preventDefault();
            first.focus();
        }
    }

    cards.forEach(function (card, index) {
        card.addEventListener("click", function (event) {
            if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
                return; // a new tab or window gets the exhibit's own page
            }
            event.preventDefault();
            opener = card;
            show(index);
            dialog.showModal();
            part("close").focus();
        });
    });

    dialog.addEventListener("keydown", function (event) {
        if (event.key === "Tab") {
            trapFocus(event);
        } else if (event.key === "ArrowLeft" && plainKey(event)) {
            event.preventDefault();
            move(-1);
        } else if (event.key === "ArrowRight" && plainKey(event)) {
            event.preventDefault();
            move(1);
        }
    });
    dialog.addEventListener("click", function (event) {
        if (event.target === dialog) {
            dialog.close(); // a click on the backdrop
        }
    });
    dialog.addEventListener("close", function () {
        if (opener) {
            opener.focus();
        }
    });
    part("close").addEventListener("click", function () { dialog.close(); });
    part("prev").addEventListener("click", function () { move(-1); });
    part("next").addEventListener("click", function () { move(1); });
})();
