"""Staff give a fair booth another producer in Wagtail's admin: the "products shown" list follows it at once,
a product of some other producer slipped into the form is refused with a message, and once published the fair
page shows the booth with the products ticked."""

import json
import subprocess
import sys

import pytest
from django.utils.text import slugify
from playwright.sync_api import expect

from tests.demo_clock import demo_content

from .conftest import ROOT
from .test_producer_journey import sign_in

pytestmark = pytest.mark.e2e

LOOKUP = """
import json
from cms.models import FairPage
from oscar.core.loading import get_model
Partner, Product = get_model("partner", "Partner"), get_model("catalogue", "Product")
fair = FairPage.objects.get(slug=%r)
booth = fair.booths.order_by("sort_order").first()
def titles(producer):
    return [p.title for p in Product.objects.filter(producer=producer, is_public=True).order_by("title")]
others = [p for p in Partner.objects.exclude(pk=booth.producer_id).order_by("pk") if len(titles(p)) >= 2]
print(json.dumps({"fair": fair.pk, "url": fair.get_url_parts()[2], "code": booth.code, "producer": others[0].pk,
                  "name": others[0].name, "titles": titles(others[0]),
                  "stranger": Product.objects.filter(producer=others[1], is_public=True).first().pk}))
"""


def demo_facts(e2e_server):
    slug = demo_content()[1]["hanoi"]["slug"]
    result = subprocess.run([sys.executable, "manage.py", "shell", "-c", LOOKUP % slug], cwd=ROOT,
                            env=e2e_server.env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def publish(page):
    page.locator("footer [data-w-dropdown-target='toggle'], footer .w-dropdown__toggle").first.click()
    page.locator("button[name='action-publish']").click()


def test_a_booths_products_follow_its_producer_and_only_its_products_are_accepted(page, e2e_server, tmp_path):
    facts = demo_facts(e2e_server)
    sign_in(page, e2e_server.admin_email, e2e_server.admin_password)
    page.goto(f"/cms/pages/{facts['fair']}/edit/")
    choices = page.locator("#id_booths-0-featured_products")

    page.select_option("#id_booths-0-producer", str(facts["producer"]))
    expect(choices.locator("input[type=checkbox]")).to_have_count(len(facts["titles"]))
    expect(choices).to_contain_text(facts["titles"][0])
    choices.get_by_label(facts["titles"][0]).check()
    page.screenshot(path=str(tmp_path / "booth-products.png"), full_page=True)

    # a forged choice (another producer's product) is a form error, not a silent save
    page.evaluate("""([id, value]) => {
        const forged = document.createElement("input");
        Object.assign(forged, {type: "checkbox", name: "booths-0-featured_products", value, checked: true});
        document.getElementById(id).append(forged);
    }""", ["id_booths-0-featured_products", str(facts["stranger"])])
    publish(page)
    expect(page.locator("body")).to_contain_text(f"Gian hàng chỉ trưng bày được sản phẩm của {facts['name']}")

    choices.locator("input[type=checkbox]:checked").evaluate_all("boxes => boxes.forEach(b => b.checked = false)")
    choices.get_by_label(facts["titles"][0]).check()
    publish(page)
    expect(page.locator(".messages, [data-w-messages]").first).to_be_visible()

    page.goto(facts["url"])
    booth = page.locator(f"#booth-{slugify(facts['code'])}")
    expect(booth.locator(".booth-producer")).to_have_text(facts["name"])
    expect(booth.locator(".booth-products")).to_contain_text(facts["titles"][0])
    expect(booth.locator(".booth-products")).not_to_contain_text(facts["titles"][1])
