#!/usr/bin/env python3
"""Creates a bucket and a 1 KiB object on an S3 endpoint and prints a SigV4 presigned GET URL for it (1 hour)."""

import os
import sys
import uuid

import boto3
from botocore.config import Config

endpoint = sys.argv[1]
s3 = boto3.client(
    "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test",
    config=Config(s3={"addressing_style": "path"}, signature_version="s3v4"),
)
bucket = f"presign-{uuid.uuid4().hex[:10]}"
s3.create_bucket(Bucket=bucket)
s3.put_object(Bucket=bucket, Key="object-1k", Body=os.urandom(1024))
print(s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "object-1k"}, ExpiresIn=3600))
