"""Extract the text of the library's PDF and DOCX files again (after a failure, or with a
newer pypdf/python-docx), so the search finds words inside them."""

from django.core.management.base import BaseCommand

from resources import services
from resources.models import ResourceFile


class Command(BaseCommand):
    help = "Extract the searchable text of PDF and DOCX files again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            help="Every PDF and DOCX file, not only those that failed or were never read.",
        )

    def handle(self, *args, all: bool = False, **options):
        files = ResourceFile.objects.filter(kind__in=["pdf", "docx"]).select_related("resource")
        if not all:
            files = files.filter(extraction__in=["pending", "failed"])
        done = failed = 0
        for resource_file in files.iterator(chunk_size=100):
            services.extract_again(resource_file)
            if resource_file.extraction == ResourceFile.Extraction.FAILED:
                failed += 1
                self.stderr.write(f"{resource_file.pk}: {resource_file.extraction_error}")
            else:
                done += 1
        self.stdout.write(f"Extracted: {done}; failed: {failed}.")
