#!/usr/bin/env python3
"""Writes the Gherkin benchmark corpus: the conformance features and generated provisioning features.

  gherkin-corpus.py OUT_DIR [--scenarios N] [--seed S] [--shared DIR]

OUT_DIR/conformance/  copies of the shared conformance features (conformance/gherkin/good/*.feature under --shared,
                      else $BRICKYARD_SHARED, else the `shared` folder beside the repository); none when it is absent
OUT_DIR/generated/    features totalling N scenarios (default 1000; an outline counts once), written from a seeded
                      random generator, so the same arguments give the same bytes: provisioning features with
                      backgrounds, tags, rules, scenario outlines with examples tables, doc strings with media
                      types, data tables and comments, about one file in seven in Japanese (`# language: ja`)

Both folders are replaced if they are there. Prints what it wrote.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent

# MARK: - vocabulary

SERVICES = [
    # (tag, feature title, the thing, its plural, names)
    ("s3", "S3 buckets", "bucket", "buckets", ["logs", "artifacts", "raw-events", "exports", "backups", "site"]),
    ("iam", "IAM roles and policies", "role", "roles", ["deployer", "reader", "auditor", "etl", "ci", "breakglass"]),
    ("kinesis", "Kinesis streams", "stream", "streams", ["clicks", "orders", "telemetry", "audit", "payments"]),
    ("databricks", "Databricks workspaces", "workspace", "workspaces", ["analytics", "ml", "finance", "sandbox"]),
    ("kms", "KMS keys", "key", "keys", ["data", "backup", "tokens", "secrets", "logs"]),
    ("vpc", "VPC networking", "subnet", "subnets", ["private-a", "private-b", "public-a", "db", "endpoints"]),
    ("dynamodb", "DynamoDB tables", "table", "tables", ["sessions", "orders", "inventory", "locks", "users"]),
    ("sqs", "SQS queues", "queue", "queues", ["jobs", "dead-letters", "emails", "webhooks", "retries"]),
]
REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "ap-southeast-2"]
ENVIRONMENTS = ["dev", "staging", "prod", "qa"]
TEAMS = ["platform", "data", "payments", "security", "growth"]
STATUSES = ["200", "201", "204", "400", "403", "404", "409"]
ERRORS = ["AccessDenied", "NoSuchEntity", "ResourceInUse", "ValidationError", "LimitExceeded", "Conflict"]
ACTIONS = ["s3:GetObject", "s3:PutObject", "kinesis:PutRecords", "iam:PassRole", "kms:Decrypt", "sqs:SendMessage"]
SCENARIO_TAGS = ["@smoke", "@regression", "@slow", "@wip", "@security", "@quota", "@idempotent", "@cleanup"]
DESCRIPTIONS = [
    "Every environment is provisioned from the same definitions, so what passes here passes in production.",
    "The emulator answers as the real service does, errors included, so failures are tested without an account.",
    "Names are unique per account and region; tags record the owner and the cost centre.",
    "Deletion is guarded: a resource that still holds data is kept unless the request says otherwise.",
    "Quotas are the service's defaults unless the account has raised them.",
]
COMMENTS = [
    "# The emulator starts empty for every scenario.",
    "# TODO: cover cross-account access once the policy engine handles it.",
    "# Keep names short: some services limit them to 63 characters.",
    "# These values mirror the production defaults.",
    "# See the runbook for the manual steps this replaces.",
]

JA_SERVICES = [
    ("ja-s3", "バケットのプロビジョニング", "バケット", ["ログ", "成果物", "バックアップ", "公開サイト"]),
    ("ja-iam", "ロールとポリシー", "ロール", ["デプロイ担当", "閲覧者", "監査", "バッチ"]),
    ("ja-kinesis", "ストリームの作成と削除", "ストリーム", ["クリック", "注文", "監査ログ", "決済"]),
    ("ja-databricks", "ワークスペースの準備", "ワークスペース", ["分析", "機械学習", "経理", "検証"]),
]
JA_DESCRIPTIONS = [
    "すべての環境は同じ定義から作られる。",
    "エミュレーターは本番と同じエラーを返すので、アカウントなしで失敗を試験できる。",
    "名前はアカウントとリージョンごとに一意である。",
]

# MARK: - helpers


def table(rows: list[list[str]], indent: str) -> list[str]:
    """A data table with its columns aligned, `|` in a cell escaped."""
    cells = [[cell.replace("\\", "\\\\").replace("|", "\\|") for cell in row] for row in rows]
    widths = [max(len(row[column]) for row in cells) for column in range(len(cells[0]))]
    return [indent + "| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) + " |" for row in cells]


def doc_string(rng: random.Random, indent: str, thing: str, name: str) -> list[str]:
    """A doc string with a media type (or none), fenced by \"\"\" or ```."""
    fence = rng.choice(['"""', '"""', "```"])
    kind = rng.choice(["json", "yaml", "hcl", "xml", ""])
    account = f"{rng.randrange(10**11, 10**12):012d}"
    if kind == "json":
        body = [
            "{",
            '  "Version": "2012-10-17",',
            '  "Statement": [',
            "    {",
            f'      "Sid": "Allow{thing.capitalize()}Access",',
            '      "Effect": "Allow",',
            f'      "Principal": {{"AWS": "arn:aws:iam::{account}:role/{rng.choice(TEAMS)}"}},',
            f'      "Action": ["{rng.choice(ACTIONS)}", "{rng.choice(ACTIONS)}"],',
            f'      "Resource": "arn:aws:{thing}:::{name}/*"',
            "    }",
            "  ]",
            "}",
        ]
    elif kind == "yaml":
        body = [
            f"{thing}:",
            f"  name: {name}",
            f"  region: {rng.choice(REGIONS)}",
            "  tags:",
            f"    team: {rng.choice(TEAMS)}",
            f"    environment: {rng.choice(ENVIRONMENTS)}",
            f"  retention_days: {rng.choice([1, 7, 30, 90, 365])}",
        ]
    elif kind == "hcl":
        body = [
            f'resource "aws_{thing}" "{name.replace("-", "_")}" {{',
            f'  name   = "{name}"',
            f'  region = "{rng.choice(REGIONS)}"',
            "  tags = {",
            f'    Owner = "{rng.choice(TEAMS)}"',
            "  }",
            "}",
        ]
    elif kind == "xml":
        body = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            "<LifecycleConfiguration>",
            "  <Rule>",
            f"    <ID>expire-{name}</ID>",
            "    <Status>Enabled</Status>",
            f"    <Expiration><Days>{rng.choice([7, 30, 90])}</Days></Expiration>",
            "  </Rule>",
            "</LifecycleConfiguration>",
        ]
    else:
        body = [
            f"The {thing} {name} is owned by the {rng.choice(TEAMS)} team.",
            "",
            f"Contact: {rng.choice(TEAMS)}-oncall@example.com",
        ]
    return [indent + fence + kind] + [(indent + line) if line else "" for line in body] + [indent + fence]


def slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")


# MARK: - English features


class EnglishFeature:
    def __init__(self, rng: random.Random, index: int, scenarios: int) -> None:
        self.rng = rng
        self.index = index
        self.scenarios = scenarios
        self.tag, self.title, self.thing, self.things, self.names = rng.choice(SERVICES)
        self.lines: list[str] = []

    def name(self) -> str:
        return f"{self.rng.choice(self.names)}-{self.rng.choice(ENVIRONMENTS)}-{self.rng.randrange(1000):03d}"

    def step(self, indent: str, keyword: str, kind: str) -> None:
        """One step of a kind (given, when, then), sometimes with a data table or a doc string."""
        rng, thing = self.rng, self.thing
        name = self.name()
        texts = {
            "given": [
                f'a {thing} named "{name}" in region "{rng.choice(REGIONS)}"',
                f'the {thing} "{name}" is tagged "team={rng.choice(TEAMS)}"',
                f"there are {rng.randrange(1, 50)} {self.things} in the account",
                f'the principal "{rng.choice(TEAMS)}" may call "{rng.choice(ACTIONS)}"',
            ],
            "when": [
                f'I create the {thing} "{name}"',
                f'I delete the {thing} "{name}" with force {rng.choice(["true", "false"])}',
                f"I wait {rng.randrange(1, 30)} seconds for the {thing} to become active",
                f'I tag the {thing} "{name}" with "environment={rng.choice(ENVIRONMENTS)}"',
            ],
            "then": [
                f"the request is answered with status {rng.choice(STATUSES)}",
                f'the error code is "{rng.choice(ERRORS)}"',
                f"there are {rng.randrange(1, 50)} {self.things} in the account",
                f'the audit log records the action "{rng.choice(ACTIONS)}"',
            ],
        }
        argument = rng.random()
        if argument < 0.12 and kind != "then":
            self.lines.append(f'{indent}{keyword}I apply the following settings to the {thing} "{name}":')
            rows = [["setting", "value"]] + [
                [
                    rng.choice(["versioning", "encryption", "retention", "owner", "shards", "tier", "filter"]),
                    rng.choice(["enabled", "aws:kms", "30 days", rng.choice(TEAMS), str(rng.randrange(1, 64)),
                                "a|b", "名前空間"]),
                ]
                for _ in range(rng.randrange(2, 6))
            ]
            self.lines += table(rows, indent + "  ")
        elif argument < 0.22:
            text = {
                "given": f'the {thing} "{name}" has the document',
                "when": f'I put the document to the {thing} "{name}"',
                "then": "the answer is the document",
            }[kind]
            self.lines.append(f"{indent}{keyword}{text}:")
            self.lines += doc_string(rng, indent + "  ", thing, name)
        else:
            self.lines.append(f"{indent}{keyword}{rng.choice(texts[kind])}")

    def steps(self, indent: str, count: int) -> None:
        rng = self.rng
        plan = [("Given ", "given")] + [("And ", "given")] * rng.randrange(0, 2) + [("When ", "when")]
        plan += [("And ", "when")] * rng.randrange(0, 2) + [("Then ", "then")]
        plan += [(rng.choice(["And ", "But "]), "then") for _ in range(max(0, count - len(plan)))]
        for position, (keyword, kind) in enumerate(plan):
            if position > 0 and rng.random() < 0.06:
                self.lines.append(indent + rng.choice(COMMENTS))
            self.step(indent, keyword, kind)

    def tags(self, indent: str) -> None:
        if self.rng.random() < 0.5:
            self.lines.append(indent + " ".join(self.rng.sample(SCENARIO_TAGS, self.rng.randrange(1, 4))))

    def scenario(self, indent: str, number: int) -> None:
        rng = self.rng
        self.lines.append("")
        self.tags(indent)
        if rng.random() < 0.3:
            self.outline(indent, number)
            return
        verb = rng.choice(["Create", "Delete", "Tag", "Encrypt", "Restrict access to", "Replicate", "Rename"])
        self.lines.append(f"{indent}Scenario: {verb} a {self.thing} ({number})")
        if rng.random() < 0.15:
            self.lines.append(f"{indent}  {rng.choice(DESCRIPTIONS)}")
            self.lines.append("")
        self.steps(indent + "  ", rng.randrange(3, 9))

    def outline(self, indent: str, number: int) -> None:
        rng, thing = self.rng, self.thing
        keyword = rng.choice(["Scenario Outline", "Scenario Template"])
        self.lines.append(f"{indent}{keyword}: A {thing} named <name> answers <status> ({number})")
        self.lines.append(f'{indent}  Given a {thing} named "<name>" in region "<region>"')
        self.lines.append(f'{indent}  And the principal "<team>" may call "<action>"')
        if rng.random() < 0.3:
            self.lines.append(f"{indent}  And the {thing} \"<name>\" has the document:")
            self.lines.append(f'{indent}    """json')
            self.lines.append(f'{indent}    {{"name": "<name>", "region": "<region>", "team": "<team>"}}')
            self.lines.append(f'{indent}    """')
        self.lines.append(f'{indent}  When I create the {thing} "<name>"')
        self.lines.append(f"{indent}  Then the request is answered with status <status>")
        self.lines.append(f'{indent}  And the audit log records the action "<action>"')
        for block in range(rng.choice([1, 1, 2])):
            self.lines.append("")
            if rng.random() < 0.4:
                self.lines.append(f"{indent}  " + rng.choice(["@positive", "@negative", "@edge @quota"]))
            title = rng.choice(["valid names", "names at the limits", "denied principals", "regions"])
            named = block == 0 or rng.random() < 0.8
            self.lines.append(f"{indent}  Examples: {title}" if named else f"{indent}  Examples:")
            rows = [["name", "region", "team", "action", "status"]]
            for _ in range(rng.randrange(2, 7)):
                rows.append([self.name(), rng.choice(REGIONS), rng.choice(TEAMS), rng.choice(ACTIONS),
                             rng.choice(STATUSES)])
            self.lines += table(rows, indent + "    ")

    def background(self, indent: str, keyword: str = "Background") -> None:
        self.lines.append("")
        self.lines.append(f"{indent}{keyword}:")
        self.lines.append(f'{indent}  Given the emulator is running in region "{self.rng.choice(REGIONS)}"')
        self.lines.append(f'{indent}  And the account "{self.rng.randrange(10**11, 10**12):012d}" exists')
        if self.rng.random() < 0.3:
            self.lines.append(f"{indent}  And the default settings are:")
            self.lines += table([["setting", "value"], ["encryption", "aws:kms"], ["owner", self.rng.choice(TEAMS)]],
                                indent + "    ")

    def render(self) -> str:
        rng = self.rng
        self.lines = [f"# Generated by scripts/gherkin-corpus.py: provisioning of {self.title}."]
        if rng.random() < 0.5:
            self.lines.append(rng.choice(COMMENTS))
        self.lines.append(" ".join(["@provisioning", f"@{self.tag}"] + rng.sample(["@nightly", "@aws", "@p1"], 1)))
        self.lines.append(f"Feature: Provisioning {self.title} ({self.index})")
        for line in rng.sample(DESCRIPTIONS, rng.randrange(1, 4)):
            self.lines.append(f"  {line}")
        if rng.random() < 0.8:
            self.background("  ")
        rules = rng.choice([0, 0, 0, 1, 2]) if self.scenarios >= 2 else 0
        if rules == 0:
            for number in range(1, self.scenarios + 1):
                self.scenario("  ", number)
        else:
            split = self.scenarios // 2 if rules == 2 else self.scenarios
            groups = [range(1, split + 1), range(split + 1, self.scenarios + 1)][:rules]
            for position, group in enumerate(groups):
                self.lines.append("")
                if rng.random() < 0.4:
                    self.lines.append(f"  @rule-{position + 1}")
                self.lines.append(f"  Rule: {rng.choice(DESCRIPTIONS)}")
                if rng.random() < 0.4:
                    self.background("    ")
                for number in group:
                    self.scenario("    ", number)
        return "\n".join(self.lines) + "\n"


