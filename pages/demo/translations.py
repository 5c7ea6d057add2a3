"""English for the demo landing's strings, imported through wagtail-localize like an editor's PO file."""

ENGLISH = {
    "Цифровое коворкинговое пространство": "Digital coworking space",
}
