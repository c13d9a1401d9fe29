"""The load test of issue 11: buyers browse, search, open products and pay cash on delivery, as a browser would.

Run it through bench/load.py (it starts Locust headless, then prints the table and draws the chart for
bench/README.md); `locust -f bench/locustfile.py --host http://127.0.0.1:8080` opens Locust's own web UI instead.

Two kinds of visitor, in the proportions a shop sees (most look, few buy):
- Browser: home, a catalogue page, two searches (some typed without diacritics or with a typo, some with
  facets), two product pages.
- Buyer: a search, a product, the basket, then the guest checkout with cash on delivery to the thank-you page.
Every request is named by what it is (not its URL), so the table has one row per step.
"""

import random
import re
import uuid

from locust import HttpUser, SequentialTaskSet, between, task

QUERIES = ["trà", "tra", "nước mắm", "nuoc mam", "nuoc mamm", "mật ong", "mat ong", "gốm", "cà phê", "ca phe",
           "bưởi", "yến sào", "gạo", "rượu", "tea", "honey", "fish sauce", "quà tết", "phu quok", "chè"]
FACETS = ["", "", "stars=4,5", "province=91", "stars=5&province=48", "price=100000-300000", "group=1.5", "group=2"]
PRODUCT_LINK = re.compile(r'href="(/catalogue/[^"/]+_(\d+)/)"')
PROVINCE_OPTION = re.compile(r'<select[^>]*name="province"[^>]*>.*?<option value="(\d+)"', re.S)


class Visit(SequentialTaskSet):
    def products_on(self, response):
        return [(path, pk) for path, pk in PRODUCT_LINK.findall(response.text or "")]

    def search(self):
        query, facets = random.choice(QUERIES), random.choice(FACETS)
        url = "/search/?q=" + query + ("&" + facets if facets else "")
        with self.client.get(url, name="search", catch_response=True) as response:
            found = self.products_on(response)
            if response.status_code != 200:
                response.failure(f"search answered {response.status_code}")
            else:
                response.success()
        return found

    def post(self, url, data, name):
        """A form post as the browser makes it: the page's CSRF token from the cookie, the page as Referer."""
        token = self.client.cookies.get("csrftoken", "")
        return self.client.post(url, data=data, name=name, allow_redirects=False,
                                headers={"X-CSRFToken": token, "Referer": self.user.host + url})


class Browse(Visit):
    @task
    def visit(self):
        self.client.get("/", name="home")
        page = random.randint(1, 20)
        listing = self.client.get(f"/catalogue/?page={page}", name="catalogue")
        candidates = self.products_on(listing)
        for _ in range(2):
            candidates += self.search()
        for path, _ in random.sample(candidates, min(2, len(candidates))):
            self.client.get(path, name="product")


class BuyCashOnDelivery(Visit):
    @task
    def visit(self):
        found = self.search()
        if not found:
            return
        path, pk = random.choice(found[:12])
        self.client.get(path, name="product")
        self.post(f"/basket/add/{pk}/", {"quantity": 1}, "basket: add")
        self.client.get("/basket/", name="basket")
        self.checkout()

    def checkout(self):
        email = f"load-{uuid.uuid4().hex[:12]}@example.vn"
        self.post("/checkout/", {"username": email, "options": "anonymous"}, "checkout: e-mail")
        page = self.client.get("/checkout/shipping-address/", name="checkout: address form")
        province = PROVINCE_OPTION.search(page.text or "")
        if not province:  # the basket was refused (e.g. the product sold out): nothing to check out
            return
        self.post("/checkout/shipping-address/", {
            "first_name": "Nguyễn Thị Lan", "phone_number": "0912 345 678", "province": province.group(1),
            "commune": "", "commune_other": "Phường Ba Đình", "line1": "12 Phố Hàng Bạc", "notes": ""},
            "checkout: address")
        self.client.get("/checkout/shipping-method/", name="checkout: shipping method", allow_redirects=False)
        self.post("/checkout/payment-method/", {"method": "cod"}, "checkout: cash on delivery")
        self.client.get("/checkout/preview/", name="checkout: preview")
        with self.client.post("/checkout/preview/", data={"action": "place_order"}, name="checkout: place order",
                              allow_redirects=False, catch_response=True,
                              headers={"X-CSRFToken": self.client.cookies.get("csrftoken", ""),
                                       "Referer": self.user.host + "/checkout/preview/"}) as response:
            if response.status_code == 302 and "/checkout/thank-you/" in response.headers.get("Location", ""):
                response.success()
            else:
                response.failure(f"no order: {response.status_code} → {response.headers.get('Location', '')}")


class Browser(HttpUser):
    weight = 4
    wait_time = between(0.5, 2)
    tasks = [Browse]


class Buyer(HttpUser):
    weight = 1
    wait_time = between(0.5, 2)
    tasks = [BuyCashOnDelivery]
