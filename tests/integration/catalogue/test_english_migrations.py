"""The migrations that added the English columns keep what was written so far as the Vietnamese text."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader


def historical_apps(app, migration):
    return MigrationLoader(connection).project_state((app, migration)).apps


def data_step(app, migration):
    return importlib.import_module(f"storefront.{app}.migrations.{migration}").keep_vietnamese


@pytest.mark.django_db
def test_existing_product_and_category_text_becomes_the_vietnamese_column():
    apps = historical_apps("catalogue", "0035_english_next_to_vietnamese")
    Product, Category = apps.get_model("catalogue", "Product"), apps.get_model("catalogue", "Category")
    product = Product.objects.order_by("pk").first()
    Product.objects.filter(pk=product.pk).update(title="Tiêu đề cũ", description="Mô tả cũ", story="Chuyện cũ",
                                                 title_vi=None, description_vi=None, story_vi=None,
                                                 title_en="Old title")
    category = Category.objects.order_by("pk").first()
    Category.objects.filter(pk=category.pk).update(name="Tên cũ", name_vi=None)

    data_step("catalogue", "0035_english_next_to_vietnamese")(apps, None)

    product = Product.objects.get(pk=product.pk)
    assert (product.title_vi, product.description_vi, product.story_vi) == ("Tiêu đề cũ", "Mô tả cũ", "Chuyện cũ")
    assert product.title_en == "Old title"
    assert Category.objects.get(pk=category.pk).name_vi == "Tên cũ"


@pytest.mark.django_db
def test_existing_province_names_stay_vietnamese_and_their_english_names_stay_english():
    apps = historical_apps("ocop", "0007_english_next_to_vietnamese")
    Province = apps.get_model("ocop", "Province")
    Province.objects.filter(code="22").update(name="Quảng Ninh", name_vi=None)

    data_step("ocop", "0007_english_next_to_vietnamese")(apps, None)

    assert Province.objects.values_list("name_vi", "name_en").get(code="22") == ("Quảng Ninh", "Quang Ninh")
