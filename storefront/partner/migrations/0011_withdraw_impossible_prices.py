# Data first, in its own migration: PostgreSQL refuses to ALTER a table with pending trigger events.

from decimal import Decimal

from django.db import migrations, models
from django.db.models.functions import Floor


def withdraw_impossible_prices(apps, schema_editor):
    """Prices the new CHECK refuses (negative, zero, fractional, absurd) were never sellable: the product is taken
    off sale (no price) until its producer enters a real one, rather than the next migration failing."""
    StockRecord = apps.get_model("partner", "StockRecord")
    sane = models.Q(price__gt=0, price__lte=Decimal(1_000_000_000)) & models.Q(price=Floor("price"))
    StockRecord.objects.filter(price__isnull=False).exclude(sane).update(price=None)


class Migration(migrations.Migration):

    dependencies = [
        ('catalogue', '0034_english_source_strings'),
        ('partner', '0010_producerapplication'),
    ]

    operations = [
        migrations.RunPython(withdraw_impossible_prices, migrations.RunPython.noop),
    ]
