"""localstripe bound to loopback only (its own `start()` binds every interface) and kept in memory (its
`start()` also pickles the whole store to /tmp on every write, shared by anyone on the machine)."""

import sys

from aiohttp import web
from localstripe import resources, server

resources.store.dump_to_disk = lambda: None
web.run_app(server.app, host="127.0.0.1", port=int(sys.argv[1]), print=None)
