"""schema.org JSON-LD for products, fairs and showrooms. OCOP stars are a government certification, not buyer
reviews, so they are never published as AggregateRating/Review; the certificate is a plain property."""

from decimal import ROUND_HALF_UP, Decimal

from storefront.catalogue.pricing import unit_price
from storefront.site_url import absolute_url, page_url


def _clean(data):
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def product_data(product, request):
    url = absolute_url(product.get_absolute_url())
    data = {"@context": "https://schema.org", "@type": "Product", "name": product.get_title(), "url": url,
            "description": product.description or product.story[:300], "sku": product.upc or None}
    image = product.primary_image()
    if image and getattr(image, "original", None):
        data["image"] = absolute_url(image.original.url)
    if product.producer_id:
        data["brand"] = {"@type": "Brand", "name": product.producer.name}
        data["manufacturer"] = {"@type": "Organization", "name": product.producer.name}
    if product.origin_province_id:
        data["countryOfOrigin"] = "VN"
    certificate = product.ocop_certificate
    if certificate:
        data["additionalProperty"] = [{"@type": "PropertyValue", "name": "OCOP", "value": f"{certificate.stars}",
                                       "unitText": "sao", "identifier": certificate.number}]
    info = request.strategy.fetch_for_product(product) if hasattr(request, "strategy") else None
    price = unit_price(request, product, info) if info else None
    if price is not None:  # the price the buyer pays now, a running offer included
        available = info.availability.is_available_to_buy
        data["offers"] = {"@type": "Offer", "price": str(price.now.quantize(Decimal(1), ROUND_HALF_UP)),
                          "priceCurrency": price.currency, "url": url,
                          "availability": "https://schema.org/" + ("InStock" if available else "OutOfStock")}
    return _clean(data)


def _place(name, address, province, latitude, longitude):
    place = {"@type": "Place", "name": name,
             "address": _clean({"@type": "PostalAddress", "streetAddress": address,
                                "addressRegion": province.name if province else None, "addressCountry": "VN"})}
    if latitude is not None and longitude is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": float(latitude), "longitude": float(longitude)}
    return place


def fair_data(fair):
    return _clean({
        "@context": "https://schema.org", "@type": "Event", "name": fair.title, "url": page_url(fair),
        "startDate": fair.starts_on.isoformat(), "endDate": fair.ends_on.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "description": fair.summary,
        "location": _place(fair.venue, fair.address, fair.province, fair.latitude, fair.longitude),
        "organizer": {"@type": "Organization", "name": fair.organiser},
    })


def showroom_data(showroom):
    place = _place(showroom.title, showroom.address, showroom.province, showroom.latitude, showroom.longitude)
    place.update({"@context": "https://schema.org", "@type": "Store", "url": page_url(showroom)})
    return _clean({**place, "telephone": showroom.phone, "openingHours": showroom.opening_hours,
                   "description": showroom.summary})
