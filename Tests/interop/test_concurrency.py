"""200 clients at once: every acknowledged write is readable afterwards, with its bytes and ETag."""

import hashlib
import os
import threading
from concurrent.futures import ThreadPoolExecutor

from conftest import make_client

CLIENTS = 200


def test_two_hundred_clients_write_then_read_at_once(endpoint, bucket):
    start = threading.Barrier(CLIENTS, timeout=60)
    clients = [make_client(endpoint) for _ in range(CLIENTS)]  # one connection pool each: 200 real connections

    def work(index: int) -> tuple[str, str, str]:
        client = clients[index]
        body = os.urandom(1024 + index * 37)
        start.wait()
        etag = client.put_object(Bucket=bucket, Key=f"c/{index:03}", Body=body)["ETag"]
        read = client.get_object(Bucket=bucket, Key=f"c/{index:03}")["Body"].read()
        return etag, hashlib.md5(body).hexdigest(), hashlib.md5(read).hexdigest()

    with ThreadPoolExecutor(CLIENTS) as pool:
        results = list(pool.map(work, range(CLIENTS)))
    for etag, written, read in results:
        assert etag == f'"{written}"' and read == written

    # Read back again, all at once, and list: every acknowledged write is there.
    def check(index: int) -> bool:
        got = clients[index].get_object(Bucket=bucket, Key=f"c/{index:03}")
        return got["ETag"] == results[index][0] and hashlib.md5(got["Body"].read()).hexdigest() == results[index][1]

    with ThreadPoolExecutor(CLIENTS) as pool:
        assert all(pool.map(check, range(CLIENTS)))
    listed = clients[0].list_objects_v2(Bucket=bucket, Prefix="c/")
    assert [o["Key"] for o in listed["Contents"]] == [f"c/{i:03}" for i in range(CLIENTS)]


def test_concurrent_writers_of_one_key_leave_one_whole_body(endpoint, bucket):
    bodies = [bytes([i]) * (64 * 1024) for i in range(32)]
    clients = [make_client(endpoint) for _ in bodies]
    with ThreadPoolExecutor(len(bodies)) as pool:
        list(pool.map(lambda i: clients[i].put_object(Bucket=bucket, Key="contended", Body=bodies[i]),
                      range(len(bodies))))
    final = clients[0].get_object(Bucket=bucket, Key="contended")["Body"].read()
    assert final in bodies  # one writer's body, never a mix
