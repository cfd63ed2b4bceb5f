import Foundation
import Gherkin
import Testing

func pickles(_ document: GherkinDocument) -> [Pickle] {
    var ids = IdGenerator(start: 1000)
    return PickleCompiler().compile(document, ids: &ids)
}

/// The parser on features of our own: Japanese, CRLF, both step arguments, outlines, errors.
@Suite struct GherkinParserTests {
    static let japanese = """
        # language: ja
        @databricks
        フィーチャ: ワークスペースの作成
          ルートバケットとクロスアカウントロールを用意する。

          背景:
            前提S3バケット "root" がある

          @smoke
          シナリオ: 資格情報を登録する
            もしクロスアカウントロールを登録する
            かつ外部IDはアカウントIDである
            ならば資格情報が作成される

          シナリオアウトライン: <リージョン> にワークスペースを作る
            前提リージョンは "<リージョン>" である
            ならば状態は <状態> になる

            @tokyo
            例:
              | リージョン      | 状態    |
              | ap-northeast-1 | RUNNING |
              | us-east-1      | RUNNING |

        """

    @Test func parsesJapaneseWhoseStepKeywordsHaveNoTrailingSpace() throws {
        var ids = IdGenerator()
        let document = try GherkinParser().parse(Self.japanese, uri: "ja.feature", ids: &ids)
        let feature = try #require(document.feature)
        #expect(feature.language == "ja")
        #expect(feature.keyword == "フィーチャ")
        #expect(feature.name == "ワークスペースの作成")
        #expect(feature.description == "  ルートバケットとクロスアカウントロールを用意する。")
        guard case .background(let background) = feature.children[0] else {
            Issue.record("no background")
            return
        }
        #expect(background.steps[0].keyword == "前提")
        #expect(background.steps[0].text == #"S3バケット "root" がある"#)
        guard case .scenario(let scenario) = feature.children[1] else {
            Issue.record("no scenario")
            return
        }
        #expect(scenario.steps.map(\.keyword) == ["もし", "かつ", "ならば"])
        #expect(scenario.steps.map(\.keywordType) == [.action, .conjunction, .outcome])

        let pickles = PickleCompiler().compile(document, ids: &ids)
        #expect(pickles.count == 3)
        #expect(
            pickles[0].steps.map(\.text) == [
                #"S3バケット "root" がある"#, "クロスアカウントロールを登録する", "外部IDはアカウントIDである", "資格情報が作成される",
            ])
        #expect(pickles[0].steps.map(\.type) == [.context, .action, .action, .outcome])
        #expect(pickles[0].tags.map(\.name) == ["@databricks", "@smoke"])
        #expect(pickles[1].name == "ap-northeast-1 にワークスペースを作る")
        #expect(pickles[1].steps[1].text == #"リージョンは "ap-northeast-1" である"#)
        #expect(pickles[2].tags.map(\.name) == ["@databricks", "@tokyo"])
        #expect(pickles[2].location == Location(line: 23, column: 7))
        #expect(pickles[2].astNodeIds.count == 2)
    }

    @Test func crlfLineEndsParseAsLF() throws {
        let lf = "Feature: f\n  Scenario: s\n    Given a\n      \"\"\"\n      text\n      \"\"\"\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try GherkinParser().parse(crlf) == GherkinParser().parse(lf))
    }

    @Test func aStepMayHaveADocStringAndADataTable() throws {
        let source = """
            Feature: f
              Scenario: s
                Given a bucket policy
                  ```json
                  {"Version": "2012-10-17"}
                  ```
                  | bucket |
                  | root   |
            """
        let pickles = pickles(try GherkinParser().parse(source))
        let argument = try #require(pickles[0].steps[0].argument)
        #expect(argument.docString?.mediaType == "json")
        #expect(argument.docString?.argumentIndex == 1)
        #expect(argument.dataTable?.values == [["bucket"], ["root"]])
        #expect(argument.dataTable?.argumentIndex == 2)
    }

    @Test func reportsEveryErrorWithItsLocation() throws {
        let source = """
            Feature: f
              Scenario: s
                Given a
                this is not a step
                | a | b |
                | c |
            oops
            """
        let errors = try #require(throws: GherkinParseErrors.self) { try GherkinParser().parse(source) }
        // In the reference parser's order: a table's cell count is checked when the table ends.
        #expect(
            errors.errors.map(\.location) == [
                Location(line: 4, column: 5), Location(line: 7, column: 1), Location(line: 6, column: 5),
            ])
        #expect(
            errors.errors[0].fullMessage.hasPrefix("(4:5): expected: #EOF, #TableRow, #DocStringSeparator, #StepLine"))
        #expect(errors.errors[0].fullMessage.hasSuffix("got 'this is not a step'"))
        #expect(errors.errors[2].message == "inconsistent cell count within the table")
    }

    @Test func anUnknownLanguageIsNamed() throws {
        let errors = try #require(throws: GherkinParseErrors.self) {
            try GherkinParser().parse("# language: xx-nope\nFeature: f\n")
        }
        #expect(errors.errors.map(\.fullMessage) == ["(1:1): Language not supported: xx-nope"])
        #expect(errors.errors[0].kind == .noSuchLanguage("xx-nope"))
    }

    @Test func stopsAfterElevenErrors() throws {
        let source =
            "Feature: f\n  Scenario: s\n" + String(repeating: "  | a |\n", count: 1)
            + (1...20).map { "    Given \($0)\n      \"\"\"\n      x\n      \"\"\"\n      \"\"\"\n" }.joined()
        let errors = try #require(throws: GherkinParseErrors.self) { try GherkinParser().parse(source) }
        #expect(errors.errors.count == 11)
    }

    @Test func theDialectTableHasEveryLanguage() {
        let catalog = GherkinDialectCatalog.bundled
        #expect(catalog.dialects.count == 80)
        #expect(catalog["ja"]?.scenarioOutline.contains("シナリオテンプレート") == true)
        #expect(catalog["ja"]?.given.contains("前提") == true)
        #expect(catalog["en"]?.given.contains("Given ") == true)
    }

    @Test func anEmptyFileHasNoFeature() throws {
        let document = try GherkinParser().parse("# just a comment\n\n")
        #expect(document.feature == nil)
        #expect(document.comments.count == 1)
        #expect(pickles(document).isEmpty)
    }
}
