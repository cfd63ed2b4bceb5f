extension HTMLReport {
    /// The page's style sheet.
    static let css = #"""
        :root { --pass:#1a7f37; --fail:#cf222e; --skip:#6e7781; --pend:#9a6700; --bg:#f6f8fa; --line:#d0d7de; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; }
        header { padding: 14px 24px; background: #24292f; color: #fff; display: flex; gap: 24px; align-items: baseline; }
        header h1 { font-size: 18px; margin: 0; }
        #meta { color: #c9d1d9; font-size: 13px; }
        main { padding: 16px 24px; max-width: 1400px; }
        section { margin-bottom: 18px; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 16px; min-width: 120px; background: #fff; }
        .card b { display: block; font-size: 22px; }
        .passed { color: var(--pass); } .failed, .ambiguous { color: var(--fail); } .skipped { color: var(--skip); }
        .pending, .undefined, .unknown { color: var(--pend); }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); }
        th { background: var(--bg); font-weight: 600; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        #filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; position: sticky; top: 0;
          background: #fff; padding: 8px 0; border-bottom: 1px solid var(--line); z-index: 1; }
        #filters input[type=text], #filters input:not([type]) { padding: 5px 8px; border: 1px solid var(--line);
          border-radius: 6px; min-width: 260px; font: inherit; }
        #filters input.invalid { border-color: var(--fail); }
        #statuses label { margin-right: 10px; cursor: pointer; }
        details.scenario { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; background: #fff; }
        details.scenario > summary { padding: 6px 10px; cursor: pointer; display: flex; gap: 10px; align-items: baseline; }
        details.scenario > summary .name { font-weight: 600; }
        .badge { border-radius: 10px; padding: 0 8px; font-size: 12px; color: #fff; background: var(--skip); }
        .badge.passed { background: var(--pass); } .badge.failed, .badge.ambiguous { background: var(--fail); }
        .badge.pending, .badge.undefined, .badge.unknown { background: var(--pend); }
        .badge.flaky { background: #8250df; }
        .tag { font-size: 12px; color: #0969da; margin-right: 4px; }
        .where, .time { color: #57606a; font-size: 12px; }
        .body { padding: 4px 12px 10px; border-top: 1px solid var(--line); }
        .step { padding: 2px 0; }
        .step .mark { display: inline-block; width: 1.2em; }
        .step .time { margin-left: 8px; }
        pre { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px;
          overflow: auto; max-height: 360px; margin: 4px 0 4px 1.2em; font: 12px/1.4 ui-monospace, Menlo, monospace;
          white-space: pre-wrap; word-break: break-word; }
        pre.error { border-color: var(--fail); color: var(--fail); background: #ffebe9; }
        .replay { margin: 6px 0; }
        .replay code { background: var(--bg); padding: 2px 6px; border-radius: 4px; }
        details.http { margin: 2px 0 2px 1.2em; }
        details.http summary { cursor: pointer; font: 12px ui-monospace, Menlo, monospace; }
        .muted { color: #57606a; }
        td.zero { color: #afb8c1; }
        td.failed.nonzero { background: #ffebe9; font-weight: 600; }
        details.http.focus > summary { background: #ffebe9; border-left: 3px solid var(--fail); padding-left: 4px; }
        #failures { border: 1px solid var(--fail); border-radius: 6px; padding: 8px 14px; background: #fff8f7; }
        #failures h2 { font-size: 16px; margin: 0 0 6px; color: var(--fail); }
        #failures ol { margin: 0; padding-left: 1.4em; }
        #failures li { margin: 8px 0; }
        #failures .head { display: flex; gap: 8px; align-items: baseline; }
        #failures .name { font-weight: 600; }
        #failures pre { margin-left: 0; }
        svg text { font: 11px -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; fill: #1f2328; }
        """#
}
