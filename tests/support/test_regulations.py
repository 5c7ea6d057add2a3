"""П. 2.3 of the regulations: the support system (programmes and materials) is for internal residents; external
residents (partners) use other segments of the coworking space. Editors and the council may still open an
item wider (п. 2.6), so this is each page's default."""

import pytest
from django.test import Client

from support.models import ProgrammePage
from tests.access.users import days, external, internal
from tests.support import builders


@pytest.mark.django_db
def test_a_partner_does_not_get_a_programme_made_with_the_default_audience(empty_home):
    builders.support_index(empty_home)
    programme = builders.programme(empty_home, title="Сопровождение проектов", audience=ProgrammePage().audience)
    partner, teacher = Client(), Client()
    partner.force_login(external("partner", contract_end=days(30)))
    teacher.force_login(internal("teacher", role="teacher"))

    assert partner.get(programme.url).status_code == 403
    assert partner.get(f"/api/v3/support/programmes/{programme.pk}/").status_code == 404
    assert teacher.get(programme.url).status_code == 200
    assert teacher.get(f"/api/v3/support/programmes/{programme.pk}/").status_code == 200
