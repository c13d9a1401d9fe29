"""schema.org JSON-LD for products, fairs and showrooms. OCOP stars are a government certification, not buyer
reviews, so they are never published as AggregateRating/Review; the certificate is a plain property."""

from decimal import Decimal


def _clean(data):
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def product_data(product, request, purchase_info=None):
    url = request.build_absolute_uri(product.get_absolute_url())
    data = {"@context": "https://schema.org", "@type": "Product", "name": product.get_title(), "url": url,
            "description": product.description or product.story[:300], "sku": product.upc or None}
    image = product.primary_image()
    if image and getattr(image, "original", None):
        data["image"] = request.build_absolute_uri(image.original.url)
    if product.producer_id:
        data["brand"] = {"@type": "Brand", "name": product.producer.name}
        data["manufacturer"] = {"@type": "Organization", "name": product.producer.name}
    if product.origin_province_id:
        data["countryOfOrigin"] = "VN"
    certificate = product.ocop_certificate
    if certificate:
        data["additionalProperty"] = [{"@type": "PropertyValue", "name": "OCOP", "value": f"{certificate.stars}",
                                       "unitText": "sao", "identifier": certificate.number}]
    if purchase_info and purchase_info.price.exists:
        price = purchase_info.price
        amount = price.incl_tax if price.is_tax_known else price.excl_tax
        available = purchase_info.availability.is_available_to_buy
        data["offers"] = {"@type": "Offer", "price": str(Decimal(amount).quantize(Decimal(1))),
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


def fair_data(fair, request):
    return _clean({
        "@context": "https://schema.org", "@type": "Event", "name": fair.title, "url": fair.get_full_url(request),
        "startDate": fair.starts_on.isoformat(), "endDate": fair.ends_on.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "description": fair.summary,
        "location": _place(fair.venue, fair.address, fair.province, fair.latitude, fair.longitude),
        "organizer": {"@type": "Organization", "name": fair.organiser},
    })


def showroom_data(showroom, request):
    place = _place(showroom.title, showroom.address, showroom.province, showroom.latitude, showroom.longitude)
    place.update({"@context": "https://schema.org", "@type": "Store", "url": showroom.get_full_url(request)})
    return _clean({**place, "telephone": showroom.phone, "openingHours": showroom.opening_hours,
                   "description": showroom.summary})
