"""The lifecycle's rules on their own: which steps lead where, and which status an order takes from its lines."""

from storefront.order import statuses
from storefront.order.statuses import (CANCELLED, CONFIRMED, DELIVERED, LINE_PIPELINE, ORDER_PIPELINE, PAID,
                                       PENDING, REFUNDED, SHIPPING)


def test_a_pending_line_reaches_shipping_through_confirmed():
    assert statuses.path(LINE_PIPELINE, PENDING, SHIPPING) == [CONFIRMED, SHIPPING]
    assert statuses.path(LINE_PIPELINE, PENDING, DELIVERED) == [CONFIRMED, SHIPPING, DELIVERED]


def test_nothing_goes_back_or_leaves_a_closed_status():
    assert statuses.path(LINE_PIPELINE, SHIPPING, CONFIRMED) is None
    assert statuses.path(LINE_PIPELINE, DELIVERED, CANCELLED) is None
    assert statuses.path(LINE_PIPELINE, CANCELLED, CONFIRMED) is None
    assert statuses.path(LINE_PIPELINE, PENDING, "no such status") is None


def test_refunded_is_never_a_step_anyone_can_pick():
    for pipeline in (ORDER_PIPELINE, LINE_PIPELINE):
        assert all(REFUNDED not in following for following in pipeline.values())
        assert statuses.path(pipeline, PENDING, REFUNDED) is None


def test_a_card_order_starts_paid_and_is_confirmed_like_a_cash_one():
    assert statuses.path(ORDER_PIPELINE, PAID, DELIVERED) == [CONFIRMED, SHIPPING, DELIVERED]


def test_an_order_follows_the_least_advanced_line_still_in_play():
    assert statuses.followed([CONFIRMED, PENDING]) is None
    assert statuses.followed([CONFIRMED, SHIPPING]) == CONFIRMED
    assert statuses.followed([DELIVERED, SHIPPING]) == SHIPPING
    assert statuses.followed([DELIVERED, CANCELLED]) == DELIVERED
    assert statuses.followed([CANCELLED, CANCELLED]) == CANCELLED
    assert statuses.followed([]) is None


def test_every_status_has_a_label_and_every_step_a_known_status():
    for pipeline in (ORDER_PIPELINE, LINE_PIPELINE):
        for status, following in pipeline.items():
            assert status in statuses.LABELS
            assert set(following) <= set(pipeline)
