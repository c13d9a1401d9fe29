"""Attempts waiting for payment when this version arrives get their goods snapshot from their still-frozen basket
(priced as placement priced them before: the stock record's price), so their payment still places the order."""

from django.db import migrations


def snapshot_pending_attempts(apps, schema_editor):
    PaymentAttempt = apps.get_model("payment", "PaymentAttempt")
    Line = apps.get_model("basket", "Line")
    for attempt in PaymentAttempt.objects.filter(status="pending", basket__status="Frozen", basket_lines=[]):
        lines = Line.objects.filter(basket_id=attempt.basket_id).select_related("stockrecord").order_by("pk")
        attempt.basket_lines = [
            {"product": line.product_id, "stockrecord": line.stockrecord_id, "quantity": line.quantity,
             "unit_price_excl_tax": str(line.stockrecord.price), "unit_price_incl_tax": str(line.stockrecord.price)}
            for line in lines if line.stockrecord_id and line.stockrecord.price is not None]
        attempt.save(update_fields=["basket_lines"])


class Migration(migrations.Migration):

    dependencies = [
        ("payment", "0007_paymentattempt_basket_lines_cancelled"),
        ("basket", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(snapshot_pending_attempts, migrations.RunPython.noop),
    ]
