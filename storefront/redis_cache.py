"""Django's RedisCache, keeping one redis-py client per connection pool.

Django builds a new `redis.Redis` for every cache call, and its constructor fills a table of some 170 response
callbacks: on a kept page (four cache calls) that was a quarter of the request's CPU. The client is safe to share
between threads; its connections still come from Django's pool, which redis-py resets in a forked process.
"""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
