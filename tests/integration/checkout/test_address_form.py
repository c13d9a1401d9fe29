"""The checkout address form: a commune must belong to the chosen province, and says so on the commune field; the
phone field brings up a phone's dial pad."""

import pytest
from django.urls import reverse
from django.utils import translation

from storefront.checkout.forms import ShippingAddressForm
from storefront.ocop.models import Commune
from tests import factories

from .journey import GUEST_EMAIL, add_to_basket, address_data

pytestmark = pytest.mark.django_db


def a_commune_elsewhere(province_pk):
    return Commune.objects.exclude(province_id=province_pk).first()


def test_a_commune_of_another_province_is_refused_on_the_commune_field_with_its_reason():
    data = address_data()
    data["commune"] = a_commune_elsewhere(data["province"]).pk
    with translation.override("en"):
        form = ShippingAddressForm(data=data)
        assert not form.is_valid()
        assert form.errors["commune"] == ["This commune is not in the chosen province."]
    assert set(form.errors) == {"commune"}  # nothing else is blamed


def test_a_commune_of_the_chosen_province_is_accepted_and_stored_with_the_province():
    form = ShippingAddressForm(data=address_data())
    assert form.is_valid(), form.errors
    chosen = Commune.objects.get(pk=address_data()["commune"])
    assert form.instance.line4 == chosen.name
    assert form.instance.state == chosen.province.full_name


def test_the_checkout_step_answers_a_mixed_up_address_with_the_form_and_keeps_what_was_typed(client):
    add_to_basket(client, factories.product(factories.producer(), title="Mật ong thử"))
    client.post(reverse("checkout:index"), {"username": GUEST_EMAIL, "options": "anonymous"})
    data = address_data(first_name="Vũ Thị Mai")
    data["commune"] = a_commune_elsewhere(data["province"]).pk
    response = client.post(reverse("checkout:shipping-address"), data, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Xã / phường này không thuộc tỉnh / thành phố đã chọn." in page
    assert 'value="Vũ Thị Mai"' in page


@pytest.mark.parametrize("province", ["abc", "1.5", "-3", "99999999"])
def test_a_malformed_or_unknown_province_is_a_province_error_not_a_crash(province):
    data = address_data(province=province)
    form = ShippingAddressForm(data=data)
    assert not form.is_valid()
    assert "province" in form.errors


def test_the_phone_field_asks_for_the_dial_pad_and_the_saved_number():
    html = str(ShippingAddressForm()["phone_number"])
    assert 'type="tel"' in html and 'inputmode="tel"' in html and 'autocomplete="tel"' in html
