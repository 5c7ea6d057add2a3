"""What every form of the site shows after bad input (issue 15, item 6): an error summary at the top that takes
the focus and links to each field in error, and `aria-describedby` that names only ids on the page."""

from bs4 import BeautifulSoup


def assert_errors_linked(html: bytes | str, *fields: str) -> BeautifulSoup:
    """The summary links to exactly these field ids (in order); each of them exists, is described by its error
    (itself, its controls or, for radio buttons and checkboxes, their fieldset), and every `aria-describedby`
    on the page points at an existing element."""
    soup = BeautifulSoup(html, "html.parser")
    summary = soup.select_one(".error-summary")
    assert summary is not None, "no error summary"
    assert summary.has_attr("autofocus") and summary["tabindex"] == "-1"
    assert len(soup.select("[autofocus]")) == 1, "only the summary takes the focus"
    targets = [link["href"].removeprefix("#") for link in summary.select("a")]
    assert targets == list(fields)
    for target in targets:
        field = soup.find(id=target)
        assert field is not None, f"the summary links to a missing #{target}"
        described = " ".join(
            element["aria-describedby"]
            for element in [
                field,
                field.find_parent("fieldset") or field,
                *field.find_all(attrs={"aria-describedby": True}),
            ]
            if element.has_attr("aria-describedby")
        )
        assert f"{target}_error" in described.split(), f"#{target} is not described by its error"
    for control in soup.select("main [aria-describedby]"):
        for target in control["aria-describedby"].split():
            assert soup.find(id=target) is not None, f"{control.get('name')} points at a missing #{target}"
    return soup
