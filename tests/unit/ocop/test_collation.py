"""Vietnamese alphabetical order (a ă â b c d đ e ê … u ư …) from ICU, in Python and on SQLite."""

from concurrent.futures import ThreadPoolExecutor

from django.db.utils import ConnectionHandler

from storefront.ocop import collation

SHUFFLED = ["Huế", "Điện Biên", "Hưng Yên", "Đắk Lắk", "Cần Thơ", "Hà Nội", "Đà Nẵng", "Đồng Nai", "Hải Phòng",
            "Gia Lai", "Dak Hamlet", "An Giang"]
VIETNAMESE_ORDER = ["An Giang", "Cần Thơ", "Dak Hamlet", "Đà Nẵng", "Đắk Lắk", "Điện Biên", "Đồng Nai", "Gia Lai",
                    "Hà Nội", "Hải Phòng", "Huế", "Hưng Yên"]


def test_d_with_stroke_is_its_own_letter_after_every_plain_d():
    ordered = collation.sort_vietnamese(SHUFFLED)
    assert ordered == VIETNAMESE_ORDER
    assert ordered.index("Dak Hamlet") < ordered.index("Đà Nẵng") < ordered.index("Gia Lai")


def test_hue_comes_after_ha_noi_and_hai_phong_and_u_before_u_with_horn():
    assert collation.sort_vietnamese(["Hưng Yên", "Huế", "Hải Phòng", "Hà Nội"]) == [
        "Hà Nội", "Hải Phòng", "Huế", "Hưng Yên"]
    # a code-point sort gets this wrong: "u" (U+0075) sorts before "à" (U+00E0)
    assert sorted(["Hà Nội", "Huế"]) == ["Huế", "Hà Nội"]


def test_a_breve_and_a_circumflex_are_letters_after_a():
    assert collation.sort_vietnamese(["ấp", "ăn", "bánh", "an"]) == ["an", "ăn", "ấp", "bánh"]


def test_sort_key_orders_objects_by_a_chosen_name():
    producers = [{"name": "Hợp tác xã Điện Biên"}, {"name": "Hợp tác xã Dương"}]
    ordered = collation.sort_vietnamese(producers, key=lambda producer: producer["name"])
    assert [producer["name"] for producer in ordered] == ["Hợp tác xã Dương", "Hợp tác xã Điện Biên"]
    assert sorted(["", None, "a"], key=collation.sort_key) == ["", None, "a"]


def names_sorted_by_a_new_sqlite_connection():
    connections = ConnectionHandler({"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}})
    connection = connections["default"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("CREATE TABLE place (name TEXT)")
            cursor.executemany("INSERT INTO place (name) VALUES (%s)", [(name,) for name in SHUFFLED])
            cursor.execute(f'SELECT name FROM place ORDER BY name COLLATE "{collation.SQLITE_COLLATION}"')
            return [name for (name,) in cursor.fetchall()]
    finally:
        connection.close()


def test_every_sqlite_connection_orders_by_the_same_rules(django_db_blocker):
    # in a thread of its own, as a server's request thread opens its connection (and away from the event loop
    # the browser journeys leave in this one, where Django refuses synchronous database calls)
    with django_db_blocker.unblock(), ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(names_sorted_by_a_new_sqlite_connection).result() == VIETNAMESE_ORDER
