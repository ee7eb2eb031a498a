"""Files in S3-compatible storage, as production with a bucket runs them: moto's S3 server
(server mode, over HTTP on loopback) behind django-storages. Upload, a restricted file
handed out only as a short-lived signed URL after the access check, and a replaced file."""

import socket
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
import requests
from moto.server import ThreadedMotoServer

from resources import services
from resources.documents import make_pdf
from resources.models import DownloadCount
from tests.factories import (
    MembershipFactory,
    PartnershipFactory,
    ResourceFactory,
    UserFactory,
    add_pdf,
    upload,
)

pytestmark = pytest.mark.django_db

BUCKET = "portal-media"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings, monkeypatch):
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "eu-north-1",
    }.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=s3_server, region_name="eu-north-1")
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-north-1"}
    )
    settings.AWS_STORAGE_BUCKET_NAME = BUCKET
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_server,
                "region_name": "eu-north-1",
                "default_acl": None,
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
    }
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def stored_keys(client) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def test_an_upload_lands_in_the_bucket_and_downloads_through_a_signed_url(client, bucket):
    resource = ResourceFactory()
    stored = add_pdf(resource, ["første udgave"])
    assert stored.file.name in stored_keys(bucket)
    response = client.get(stored.get_absolute_url())
    assert response.status_code == 302
    signed = response["Location"]
    query = parse_qs(urlsplit(signed).query)
    assert "X-Amz-Signature" in query and query["X-Amz-Expires"] == ["60"]
    fetched = requests.get(signed, timeout=10)
    assert fetched.status_code == 200
    assert fetched.content == stored.file.open("rb").read()
    assert "rapport.pdf" in fetched.headers["Content-Disposition"]
    assert DownloadCount.objects.get().count == 1


def test_a_restricted_file_is_signed_only_for_a_partner(client, bucket):
    resource = ResourceFactory(access="partners")
    stored = add_pdf(resource, ["kun for partnere"])
    # The bucket itself hands nothing out without a signature.
    unsigned = f"{bucket.meta.endpoint_url}/{BUCKET}/{stored.file.name}"
    assert requests.get(unsigned, timeout=10).status_code == 403
    client.force_login(UserFactory())
    assert client.get(stored.get_absolute_url()).status_code == 403
    partner = MembershipFactory(actor=PartnershipFactory().actor).user
    client.force_login(partner)
    response = client.get(stored.get_absolute_url())
    assert response.status_code == 302
    assert requests.get(response["Location"], timeout=10).status_code == 200


def test_a_replaced_file_keeps_its_url_and_the_old_version_in_the_bucket(client, bucket):
    editor = UserFactory(staff=True, groups=["editors"])
    resource = ResourceFactory()
    first = add_pdf(resource, ["første udgave"])
    old_name, url = first.file.name, first.get_absolute_url()
    content = make_pdf("Ny", ["anden udgave"])
    services.replace_file(
        resource_file=first,
        upload=upload("ny.pdf", content, "pdf"),
        original_name="ny.pdf",
        user=editor,
    )
    first.refresh_from_db()
    assert {old_name, first.file.name} <= set(stored_keys(bucket))
    response = client.get(url)
    fetched = requests.get(response["Location"], timeout=10)
    assert fetched.content == content
    assert "ny.pdf" in fetched.headers["Content-Disposition"]


def test_a_file_missing_from_the_bucket_answers_404_and_is_not_counted(client, bucket):
    stored = add_pdf(ResourceFactory(), ["væk"])
    bucket.delete_object(Bucket=BUCKET, Key=stored.file.name)
    assert client.get(stored.get_absolute_url()).status_code == 404
    assert not DownloadCount.objects.exists()
