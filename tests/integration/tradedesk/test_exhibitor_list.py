"""The organisers' exhibitor list: a PDF read back with pypdf, Vietnamese letters and all."""

import re
from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from pypdf import PdfReader

from cms.models import Booth, FairPage
from storefront.demo.tradedesk import UPCOMING_FAIR
from storefront.ocop.booth_rules import State

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_today")]


def flat(text):
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def fair():
    return FairPage.objects.get(slug=UPCOMING_FAIR)


def exhibitor_pdf(client, fair):
    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.get(reverse("dashboard:booth-exhibitors", kwargs={"pk": fair.pk}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return PdfReader(BytesIO(response.content))


def test_the_exhibitor_list_names_the_fair_and_every_exhibitor_with_diacritics(client, fair):
    reader = exhibitor_pdf(client, fair)
    assert len(reader.pages) >= 1
    assert reader.metadata.title == f"Danh sách gian hàng: {fair.title}"
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    assert fair.title in text
    accepted = fair.booth_applications.filter(state=State.ACCEPTED).select_related("producer")
    assert accepted.count() == 2
    for application in accepted:
        assert application.producer.name in text  # e.g. "Công ty TNHH Cà phê Nguyên Chất Khe Sanh"
        assert application.booth_code in text and application.contact_phone in text
    for booth in Booth.objects.filter(page=fair).select_related("producer"):
        assert booth.producer.name in text
    for application in fair.booth_applications.exclude(state=State.ACCEPTED).select_related("producer"):
        assert application.producer.name not in text


def test_the_exhibitor_list_embeds_a_font_with_vietnamese_letters(client, fair):
    reader = exhibitor_pdf(client, fair)
    fonts = {str(font.get_object()["/BaseFont"]) for font in reader.pages[0]["/Resources"]["/Font"].values()}
    assert any("DejaVuSans" in name for name in fonts), fonts
    assert "ư" in reader.pages[0].extract_text() and "ộ" in reader.pages[0].extract_text()


def test_a_producer_cannot_download_the_exhibitor_list(client, fair):
    client.force_login(get_user_model().objects.get(email="producer1@ocop.example.vn"))
    assert client.get(reverse("dashboard:booth-exhibitors", kwargs={"pk": fair.pk})).status_code == 403
