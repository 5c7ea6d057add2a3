"""The benchmark's generator of solutions: a valid, searchable tree, and clear refusals in Russian."""

import pytest
from wagtail.models import Page

from bank.models import SolutionPage
from bank.search.selectors import solutions_search
from bench.generate_solutions import main


@pytest.mark.django_db
def test_generating_bulk_creates_a_valid_searchable_tree(bank, capsys):
    main(["30", "--seed", "7", "--quiet"])
    assert "Создано решений: 30" in capsys.readouterr().out
    generated = SolutionPage.objects.filter(slug__startswith="generated-")
    assert generated.count() == 30
    assert all(not problems for problems in Page.find_problems())
    bank.refresh_from_db()
    assert bank.numchild == 30
    titles = sorted(generated.values_list("title", flat=True))
    assert solutions_search(user=None, params={"q": titles[0].split(":")[0]}, per_page=50).count >= 1
    assert all(solution.live and solution.url for solution in generated[:3])


@pytest.mark.django_db
def test_the_generator_refuses_bad_input_in_russian(empty_home, capsys):
    with pytest.raises(SystemExit):
        main(["5", "--quiet"])
    assert "Банк решений не найден" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["0", "--quiet"])
    assert "Число решений должно быть положительным" in capsys.readouterr().err
