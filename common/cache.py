"""The database cache, with a write that costs one round trip.

Django's DatabaseCache counts the whole table (`SELECT COUNT(*)`) before every write and
then reads, updates or inserts the row in a transaction of its own: four or five round
trips for each page or fragment the page cache stores. Here a `set` is one statement,
PostgreSQL's `INSERT ... ON CONFLICT DO UPDATE`, and `set_many` is one statement for all
its keys. The table is kept small by `cull()` instead: the scheduled job `cull_cache`
(config/schedule.py) runs it daily, and a write runs it with a chance of 1 in
`CULL_EVERY` (an option; 1,000 by default), so even a crawler asking for endless query
strings between two jobs cannot grow the table far past `MAX_ENTRIES`.

With `REDIS_URL` the portal uses Redis instead, which evicts by itself.
"""

from __future__ import annotations

import base64
import pickle
import random
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import DatabaseError, connections, router
from django.utils.timezone import now as tz_now

_EXPIRES_NEVER = datetime.max.replace(microsecond=0)


class DatabaseCache(DjangoDatabaseCache):
    def __init__(self, table, params):
        super().__init__(table, params)
        self._cull_every = int(params.get("OPTIONS", {}).get("CULL_EVERY", 1000))

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        self._upsert({key: value}, timeout)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        rows = {self.make_and_validate_key(key, version=version): v for key, v in data.items()}
        if rows:
            self._upsert(rows, timeout)
        return []

    def _upsert(self, rows: dict, timeout) -> None:
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        expires = connection.ops.adapt_datetimefield_value(self._expiry(timeout))
        values, params = [], []
        for key, value in rows.items():
            pickled = pickle.dumps(value, self.pickle_protocol)
            values.append("(%s, %s, %s)")
            params += [key, base64.b64encode(pickled).decode("latin1"), expires]
        sql = (
            f"INSERT INTO {quote(self._table)} (cache_key, value, expires) "
            f"VALUES {', '.join(values)} ON CONFLICT (cache_key) DO UPDATE "
            "SET value = EXCLUDED.value, expires = EXCLUDED.expires"
        )
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
        except DatabaseError:
            # As Django's: a write that fails (two writers of one key) is no error.
            return
        if self._cull_every and random.randrange(self._cull_every) == 0:  # noqa: S311
            self.cull()

    def _expiry(self, timeout) -> datetime:
        timeout = self.get_backend_timeout(timeout)
        if timeout is None:
            return _EXPIRES_NEVER
        tz = UTC if settings.USE_TZ else None
        return datetime.fromtimestamp(timeout, tz=tz).replace(microsecond=0)

    def cull(self) -> int:
        """Delete the expired entries, then a share of the rest (Django's CULL_FREQUENCY)
        while more than MAX_ENTRIES remain. Returns how many entries are left."""
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        table = connection.ops.quote_name(self._table)
        with connection.cursor() as cursor:
            for _round in range(20):  # each round deletes a share: 1/CULL_FREQUENCY
                cursor.execute(f"SELECT COUNT(*) FROM {table}")
                count = cursor.fetchone()[0]
                if count <= self._max_entries and _round:
                    break
                self._cull(db, cursor, tz_now().replace(microsecond=0), count)
            return count
