"""The search vector also holds the unstemmed words of names and short descriptions, so
the prefix match of a word being typed ("virksomh") finds "virksomhed", whose Danish stem
"virksom" is shorter than what was typed. A generated column is changed by dropping and adding
it, so its index and its storage (see 0007) are made again here."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('ecosystem', '0010_user_language'),
    ]

    operations = [
        migrations.RemoveIndex(model_name="actor", name="actor_search_idx"),
        migrations.RemoveField(model_name="actor", name="search_vector"),
        migrations.AddField(
            model_name='actor',
            name='search_vector',
            field=models.GeneratedField(db_persist=True, expression=django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.CombinedSearchVector(django.contrib.postgres.search.SearchVector('name', config='danish', weight='A'), '||', django.contrib.postgres.search.SearchVector('name', config='english', weight='A'), django.contrib.postgres.search.SearchConfig('danish')), '||', django.contrib.postgres.search.SearchVector('short_description_da', 'description_da', config='danish', weight='B'), django.contrib.postgres.search.SearchConfig('danish')), '||', django.contrib.postgres.search.SearchVector('short_description_en', 'description_en', config='english', weight='B'), django.contrib.postgres.search.SearchConfig('danish')), '||', django.contrib.postgres.search.SearchVector('city', config='simple', weight='C'), django.contrib.postgres.search.SearchConfig('danish')), '||', django.contrib.postgres.search.SearchVector('name', 'short_description_da', 'short_description_en', config='simple', weight='D'), django.contrib.postgres.search.SearchConfig('danish')), output_field=django.contrib.postgres.search.SearchVectorField()),
        ),
        migrations.AddIndex(
            model_name="actor",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="actor_search_idx"
            ),
        ),
        migrations.RunSQL(
            sql=[
                "ALTER TABLE ecosystem_actor ALTER COLUMN search_vector SET STORAGE MAIN",
                "UPDATE ecosystem_actor SET name = name",
            ],
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
