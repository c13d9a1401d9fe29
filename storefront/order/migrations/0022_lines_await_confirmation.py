"""Orders placed before the lifecycle (storefront/order/statuses.py) have lines without a status, and a part refund
used to mark a card order "Partially refunded": both become steps of the pipeline, so they can move on."""

from django.db import migrations


def forward(apps, schema_editor):
    apps.get_model("order", "Line").objects.filter(status="").update(status="Pending")
    apps.get_model("order", "Order").objects.filter(status="Partially refunded").update(status="Paid")


class Migration(migrations.Migration):
    dependencies = [("order", "0021_billingaddress_code_shippingaddress_code")]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
