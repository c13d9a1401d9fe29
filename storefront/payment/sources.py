"""Oscar's payment source types (cash on delivery, Stripe card), each created once."""

from django.utils.text import slugify
from oscar.core.loading import get_model

SourceType = get_model("payment", "SourceType")


def source_type(name):
    """The SourceType called `name`, found by its unique code. Concurrent checkouts race to create it; looked up
    by name (not unique), the race left two rows and every later checkout failed on get(); by code, the loser's
    insert fails and get_or_create finds the winner's row."""
    return SourceType.objects.get_or_create(code=slugify(name), defaults={"name": name})[0]
