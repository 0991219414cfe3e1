"""The scale-out path of docs/deployment.md, run for real: a task worker in its own process, the
RQ queue on a Redis server, uploads in an S3-compatible object store. Each test drives the
`revmod` command in subprocesses on one fresh site, as an operator would."""

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid

import pytest

pytestmark = pytest.mark.integration


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _program(name: str) -> str:
    """The path of a program the suite needs; missing, the test fails under CI and is skipped elsewhere."""
    path = shutil.which(name) or shutil.which(name, path=os.path.dirname(sys.executable))
    if path is None:
        message = f"{name} is not installed (bin/test installs it as root)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def _wait_for_port(port: int, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the server stopped with status {process.returncode}"
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on port {port}")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A migrated site in a fresh data folder: its own SQLite database, or the run's PostgreSQL one."""
    data = tmp_path_factory.mktemp("site")
    env = {key: value for key, value in os.environ.items()
           if key not in {"DJANGO_SETTINGS_MODULE", "REVMOD_EMAIL_URL", "REVMOD_TASKS_BACKEND"}}
    env["REVMOD_DATA_DIR"] = str(data)

    def revmod(*args: str, extra: dict | None = None, timeout: int = 120) -> str:
        if args[0] == "shell":
            args = ("shell", "--no-imports", *args[1:])
        result = subprocess.run([sys.executable, "-m", "revmod.cli", *args], env={**env, **(extra or {})},
                                capture_output=True, text=True, timeout=timeout)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    revmod("migrate", "--no-input", "-v", "0")
    revmod.data, revmod.outbox = data, data / "outbox"
    return revmod


def _queue_a_notice(revmod, extra: dict | None = None) -> str:
    """What a web request does: queue a notice; its delivery is a background task. Returns its subject."""
    subject = f"Deadline reminder {uuid.uuid4().hex}"
    revmod("shell", "-c", "from revmod.notifications.domain import notify; "
           f"notify('scale-out-{subject}', people=[], extra_emails=['mission@example.org'], subject='{subject}', body='Text')",
           extra=extra)
    return subject


def _mails_with(outbox, subject: str) -> int:
    if not outbox.exists():
        return 0
    return sum(subject in path.read_text(errors="replace") for path in outbox.iterdir())


def test_a_separate_worker_process_delivers_what_the_web_queued_and_only_once(site):
    subject = _queue_a_notice(site)
    assert _mails_with(site.outbox, subject) == 0  # queued, not sent inside the request
    site("db_worker", "--batch", "--no-startup-delay")
    assert _mails_with(site.outbox, subject) == 1
    site("db_worker", "--batch", "--no-startup-delay")  # a second worker run finds nothing to do again
    assert _mails_with(site.outbox, subject) == 1


@pytest.fixture
def redis_url(tmp_path):
    port = _free_port()
    server = subprocess.Popen([_program("redis-server"), "--port", str(port), "--bind", "127.0.0.1",
                               "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(port, server)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_rq_queue_on_redis_carries_the_tasks_to_an_rq_worker(site, redis_url):
    import redis

    on_redis = {"REVMOD_REDIS_URL": redis_url}
    subject = _queue_a_notice(site, on_redis)
    assert redis.Redis.from_url(redis_url).llen("rq:queue:default") == 1  # the job waits on Redis
    assert _mails_with(site.outbox, subject) == 0
    site("rqworker", "--burst", "--job-class", "django_tasks_rq.Job", "default", extra=on_redis)
    assert _mails_with(site.outbox, subject) == 1
    assert redis.Redis.from_url(redis_url).llen("rq:queue:default") == 0


@pytest.fixture
def s3_store(tmp_path):
    """moto's S3-compatible server on loopback, with an empty bucket `revmod-files`."""
    import boto3

    port = _free_port()
    server = subprocess.Popen([_program("moto_server"), "-H", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    credentials = {"AWS_ACCESS_KEY_ID": "revmod", "AWS_SECRET_ACCESS_KEY": "revmod-secret",
                   "AWS_DEFAULT_REGION": "us-east-1"}
    try:
        _wait_for_port(port, server)
        endpoint = f"http://127.0.0.1:{port}"
        client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                              aws_access_key_id="revmod", aws_secret_access_key="revmod-secret")
        client.create_bucket(Bucket="revmod-files")
        yield client, {**credentials, "REVMOD_S3_BUCKET": "revmod-files", "REVMOD_S3_ENDPOINT_URL": endpoint}
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_uploads_go_to_the_object_store_and_any_app_server_reads_them_back(site, s3_store):
    client, on_s3 = s3_store
    saved = site("shell", "-c", "from django.core.files.base import ContentFile; "
                 "from django.core.files.storage import default_storage; "
                 "print(default_storage.save('attachments/law.pdf', ContentFile(b'%PDF-1.7 the penal code')))",
                 extra=on_s3).strip()
    keys = [item["Key"] for item in client.list_objects_v2(Bucket="revmod-files").get("Contents", [])]
    assert keys == [saved], (keys, saved)
    stored = client.get_object(Bucket="revmod-files", Key=saved)["Body"].read()
    assert stored == b"%PDF-1.7 the penal code"
    assert not (site.data / "files").exists()  # nothing on the app server's disk
    # Another process (another app server) reads the same file through the storage.
    read = site("shell", "-c", "from django.core.files.storage import default_storage; "
                f"print(default_storage.open('{saved}').read().decode())", extra=on_s3)
    assert read.strip() == "%PDF-1.7 the penal code"
