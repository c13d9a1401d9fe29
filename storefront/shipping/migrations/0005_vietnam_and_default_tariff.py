"""We ship within Vietnam only, and every producer starts on the default tariff (staff change it in the admin)."""

from decimal import Decimal

from django.db import migrations

DEFAULT_FLAT_RATE = Decimal(30000)
DEFAULT_FREE_FROM = Decimal(500000)


def forwards(apps, schema_editor):
    Country = apps.get_model("address", "Country")
    Country.objects.update_or_create(
        iso_3166_1_a2="VN",
        defaults={"iso_3166_1_a3": "VNM", "iso_3166_1_numeric": "704", "printable_name": "Việt Nam",
                  "name": "Socialist Republic of Viet Nam", "display_order": 1, "is_shipping_country": True})
    ProducerTariff = apps.get_model("shipping", "ProducerTariff")
    if not ProducerTariff.objects.filter(producer__isnull=True).exists():
        ProducerTariff.objects.create(producer=None, flat_rate=DEFAULT_FLAT_RATE, free_from=DEFAULT_FREE_FROM)


class Migration(migrations.Migration):
    dependencies = [
        ("shipping", "0004_ordershipment_producertariff"),
        ("address", "0006_auto_20181115_1953"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
