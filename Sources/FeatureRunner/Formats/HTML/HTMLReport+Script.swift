extension HTMLReport {
    /// The page's script: renders the embedded run, filters it, and loads large HTTP captures on demand.
    static let script = #"""
        (function () {
          "use strict";
          var data = JSON.parse(document.getElementById("report-data").textContent);
          var run = data.run, features = data.features, scenarios = data.scenarios;
          var order = ["failed", "ambiguous", "undefined", "pending", "skipped", "passed", "unknown"];
          var expandAll = /(^#|&)expand=all(&|$)/.test(location.hash || "");
          var marks = { passed: "\u2714", failed: "\u2718", skipped: "-", pending: "P", undefined: "U", ambiguous: "A", unknown: "?" };

          function el(tag, attrs, children) {
            var node = document.createElement(tag);
            for (var key in (attrs || {})) {
              if (key === "text") node.textContent = attrs[key]; else node.setAttribute(key, attrs[key]);
            }
            (children || []).forEach(function (child) { if (child) node.appendChild(child); });
            return node;
          }
          function seconds(value) {
            if (value < 1) return Math.round(value * 1000) + " ms";
            if (value < 120) return value.toFixed(2) + " s";
            return Math.floor(value / 60) + " min " + Math.round(value % 60) + " s";
          }
          function prettyXML(text) {
            var depth = 0;
            return text.replace(/>\s*</g, ">\n<").split("\n").map(function (line) {
              if (/^<\//.test(line)) depth = Math.max(0, depth - 1);
              var shown = new Array(depth + 1).join("  ") + line;
              if (/^<[^!?\/][^>]*[^\/]>$/.test(line) && !/<\/[^>]+>$/.test(line)) depth += 1;
              return shown;
            }).join("\n");
          }
          function pretty(text) {
            if (!text) return "";
            try { return JSON.stringify(JSON.parse(text), null, 2); } catch (e) {}
            return /^\s*</.test(text) ? prettyXML(text.trim()) : text;
          }

          // MARK: summary
          var started = new Date(run.started);
          document.getElementById("meta").textContent = started.toISOString().replace("T", " ").slice(0, 19) +
            " UTC \u00b7 " + seconds(run.duration) + (run.dryRun ? " \u00b7 dry run" : "");
          var cards = el("div", { class: "cards" });
          cards.appendChild(el("div", { class: "card" }, [el("b", { text: String(run.total) }), el("span", { text: "scenarios" })]));
          order.forEach(function (status) {
            var count = run.counts[status];
            if (!count) return;
            cards.appendChild(el("div", { class: "card " + status }, [el("b", { text: String(count) }), el("span", { text: status })]));
          });
          cards.appendChild(el("div", { class: "card" }, [el("b", { text: (run.passRate * 100).toFixed(1) + "%" }), el("span", { text: "pass rate" })]));
          if (run.flaky) cards.appendChild(el("div", { class: "card" }, [el("b", { text: String(run.flaky) }), el("span", { text: "flaky (passed on retry)" })]));
          cards.appendChild(el("div", { class: "card" }, [el("b", { text: seconds(run.duration) }), el("span", { text: "duration" })]));
          var summary = document.getElementById("summary");
          summary.appendChild(cards);
          run.hookFailures.forEach(function (text) { summary.appendChild(el("pre", { class: "error", text: text })); });
          features.forEach(function (feature) {
            (feature.errors || []).forEach(function (text) { summary.appendChild(el("pre", { class: "error", text: text })); });
          });

          // MARK: chart of durations (the slowest scenarios)
          (function () {
            var slowest = scenarios.map(function (s, i) { return i; })
              .sort(function (a, b) { return scenarios[b].d - scenarios[a].d; }).slice(0, 20);
            if (!slowest.length) return;
            var max = scenarios[slowest[0]].d || 1, row = 16, width = 900, label = 420;
            var ns = "http://www.w3.org/2000/svg";
            var svg = document.createElementNS(ns, "svg");
            svg.setAttribute("width", width); svg.setAttribute("height", slowest.length * row + 24);
            svg.setAttribute("role", "img"); svg.setAttribute("aria-label", "the slowest scenarios");
            var title = document.createElementNS(ns, "text");
            title.setAttribute("x", 0); title.setAttribute("y", 12); title.textContent = "Slowest scenarios";
            svg.appendChild(title);
            slowest.forEach(function (index, position) {
              var s = scenarios[index], y = 20 + position * row;
              var name = document.createElementNS(ns, "text");
              name.setAttribute("x", 0); name.setAttribute("y", y + 11);
              name.textContent = (s.n.length > 60 ? s.n.slice(0, 57) + "..." : s.n);
              var bar = document.createElementNS(ns, "rect");
              bar.setAttribute("x", label); bar.setAttribute("y", y + 2); bar.setAttribute("height", row - 4);
              bar.setAttribute("width", Math.max(1, (width - label - 80) * s.d / max));
              bar.setAttribute("fill", s.s === "passed" ? "#1a7f37" : (s.s === "skipped" ? "#6e7781" : "#cf222e"));
              var time = document.createElementNS(ns, "text");
              time.setAttribute("x", label + 4 + (width - label - 80) * s.d / max); time.setAttribute("y", y + 11);
              time.textContent = seconds(s.d);
              svg.appendChild(name); svg.appendChild(bar); svg.appendChild(time);
            });
            document.getElementById("chart").appendChild(svg);
          })();

          // MARK: per-feature table
          (function () {
            var rows = features.map(function () { return { counts: {}, total: 0, duration: 0 }; });
            scenarios.forEach(function (s) {
              var row = rows[s.f]; row.total += 1; row.duration += s.d; row.counts[s.s] = (row.counts[s.s] || 0) + 1;
            });
            var table = el("table", {}, [el("thead", {}, [el("tr", {}, ["Feature", "Scenarios", "Passed", "Failed", "Other", "Duration"].map(function (h) { return el("th", { text: h }); }))])]);
            var body = el("tbody");
            features.forEach(function (feature, i) {
              var row = rows[i], other = row.total - (row.counts.passed || 0) - (row.counts.failed || 0);
              // A zero says nothing: muted. Failures stand out.
              function count(value, status) {
                var classes = "num" + (value ? (status ? " " + status : "") : " zero");
                if (value && status === "failed") classes += " nonzero";
                return el("td", { class: classes, text: String(value) });
              }
              body.appendChild(el("tr", { class: row.counts.failed ? "has-failures" : "" }, [
                el("td", {}, [el("span", { text: feature.n }), el("div", { class: "where", text: feature.u })]),
                count(row.total, ""),
                count(row.counts.passed || 0, "passed"),
                count(row.counts.failed || 0, "failed"),
                count(other, ""),
                el("td", { class: "num", text: seconds(row.duration) })]));
            });
            table.appendChild(body);
            document.getElementById("features").appendChild(table);
          })();

          // MARK: tag expressions (not, and, or, parentheses, backslash escapes)
          function parseTags(text) {
            var tokens = [], current = "", i;
            for (i = 0; i < text.length; i++) {
              var c = text[i];
              if (c === "\\" && i + 1 < text.length) { current += text[++i]; continue; }
              if (c === " " || c === "(" || c === ")") {
                if (current) { tokens.push(current); current = ""; }
                if (c !== " ") tokens.push(c);
              } else current += c;
            }
            if (current) tokens.push(current);
            var output = [], operators = [], precedence = { or: 0, and: 1, not: 2 };
            function apply(op) {
              if (op === "not") { var a = output.pop(); if (!a) throw "not needs an operand"; output.push(function (t) { return !a(t); }); }
              else {
                var right = output.pop(), left = output.pop();
                if (!left || !right) throw op + " needs two operands";
                output.push(op === "and" ? function (t) { return left(t) && right(t); } : function (t) { return left(t) || right(t); });
              }
            }
            var expectOperand = true;
            tokens.forEach(function (token) {
              if (token === "(") { if (!expectOperand) throw "unexpected ("; operators.push(token); }
              else if (token === ")") {
                if (expectOperand) throw "unexpected )";
                while (operators.length && operators[operators.length - 1] !== "(") apply(operators.pop());
                if (!operators.length) throw "unmatched )";
                operators.pop();
              } else if (token === "not") { if (!expectOperand) throw "unexpected not"; operators.push(token); }
              else if (token === "and" || token === "or") {
                if (expectOperand) throw "unexpected " + token;
                while (operators.length && operators[operators.length - 1] !== "(" &&
                       precedence[operators[operators.length - 1]] >= precedence[token]) apply(operators.pop());
                operators.push(token); expectOperand = true;
              } else {
                if (!expectOperand) throw "expected an operator before " + token;
                output.push(function (t) { return t.indexOf(token) >= 0; }); expectOperand = false;
              }
            });
            if (expectOperand && tokens.length) throw "expression ends too early";
            while (operators.length) { var op = operators.pop(); if (op === "(") throw "unmatched ("; apply(op); }
            if (output.length > 1) throw "missing operator";
            return output.length ? output[0] : function () { return true; };
          }

          // MARK: scenarios
          var list = document.getElementById("scenarios");
          // Each scenario's HTTP exchanges may sit in a script beside the page, loaded when first opened.
          var httpLoaded = {}, httpWaiting = {};
          window.brickyardHTTP = function (number, byStep) {
            httpLoaded[number] = byStep;
            (httpWaiting[number] || []).forEach(function (fill) { fill(byStep); });
            delete httpWaiting[number];
          };
          function loadHTTP(s, number, fill) {
            if (httpLoaded[number]) return fill(httpLoaded[number]);
            var first = !httpWaiting[number];
            (httpWaiting[number] = httpWaiting[number] || []).push(fill);
            if (first) document.body.appendChild(el("script", { src: s.httpSrc }));
          }
          // The exchange a failing step is about (its `focus`) is highlighted and open; the others open on a click.
          function exchangeNode(x, focused) {
            var summary = x.method + " " + x.url + " \u2192 " + (x.error ? "failed: " + x.error : x.status) +
              " (" + Math.round((x.duration || 0) * 1000) + " ms" + (x.attempt > 1 ? ", attempt " + x.attempt : "") + ")";
            var details = el("details", { class: focused ? "http focus" : "http" }, [el("summary", { text: summary })]);
            var filled = false;
            function fill() {
              if (filled) return; filled = true;
              function headers(h) { return Object.keys(h || {}).sort().map(function (k) { return k + ": " + h[k]; }).join("\n"); }
              details.appendChild(el("pre", { text: "Request\n" + headers(x.requestHeaders) + (x.requestBody ? "\n\n" + pretty(x.requestBody) : "") }));
              details.appendChild(el("pre", { text: "Response " + x.status + "\n" + headers(x.responseHeaders) + (x.responseBody ? "\n\n" + pretty(x.responseBody) : "") }));
            }
            if (focused) { fill(); details.open = true; }
            if (expandAll) setTimeout(function () { details.open = true; }, 0);
            details.addEventListener("toggle", fill);
            return details;
          }
          function stepNode(step, s, number, position) {
            // Where the definition is written is for whoever maintains the step library: a tooltip, not the message.
            var line = el("div", step.def ? { class: "step", title: "defined at " + step.def } : { class: "step" }, [
              el("span", { class: "mark " + step.s, text: marks[step.s] || "?" }),
              el("span", { class: step.s === "passed" ? "" : step.s, text: step.k + step.t }),
              el("span", { class: "time", text: seconds(step.d) + (step.loc ? " \u00b7 " + step.loc : "") })]);
            var nodes = [line];
            if (step.doc) nodes.push(el("pre", { text: step.doc }));
            if (step.rows) nodes.push(el("pre", { text: step.rows.map(function (r) { return "| " + r.join(" | ") + " |"; }).join("\n") }));
            if (step.e) nodes.push(el("pre", { class: "error", text: step.e }));
            if (step.snip) nodes.push(el("pre", { text: "Undefined. Implement it with:\n" + step.snip }));
            if (step.log) nodes.push(el("pre", { text: step.log.join("\n") }));
            (step.att || []).forEach(function (a) {
              if (a.text !== undefined) nodes.push(el("details", { class: "http" }, [el("summary", { text: a.n + " (" + a.m + ", " + a.size + " bytes)" }), el("pre", { text: pretty(a.text) })]));
              else if (a.href && a.m.indexOf("image/") === 0) nodes.push(el("div", {}, [el("img", { src: a.href, alt: a.n, style: "max-width:100%" })]));
              else if (a.href) nodes.push(el("div", { class: "muted" }, [el("a", { href: a.href, download: a.n, text: a.n }), el("span", { text: " (" + a.m + ", " + a.size + " bytes)" })]));
              else nodes.push(el("div", { class: "muted", text: a.n + " (" + a.size + " bytes, not included)" }));
            });
            var focus = step.focus === undefined ? -1 : step.focus;
            if (step.http) step.http.forEach(function (x, i) { nodes.push(exchangeNode(x, i === focus)); });
            else if (step.httpCount && s.httpSrc) {
              var holder = el("details", { class: "http" }, [el("summary", { text: step.httpCount + " HTTP exchange" + (step.httpCount > 1 ? "s" : "") })]);
              var loaded = false;
              function load() {
                if (loaded) return; loaded = true;
                loadHTTP(s, number, function (byStep) {
                  (byStep[position] || []).forEach(function (x, i) { holder.appendChild(exchangeNode(x, i === focus)); });
                });
              }
              holder.addEventListener("toggle", load);
              // The failing step's exchanges load and open at once.
              if (focus >= 0) { holder.open = true; load(); }
              nodes.push(holder);
            }
            return nodes;
          }
          var nodes = scenarios.map(function (s, number) {
            var head = el("summary", {}, [
              el("span", { class: "badge " + s.s, text: s.s }),
              s.flaky ? el("span", { class: "badge flaky", text: "flaky: passed on attempt " + s.a }) : null,
              el("span", { class: "name", text: s.n }),
              el("span", { class: "where", text: s.u + ":" + s.l }),
              el("span", { class: "time", text: seconds(s.d) })].concat(s.tags.map(function (t) { return el("span", { class: "tag", text: t }); })));
            var details = el("details", { class: "scenario", id: "scenario-" + number }, [head]);
            var built = false;
            function build() {
              if (built) return; built = true;
              var body = el("div", { class: "body" });
              if (s.replay) body.appendChild(el("div", { class: "replay" }, [el("span", { text: "Replay: " }), el("code", { text: s.replay })]));
              s.steps.forEach(function (step, position) {
                stepNode(step, s, number, position).forEach(function (n) { body.appendChild(n); });
              });
              details.appendChild(body);
            }
            details.addEventListener("toggle", build);
            if (s.s !== "passed" && s.s !== "skipped" && scenarios.length <= 200) { build(); details.open = true; }
            var text = (s.n + " " + s.u + " " + s.steps.map(function (st) { return st.k + st.t + " " + (st.e || ""); }).join(" ")).toLowerCase();
            list.appendChild(details);
            return { s: s, node: details, text: text, build: build };
          });

          // A failure of the summary at the top opens its scenario.
          Array.prototype.forEach.call(document.querySelectorAll("#failures a[href^='#scenario-']"), function (link) {
            link.addEventListener("click", function () {
              var entry = nodes[Number(link.getAttribute("href").slice("#scenario-".length))];
              if (entry) { entry.build(); entry.node.open = true; entry.node.style.display = ""; }
            });
          });

          // MARK: filters
          var statusBox = document.getElementById("statuses"), enabled = {};
          order.forEach(function (status) {
            var count = run.counts[status];
            if (!count) return;
            enabled[status] = true;
            var box = el("input", { type: "checkbox", checked: "checked", "data-status": status });
            box.addEventListener("change", function () { enabled[status] = box.checked; filter(); });
            statusBox.appendChild(el("label", { class: status }, [box, el("span", { text: " " + status + " (" + count + ")" })]));
          });
          var tagsInput = document.getElementById("tags"), searchInput = document.getElementById("search");
          var shown = document.getElementById("shown");
          function filter() {
            var matches;
            try { matches = parseTags(tagsInput.value.trim()); tagsInput.classList.remove("invalid"); tagsInput.title = ""; }
            catch (problem) { matches = function () { return true; }; tagsInput.classList.add("invalid"); tagsInput.title = String(problem); }
            var words = searchInput.value.trim().toLowerCase(), count = 0;
            nodes.forEach(function (entry) {
              var visible = enabled[entry.s.s] !== false && matches(entry.s.tags) && (!words || entry.text.indexOf(words) >= 0);
              entry.node.style.display = visible ? "" : "none";
              if (visible) count += 1;
            });
            shown.textContent = count + " of " + nodes.length + " scenarios";
          }
          // The filters live in the address too (#status=failed,pending&tags=@smoke&q=bucket), so a link shows a view.
          function remember() {
            var parts = [], off = order.filter(function (status) { return enabled[status] === false; });
            if (off.length) parts.push("status=" + order.filter(function (status) { return enabled[status]; }).join(","));
            if (tagsInput.value.trim()) parts.push("tags=" + encodeURIComponent(tagsInput.value.trim()));
            if (searchInput.value.trim()) parts.push("q=" + encodeURIComponent(searchInput.value.trim()));
            try { history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname); } catch (e) {}
          }
          (location.hash || "").replace(/^#/, "").split("&").forEach(function (part) {
            var pair = part.split("="), value = decodeURIComponent(pair.slice(1).join("=") || "");
            if (pair[0] === "tags") tagsInput.value = value;
            if (pair[0] === "q") searchInput.value = value;
            if (pair[0] === "status") {
              var wanted = value.split(",");
              Object.keys(enabled).forEach(function (status) {
                enabled[status] = wanted.indexOf(status) >= 0;
                var box = statusBox.querySelector('input[data-status="' + status + '"]');
                if (box) box.checked = enabled[status];
              });
            }
          });
          // #expand=all opens every scenario, step capture and attachment (for printing, or a reader who wants it all).
          if (expandAll) {
            nodes.forEach(function (entry) { entry.build(); entry.node.open = true; });
            Array.prototype.forEach.call(document.querySelectorAll("details.http"), function (d) { d.open = true; });
          }
          tagsInput.addEventListener("input", function () { filter(); remember(); });
          searchInput.addEventListener("input", function () { filter(); remember(); });
          statusBox.addEventListener("change", remember);
          filter();
        })();
        """#
}
