"""The catalogue in two languages (django-modeltranslation): the English site shows a product's English name,
description and JSON-LD, falls back to the Vietnamese when there is no English, and the dashboard's product form
edits both languages."""

import json
import re

import pytest
from oscar.core.loading import get_class, get_model

from storefront.ocop.models import TaxonomyNode
from storefront.ocop.taxonomy import current_version

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductForm = get_class("dashboard.catalogue.forms", "ProductForm")

pytestmark = pytest.mark.usefixtures("demo_today", "db")


def fish_sauce():
    return Product.objects.get(title_vi="Nước mắm Phú Quốc 40 độ đạm")


def json_ld_product(html):
    for block in re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S):
        data = json.loads(block)
        if data.get("@type") == "Product":
            return data
    raise AssertionError("no Product JSON-LD on the page")


def test_the_english_site_shows_the_english_name_description_and_json_ld(client):
    html = client.get(fish_sauce().get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<h1>Phu Quoc fish sauce 40°N</h1>" in html
    assert "aged 12 to 15 months in wooden barrels" in html
    data = json_ld_product(html)
    assert data["name"] == "Phu Quoc fish sauce 40°N"
    assert data["description"].startswith("Anchovy fish sauce aged 12 to 15 months")
    assert 'property="og:title" content="Phu Quoc fish sauce 40°N"' in html


def test_the_vietnamese_site_is_unchanged(client):
    html = client.get(fish_sauce().get_absolute_url(), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "<h1>Nước mắm Phú Quốc 40 độ đạm</h1>" in html
    assert json_ld_product(html)["name"] == "Nước mắm Phú Quốc 40 độ đạm"
    assert "Phu Quoc fish sauce" not in html


def test_without_an_english_name_the_english_site_shows_the_vietnamese_one(client):
    product = fish_sauce()
    Product.objects.filter(pk=product.pk).update(title_en="", description_en=None)
    html = client.get(product.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<h1>Nước mắm Phú Quốc 40 độ đạm</h1>" in html
    assert json_ld_product(html)["description"].startswith("Nước mắm cá cơm than")


def test_the_english_site_names_the_province_and_group_in_english(client):
    html = client.get(fish_sauce().get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Condiments" in html and "An Giang" in html
    assert "Gia vị" not in html


def test_the_dashboard_product_form_edits_both_languages(db):
    product_set = TaxonomyNode.objects.filter(version=current_version(), level="product_set",
                                              code="1.2.2").get()
    form = ProductForm(ProductClass.objects.get(slug="ocop-product"), data={
        "title_vi": "Mật ong hoa nhãn Hưng Yên", "title_en": "Hung Yen longan blossom honey",
        "description_vi": "Mật ong mùa hoa nhãn.", "description_en": "Honey from the longan blossom season.",
        "story_vi": "", "story_en": "", "structure": Product.STANDALONE, "classification": product_set.pk,
        "is_public": "on", "slug": "", "upc": "", "unit": "chai 500 ml",
    })
    assert {"title_vi", "title_en", "description_vi", "description_en", "story_vi", "story_en"} <= set(form.fields)
    assert form.fields["title_vi"].label == "Tiêu đề (tiếng Việt)"
    assert form.is_valid(), form.errors
    product = Product.objects.get(pk=form.save().pk)
    assert (product.title_vi, product.title_en) == ("Mật ong hoa nhãn Hưng Yên", "Hung Yen longan blossom honey")
    assert product.description_en == "Honey from the longan blossom season."
    assert product.slug == "mat-ong-hoa-nhan-hung-yen"


def test_the_dashboard_product_form_requires_the_vietnamese_title(db):
    form = ProductForm(ProductClass.objects.get(slug="ocop-product"), data={
        "title_vi": "", "title_en": "Only English", "structure": Product.STANDALONE, "is_public": "on",
    })
    assert not form.is_valid()
    assert "title_vi" in form.errors
