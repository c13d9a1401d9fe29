"""Settings come from the environment; production passes Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def test_check_deploy_passes_under_production_settings_with_the_documented_variables():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "storefront.settings.production",
        "SECRET_KEY": "x" * 30 + "production-grade-secret-key-for-the-check-9f83",
        "ALLOWED_HOSTS": "ocop.example.vn",
        "DATABASE_URL": os.environ.get("DATABASE_URL", "sqlite:////tmp/ocop-check.sqlite3"),
        "CACHE_URL": "redis://127.0.0.1:6379/0",  # read, not connected to: the checks need no cache
    }
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_has_no_demo_loader():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "storefront.settings.production", "ALLOWED_HOSTS": "ocop.example.vn",
           "SECRET_KEY": "x" * 30 + "production-grade-secret-key-for-the-check-9f83",
           "CACHE_URL": "redis://127.0.0.1:6379/0"}
    result = subprocess.run([sys.executable, "manage.py", "load_demo"], cwd=ROOT, env=env, capture_output=True,
                            text=True)
    assert result.returncode != 0 and "Unknown command: 'load_demo'" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update(DJANGO_SETTINGS_MODULE="storefront.settings.production", ALLOWED_HOSTS="ocop.example.vn")
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True,
                            text=True)
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_production_refuses_a_cache_that_each_process_keeps_for_itself():
    env = {k: v for k, v in os.environ.items() if k != "CACHE_URL"}
    env.update(DJANGO_SETTINGS_MODULE="storefront.settings.production", ALLOWED_HOSTS="ocop.example.vn",
               SECRET_KEY="x" * 30 + "production-grade-secret-key-for-the-check-9f83")
    for cache_url in (None, "locmemcache://"):
        if cache_url:
            env["CACHE_URL"] = cache_url
        result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True,
                                text=True)
        assert result.returncode != 0 and "CACHE_URL must name a cache every app server shares" in result.stderr


def test_production_keeps_sessions_in_the_shared_cache_a_replica_of_the_index_and_database_connections():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "storefront.settings.production", "ALLOWED_HOSTS": "ocop.example.vn",
           "SECRET_KEY": "x" * 30 + "production-grade-secret-key-for-the-check-9f83",
           "CACHE_URL": "redis://127.0.0.1:6379/0"}
    code = ("import django; django.setup(); from django.conf import settings as s; "
            "print(s.CACHES['default']['BACKEND'], s.SESSION_ENGINE, s.AXES_HANDLER, s.SEARCH_REPLICAS, "
            "s.DATABASES['default']['CONN_MAX_AGE'], s.DATABASES['default']['CONN_HEALTH_CHECKS'])")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.stdout.split() == ["storefront.redis_cache.RedisCache",
                                     "django.contrib.sessions.backends.cached_db",
                                     "axes.handlers.cache.AxesCacheHandler", "1", "60", "True"], result.stderr


def test_with_nothing_set_the_site_runs_on_sqlite():
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    code = "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='storefront.settings.dev'; django.setup(); " \
           "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.stdout.strip() == "django.db.backends.sqlite3", result.stderr


@pytest.mark.parametrize("extra, expected", [
    ({"AWS_S3_ENDPOINT_URL": "http://127.0.0.1:7480", "AWS_S3_ADDRESSING_STYLE": "path"},
     "http://127.0.0.1:7480/ocop-media/images/tra%20sen.jpg"),
    ({"AWS_S3_REGION_NAME": "ap-southeast-1"},
     "https://ocop-media.s3.ap-southeast-1.amazonaws.com/images/tra%20sen.jpg"),
    ({"AWS_S3_CUSTOM_DOMAIN": "media.ocop.example.vn"}, "https://media.ocop.example.vn/images/tra%20sen.jpg"),
])
def test_media_urls_are_the_public_buckets_address_without_a_boto3_client_in_the_worker(extra, expected):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "storefront.settings.production", "ALLOWED_HOSTS": "ocop.example.vn",
           "SECRET_KEY": "x" * 30 + "production-grade-secret-key-for-the-check-9f83",
           "CACHE_URL": "redis://127.0.0.1:6379/0", "AWS_STORAGE_BUCKET_NAME": "ocop-media", **extra}
    code = ("import django; django.setup(); from django.core.files.storage import default_storage as s; "
            "print(s.url('images/tra sen.jpg')); print(getattr(s._connections, 'connection', None) is None)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.stdout.split() == [expected, "True"], result.stderr
