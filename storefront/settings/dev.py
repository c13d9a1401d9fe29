"""Local development: `make demo`."""

from .base import *  # noqa: F401,F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# load_demo and its data: development and tests only, never installed in production
INSTALLED_APPS = [*INSTALLED_APPS, "storefront.demo.apps.DemoConfig"]  # noqa: F405
