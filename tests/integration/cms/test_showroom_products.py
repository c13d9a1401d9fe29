"""Where to see or buy a product offline: the product page names the live showrooms that carry it; a showroom's
manager keeps that list in Wagtail's admin for its own showroom only."""

import pytest
from django.urls import reverse

from cms.models import ShowroomPage, ShowroomProduct
from cms.showroom_managers import make_manager
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_today")]


@pytest.fixture
def showrooms():
    first, second = ShowroomPage.objects.live().order_by("pk")[:2]
    return first, second


@pytest.fixture
def manager(django_user_model, showrooms):
    user = django_user_model.objects.create_user("showroom-mgr", "mgr@example.vn", "pw-manager-1")
    make_manager(user, showrooms[0])
    return user


def test_the_product_page_names_the_live_showrooms_that_carry_it(client, showrooms):
    product = factories.product(title="Bánh tráng Thử Điểm Bán")
    shown, unpublished = showrooms
    ShowroomProduct.objects.create(page=shown, product=product)
    ShowroomProduct.objects.create(page=unpublished, product=product)
    unpublished.unpublish()
    body = client.get(product.get_absolute_url()).content.decode()
    assert shown.title in body and shown.address in body and shown.province.name in body
    assert unpublished.title not in body


def test_a_product_in_no_showroom_has_no_offline_section(client):
    body = client.get(factories.product().get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "See and buy it in person" not in body


def test_a_manager_edits_its_own_showroom_but_no_other(manager, showrooms):
    own, other = showrooms
    assert own.permissions_for_user(manager).can_edit()
    assert own.permissions_for_user(manager).can_publish()
    assert not other.permissions_for_user(manager).can_edit()
    assert not own.get_parent().permissions_for_user(manager).can_add_subpage()


def test_a_manager_adds_a_product_through_the_admin_and_it_shows_on_the_product_page(client, manager, showrooms):
    own, other = showrooms
    product = factories.product(title="Mứt gừng Thử Quản Lý")
    client.force_login(manager)
    assert client.get(f"/cms/pages/{other.pk}/edit/").status_code in (302, 403)
    edit = client.get(f"/cms/pages/{own.pk}/edit/")
    assert edit.status_code == 200
    carried = list(own.showroom_products.values_list("product_id", flat=True))
    data = {
        "title": own.title, "slug": own.slug, "summary": own.summary, "body-count": "0",
        "address": own.address, "province": str(own.province_id), "opening_hours": own.opening_hours,
        "phone": own.phone, "latitude": "", "longitude": "",
        "showroom_products-TOTAL_FORMS": str(len(carried) + 1), "showroom_products-INITIAL_FORMS": str(len(carried)),
        "showroom_products-MIN_NUM_FORMS": "0", "showroom_products-MAX_NUM_FORMS": "1000",
        "action-publish": "action-publish",
    }
    for index, row in enumerate(own.showroom_products.all()):
        data.update({f"showroom_products-{index}-id": str(row.pk), f"showroom_products-{index}-product": str(row.product_id),
                     f"showroom_products-{index}-ORDER": str(index + 1), f"showroom_products-{index}-DELETE": ""})
    new = len(carried)
    data.update({f"showroom_products-{new}-id": "", f"showroom_products-{new}-product": str(product.pk),
                 f"showroom_products-{new}-ORDER": str(new + 1), f"showroom_products-{new}-DELETE": ""})
    response = client.post(f"/cms/pages/{own.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert ShowroomProduct.objects.filter(page=own, product=product).exists()
    client.logout()
    assert own.title in client.get(product.get_absolute_url()).content.decode()
    assert reverse("inquiries:new", kwargs={"product_pk": product.pk}) in client.get(product.get_absolute_url()).content.decode()
