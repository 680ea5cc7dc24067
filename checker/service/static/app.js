// 面谈记录自查页:上传一个文件,显示得分、结论、逐字段的问题(问题文字高亮,旁边是说明与建议),
// 下载带批注的副本。只用本服务的接口(/api/v1/...),不加载任何外部资源。
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var fileInput = $("file"), drop = $("drop"), statusEl = $("status"), result = $("result");
  var records = $("records"), download = $("download"), tokenBox = $("token-box"), tokenInput = $("token");
  var current = null;            // the File being checked
  var names = null, titles = null;
  var SEVERITY = { error: "错误", warning: "警告", info: "提示" };
  var VERDICT = { "合格": "pass", "需修改": "revise", "不合格": "fail" };
  var ANNOTATABLE = { docx: "Word", docm: "Word", xlsx: "Excel", xlsm: "Excel" };

  function token() { try { return sessionStorage.getItem("checker-token") || ""; } catch (e) { return ""; } }
  function headers(extra) {
    var h = extra || {};
    if (token()) h["Authorization"] = "Bearer " + token();
    return h;
  }
  function say(text, isError) {
    statusEl.textContent = text;
    statusEl.className = "status" + (isError ? " error" : "");
  }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function suffix(name) { var m = /\.([^.]+)$/.exec(name || ""); return m ? m[1].toLowerCase() : ""; }

  async function api(path, options) {
    var response = await fetch(path, options);
    if (response.status === 401) {
      tokenBox.hidden = false;
      tokenInput.focus();
      throw new Error("需要访问令牌");
    }
    return response;
  }
  async function errorText(response) {
    try { var body = await response.json(); return body.error.message; }
    catch (e) { return "服务返回 " + response.status; }
  }

  async function loadNames() {
    if (names) return;
    var f = await api("/api/v1/fields", { headers: headers() });
    var r = await api("/api/v1/rules", { headers: headers() });
    names = {}; titles = {};
    if (f.ok) (await f.json()).forEach(function (x) { names[x.key] = x.name; });
    if (r.ok) (await r.json()).rules.forEach(function (x) { titles[x.id] = x.title; });
  }

  async function check(file) {
    current = file;
    result.hidden = true;
    records.textContent = "";
    say("正在检查「" + file.name + "」……");
    var form = new FormData();
    form.append("file", file, file.name);
    try {
      await loadNames();
      var response = await api("/api/v1/audit?format=json", { method: "POST", body: form, headers: headers() });
      if (!response.ok) { say("没能检查:" + await errorText(response), true); return; }
      show(await response.json(), file);
    } catch (e) {
      if (e.message !== "需要访问令牌") say("没能检查:" + e.message, true);
      else say("请先填写访问令牌。", true);
    }
  }

  function show(report, file) {
    var kind = ANNOTATABLE[suffix(file.name)];
    var findings = report.records.reduce(function (n, r) { return n + r.findings.length; }, 0);
    download.hidden = !(kind && findings);  // nothing to annotate: no copy to offer
    download.textContent = "下载带批注的 " + (kind || "Word") + " 副本";
    report.errors.forEach(function (err) {
      var p = el("p", "errors", err.source + " 无法读取:" + err.message + "(" + err.code + ")");
      records.appendChild(p);
    });
    report.records.forEach(function (rec, i) { records.appendChild(recordView(rec, i + 1, report.records.length)); });
    if (!report.records.length && !report.errors.length) records.appendChild(el("p", null, "文件里没有找到面谈记录。"));
    var s = report.summary || {};
    if (report.records.length === 1) {
      var r = report.records[0];
      say("检查完成:得分 " + r.score + ",结论「" + r.verdict + "」,共 " + r.findings.length + " 处问题。");
    } else {
      say("检查完成:" + (s.records || 0) + " 条记录,合格 " + (s.passed || 0) + " 条,共 " + (s.findings || 0) + " 处问题。");
    }
    result.hidden = false;
    result.focus();
  }

  function recordView(rec, number, total) {
    var box = el("article", "record");
    var head = el("div", "record-head");
    var title = (rec.fields.employee_name ? rec.fields.employee_name + " 的面谈记录" : "面谈记录") +
      (total > 1 ? "(第 " + number + " 条" + (rec.sheet ? "," + rec.sheet : "") + ")" : "");
    head.appendChild(el("h3", null, title));
    var score = el("div", "score", String(rec.score));
    score.appendChild(el("small", null, " 分"));
    score.setAttribute("aria-label", "得分 " + rec.score);
    head.appendChild(score);
    head.appendChild(el("span", "verdict " + (VERDICT[rec.verdict] || "revise"), rec.verdict));
    box.appendChild(head);
    var findings = ordered(rec);
    box.appendChild(el("p", "counts", findings.length ? "共 " + findings.length + " 处要改,按栏目列在下面。" : "没有发现问题。"));
    var numbered = findings.map(function (f, i) { return { n: i + 1, f: f }; });
    var keys = Object.keys(rec.fields);
    numbered.forEach(function (x) { if (keys.indexOf(x.f.field) < 0) keys.push(x.f.field); });
    var quiet = [];
    keys.forEach(function (key) {
      var mine = numbered.filter(function (x) { return x.f.field === key; });
      var row = fieldView(rec, key, mine);
      if (mine.length) box.appendChild(row); else quiet.push(row);
    });
    if (quiet.length) {
      var more = el("details", "others");
      more.appendChild(el("summary", null, "没有问题的栏目(" + quiet.length + ")"));
      quiet.forEach(function (row) { more.appendChild(row); });
      box.appendChild(more);
    }
    return box;
  }

  function ordered(rec) {
    var order = Object.keys(rec.fields);
    return rec.findings.slice().sort(function (a, b) {
      var ia = order.indexOf(a.field), ib = order.indexOf(b.field);
      ia = ia < 0 ? order.length : ia; ib = ib < 0 ? order.length : ib;
      return ia - ib || a.start - b.start || a.end - b.end;
    });
  }

  function fieldView(rec, key, mine) {
    var row = el("section", "field");
    var left = el("div");
    var shown = (names && names[key]) || key;
    var h = el("h4", null, shown);
    var loc = rec.locations && rec.locations[key];
    if (!(key in rec.fields)) h.appendChild(el("span", "where", "文件中没有这一栏"));
    else if (loc && loc.label && loc.label !== shown) h.appendChild(el("span", "where", "表中写作「" + loc.label + "」"));
    left.appendChild(h);
    var text = rec.fields[key] || "";
    var body = el("div", "text" + (text.trim() ? "" : " empty"));
    if (!text.trim()) body.textContent = key in rec.fields ? "(空)" : "(没有这一栏)";
    else highlight(body, text, mine);
    left.appendChild(body);
    row.appendChild(left);
    if (mine.length) {
      var list = el("ol", "findings");
      list.setAttribute("aria-label", ((names && names[key]) || key) + " 的问题");
      mine.forEach(function (x) {
        var f = x.f, li = el("li", f.severity);
        var t = el("div", "title", "[" + x.n + "] " + ((titles && titles[f.rule]) || f.rule));
        t.appendChild(el("span", "sev", SEVERITY[f.severity] || f.severity));
        li.appendChild(t);
        li.appendChild(el("div", "message", f.message));
        if (f.suggestion) li.appendChild(el("div", "suggestion", "建议:" + f.suggestion));
        list.appendChild(li);
      });
      row.appendChild(list);
    }
    return row;
  }

  // Cut the text at every finding boundary; covered pieces become <mark>, the worst severity wins.
  function highlight(node, text, mine) {
    var rank = { error: 3, warning: 2, info: 1 };
    var spans = mine.filter(function (x) { return x.f.end > x.f.start; }).map(function (x) {
      return { n: x.n, s: Math.max(0, Math.min(x.f.start, text.length)), e: Math.max(0, Math.min(x.f.end, text.length)), sev: x.f.severity };
    });
    var cuts = [0, text.length];
    spans.forEach(function (sp) { cuts.push(sp.s, sp.e); });
    cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1], piece = text.slice(a, b);
      var covering = spans.filter(function (sp) { return sp.s <= a && b <= sp.e; });
      if (!covering.length) { node.appendChild(document.createTextNode(piece)); continue; }
      var worst = covering.reduce(function (w, sp) { return rank[sp.sev] > rank[w] ? sp.sev : w; }, "info");
      var mark = el("mark", worst, piece);
      mark.title = covering.map(function (sp) { return "[" + sp.n + "]"; }).join(" ");
      node.appendChild(mark);
      var ending = covering.filter(function (sp) { return sp.e === b; });
      if (ending.length) node.appendChild(el("sup", "ref", ending.map(function (sp) { return "[" + sp.n + "]"; }).join("")));
    }
  }

  async function downloadCopy() {
    if (!current) return;
    say("正在生成带批注的副本……");
    var form = new FormData();
    form.append("file", current, current.name);
    try {
      var response = await api("/api/v1/audit?format=docx", { method: "POST", body: form, headers: headers() });
      if (!response.ok) { say("没能生成副本:" + await errorText(response), true); return; }
      var blob = await response.blob();
      var name = current.name.replace(/\.[^.]+$/, "") + ".checked." + suffix(current.name);
      var cd = response.headers.get("Content-Disposition") || "";
      var m = /filename\*=UTF-8''([^;]+)/i.exec(cd);
      if (m) name = decodeURIComponent(m[1]);
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = name;
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
      say("已下载「" + name + "」:问题处带批注,原文件没有改动。");
    } catch (e) {
      say("没能生成副本:" + e.message, true);
    }
  }

  $("choose").addEventListener("click", function () { fileInput.click(); });
  fileInput.addEventListener("change", function () { if (fileInput.files.length) check(fileInput.files[0]); fileInput.value = ""; });
  ["dragenter", "dragover"].forEach(function (t) {
    drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (t) {
    drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (e) {
    var files = e.dataTransfer && e.dataTransfer.files;
    if (files && files.length) check(files[0]);
  });
  // a file dropped anywhere else must not make the browser navigate away from the page
  window.addEventListener("dragover", function (e) { e.preventDefault(); });
  window.addEventListener("drop", function (e) { e.preventDefault(); });
  download.addEventListener("click", downloadCopy);
  $("again").addEventListener("click", function () { result.hidden = true; say(""); $("choose").focus(); });
  tokenBox.addEventListener("submit", function (e) {
    e.preventDefault();
    try { sessionStorage.setItem("checker-token", tokenInput.value.trim()); } catch (err) { /* private mode */ }
    tokenBox.hidden = true;
    names = null;
    if (current) check(current); else say("令牌已保存。");
  });
}());
