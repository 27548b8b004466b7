#!/usr/bin/env python3
"""Latency of GraphQL requests against a running demo stack (./run.sh): inclusion proofs for random entries and
three baselines. Prints medians and tails; asserts nothing. Usage: python3 bench/graphql_latency.py [requests]"""
import json
import random
import statistics
import sys
import time
import urllib.request

HUB = "http://localhost:8080/graphql"
TOKEN_URL = "http://localhost:8180/realms/batchledger/protocol/openid-connect/token"
WARM_UP = 50


def token():
    form = b"grant_type=password&client_id=hub-cli&username=inspector&password=demo"
    return json.load(urllib.request.urlopen(urllib.request.Request(TOKEN_URL, form)))["access_token"]


def query(tok, text):
    body = json.dumps({"query": text}).encode()
    request = urllib.request.Request(HUB, body, {"Content-Type": "application/json", "Authorization": "Bearer " + tok})
    answer = json.load(urllib.request.urlopen(request))
    if answer.get("errors"):
        raise SystemExit("GraphQL errors: " + json.dumps(answer["errors"])[:300])
    return answer["data"]


def measure(label, tok, texts):
    times = []
    for text in texts:
        start = time.perf_counter()
        query(tok, text)
        times.append((time.perf_counter() - start) * 1000)
    kept = sorted(times[WARM_UP:])
    print(f"{label:>16}: n={len(kept)} median={statistics.median(kept):.2f} ms "
          f"p95={kept[int(len(kept) * 0.95)]:.2f} ms p99={kept[int(len(kept) * 0.99)]:.2f} ms")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    tok = token()
    size = query(tok, "{ ledgerCheckpoint { treeSize } }")["ledgerCheckpoint"]["treeSize"]
    batch = query(tok, "{ batches(first: 1) { edges { node { id } } } }")["batches"]["edges"][0]["node"]["id"]
    rnd = random.Random(1)
    print(f"ledger tree size {size}")
    measure("inclusionProof", tok, [f"{{ inclusionProof(seq: {rnd.randint(1, size)}, treeSize: {size}) "
                                    "{ leafIndex rootHash hashes } }" for _ in range(n)])
    measure("__typename", tok, ["{ __typename }"] * n)
    measure("batch(id)", tok, [f'{{ batch(id: "{batch}") {{ id }} }}'] * n)
    measure("ledgerCheckpoint", tok, ["{ ledgerCheckpoint { treeSize } }"] * n)


if __name__ == "__main__":
    main()
