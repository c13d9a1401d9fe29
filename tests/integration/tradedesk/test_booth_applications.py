"""Booth applications on the demo's upcoming fair, whose registration load_demo opened (storefront/demo/tradedesk.py):
each rule a producer meets when applying, each staff decision, the e-mails, the waiting list and the public page."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from cms.models import Booth, FairPage
from storefront.demo.tradedesk import UPCOMING_FAIR
from storefront.ocop import reference, rules
from storefront.ocop.booth_rules import State
from storefront.tradedesk import booths
from storefront.tradedesk.models import BoothApplication
from tests import factories
from tests.demo_clock import DEMO_NOON

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_today")]
User = get_user_model()


@pytest.fixture
def fair():
    return FairPage.objects.get(slug=UPCOMING_FAIR)


@pytest.fixture
def producer_user():
    return User.objects.get(email="producer1@ocop.example.vn")


@pytest.fixture
def producer(producer_user):
    return producer_user.partners.get()


@pytest.fixture
def as_producer(client, producer_user):
    client.force_login(producer_user)
    return client


@pytest.fixture
def staff_client():
    staff = Client()
    staff.force_login(User.objects.get(username="admin"))
    return staff


def apply_url(fair):
    return f"{reverse('dashboard:booth-apply')}?fair={fair.pk}"


def form_data(fair, products, **overrides):
    data = {"products": [product.pk for product in products], "size": fair.booth_sizes.first().pk,
            "needs_power": "on", "contact_name": "Nguyễn Văn Gốm", "contact_phone": "0912 000 111",
            "note": "Cần bàn trưng bày gốm."}
    data.update(overrides)
    return data


def page_text(response):
    return response.content.decode()


def test_a_producer_applies_before_the_deadline_and_its_application_is_under_review(as_producer, fair, producer):
    products = booths.eligible_products(fair, producer)[:2]
    response = as_producer.post(apply_url(fair), form_data(fair, products))
    application = BoothApplication.objects.get(fair=fair, producer=producer)
    assert response.status_code == 302 and response.url == reverse("dashboard:booth-application",
                                                                    kwargs={"pk": application.pk})
    assert application.state == State.PENDING
    assert set(application.products.all()) == set(products)
    assert application.needs_power and not application.needs_cold_storage
    page = page_text(as_producer.get(response.url))
    assert "Đang xét duyệt" in page and products[0].title in page


def test_the_form_offers_only_the_producers_qualifying_products(as_producer, fair, producer):
    page = page_text(as_producer.get(apply_url(fair)))
    for product in booths.eligible_products(fair, producer):
        assert product.title in page
    others = factories.product(title="Mật ong của người khác")
    assert others.title not in page


def test_an_application_after_the_deadline_is_refused_with_the_closing_day(as_producer, fair, producer):
    products = booths.eligible_products(fair, producer)[:1]
    with time_machine.travel(DEMO_NOON + (fair.registration_deadline - DEMO_NOON.date()) + timedelta(days=1),
                             tick=False):
        response = as_producer.post(apply_url(fair), form_data(fair, products))
    assert response.status_code == 400
    assert f"{fair.registration_deadline:%d/%m/%Y}" in page_text(response)
    assert not BoothApplication.objects.filter(fair=fair, producer=producer).exists()


def test_the_deadline_day_itself_still_takes_applications(as_producer, fair, producer):
    products = booths.eligible_products(fair, producer)[:1]
    with time_machine.travel(DEMO_NOON + (fair.registration_deadline - DEMO_NOON.date()), tick=False):
        response = as_producer.post(apply_url(fair), form_data(fair, products))
    assert response.status_code == 302
    assert BoothApplication.objects.get(fair=fair, producer=producer).state == State.PENDING


def test_another_producers_product_sent_in_a_tampered_post_is_refused_by_name(as_producer, fair, producer):
    own = booths.eligible_products(fair, producer)[:1]
    foreign = factories.product(title="Trà shan tuyết của hợp tác xã khác")
    factories.certificate(foreign, issued_on=fair.starts_on - timedelta(days=30))
    response = as_producer.post(apply_url(fair), form_data(fair, own + [foreign]))
    assert response.status_code == 400
    assert "Trà shan tuyết của hợp tác xã khác" in page_text(response)
    assert not BoothApplication.objects.filter(fair=fair, producer=producer).exists()


def test_a_product_without_a_certificate_valid_through_the_fair_is_refused(as_producer, fair, producer):
    uncertified = factories.product(owner=producer, title="Bình gốm chưa chứng nhận")
    expiring = factories.product(owner=producer, title="Ấm gốm hết hạn giữa hội chợ")
    # issued 36 months before the fair's second day: valid until then, so it lapses while the fair runs
    issued = fair.starts_on.replace(year=fair.starts_on.year - 3) + timedelta(days=1)
    factories.certificate(expiring, issued_on=issued, rule_set=rules.rule_set_on(reference.rule_sets(), issued).code)
    for product in (uncertified, expiring):
        response = as_producer.post(apply_url(fair), form_data(fair, [product]))
        assert response.status_code == 400
        assert product.title in page_text(response)
    assert not BoothApplication.objects.filter(fair=fair, producer=producer).exists()


def test_a_product_below_the_fairs_minimum_stars_is_refused(as_producer, fair, producer):
    products = booths.eligible_products(fair, producer)
    below = [product for product in products if product.current_certificate.stars < 5]
    assert below, "the demo producer has a product under 5★"
    FairPage.objects.filter(pk=fair.pk).update(minimum_stars=5)
    fair.refresh_from_db()
    response = as_producer.post(apply_url(fair), form_data(fair, below[:1]))
    assert response.status_code == 400
    assert "5★" in page_text(response) and below[0].title in page_text(response)


def test_a_province_outside_the_fairs_list_cannot_apply(as_producer, fair, producer):
    from storefront.ocop.models import Province

    fair.eligible_provinces.set(Province.objects.exclude(pk=producer.province_id)[:1])
    fair.save()
    response = as_producer.post(apply_url(fair), form_data(fair, booths.eligible_products(fair, producer)[:1]))
    assert response.status_code == 400
    assert not BoothApplication.objects.filter(fair=fair, producer=producer).exists()


def test_a_second_application_for_the_same_fair_is_refused_as_a_duplicate(as_producer, fair, producer):
    products = booths.eligible_products(fair, producer)[:1]
    assert as_producer.post(apply_url(fair), form_data(fair, products)).status_code == 302
    response = as_producer.post(apply_url(fair), form_data(fair, products))
    assert response.status_code == 400
    assert "đã đăng ký" in page_text(response)
    assert BoothApplication.objects.filter(fair=fair, producer=producer).count() == 1


def test_a_producer_with_a_booth_typed_by_staff_cannot_apply_again(as_producer, fair, producer):
    Booth.objects.create(page=fair, producer=producer, code="Z99", zone="Khu C – Thủ công mỹ nghệ")
    response = as_producer.post(apply_url(fair), form_data(fair, booths.eligible_products(fair, producer)[:1]))
    assert response.status_code == 400
    assert "Z99" in page_text(response)
    assert not BoothApplication.objects.filter(fair=fair, producer=producer).exists()


def test_a_full_fair_offers_the_waiting_list_and_joining_it_waitlists_the_application(as_producer, fair, producer):
    FairPage.objects.filter(pk=fair.pk).update(booth_capacity=booths.held_places(fair))
    products = booths.eligible_products(fair, producer)[:1]
    response = as_producer.post(apply_url(fair), form_data(fair, products))
    assert response.status_code == 409
    assert 'name="join_waitlist"' in page_text(response)
    assert not BoothApplication.objects.filter(fair=fair, producer=producer).exists()
    response = as_producer.post(apply_url(fair), form_data(fair, products, join_waitlist="on"))
    assert response.status_code == 302
    assert BoothApplication.objects.get(fair=fair, producer=producer).state == State.WAITLISTED


def test_a_malformed_fair_parameter_is_a_400_with_a_message(as_producer):
    response = as_producer.get(reverse("dashboard:booth-apply") + "?fair=abc")
    assert response.status_code == 400
    assert "fair" in page_text(response)


def pending_application(fair, producer, user):
    return booths.apply(fair, producer, user, products=booths.eligible_products(fair, producer)[:2],
                        size=fair.booth_sizes.first(), contact_name="Nguyễn Văn Gốm", contact_phone="0912000111")


def decide_url(application):
    return reverse("dashboard:booth-application", kwargs={"pk": application.pk})


def test_staff_accept_with_a_booth_number_and_zone_and_the_producer_is_emailed(
        staff_client, fair, producer, producer_user, django_capture_on_commit_callbacks):
    application = pending_application(fair, producer, producer_user)
    zone = fair.booth_zones.get(name__startswith="Khu C")
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(decide_url(application), {"accept": "", "zone": zone.pk, "booth_code": "C20"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.state, application.booth_code, application.zone) == (State.ACCEPTED, "C20", zone)
    [message] = [m for m in mail.outbox if producer_user.email in m.to]
    assert "C20" in message.body and fair.title in message.subject


def test_a_booth_number_already_at_the_fair_is_refused(staff_client, fair, producer, producer_user):
    application = pending_application(fair, producer, producer_user)
    typed = Booth.objects.filter(page=fair).first()
    zone = fair.booth_zones.get(name__startswith="Khu C")
    response = staff_client.post(decide_url(application), {"accept": "", "zone": zone.pk, "booth_code": typed.code})
    assert response.status_code == 400
    assert typed.code in page_text(response)
    application.refresh_from_db()
    assert application.state == State.PENDING


def test_a_full_zone_is_refused(staff_client, fair, producer, producer_user):
    application = pending_application(fair, producer, producer_user)
    zone = fair.booth_zones.get(name__startswith="Khu C")
    zone.capacity = booths.zone_taken(fair, zone)
    zone.save()
    response = staff_client.post(decide_url(application), {"accept": "", "zone": zone.pk, "booth_code": "C30"})
    assert response.status_code == 400
    assert zone.name in page_text(response)
    application.refresh_from_db()
    assert application.state == State.PENDING


def test_a_decline_needs_a_reason_that_the_producer_reads(
        staff_client, as_producer, fair, producer, producer_user, django_capture_on_commit_callbacks):
    application = pending_application(fair, producer, producer_user)
    assert staff_client.post(decide_url(application), {"decline": "", "reason": ""}).status_code == 400
    reason = "Sản phẩm gốm đã đủ gian hàng."
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(decide_url(application), {"decline": "", "reason": reason})
    application.refresh_from_db()
    assert application.state == State.DECLINED
    assert any(reason in m.body for m in mail.outbox if producer_user.email in m.to)
    assert reason in page_text(as_producer.get(decide_url(application)))


def test_freeing_an_accepted_booth_moves_the_earliest_waitlisted_producer_up_with_an_email(
        fair, producer, producer_user, django_capture_on_commit_callbacks):
    FairPage.objects.filter(pk=fair.pk).update(booth_capacity=booths.held_places(fair))
    fair.refresh_from_db()
    mine = booths.apply(fair, producer, producer_user, products=booths.eligible_products(fair, producer)[:1],
                        size=fair.booth_sizes.first(), contact_name="Nguyễn Văn Gốm", contact_phone="0912000111",
                        join_waitlist=True)
    earlier = fair.booth_applications.get(state=State.WAITLISTED, pk__lt=mine.pk)  # the demo's waitlisted one
    accepted = fair.booth_applications.filter(state=State.ACCEPTED).first()
    with django_capture_on_commit_callbacks(execute=True):
        booths.decide(accepted, State.WITHDRAWN)
    earlier.refresh_from_db()
    mine.refresh_from_db()
    assert earlier.state == State.PENDING  # first come, first served
    assert mine.state == State.WAITLISTED
    assert not [m for m in mail.outbox if producer_user.email in m.to]
    with django_capture_on_commit_callbacks(execute=True):
        booths.decide(earlier, State.DECLINED, reason="Không đủ điều kiện.")
    mine.refresh_from_db()
    assert mine.state == State.PENDING
    [moved_up] = [m for m in mail.outbox if producer_user.email in m.to]
    assert fair.title in moved_up.subject and decide_url(mine) in moved_up.body


def test_a_waitlisted_application_cannot_be_accepted_while_the_fair_is_full(fair, producer, producer_user):
    FairPage.objects.filter(pk=fair.pk).update(booth_capacity=booths.held_places(fair))
    fair.refresh_from_db()
    waiting = fair.booth_applications.get(state=State.WAITLISTED)
    with pytest.raises(booths.Refused):
        booths.decide(waiting, State.ACCEPTED, zone=fair.booth_zones.first(), booth_code="A40")
    waiting.refresh_from_db()
    assert waiting.state == State.WAITLISTED


def test_a_producer_sees_only_its_own_applications_and_cannot_decide(as_producer, fair, producer, producer_user):
    other = fair.booth_applications.exclude(producer=producer).first()
    assert as_producer.get(decide_url(other)).status_code == 404
    assert as_producer.post(decide_url(other), {"withdraw": ""}).status_code == 404
    mine = pending_application(fair, producer, producer_user)
    zone = fair.booth_zones.first()
    assert as_producer.post(decide_url(mine), {"accept": "", "zone": zone.pk, "booth_code": "Z1"}).status_code == 403
    listing = page_text(as_producer.get(reverse("dashboard:booth-application-list")))
    assert other.producer.name not in listing and fair.title in listing
    assert as_producer.get(reverse("dashboard:booth-fair", kwargs={"pk": fair.pk})).status_code == 403


def test_a_producer_withdraws_its_application(as_producer, fair, producer, producer_user):
    mine = pending_application(fair, producer, producer_user)
    assert as_producer.post(decide_url(mine), {"withdraw": ""}).status_code == 302
    mine.refresh_from_db()
    assert mine.state == State.WITHDRAWN
    assert booths.open_application(fair, producer) is None  # it may apply again


def test_staff_see_counts_per_state_zone_and_province(staff_client, fair):
    page = page_text(staff_client.get(reverse("dashboard:booth-fair", kwargs={"pk": fair.pk})))
    counts = booths.counts(fair)
    assert f"{counts['held']} / {counts['capacity']}" in page
    for zone, taken in counts["zones"].items():
        assert f"{zone.name}: <strong>{taken} / {zone.capacity}</strong>" in page
    for province, number in counts["provinces"].items():
        assert f"{province}: <strong>{number}</strong>" in page
    assert staff_client.get(reverse("dashboard:booth-fair", kwargs={"pk": fair.pk}) + "?state=nope").status_code == 400


def test_accepted_booths_appear_on_the_public_fair_page_with_their_producer_and_products(client, fair):
    page = page_text(client.get(fair.url))
    for application in fair.booth_applications.filter(state=State.ACCEPTED):
        assert f'id="booth-{application.booth_code.lower()}"' in page
        assert application.producer.name in page
        for product in application.products.all():
            assert product.get_absolute_url() in page
    for application in fair.booth_applications.exclude(state=State.ACCEPTED):
        assert application.producer.name not in page
    for booth in Booth.objects.filter(page=fair):  # the booths staff typed keep showing
        assert f'id="booth-{booth.code.lower()}"' in page
    assert f"{fair.registration_deadline:%d/%m/%Y}" in page
    assert apply_url(fair).replace("&", "&amp;") in page
