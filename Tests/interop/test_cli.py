"""The AWS CLI, unchanged, against the emulator: the high-level `s3` commands and `s3api`, including its errors.
(The CLI prints S3 errors as "An error occurred (Code) when calling the Op operation: Message".)"""

import filecmp
import hashlib
import json
import os
import time
from concurrent.futures import ThreadPoolExecutor

import requests

from conftest import unique_name
from s3wire import multipart_etag

MiB = 1024 * 1024


def test_buckets(aws):
    bucket = unique_name("cli")
    assert aws("s3", "mb", f"s3://{bucket}").stdout.strip() == f"make_bucket: {bucket}"
    assert bucket in aws("s3", "ls").stdout
    assert aws.json("s3api", "head-bucket", "--bucket", bucket)["BucketRegion"] == "us-east-1"
    assert aws.json("s3api", "get-bucket-location", "--bucket", bucket)["LocationConstraint"] is None
    aws("s3api", "create-bucket", "--bucket", bucket)  # us-east-1: re-creating your own bucket answers 200
    aws.fails("s3api", "create-bucket", "--bucket", "Not_A_Valid_Name", code="InvalidBucketName")
    eu = unique_name("cli-eu")
    aws("s3api", "create-bucket", "--bucket", eu, "--create-bucket-configuration", "LocationConstraint=eu-west-1",
        "--region", "eu-west-1")
    aws.fails("s3api", "create-bucket", "--bucket", eu, "--create-bucket-configuration", "LocationConstraint=eu-west-1",
              "--region", "eu-west-1", code="BucketAlreadyOwnedByYou")
    aws("s3", "rb", f"s3://{eu}", "--region", "eu-west-1")
    assert aws("s3", "rb", f"s3://{bucket}").stdout.strip() == f"remove_bucket: {bucket}"
    aws.fails("s3api", "head-bucket", "--bucket", bucket, code="404")
    aws.fails("s3api", "delete-bucket", "--bucket", bucket, code="NoSuchBucket")


def test_cp_ls_mv_rm_sync_rb(aws, tmp_path):
    bucket = unique_name("cli")
    aws("s3", "mb", f"s3://{bucket}")
    small = tmp_path / "small.txt"
    small.write_text("hello from the cli\n")
    aws("s3", "cp", str(small), f"s3://{bucket}/dir/small.txt")
    back = tmp_path / "back.txt"
    aws("s3", "cp", f"s3://{bucket}/dir/small.txt", str(back))
    assert back.read_text() == "hello from the cli\n"
    listing = aws("s3", "ls", f"s3://{bucket}/dir/").stdout
    assert "small.txt" in listing and " 19 " in listing
    assert aws("s3", "ls", f"s3://{bucket}/").stdout.strip() == "PRE dir/"
    aws("s3", "mv", f"s3://{bucket}/dir/small.txt", f"s3://{bucket}/moved.txt")
    assert aws("s3", "ls", f"s3://{bucket}", "--recursive").stdout.split()[-1] == "moved.txt"
    # stdin upload
    aws("s3", "cp", "-", f"s3://{bucket}/from-stdin", stdin=b"piped bytes")
    assert aws("s3", "cp", f"s3://{bucket}/from-stdin", "-").stdout == "piped bytes"

    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "a.txt").write_text("a")
    (tree / "sub" / "b b.txt").write_text("b")
    (tree / "sub" / "ü.txt").write_text("u")
    aws("s3", "sync", str(tree), f"s3://{bucket}/tree/")
    listing = aws("s3", "ls", f"s3://{bucket}/tree/", "--recursive").stdout
    assert all(name in listing for name in ("tree/a.txt", "tree/sub/b b.txt", "tree/sub/ü.txt"))
    assert aws("s3", "sync", str(tree), f"s3://{bucket}/tree/", "--dryrun").stdout == ""  # nothing changed
    (tree / "a.txt").unlink()
    aws("s3", "sync", str(tree), f"s3://{bucket}/tree/", "--delete")
    assert "tree/a.txt" not in aws("s3", "ls", f"s3://{bucket}/tree/", "--recursive").stdout
    down = tmp_path / "down"
    aws("s3", "sync", f"s3://{bucket}/tree/", str(down))
    assert (down / "sub" / "b b.txt").read_text() == "b" and (down / "sub" / "ü.txt").read_text() == "u"

    aws("s3", "rm", f"s3://{bucket}/moved.txt")
    assert "moved.txt" not in aws("s3", "ls", f"s3://{bucket}", "--recursive").stdout
    refused = aws("s3", "rb", f"s3://{bucket}", check=False)
    assert refused.returncode != 0 and "BucketNotEmpty" in refused.stderr
    aws("s3", "rm", f"s3://{bucket}/", "--recursive")
    assert aws("s3", "ls", f"s3://{bucket}", "--recursive").stdout == ""
    aws("s3", "rb", f"s3://{bucket}")
    assert bucket not in aws("s3", "ls").stdout


