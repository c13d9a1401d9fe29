"""The OCOP programme's data: places, taxonomy, rule sets and certificates.

Every decision (stars, validity, who may certify) is delegated to `storefront.ocop.rules`; these models
store inputs and derived values and never decide anything themselves.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import reference, rules
from .collation import Vietnamese
from .documents import PrivateFileField, unguessable_name


def today() -> date:
    return timezone.localdate()


class Province(models.Model):
    """A provincial unit after 1 July 2025 (34 in all: 6 cities, 28 provinces)."""

    class UnitType(models.TextChoices):
        CITY = "city", _("Centrally governed city")
        PROVINCE = "province", _("Province")

    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=64)  # name_vi / name_en (Quang Ninh, Hanoi): translation.py
    full_name = models.CharField(_("full name"), max_length=96)
    slug = models.SlugField(unique=True)
    unit_type = models.CharField(_("unit type"), max_length=16, choices=UnitType.choices)
    region = models.CharField(_("region"), max_length=48, blank=True)
    seat = models.CharField(_("administrative seat"), max_length=96, blank=True)

    class Meta:
        ordering = [Vietnamese("name").asc()]
        verbose_name = _("province/city")
        verbose_name_plural = _("provinces/cities")

    def __str__(self):
        return self.name


class LegacyProvince(models.Model):
    """One of the 63 provinces before 1 July 2025; old certificates and addresses name them."""

    code = models.CharField(_("former code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=64)
    full_name = models.CharField(_("full name"), max_length=96)
    slug = models.SlugField(unique=True)
    unit_type = models.CharField(_("unit type"), max_length=16, choices=Province.UnitType.choices)
    successor = models.ForeignKey(Province, verbose_name=_("merged into"), on_delete=models.PROTECT,
                                  related_name="legacy_provinces")

    class Meta:
        ordering = [Vietnamese("name").asc()]
        verbose_name = _("former province (before 1 July 2025)")
        verbose_name_plural = _("former provinces (before 1 July 2025)")

    def __str__(self):
        return f"{self.name} → {self.successor.name}"


class Commune(models.Model):
    class UnitType(models.TextChoices):
        COMMUNE = "commune", _("Commune")
        WARD = "ward", _("Ward")
        SPECIAL_ZONE = "special_zone", _("Special zone")

    province = models.ForeignKey(Province, verbose_name=_("province/city"), on_delete=models.PROTECT,
                                 related_name="communes")
    code = models.CharField(_("code"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=96)
    unit_type = models.CharField(_("unit type"), max_length=16, choices=UnitType.choices)
    legacy_district = models.CharField(_("former district"), max_length=96, blank=True)
    legacy_province = models.ForeignKey(LegacyProvince, verbose_name=_("former province"), null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="communes")

    class Meta:
        ordering = [Vietnamese("province__name").asc(), Vietnamese("name").asc()]
        constraints = [models.UniqueConstraint(fields=["province", "name"], name="ocop_commune_unique_name")]
        verbose_name = _("commune/ward")
        verbose_name_plural = _("communes/wards")

    def __str__(self):
        return f"{self.name}, {self.province.name}"


class TaxonomyVersion(models.Model):
    """A classification of OCOP products by one decision (the seeds' 2018 six groups, 26/2026, ...)."""

    code = models.CharField(_("code"), max_length=16, unique=True)
    name = models.CharField(_("name"), max_length=128)
    effective_from = models.DateField(_("effective from"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = _("classification version")
        verbose_name_plural = _("classification versions")

    def __str__(self):
        return self.name


class TaxonomyNode(models.Model):
    """A sector (ngành), group (nhóm) or product set (bộ sản phẩm) of one taxonomy version."""

    class Level(models.TextChoices):
        SECTOR = "sector", _("Sector")
        GROUP = "group", _("Group")
        PRODUCT_SET = "product_set", _("Product set")

    version = models.ForeignKey(TaxonomyVersion, on_delete=models.CASCADE, related_name="nodes")
    code = models.CharField(_("code"), max_length=16)
    name = models.CharField(_("name"), max_length=160)  # name_vi / name_en: translation.py
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    category = models.OneToOneField("catalogue.Category", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="taxonomy_node",
                                    help_text=_("The matching shop category, for browsing by group."))
    mapped_to = models.ManyToManyField("self", symmetrical=False, blank=True, related_name="mapped_from",
                                       verbose_name=_("counterparts in other classifications"))

    class Meta:
        ordering = ["version", "code"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="ocop_taxonomy_unique_code")]
        verbose_name = _("classification entry")
        verbose_name_plural = _("classification entries")

    def __str__(self):
        return f"{self.code} {self.name}"

    def ancestor(self, level):
        node = self
        while node is not None and node.level != level:
            node = node.parent
        return node


class RuleSet(models.Model):
    """A scoring decision: part maxima and the dates it applied. Loaded from rule_sets.json."""

    code = models.CharField(_("code"), max_length=16, unique=True)
    name = models.CharField(_("name"), max_length=160)
    effective_from = models.DateField(_("applies from"))
    effective_until = models.DateField(_("applies until"), null=True, blank=True)
    max_a = models.DecimalField(_("part A maximum"), max_digits=5, decimal_places=2)
    max_b = models.DecimalField(_("part B maximum"), max_digits=5, decimal_places=2)
    max_c = models.DecimalField(_("part C maximum"), max_digits=5, decimal_places=2)

    class Meta:
        ordering = ["effective_from"]
        verbose_name = _("rule set")
        verbose_name_plural = _("rule sets")

    def __str__(self):
        return self.name

    def as_rules(self) -> rules.RuleSet:
        return rules.RuleSet(
            code=self.code,
            part_maxima={"A": self.max_a, "B": self.max_b, "C": self.max_c},
            effective_from=self.effective_from,
            effective_until=self.effective_until,
        )


def certificate_document_path(instance, filename):
    return unguessable_name("certificates", filename)


def badge_q(day, prefix="current_certificate__"):
    """Products whose current certificate shows a badge on `day`: rules.status_on's rule as a query (issued,
    not past valid-until, not revoked by then). With prefix="" it filters certificates themselves."""
    return (
        models.Q(**{f"{prefix}issued_on__lte": day, f"{prefix}valid_until__gte": day})
        & (models.Q(**{f"{prefix}revoked_on__isnull": True}) | models.Q(**{f"{prefix}revoked_on__gt": day}))
    )


def status_q(status, day, prefix=""):
    """Certificates whose rules.status_on(day) is `status`, as a query (badge_q plus the renewal window; a
    test holds it to status_on). With a prefix it filters rows pointing at a certificate."""
    def q(**lookups):
        return models.Q(**{prefix + lookup: value for lookup, value in lookups.items()})

    revoked = q(revoked_on__lte=day)
    not_revoked = q(revoked_on__isnull=True) | q(revoked_on__gt=day)
    in_renewal_window = q(valid_until__range=rules.expiries_in_renewal_window(reference.programme(), day))
    return {
        rules.Status.REVOKED: revoked,
        rules.Status.NOT_YET_VALID: not_revoked & q(issued_on__gt=day),
        rules.Status.EXPIRED: not_revoked & q(issued_on__lte=day, valid_until__lt=day),
        rules.Status.RENEWAL_WINDOW: badge_q(day, prefix) & in_renewal_window,
        rules.Status.VALID: badge_q(day, prefix) & ~in_renewal_window,
    }[rules.Status(status)]


class Certificate(models.Model):
    """A recognition decision: the only source of a product's OCOP stars."""

    class Level(models.TextChoices):  # the values the rules module knows (rules.Level)
        DISTRICT = rules.Level.DISTRICT.value, _("district level")
        PROVINCE = rules.Level.PROVINCE.value, _("provincial level")
        MINISTRY = rules.Level.MINISTRY.value, _("ministry level")

    number = models.CharField(_("certificate number"), max_length=64, unique=True)
    product = models.ForeignKey("catalogue.Product", verbose_name=_("product"), on_delete=models.PROTECT,
                                related_name="certificates")
    producer = models.ForeignKey("partner.Partner", verbose_name=_("producer"), on_delete=models.PROTECT,
                                 related_name="certificates")
    rule_set = models.ForeignKey(RuleSet, verbose_name=_("rule set"), on_delete=models.PROTECT)
    score_a = models.DecimalField(_("part A score"), max_digits=5, decimal_places=2)
    score_b = models.DecimalField(_("part B score"), max_digits=5, decimal_places=2)
    score_c = models.DecimalField(_("part C score"), max_digits=5, decimal_places=2)
    total = models.DecimalField(_("total score"), max_digits=5, decimal_places=2, editable=False)
    stars = models.PositiveSmallIntegerField(_("number of stars"), editable=False)
    level = models.CharField(_("certifying level"), max_length=16, choices=Level.choices)
    authority = models.CharField(_("certifying authority"), max_length=160,
                                 help_text=_("For example: An Giang Provincial People's Committee; "
                                             "Ministry of Agriculture and Environment."))
    decision_number = models.CharField(_("decision number"), max_length=64)
    issued_on = models.DateField(_("date of recognition"))
    valid_until = models.DateField(_("valid until"), editable=False)
    revoked_on = models.DateField(_("date of revocation"), null=True, blank=True)
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    document = PrivateFileField(_("scan of the certificate"), upload_to=certificate_document_path, blank=True,
                                download_view="dashboard:certificate-document",
                                validators=[FileExtensionValidator(["pdf", "jpg", "jpeg", "png"])])
    supersedes = models.OneToOneField("self", verbose_name=_("replaces certificate"), null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="superseded_by",
                                      help_text=_("The same product's previous certificate (re-assessment, reissue)."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-issued_on"]
        verbose_name = _("OCOP certificate")
        verbose_name_plural = _("OCOP certificates")
        constraints = [
            models.CheckConstraint(condition=models.Q(stars__gte=3), name="ocop_certificate_three_stars_or_more"),
            models.CheckConstraint(
                condition=models.Q(revoked_on__isnull=True) | ~models.Q(revocation_reason=""),
                name="ocop_certificate_revocation_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.number} ({self.stars}★)"

    def get_absolute_url(self):
        return reverse("ocop:verify", kwargs={"number": self.number})

    # --- everything below asks the rules module ---------------------------------------------------------
    def scores(self):
        return {"A": self.score_a, "B": self.score_b, "C": self.score_c}

    def derive(self):
        """Fill total, stars and valid_until from the rules; raises RuleError on invalid input."""
        scoring = rules.score(reference.programme(), self.rule_set.as_rules(), self.scores())
        self.total, self.stars = scoring.total, scoring.stars
        self.valid_until = rules.valid_until(reference.programme(), self.issued_on)
        return scoring

    def clean(self):
        errors = {}
        if self.rule_set_id is None or self.issued_on is None or None in self.scores().values():
            return  # field validation has reported what is missing
        try:
            self.derive()
        except rules.RuleError as error:
            errors["score_a"] = error.messages
        else:
            checks = [
                ("rule_set", lambda: rules.check_rule_set_date(self.rule_set.as_rules(), self.issued_on)),
                ("level", lambda: rules.check_certifier(reference.programme(), self.stars, self.level,
                                                        self.issued_on)),
            ]
            for field, check in checks:
                try:
                    check()
                except rules.RuleError as error:
                    errors[field] = error.messages
        if self.revoked_on and not self.revocation_reason.strip():
            errors["revocation_reason"] = [_("A revocation must state its reason.")]
        if self.revoked_on and self.issued_on and self.revoked_on < self.issued_on:
            errors["revoked_on"] = [_("The date of revocation cannot be before the date of recognition.")]
        if self.product_id and self.producer_id and self.product.producer_id not in (None, self.producer_id):
            errors["producer"] = [_("The certificate's producer must be the product's producer.")]
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.derive()  # total, stars and validity are never typed in
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.product.refresh_current_certificate()

    def status_on(self, day) -> rules.Status:
        return rules.status_on(reference.programme(), day, issued_on=self.issued_on,
                               expires_on=self.valid_until, revoked_on=self.revoked_on)

    @property
    def status(self) -> rules.Status:
        return self.status_on(today())

    def shows_badge_on(self, day) -> bool:
        return rules.shows_badge(self.status_on(day))

    @property
    def renewal_window(self):
        return rules.renewal_window(reference.programme(), self.valid_until)


def request_document_path(instance, filename):
    return unguessable_name("certification-requests", filename)


class CertificationRequest(models.Model):
    """A producer's certificate document, uploaded for staff to check and enter as a Certificate.
    Producers never type scores or stars: only the scan and a note."""

    product = models.ForeignKey("catalogue.Product", verbose_name=_("product"), on_delete=models.CASCADE,
                                related_name="certification_requests")
    producer = models.ForeignKey("partner.Partner", verbose_name=_("producer"), on_delete=models.CASCADE,
                                 related_name="certification_requests")
    document = PrivateFileField(_("certificate document"), upload_to=request_document_path,
                                download_view="dashboard:certificate-request-document",
                                validators=[FileExtensionValidator(["pdf", "jpg", "jpeg", "png"])])
    note = models.TextField(_("note for the staff"), blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    certificate = models.ForeignKey(Certificate, verbose_name=_("certificate entered"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="requests")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("certificate document from a producer")
        verbose_name_plural = _("certificate documents from producers")

    def __str__(self):
        return f"{self.product} ({self.created_at:%d/%m/%Y})"


class RenewalNotice(models.Model):
    """Records the renewal e-mail sent for a certificate, so the notice goes out once however often the
    command runs."""

    certificate = models.OneToOneField(Certificate, on_delete=models.CASCADE, related_name="renewal_notice")
    sent_on = models.DateField()
    recipients = models.TextField(blank=True)

    class Meta:
        verbose_name = _("renewal notice sent")
        verbose_name_plural = _("renewal notices sent")
