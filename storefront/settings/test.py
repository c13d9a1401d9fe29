"""The test suite: PostgreSQL when DATABASE_URL is set (make test sets it), fast hashing, mail kept in memory."""

from .base import *  # noqa: F401,F403
from .base import VAR_DIR, env, tasks_from_env

DEBUG = False
INSTALLED_APPS = [*INSTALLED_APPS, "storefront.demo.apps.DemoConfig"]  # noqa: F405  load_demo, as in dev
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": env.path("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "test-private"))}},
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "test-media"))
LANGUAGE_CODE = "vi"
# Tasks run in the test process right after its commit, as before they were tasks; the tests of the worker ask for
# the database backend themselves (tests/integration/background/).
TASKS = tasks_from_env(default="immediate")