def test_multipart_cp_of_a_large_file(aws, tmp_path):
    bucket = unique_name("cli")
    aws("s3", "mb", f"s3://{bucket}")
    data = os.urandom(9 * MiB)  # above the CLI's 8 MiB threshold: two parts of 8 MiB and 1 MiB
    big = tmp_path / "big.bin"
    big.write_bytes(data)
    aws("s3", "cp", str(big), f"s3://{bucket}/big.bin")
    head = aws.json("s3api", "head-object", "--bucket", bucket, "--key", "big.bin")
    assert head["ContentLength"] == len(data)
    assert head["ETag"] == multipart_etag([data[:8 * MiB], data[8 * MiB:]])
    back = tmp_path / "back.bin"
    aws("s3", "cp", f"s3://{bucket}/big.bin", str(back))
    assert filecmp.cmp(big, back, shallow=False)
    aws("s3", "cp", f"s3://{bucket}/big.bin", f"s3://{bucket}/copy.bin")  # a multipart server-side copy
    copy = tmp_path / "copy.bin"
    aws("s3", "cp", f"s3://{bucket}/copy.bin", str(copy))
    assert hashlib.md5(copy.read_bytes()).digest() == hashlib.md5(data).digest()
    aws("s3", "rb", f"s3://{bucket}", "--force")


def test_s3api_objects_and_errors(aws, tmp_path):
    bucket = unique_name("cli")
    aws("s3api", "create-bucket", "--bucket", bucket)
    body = tmp_path / "body.txt"
    body.write_text("0123456789")
    put = aws.json("s3api", "put-object", "--bucket", bucket, "--key", "k", "--body", str(body),
                   "--metadata", "a=1", "--content-type", "text/plain")
    assert put["ETag"] == f'"{hashlib.md5(b"0123456789").hexdigest()}"'
    head = aws.json("s3api", "head-object", "--bucket", bucket, "--key", "k")
    assert head["Metadata"] == {"a": "1"} and head["ContentType"] == "text/plain"
    ranged = aws.json("s3api", "get-object", "--bucket", bucket, "--key", "k", "--range", "bytes=2-4",
                      str(tmp_path / "r"))
    assert ranged["ContentRange"] == "bytes 2-4/10" and (tmp_path / "r").read_text() == "234"
    listed = aws.json("s3api", "list-objects-v2", "--bucket", bucket)
    assert [o["Key"] for o in listed["Contents"]] == ["k"]
    aws.fails("s3api", "get-object", "--bucket", bucket, "--key", "nope", str(tmp_path / "x"), code="NoSuchKey")
    aws.fails("s3api", "head-object", "--bucket", bucket, "--key", "nope", code="404")
    aws.fails("s3api", "get-object", "--bucket", bucket, "--key", "k", "--range", "bytes=50-60", str(tmp_path / "x"),
              code="InvalidRange")
    aws.fails("s3api", "delete-bucket", "--bucket", bucket, code="BucketNotEmpty")
    aws.fails("s3api", "list-objects-v2", "--bucket", unique_name("missing"), code="NoSuchBucket")
    aws.fails("s3api", "put-object", "--bucket", bucket, "--key", "bad", "--body", str(body),
              "--content-md5", "1B2M2Y8AsgTpgAmY7PhCfg==", code="BadDigest")
    deleted = aws.json("s3api", "delete-objects", "--bucket", bucket, "--delete", "Objects=[{Key=k},{Key=missing}]")
    assert sorted(d["Key"] for d in deleted["Deleted"]) == ["k", "missing"]
    aws("s3api", "delete-bucket", "--bucket", bucket)