# MARK: - Japanese features


class JapaneseFeature:
    def __init__(self, rng: random.Random, index: int, scenarios: int) -> None:
        self.rng = rng
        self.index = index
        self.scenarios = scenarios
        self.tag, self.title, self.thing, self.names = rng.choice(JA_SERVICES)
        self.lines: list[str] = []

    def name(self) -> str:
        return f"{self.rng.choice(self.names)}-{self.rng.randrange(1000):03d}"

    def step(self, keyword: str) -> None:
        rng, thing = self.rng, self.thing
        name = self.name()
        if keyword == "前提":
            text = rng.choice([f"{thing} \"{name}\" が存在しない", f"リージョン \"{rng.choice(REGIONS)}\" を使う",
                               f"チーム \"{rng.choice(TEAMS)}\" に権限がある"])
        elif keyword == "もし":
            text = rng.choice([f"{thing} \"{name}\" を作成する", f"{thing} \"{name}\" を削除する",
                               f"{thing} \"{name}\" にタグを付ける"])
        else:
            text = rng.choice([f"{thing} \"{name}\" が存在する", f"ステータス {rng.choice(STATUSES)} が返る",
                               f"エラー \"{rng.choice(ERRORS)}\" が返る", f"監査ログに記録される"])
        if rng.random() < 0.1:
            self.lines.append(f"    {keyword} 次の設定を適用する:")
            self.lines += table([["設定", "値"], ["暗号化", "有効"], ["所有者", rng.choice(TEAMS)],
                                 ["保持期間", f"{rng.choice([7, 30, 90])}日"]], "      ")
        elif rng.random() < 0.08:
            self.lines.append(f"    {keyword} 次の定義を使う:")
            self.lines += doc_string(rng, "      ", "bucket", f"ja-{rng.randrange(1000):03d}")
        else:
            self.lines.append(f"    {keyword} {text}")

    def render(self) -> str:
        rng = self.rng
        self.lines = ["# language: ja", f"# scripts/gherkin-corpus.py が生成: {self.title}",
                      f"@provisioning @{self.tag}", f"フィーチャ: {self.title} ({self.index})",
                      f"  {rng.choice(JA_DESCRIPTIONS)}", "", "  背景:",
                      f"    前提 リージョン \"{rng.choice(REGIONS)}\" のエミュレーターが起動している"]
        for number in range(1, self.scenarios + 1):
            self.lines.append("")
            if rng.random() < 0.4:
                self.lines.append("  " + rng.choice(["@smoke", "@regression", "@security @slow"]))
            if rng.random() < 0.3:
                self.lines.append(f"  シナリオアウトライン: <名前> を作ると <結果> が返る ({number})")
                self.lines.append(f"    前提 {self.thing} \"<名前>\" が存在しない")
                self.lines.append(f"    もし {self.thing} \"<名前>\" を作成する")
                self.lines.append("    ならば ステータス <結果> が返る")
                self.lines.append("    かつ 監査ログに記録される")
                self.lines.append("")
                self.lines.append("    例:")
                rows = [["名前", "結果"]] + [[self.name(), rng.choice(STATUSES)] for _ in range(rng.randrange(2, 5))]
                self.lines += table(rows, "      ")
                continue
            self.lines.append(f"  シナリオ: {self.thing}を{rng.choice(['作成する', '削除する', '更新する'])} ({number})")
            keywords = ["前提"] + ["かつ"] * rng.randrange(0, 2) + ["もし", "ならば"] + ["かつ"] * rng.randrange(0, 3)
            for keyword in keywords:
                if rng.random() < 0.05:
                    self.lines.append("    # 本番と同じ既定値")
                self.step(keyword)
        return "\n".join(self.lines) + "\n"


