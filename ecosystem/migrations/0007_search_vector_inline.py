"""Keep the actors' search vector in the row itself, not in TOAST.

An actor row with both languages' descriptions is larger than PostgreSQL's TOAST
threshold (about 2 kB), and the search vector, the widest column, was the one moved out
of line. Every search then fetched and decompressed it from the TOAST table for each row:
with 10,000 actors a broad search ("virksomheder", 60 % of the rows) took about 90 ms
instead of about 20 ms. STORAGE MAIN makes PostgreSQL move the descriptions out first.
The UPDATE rewrites existing rows so the new storage applies to them too.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("ecosystem", "0006_log_restored")]

    operations = [
        migrations.RunSQL(
            sql=[
                "ALTER TABLE ecosystem_actor ALTER COLUMN search_vector SET STORAGE MAIN",
                "UPDATE ecosystem_actor SET name = name",
            ],
            reverse_sql=[
                "ALTER TABLE ecosystem_actor ALTER COLUMN search_vector SET STORAGE EXTENDED",
            ],
        ),
    ]
