"""Provinces, communes and producers are listed in Vietnamese alphabetical order (storefront/ocop/collation.py)
wherever they are listed, on PostgreSQL's ICU collation: Đ after every D, Huế after Hà Nội and Hải Phòng."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from search.facets import province_facet
from search.params import SearchParams
from storefront.checkout.forms import ShippingAddressForm
from storefront.dashboard.certificates.forms import CertificateFilterForm
from storefront.ocop.collation import sort_vietnamese
from storefront.ocop.models import Commune, Province

pytestmark = pytest.mark.django_db
Partner = get_model("partner", "Partner")


def in_order(names, *expected):
    positions = [names.index(name) for name in expected]
    return positions == sorted(positions)


def test_provinces_are_in_vietnamese_order_with_d_stroke_after_d_and_hue_after_hai_phong():
    names = [province.name for province in Province.objects.all()]
    assert names == sort_vietnamese(names)
    assert in_order(names, "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai",
                    "Hà Nội", "Hải Phòng", "Huế", "Hưng Yên")
    assert names[-1] != "Điện Biên"  # where a code-point sort would put the Đ names, after "Vĩnh Long"


def test_the_checkout_province_list_and_its_commune_list_are_in_vietnamese_order(vi):
    form = ShippingAddressForm(data={"province": str(Province.objects.get(name="Đà Nẵng").pk)})
    provinces = [label for value, label in form.fields["province"].choices if value]
    assert provinces == sort_vietnamese(provinces) and len(provinces) == 34
    communes = [str(label) for value, label in form.fields["commune"].choices if value]
    assert communes and [name.split(",")[0] for name in communes] == sort_vietnamese(
        name.split(",")[0] for name in communes)

    province = Province.objects.get(name="Hà Nội")
    response = vi.get(reverse("checkout:communes"), {"province": province.pk})
    assert response.status_code == 200
    names = [row["name"] for row in response.json()["communes"]]
    assert len(names) == Commune.objects.filter(province=province).count()
    assert names == sort_vietnamese(names)


def test_the_province_search_facet_is_in_vietnamese_order():
    counts = {code: 1 for code in Province.objects.values_list("code", flat=True)}
    facet = province_facet(counts, SearchParams())
    labels = [value.label for value in facet.values]
    assert len(labels) == 34 and labels == sort_vietnamese(labels)


def test_producers_and_the_dashboard_province_filter_are_in_vietnamese_order():
    producers = list(Partner.objects.values_list("name", flat=True))
    assert len(producers) > 1 and producers == sort_vietnamese(producers)
    filter_provinces = [label for value, label in CertificateFilterForm().fields["province"].choices if value]
    assert filter_provinces == sort_vietnamese(filter_provinces)