# MARK: - the corpus


def shared_good(option: str | None) -> Path | None:
    candidates = [Path(option)] if option else []
    if not option and os.environ.get("BRICKYARD_SHARED"):
        candidates.append(Path(os.environ["BRICKYARD_SHARED"]))
    if not option:
        candidates.append(REPOSITORY.parent / "shared")
    for candidate in candidates:
        good = candidate / "conformance" / "gherkin" / "good"
        if good.is_dir():
            return good
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", metavar="OUT_DIR")
    parser.add_argument("--scenarios", type=int, default=1000, help="scenarios to generate (default 1000)")
    parser.add_argument("--seed", type=int, default=20261123, help="the generator's seed")
    parser.add_argument("--shared", help="the shared folder (holding conformance/gherkin/good)")
    args = parser.parse_args()
    if args.scenarios < 0:
        parser.error("--scenarios must be >= 0")

    out = Path(args.out_dir)
    for sub in ("conformance", "generated"):
        shutil.rmtree(out / sub, ignore_errors=True)
        (out / sub).mkdir(parents=True)

    copied = 0
    good = shared_good(args.shared)
    if good is not None:
        for source in sorted(good.glob("*.feature")):
            shutil.copyfile(source, out / "conformance" / source.name)
            copied += 1
    elif args.shared:
        sys.exit(f"no conformance/gherkin/good under {args.shared}")

    rng = random.Random(args.seed)
    left, index, japanese = args.scenarios, 0, 0
    while left > 0:
        index += 1
        count = min(left, rng.randrange(4, 15))
        if rng.random() < 1 / 7:
            feature = JapaneseFeature(rng, index, count)
            japanese += 1
        else:
            feature = EnglishFeature(rng, index, count)
        text = feature.render()
        name = f"{index:04d}-{feature.tag}.feature"
        (out / "generated" / name).write_text(text, encoding="utf-8")
        left -= count

    source = f"from {good}" if good else "(no shared conformance data found)"
    print(f"{out}: {copied} conformance features {source}; {index} generated features "
          f"({japanese} in Japanese) with {args.scenarios} scenarios, seed {args.seed}")


if __name__ == "__main__":
    main()
