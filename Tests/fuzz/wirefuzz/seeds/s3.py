"""S3 REST seeds: buckets and their subresources, objects, multipart uploads, presigned SigV4, SigV2 in the query
and in a header, aws-chunked bodies (signed chunks, or unsigned with a trailer), form POST, virtual-hosted `Host`."""

from __future__ import annotations

import base64
import json
import time
from random import Random

from ..values import pick_range
from .templates import rand_name, s3


def xml(body: str) -> bytes:
    return body.encode()


def seeds_s3(rng: Random, ctx: dict) -> list:
    bucket, key = "{{bucket}}", "{{key}}"
    new = rand_name(rng)
    tags = "".join(f"<Tag><Key>k{i}</Key><Value>v{i}</Value></Tag>" for i in range(rng.randint(1, 3)))
    objects = "".join(f"<Object><Key>{k}</Key></Object>" for k in ("a", key, "b/c"))
    payload = rng.randbytes(rng.choice([0, 1, 100, 9000]))
    unsigned_trailer = b"".join([f"{len(payload):x}\r\n".encode(), payload, b"\r\n"] if payload else []) + \
        b"0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n"
    boundary = "fuzzboundary"
    form_fields = [("key", "form/${filename}"), ("Content-Type", "text/plain"), ("acl", "private"),
                   ("x-amz-algorithm", "AWS4-HMAC-SHA256"), ("policy", base64.b64encode(b'{"conditions":[]}').decode())]
    multipart = "".join(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{n}\"\r\n\r\n{v}\r\n"
                        for n, v in form_fields) + \
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.txt\"\r\n" \
        f"Content-Type: text/plain\r\n\r\nhello\r\n--{boundary}--\r\n"
    policy = json.dumps({"Version": "2012-10-17", "Statement": [{
        "Sid": "s", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::{{aws_account}}:root"},
        "Action": "s3:GetObject", "Resource": "arn:aws:s3:::{{bucket}}/*",
        "Condition": {"IpAddress": {"aws:SourceIp": "127.0.0.1/32"}}}]})
    return [
        s3("CreateBucket", "PUT", f"/{new}", xml(
            f"<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>"
            f"{rng.choice(['us-west-2', 'eu-west-1', 'EU', 'us-east-1', ''])}</LocationConstraint>"
            "</CreateBucketConfiguration>"), kind="xml"),
        s3("CreateBucketEmpty", "PUT", f"/{new}"),
        s3("ListBuckets", "GET", f"/?max-buckets={rng.choice(['1', '10000', '0'])}&prefix=fuzz"),
        s3("HeadBucket", "HEAD", f"/{bucket}"),
        s3("ListObjectsV2", "GET", f"/{bucket}?list-type=2&prefix=f&delimiter=%2F&max-keys=2&start-after=a"
                                   "&encoding-type=url&fetch-owner=true"),
        s3("ListObjectsV2Token", "GET", f"/{bucket}?list-type=2&continuation-token=Zm9v"),
        s3("ListObjects", "GET", f"/{bucket}?marker=a&max-keys=1&prefix=&delimiter=o"),
        s3("ListObjectVersions", "GET", "/{{vbucket}}?versions&key-marker=a&version-id-marker=null&max-keys=3"),
        s3("ListMultipartUploads", "GET", f"/{bucket}?uploads&max-uploads=1&key-marker=a&upload-id-marker=b"),
        s3("GetBucketConfig", "GET", f"/{bucket}?" + rng.choice([
            "location", "versioning", "policy", "acl", "tagging", "cors", "website", "lifecycle", "replication",
            "logging", "object-lock", "ownershipControls", "accelerate", "requestPayment", "notification",
            "encryption", "publicAccessBlock", "policyStatus", "analytics", "intelligent-tiering"])),
        s3("PutBucketTagging", "PUT", f"/{bucket}?tagging", xml(f"<Tagging><TagSet>{tags}</TagSet></Tagging>"),
           kind="xml", md5=True),
        s3("DeleteBucketTagging", "DELETE", f"/{new}?tagging"),
        s3("PutBucketVersioning", "PUT", "/{{vbucket}}?versioning", xml(
            "<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Status>"
            f"{rng.choice(['Enabled', 'Suspended'])}</Status><MfaDelete>Disabled</MfaDelete>"
            "</VersioningConfiguration>"), kind="xml"),
        s3("PutBucketPolicy", "PUT", f"/{bucket}?policy", policy.encode(), kind="json"),
        s3("PutPublicAccessBlock", "PUT", f"/{bucket}?publicAccessBlock", xml(
            "<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>false"
            "</IgnorePublicAcls><BlockPublicPolicy>false</BlockPublicPolicy><RestrictPublicBuckets>false"
            "</RestrictPublicBuckets></PublicAccessBlockConfiguration>"), kind="xml", md5=True),
        s3("PutBucketEncryption", "PUT", f"/{bucket}?encryption", xml(
            "<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>"
            f"{rng.choice(['AES256', 'aws:kms'])}</SSEAlgorithm></ApplyServerSideEncryptionByDefault>"
            "<BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>"), kind="xml",
           md5=True),
        s3("DeleteObjects", "POST", f"/{bucket}?delete", xml(
            f"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Delete><Quiet>{rng.choice(['true', 'false'])}</Quiet>"
            f"{objects}</Delete>"), kind="xml", md5=True),
        s3("PutObject", "PUT", f"/{bucket}/{rng.choice(['fz', 'a/b/c', 'k%20y', '%E2%82%AC'])}", payload, [
            ("Content-Type", "application/octet-stream"), ("x-amz-meta-fuzz", "1"), ("Cache-Control", "no-cache"),
            ("x-amz-tagging", "a=b&c=d"), ("x-amz-storage-class", "STANDARD")], kind="raw",
           md5=rng.random() < 0.5),
        s3("PutObjectIfNoneMatch", "PUT", f"/{bucket}/{new}", payload, [("If-None-Match", "*")], kind="raw"),
        s3("PutObjectChecksum", "PUT", f"/{bucket}/{new}", payload, [
            ("x-amz-checksum-" + rng.choice(["crc32", "crc32c", "crc64nvme", "sha1", "sha256"]), "AAAAAA==")],
           kind="raw"),
        s3("GetObject", "GET", f"/{bucket}/{key}", headers=[("Range", pick_range(rng))]),
        s3("GetObjectConditions", "GET", f"/{bucket}/{key}?response-content-type=text%2Fx&response-expires=x",
           headers=[(rng.choice(["If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since"]),
                     rng.choice(['"abc"', "*", "Tue, 15 Nov 1994 08:12:31 GMT", "yesterday"])),
                    ("x-amz-checksum-mode", "ENABLED")]),
        s3("GetObjectPart", "GET", f"/{bucket}/{key}?partNumber={rng.choice(['1', '2', '10000', '10001'])}"),
        s3("HeadObject", "HEAD", f"/{bucket}/{key}", headers=[("Range", pick_range(rng))]),
        s3("GetObjectVersion", "GET", f"/{{{{vbucket}}}}/{key}?versionId={rng.choice(['null', 'abc', '', '%00'])}"),
        s3("DeleteObject", "DELETE", f"/{bucket}/{new}"),
        s3("DeleteObjectVersion", "DELETE", f"/{{{{vbucket}}}}/{new}?versionId=null"),
        s3("PutObjectTagging", "PUT", f"/{bucket}/{key}?tagging", xml(f"<Tagging><TagSet>{tags}</TagSet></Tagging>"),
           kind="xml"),
        s3("GetObjectTagging", "GET", f"/{bucket}/{key}?tagging"),
        s3("GetObjectAcl", "GET", f"/{bucket}/{key}?acl"),
        s3("CopyObject", "PUT", f"/{bucket}/{new}", headers=[
            ("x-amz-copy-source", f"/{bucket}/{key}"),
            ("x-amz-metadata-directive", rng.choice(["COPY", "REPLACE"])),
            ("x-amz-tagging-directive", "REPLACE"), ("x-amz-tagging", "x=y"),
            ("x-amz-copy-source-if-match", "*")]),
        s3("CreateMultipartUpload", "POST", f"/{bucket}/{new}?uploads", headers=[("x-amz-meta-a", "b")]),
        s3("UploadPart", "PUT", f"/{bucket}/{{{{mpu_key}}}}?partNumber={rng.choice(['1', '2', '10000'])}"
                                "&uploadId={{upload_id}}", payload or b"x", kind="raw"),
        s3("UploadPartCopy", "PUT", f"/{bucket}/{{{{mpu_key}}}}?partNumber=2&uploadId={{{{upload_id}}}}", headers=[
            ("x-amz-copy-source", f"/{bucket}/{key}"),
            ("x-amz-copy-source-range", rng.choice(["bytes=0-9", "bytes=0-4294967296", "bytes=4294967296-4294967297",
                                                    "bytes=0-9223372036854775807", "bytes=9-0", "bytes=-1"]))]),
        s3("CompleteMultipartUpload", "POST", f"/{bucket}/{{{{mpu_key}}}}?uploadId={{{{upload_id}}}}", xml(
            "<CompleteMultipartUpload>" + "".join(
                f"<Part><PartNumber>{n}</PartNumber><ETag>{{{{etag}}}}</ETag></Part>"
                for n in range(1, rng.randint(1, 3) + 1)) + "</CompleteMultipartUpload>"), kind="xml"),
        s3("ListParts", "GET", f"/{bucket}/{{{{mpu_key}}}}?uploadId={{{{upload_id}}}}&max-parts="
                               f"{rng.choice(['1', '1000', '0', '-1'])}&part-number-marker=0"),
        s3("AbortMultipartUpload", "DELETE", f"/{bucket}/{new}?uploadId=nope"),
        s3("PresignedGet", "GET", f"/{bucket}/{key}", auth={"mode": "presign-v4", "expires": rng.choice(
            [1, 3600, 604800, 604801, 0, -1, 2 ** 31, 2 ** 63 - 1, -(2 ** 63), 10 ** 30])}),
        s3("PresignedPut", "PUT", f"/{bucket}/{new}", payload, kind="raw", auth={
            "mode": "presign-v4", "expires": rng.choice([60, 604800, -5, 2 ** 64])}),
        s3("SigV2QueryGet", "GET", f"/{bucket}/{key}", auth={"mode": "presign-v2", "expires": rng.choice([
            str(int(time.time()) + 600), "0", "-1", "9223372036854775807", "-9223372036854775808",
            "18446744073709551616", "1e10", "abc", "", str(int(time.time()) + 10 ** 10)])}),
        s3("SigV2Header", "GET", f"/{bucket}/{key}?acl", auth={"mode": "sigv2-header"}),
        s3("SigV2HeaderPut", "PUT", f"/{bucket}/{new}", payload, [("Content-Type", "text/plain")], kind="raw",
           auth={"mode": "sigv2-header"}),
        s3("ChunkedSigned", "PUT", f"/{bucket}/{new}", payload, kind="raw", auth={
            "mode": "sigv4-chunked", "chunk_size": rng.choice([1, 64, 8192, 65536]),
            "trailer": rng.choice([None, ["x-amz-checksum-crc32", "AAAAAA=="]]),
            **({"decoded_length": rng.choice(["-1", "0", "4294967296", "18446744073709551616", "abc",
                                               str(len(payload) + 1)])} if rng.random() < 0.4 else {})}),
        s3("ChunkedUnsignedTrailer", "PUT", f"/{bucket}/{new}", unsigned_trailer, [
            ("Content-Encoding", "aws-chunked"), ("x-amz-trailer", "x-amz-checksum-crc32"),
            ("x-amz-decoded-content-length", rng.choice([str(len(payload)), "-1", "4294967296"]))], kind="raw",
           auth={"mode": "sigv4", "service": "s3", "payload_hash": "STREAMING-UNSIGNED-PAYLOAD-TRAILER"}),
        s3("FormPost", "POST", f"/{bucket}", multipart.encode(), [
            ("Content-Type", f"multipart/form-data; boundary={boundary}")], kind="multipart", auth={"mode": "none"}),
        s3("VirtualHost", "GET", f"/{key}", headers=[("Host", "{{bucket}}.s3.localhost")]),
        s3("Anonymous", "GET", f"/{bucket}/{key}", auth={"mode": "none"}),
        s3("WeirdKey", "PUT", f"/{bucket}/" + rng.choice(["%00", "%FF", "a" * 1100, "..%2F..", "%2F%2F", "a//b",
                                                         "%C0%AF", "%ED%A0%80", "~!*'()"]), b"x", kind="raw"),
    ]