def test_s3api_bucket_configuration(aws):
    bucket = unique_name("cli")
    aws("s3api", "create-bucket", "--bucket", bucket)
    aws("s3api", "put-bucket-versioning", "--bucket", bucket, "--versioning-configuration", "Status=Enabled")
    assert aws.json("s3api", "get-bucket-versioning", "--bucket", bucket)["Status"] == "Enabled"
    aws.fails("s3api", "get-bucket-tagging", "--bucket", bucket, code="NoSuchTagSet")
    aws("s3api", "put-bucket-tagging", "--bucket", bucket, "--tagging", "TagSet=[{Key=team,Value=data}]")
    assert aws.json("s3api", "get-bucket-tagging", "--bucket", bucket)["TagSet"] == [{"Key": "team", "Value": "data"}]
    aws.fails("s3api", "get-bucket-policy", "--bucket", bucket, code="NoSuchBucketPolicy")
    aws.fails("s3api", "put-bucket-policy", "--bucket", bucket, "--policy", "{}", code="MalformedPolicy")
    policy = json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::000000000000:root"}, "Action": "s3:GetObject",
        "Resource": f"arn:aws:s3:::{bucket}/*"}]})
    aws("s3api", "put-bucket-policy", "--bucket", bucket, "--policy", policy)
    assert aws.json("s3api", "get-bucket-policy", "--bucket", bucket)["Policy"] == policy
    aws.fails("s3api", "get-public-access-block", "--bucket", bucket, code="NoSuchPublicAccessBlockConfiguration")
    aws("s3api", "put-public-access-block", "--bucket", bucket, "--public-access-block-configuration",
        "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true")
    block = aws.json("s3api", "get-public-access-block", "--bucket", bucket)["PublicAccessBlockConfiguration"]
    assert block["BlockPublicAcls"] is True
    rules = aws.json("s3api", "get-bucket-encryption", "--bucket", bucket)["ServerSideEncryptionConfiguration"]["Rules"]
    assert rules[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"
    version = aws.json("s3api", "put-object", "--bucket", bucket, "--key", "v")["VersionId"]
    marker = aws.json("s3api", "delete-object", "--bucket", bucket, "--key", "v")
    assert marker["DeleteMarker"] is True
    versions = aws.json("s3api", "list-object-versions", "--bucket", bucket)
    assert [v["VersionId"] for v in versions["Versions"]] == [version]
    aws("s3api", "delete-object", "--bucket", bucket, "--key", "v", "--version-id", version)
    aws("s3api", "delete-object", "--bucket", bucket, "--key", "v", "--version-id", marker["VersionId"])
    aws("s3api", "delete-bucket", "--bucket", bucket)


def test_s3api_multipart(aws, tmp_path):
    bucket = unique_name("cli")
    aws("s3api", "create-bucket", "--bucket", bucket)
    upload_id = aws.json("s3api", "create-multipart-upload", "--bucket", bucket, "--key", "mp")["UploadId"]
    data = [os.urandom(5 * MiB), b"last"]
    parts = []
    for number, chunk in enumerate(data, start=1):
        path = tmp_path / f"part{number}"
        path.write_bytes(chunk)
        etag = aws.json("s3api", "upload-part", "--bucket", bucket, "--key", "mp", "--upload-id", upload_id,
                        "--part-number", str(number), "--body", str(path))["ETag"]
        parts.append({"PartNumber": number, "ETag": etag})
    listed = aws.json("s3api", "list-parts", "--bucket", bucket, "--key", "mp", "--upload-id", upload_id)
    assert [p["Size"] for p in listed["Parts"]] == [5 * MiB, 4]
    done = aws.json("s3api", "complete-multipart-upload", "--bucket", bucket, "--key", "mp", "--upload-id", upload_id,
                    "--multipart-upload", json.dumps({"Parts": parts}))
    assert done["ETag"] == multipart_etag(data)
    aws.fails("s3api", "abort-multipart-upload", "--bucket", bucket, "--key", "mp", "--upload-id", upload_id,
              code="NoSuchUpload")
    aws("s3", "rb", f"s3://{bucket}", "--force")


def test_ls_and_list_objects_page_through_more_than_a_thousand_keys(aws, s3, bucket):
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda i: s3.put_object(Bucket=bucket, Key=f"k/{i:04}", Body=b""), range(1100)))
    lines = aws("s3", "ls", f"s3://{bucket}/k/", "--recursive").stdout.splitlines()
    assert len(lines) == 1100 and lines[-1].endswith("k/1099")
    listed = aws.json("s3api", "list-objects-v2", "--bucket", bucket, "--prefix", "k/")
    assert len(listed["Contents"]) == 1100


def test_presign(aws):
    bucket = unique_name("cli")
    aws("s3", "mb", f"s3://{bucket}")
    aws("s3", "cp", "-", f"s3://{bucket}/p k", stdin=b"presigned by the cli")
    url = aws("s3", "presign", f"s3://{bucket}/p k", "--expires-in", "120").stdout.strip()
    response = requests.get(url, timeout=10)
    assert (response.status_code, response.content) == (200, b"presigned by the cli")
    short = aws("s3", "presign", f"s3://{bucket}/p k", "--expires-in", "1").stdout.strip()
    time.sleep(2.1)
    expired = requests.get(short, timeout=10)
    assert expired.status_code == 403 and "<Code>AccessDenied</Code>" in expired.text
    aws("s3", "rb", f"s3://{bucket}", "--force")


def test_wrong_credentials(aws):
    unknown = aws("s3api", "list-buckets", check=False,
                  env={"AWS_ACCESS_KEY_ID": "AKIANOTAKEY000000000", "AWS_SECRET_ACCESS_KEY": "x"})
    assert unknown.returncode != 0 and "An error occurred (InvalidAccessKeyId)" in unknown.stderr
    wrong = aws("s3api", "list-buckets", check=False, env={"AWS_SECRET_ACCESS_KEY": "not-test"})
    assert wrong.returncode != 0 and "An error occurred (SignatureDoesNotMatch)" in wrong.stderr
