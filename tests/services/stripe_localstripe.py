"""localstripe bound to loopback only (its own `start()` binds every interface) and kept in memory (its
`start()` also pickles the whole store to /tmp on every write, shared by anyone on the machine). localstripe's
PaymentIntent lacks Stripe's `amount_received` (what its captured charge took), which the shop checks: added."""

import sys

from aiohttp import web
from localstripe import resources, server

resources.store.dump_to_disk = lambda: None


def amount_received(intent):
    charge = intent.latest_charge
    return charge.amount if charge is not None and charge.status == "succeeded" and charge.captured else 0


resources.PaymentIntent.amount_received = property(amount_received)
web.run_app(server.app, host="127.0.0.1", port=int(sys.argv[1]), print=None)
