"""QR codes for the pack: each points at the certificate's absolute /verify/ URL."""

from io import BytesIO


def _code(url):
    # imported here: only the certificate pages' QR downloads need qrcode, not every web worker
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=10, border=4)
    code.add_data(url)
    code.make(fit=True)
    return code


def qr_png(url) -> bytes:
    out = BytesIO()
    _code(url).make_image().save(out)
    return out.getvalue()


def qr_svg(url) -> bytes:
    import qrcode.image.svg

    out = BytesIO()
    _code(url).make_image(image_factory=qrcode.image.svg.SvgPathImage).save(out)
    return out.getvalue()
