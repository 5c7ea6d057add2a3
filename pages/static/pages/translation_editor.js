// wagtail-localize's translation editor is a React app whose labels have no catalogue: its "More actions"
// button stays English in the Russian admin. The label is replaced with the admin's own wording, given by
// the script tag (`data-more-actions`), as soon as the editor draws it.
(() => {
    const label = document.currentScript.dataset.moreActions;
    const relabel = () => {
        document.querySelectorAll(".js-translation-editor .w-dropdown__toggle .w-sr-only").forEach((element) => {
            if (element.textContent === "More actions") {
                element.textContent = label;
            }
        });
    };
    document.addEventListener("DOMContentLoaded", () => {
        const editor = document.querySelector(".js-translation-editor");
        if (editor) {
            relabel();
            new MutationObserver(relabel).observe(editor, { childList: true, subtree: true });
        }
    });
})();
