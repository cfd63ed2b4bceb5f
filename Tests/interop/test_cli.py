"""The AWS CLI, unchanged, against the emulator: high-level `s3` commands and `s3api`."""

import filecmp
import os
import subprocess
import uuid

import requests


def test_mb_cp_ls_sync_rm_rb(aws, tmp_path):
    bucket = f"cli-{uuid.uuid4().hex[:12]}"
    aws("s3", "mb", f"s3://{bucket}")
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(9 * 1024 * 1024))  # above the CLI's 8 MiB multipart threshold
    aws("s3", "cp", str(big), f"s3://{bucket}/big.bin")
    back = tmp_path / "back.bin"
    aws("s3", "cp", f"s3://{bucket}/big.bin", str(back))
    assert filecmp.cmp(big, back, shallow=False)
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "a.txt").write_text("a")
    (tree / "sub" / "b.txt").write_text("b")
    aws("s3", "sync", str(tree), f"s3://{bucket}/tree/")
    listing = aws("s3", "ls", f"s3://{bucket}/tree/", "--recursive").stdout
    assert "tree/a.txt" in listing and "tree/sub/b.txt" in listing
    aws("s3", "rm", f"s3://{bucket}/tree/a.txt")
    assert "tree/a.txt" not in aws("s3", "ls", f"s3://{bucket}/tree/", "--recursive").stdout
    refused = aws("s3", "rb", f"s3://{bucket}", check=False)
    assert refused.returncode != 0 and "BucketNotEmpty" in refused.stderr
    aws("s3", "rb", f"s3://{bucket}", "--force")
    assert bucket not in aws("s3", "ls").stdout


def test_s3api_calls_and_errors(aws, tmp_path):
    bucket = f"cli-{uuid.uuid4().hex[:12]}"
    aws("s3api", "create-bucket", "--bucket", bucket)
    body = tmp_path / "body.txt"
    body.write_text("hello from the cli")
    put = aws.json("s3api", "put-object", "--bucket", bucket, "--key", "k", "--body", str(body), "--metadata", "a=1")
    assert put["ETag"].startswith('"')
    head = aws.json("s3api", "head-object", "--bucket", bucket, "--key", "k")
    assert head["Metadata"] == {"a": "1"}
    missing = aws("s3api", "get-object", "--bucket", bucket, "--key", "nope", str(tmp_path / "x"), check=False)
    assert missing.returncode != 0 and "NoSuchKey" in missing.stderr
    aws("s3api", "put-bucket-versioning", "--bucket", bucket, "--versioning-configuration", "Status=Enabled")
    assert aws.json("s3api", "get-bucket-versioning", "--bucket", bucket)["Status"] == "Enabled"
    aws("s3api", "put-bucket-tagging", "--bucket", bucket, "--tagging", "TagSet=[{Key=team,Value=data}]")
    assert aws.json("s3api", "get-bucket-tagging", "--bucket", bucket)["TagSet"] == [{"Key": "team", "Value": "data"}]
    no_policy = aws("s3api", "get-bucket-policy", "--bucket", bucket, check=False)
    assert "NoSuchBucketPolicy" in no_policy.stderr
    bad_policy = aws("s3api", "put-bucket-policy", "--bucket", bucket, "--policy", "{}", check=False)
    assert "MalformedPolicy" in bad_policy.stderr


def test_presign(aws):
    bucket = f"cli-{uuid.uuid4().hex[:12]}"
    aws("s3", "mb", f"s3://{bucket}")
    aws("s3api", "put-object", "--bucket", bucket, "--key", "p", "--body", "/etc/hostname")
    url = aws("s3", "presign", f"s3://{bucket}/p", "--expires-in", "120").stdout.strip()
    response = requests.get(url)
    assert response.status_code == 200
    assert response.content == open("/etc/hostname", "rb").read()


def test_unknown_credentials_fail(aws, endpoint):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID="AKIANOTAKEY000000000", AWS_SECRET_ACCESS_KEY="x", AWS_DEFAULT_REGION="us-east-1",
               AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null", AWS_MAX_ATTEMPTS="1")
    result = subprocess.run(["aws", "--endpoint-url", endpoint, "s3", "ls"], capture_output=True, text=True, env=env)
    assert result.returncode != 0 and "InvalidAccessKeyId" in result.stderr
