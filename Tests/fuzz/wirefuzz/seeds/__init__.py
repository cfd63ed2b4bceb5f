"""Seeds: one valid request of each kind, a module per protocol. `SEEDS[protocol](rng, context)` makes a fresh list
of templates (random names and values drawn from `rng`; `context` holds the ids the setup made)."""

from . import account, admin, http, kinesis, query, s3, workspace

SEEDS = {"s3": s3.seeds_s3, "iam": query.seeds_iam, "sts": query.seeds_sts, "kinesis": kinesis.seeds_kinesis,
         "account": account.seeds_account, "workspace": workspace.seeds_workspace, "admin": admin.seeds_admin,
         "http": http.seeds_http}
PROTOCOLS = tuple(SEEDS)
