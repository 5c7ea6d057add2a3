// Search-as-you-type: fills the search field's <datalist> with titles of solutions. The form works without it.
(function () {
    "use strict";
    var input = document.getElementById("bank-q");
    var list = document.getElementById("bank-suggestions");
    if (!input || !list || !window.fetch) { return; }
    var timer = null;
    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        var value = input.value.trim();
        if (value.length < 2) { list.innerHTML = ""; return; }
        timer = window.setTimeout(function () {
            fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(value), {credentials: "same-origin"})
                .then(function (response) { return response.ok ? response.json() : {items: []}; })
                .then(function (answer) {
                    list.innerHTML = "";
                    answer.items.forEach(function (item) {
                        var option = document.createElement("option");
                        option.value = item.title;
                        list.appendChild(option);
                    });
                })
                .catch(function () { list.innerHTML = ""; });
        }, 200);
    });
}());
