"""What the index knows it has missed: durable, so a restart or a dead node loses nothing."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SyncState(models.Model):
    """When the index behind an alias last caught up with the database completely (rebuild or --sync)."""

    name = models.CharField(_("index alias"), max_length=100, unique=True)
    synced_at = models.DateTimeField(_("last successful sync"))

    class Meta:
        verbose_name = _("search index state")

    def __str__(self):
        return f"{self.name} @ {self.synced_at:%Y-%m-%d %H:%M}"


class StaleProduct(models.Model):
    """A product whose latest change did not reach the index (the node was unreachable)."""

    # not a foreign key: a deleted product must still be removed from the index
    product_id = models.PositiveBigIntegerField(unique=True)
    noted_at = models.DateTimeField()

    class Meta:
        verbose_name = _("product waiting for the search index")
