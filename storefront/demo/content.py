"""The Wagtail side of the demo: the home page as the site's root."""

from wagtail.models import Page, Site

from cms.models import HomePage

HOME_DEFAULTS = {
    "title": "OCOP Market",
    "slug": "home",
    "hero_title": "Đặc sản OCOP chính hãng, có chứng nhận sao",
    "hero_text": "<p>Mua trực tiếp từ hợp tác xã, doanh nghiệp nhỏ và hộ sản xuất trên khắp 34 tỉnh, thành. "
                 "Mỗi huy hiệu sao đến từ giấy chứng nhận thật, tra cứu được.</p>",
}


def ensure_home_page(hostname="127.0.0.1", port=8000):
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's migration creates a placeholder "Welcome" page at the slug we want: retire it.
        for placeholder in root.get_children().exclude(content_type__model="homepage"):
            if placeholder.slug == HOME_DEFAULTS["slug"]:
                placeholder.slug = f"{placeholder.slug}-placeholder-{placeholder.pk}"
                placeholder.save()
        home = root.add_child(instance=HomePage(**HOME_DEFAULTS))
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True,
                            site_name="OCOP Market")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "OCOP Market"
        site.save()
    # Wagtail's placeholder page is no longer reachable; remove it so the tree holds only real pages.
    for placeholder in Page.objects.filter(depth=2).exclude(pk=home.pk).filter(content_type__model="page"):
        placeholder.delete()
    return home
