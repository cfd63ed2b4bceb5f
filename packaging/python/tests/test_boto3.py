"""The plugin's fixtures with boto3, as a team moving from moto would use them (run from the installed wheel)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import boto3

from brickyard import Emulator

BUCKET = "wheel-fixture-bucket"


def test_bucket_put_and_get(emulator: Emulator):
    s3 = emulator.boto3_client("s3")
    s3.create_bucket(Bucket=BUCKET)
    s3.put_object(Bucket=BUCKET, Key="hello.txt", Body=b"hello from the wheel")
    assert s3.get_object(Bucket=BUCKET, Key="hello.txt")["Body"].read() == b"hello from the wheel"
    assert [b["Name"] for b in s3.list_buckets()["Buckets"]] == [BUCKET]


def test_the_next_test_sees_a_reset_emulator(emulator: Emulator):
    # The test before made a bucket: `emulator` is reset before every test, as with moto's mock_aws.
    assert emulator.boto3_client("s3").list_buckets()["Buckets"] == []
    assert emulator.boto3_client("iam").list_users()["Users"] == []


def test_the_info_endpoint_gives_the_credentials(emulator: Emulator):
    assert emulator.endpoint.startswith("http://127.0.0.1:")
    assert emulator.region == "us-east-1"
    assert (emulator.aws_access_key_id, emulator.aws_secret_access_key) == ("test", "test")
    identity = emulator.boto3_client("sts").get_caller_identity()
    assert identity["Account"] == emulator.aws_account_id
    with urllib.request.urlopen(f"{emulator.endpoint}/_brickyard/health", timeout=5) as response:
        assert json.loads(response.read())["status"] == "ok"


def test_emulator_env_points_plain_boto3_at_it(emulator_env: Emulator):
    s3 = boto3.client("s3")  # no endpoint, no keys: AWS_ENDPOINT_URL and the keys come from the environment
    s3.create_bucket(Bucket="from-the-environment")
    assert [b["Name"] for b in s3.list_buckets()["Buckets"]] == ["from-the-environment"]


def test_managed_policies_ship_with_the_binary(emulator: Emulator):
    # AWS managed policy documents are a resource bundle of the binary (Brickyard_EmulatorData.resources).
    iam = emulator.boto3_client("iam")
    policy = iam.get_policy(PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")["Policy"]
    assert policy["PolicyName"] == "ReadOnlyAccess"
    iam.create_role(RoleName="reader", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
                                                "Action": "sts:AssumeRole"}]}))
    iam.attach_role_policy(RoleName="reader", PolicyArn=policy["Arn"])
    attached = iam.list_attached_role_policies(RoleName="reader")["AttachedPolicies"]
    assert [p["PolicyName"] for p in attached] == ["ReadOnlyAccess"]


def test_kinesis_through_the_same_port(emulator: Emulator):
    kinesis = emulator.boto3_client("kinesis")
    kinesis.create_stream(StreamName="events", ShardCount=1)
    kinesis.get_waiter("stream_exists").wait(StreamName="events", WaiterConfig={"Delay": 0.1, "MaxAttempts": 50})
    kinesis.put_record(StreamName="events", Data=b"one", PartitionKey="k")
    assert kinesis.list_streams()["StreamNames"] == ["events"]


def test_emulator_factory_starts_an_emulator_of_its_own(emulator: Emulator, emulator_factory):
    other = emulator_factory("--region", "eu-west-1", "--iam", "off")
    assert other.endpoint != emulator.endpoint
    assert other.region == "eu-west-1" and other.info["iam"]["enforcement"] == "off"
    other.boto3_client("s3").create_bucket(
        Bucket="only-there", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    assert emulator.boto3_client("s3").list_buckets()["Buckets"] == []


def test_brickyard_is_on_path_and_parses_features(tmp_path: Path):
    import brickyard as package

    assert "site-packages" in package.__file__, package.__file__  # the installed wheel, not a source tree
    assert package.binary_path().parent.name == "_bin"
    brickyard = shutil.which("brickyard")
    assert brickyard is not None and Path(brickyard).parent == Path(sys.executable).parent, brickyard
    serve_help = subprocess.run([brickyard, "serve", "--help"], capture_output=True, text=True, check=True)
    assert "--port" in serve_help.stdout
    # A French feature: the Gherkin dialects are a resource bundle of the binary (Brickyard_Gherkin.resources).
    feature = tmp_path / "panier.feature"
    feature.write_text("# language: fr\nFonctionnalité: Panier\n  Scénario: ajouter\n    Soit un panier vide\n")
    parsed = subprocess.run([brickyard, "parse", str(feature)], capture_output=True, text=True)
    assert parsed.returncode == 0, parsed.stderr
    assert "Panier" in parsed.stdout


def test_brickyard_run_prints_replays_with_the_installed_name(tmp_path: Path):
    """The provisioning steps run from the wheel, and a failure's replay says `brickyard`, not the binary's path."""
    feature = tmp_path / "bucket.feature"
    feature.write_text('Feature: b\n  Scenario: wrong content\n    Given an S3 bucket "data"\n'
                       '    When I put object "a" into bucket "data" with content "one"\n'
                       '    Then bucket "data" has object "a" with content "two"\n')
    done = subprocess.run(["brickyard", "run", "bucket.feature", "--no-reports"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Failing scenarios:\n  brickyard run bucket.feature:2  # failed: wrong content" in done.stdout, done.stdout


_kept: list[str] = []  # what the first of the two tests below made


def test_emulator_session_is_not_reset_1(emulator_session: Emulator):
    emulator_session.boto3_client("s3").create_bucket(Bucket="kept")
    _kept.append("kept")


def test_emulator_session_is_not_reset_2(emulator_session: Emulator):
    # Run after the one above (in file order), the bucket is still there: emulator_session is never reset.
    names = [b["Name"] for b in emulator_session.boto3_client("s3").list_buckets()["Buckets"]]
    assert set(_kept) <= set(names)


def test_start_emulator_outside_the_fixtures():
    from brickyard import start_emulator

    server = start_emulator(["--region", "eu-central-1"])
    with server as emulator:
        assert emulator.region == "eu-central-1"
        assert emulator.health()["status"] == "ok"
    assert not server.running and server.process.returncode == 0  # SIGTERM: a clean stop
    assert not server.log_dir.exists()
